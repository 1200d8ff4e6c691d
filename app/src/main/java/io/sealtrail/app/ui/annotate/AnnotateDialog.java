package io.sealtrail.app.ui.annotate;

import io.sealtrail.app.ui.dialogs.DialogService;
import io.sealtrail.app.ui.session.QueryScope;
import io.sealtrail.index.Hit;
import java.util.Arrays;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** The small dialogs that write to the case journal: tag/comment an event, save a search. */
public final class AnnotateDialog {
    private AnnotateDialog() {
    }

    /** Tags and a comment on one event; OK appends one signed journal entry. */
    public static void show(Window owner, Hit h, AnnotationsViewModel notes) {
        if (h == null) {
            return;
        }
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Annotate event");
        d.setHeaderText("Event " + h.bundleId() + ":" + h.seq() + "\nRecorded in the signed case journal; the evidence is"
                + " not changed.");
        TextField tags = new TextField();
        tags.setId("tagsField");
        tags.setPromptText("comma-separated, e.g. privileged, off-hours");
        TextArea comment = new TextArea();
        comment.setId("commentField");
        comment.setPromptText("Why this event matters, what you checked, who you asked");
        comment.setPrefRowCount(4);
        comment.setWrapText(true);
        CheckBox bookmark = new CheckBox("Bookmark it (cited in reports)");
        bookmark.setSelected(!notes.isBookmarked(h));
        bookmark.setDisable(notes.isBookmarked(h));
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.setPadding(new Insets(12));
        g.addRow(0, new Label("Tags"), tags);
        g.addRow(1, new Label("Comment"), comment);
        g.add(bookmark, 1, 2);
        d.getDialogPane().setContent(g);
        ButtonType record = new ButtonType("Record", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(record, ButtonType.CANCEL);
        d.setOnShown(e -> tags.requestFocus());
        d.showAndWait().filter(b -> b == record).ifPresent(b -> notes.annotate(h,
                bookmark.isSelected() && !bookmark.isDisabled(), splitTags(tags.getText()), comment.getText()));
    }

    static List<String> splitTags(String text) {
        return text == null ? List.of() : Arrays.stream(text.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    /** Saves the current query and time filter under a name the user gives. */
    public static void saveSearch(DialogService dialogs, QueryScope search, AnnotationsViewModel notes) {
        dialogs.prompt("Save search", "Save " + search.effectiveQuery() + "\nwith its time filter, in the signed case"
                + " journal.", "Name").ifPresent(n -> notes.saveSearch(n, search.current()));
    }
}
