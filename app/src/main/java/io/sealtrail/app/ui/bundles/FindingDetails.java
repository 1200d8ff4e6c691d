package io.sealtrail.app.ui.bundles;

import java.util.Map;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;

/**
 * The details of one finding, for now in a dialog: code, what the check is about, location, and the
 * expected and found values in selectable text. Jumping to the event itself needs the event index.
 */
final class FindingDetails {
    private FindingDetails() {
    }

    static Alert dialog(Window owner, FindingRow row) {
        Alert alert = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle(row.severityText() + ": " + row.code());
        alert.setHeaderText(row.code() + " — " + row.codeSummary());
        GridPane grid = new GridPane();
        grid.getStyleClass().add("finding-details");
        grid.setHgap(12);
        grid.setVgap(8);
        int r = 0;
        grid.addRow(r++, name("Severity"), new Label(row.severityText()));
        grid.addRow(r++, name("Location"), value(row.location()));
        grid.addRow(r++, name("Message"), value(row.message()));
        for (Map.Entry<String, String> d : row.details().entrySet()) {
            grid.addRow(r++, name(capitalise(d.getKey())), value(d.getValue()));
        }
        Label later = new Label("Jumping to the event in the bundle comes with the event index in a later version.");
        later.getStyleClass().add("hint");
        later.setWrapText(true);
        grid.add(later, 0, r, 2, 1);
        alert.getDialogPane().setContent(grid);
        alert.getDialogPane().setPrefWidth(760);
        alert.setResizable(true);
        if (owner != null && owner.getScene() != null) {
            alert.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        return alert;
    }

    private static Label name(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("fact-name");
        l.setMinWidth(90);
        return l;
    }

    /** Read-only but selectable, so hashes can be copied into a ticket. */
    private static TextArea value(String text) {
        TextArea t = new TextArea(text);
        t.setEditable(false);
        t.setWrapText(true);
        t.getStyleClass().add("detail-value");
        t.setPrefRowCount(Math.max(1, Math.min(4, text.length() / 70 + 1)));
        GridPane.setHgrow(t, Priority.ALWAYS);
        return t;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
