package io.sealtrail.app.ui.annotate;

import io.sealtrail.app.ui.session.QueryScope;
import io.sealtrail.cases.Annotation;
import io.sealtrail.cases.SavedSearch;
import io.sealtrail.app.ui.dialogs.DialogService;
import io.sealtrail.index.Hit;
import java.time.ZoneId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The case's bookmarks, tags and comments, and its saved searches, as the journal holds them. Double-click
 * (or Enter on) an annotation to see the event among its neighbours in the Search tab; a saved search to
 * run it there.
 */
public final class BookmarksView {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final VBox root = new VBox(8);
    private final TableView<Annotation> annotations = new TableView<>();
    private final TableView<SavedSearch> searches = new TableView<>();
    private final AnnotationsViewModel notes;
    private final DialogService dialogs;
    /** The event's own time, with its offset, in the zone the window shows. */
    private DateTimeFormatter eventTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss XXX").withZone(ZoneOffset.UTC);

    /** @param showSearch brings the Search tab to the front */
    public BookmarksView(AnnotationsViewModel notes, QueryScope search, Runnable showSearch, DialogService dialogs) {
        this.notes = notes;
        this.dialogs = dialogs;
        root.getStyleClass().add("bookmarks-view");
        root.setId("bookmarksView");
        annotations.setId("annotationsTable");
        annotations.setItems(notes.annotations());
        annotations.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Annotation, String> time = column("Event time (UTC)", a -> event(a, h -> h.time() == null ? ""
                : eventTime.format(h.time())), 230);
        annotations.getColumns().add(column("★", a -> a.bookmark() ? "★" : "", 34));
        annotations.getColumns().add(time);
        annotations.getColumns().add(column("User", a -> event(a, Hit::userName), 120));
        annotations.getColumns().add(column("Action", a -> event(a, Hit::action), 125));
        annotations.getColumns().add(column("Event", a -> shortId(a.bundleId()) + ":" + a.seq(), 125));
        annotations.getColumns().add(column("Tags", a -> String.join(", ", a.tags()), 100));
        annotations.getColumns().add(column("Recorded (UTC)", a -> a.time() == null ? "" : WHEN.format(a.time()), 150));
        annotations.getColumns().add(column("By", a -> who(a.actor()), 150));
        annotations.getColumns().add(column("Comment", Annotation::comment, 200));
        annotations.getColumns().forEach(c -> c.setMinWidth(Math.max(c.getPrefWidth(), headerWidth(c.getText()))));
        notes.events().addListener((javafx.collections.MapChangeListener<String, Hit>) c -> annotations.refresh());
        search.zoneProperty().addListener((o, was, now) -> showZone(time, now));
        showZone(time, search.zoneProperty().get());
        annotations.setPlaceholder(hint("No bookmarks or comments yet: select an event in Search and press Ctrl+B,"
                + " or use Tag / comment…"));
        annotations.setRowFactory(t -> {
            TableRow<Annotation> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    search.showAround(row.getItem().bundleId(), row.getItem().seq());
                    showSearch.run();
                }
            });
            MenuItem remove = new MenuItem("Remove…");
            remove.setOnAction(e -> remove(row.getItem()));
            row.contextMenuProperty().bind(Bindings.when(row.emptyProperty()).then((ContextMenu) null)
                    .otherwise(new ContextMenu(remove)));
            return row;
        });
        annotations.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE) {
                remove(annotations.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        Button removeButton = new Button("Remove…");
        removeButton.setMinWidth(Region.USE_PREF_SIZE);
        removeButton.setId("removeAnnotation");
        removeButton.disableProperty().bind(annotations.getSelectionModel().selectedItemProperty().isNull());
        removeButton.setOnAction(e -> remove(annotations.getSelectionModel().getSelectedItem()));

        searches.setId("savedSearchesTable");
        searches.setItems(notes.savedSearches());
        searches.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        searches.getColumns().add(column("Name", SavedSearch::name, 180));
        searches.getColumns().add(column("Time filter (UTC)", s -> range(s.from(), s.to()), 260));
        searches.getColumns().add(column("Query", SavedSearch::query, 500));
        searches.setPlaceholder(hint("No saved searches yet: run a search and press Save…"));
        searches.setRowFactory(t -> {
            TableRow<SavedSearch> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    SavedSearch s = row.getItem();
                    search.run(s.scope());
                    showSearch.run();
                }
            });
            return row;
        });
        searches.setPrefHeight(170);

        Label t1 = new Label("BOOKMARKS AND COMMENTS");
        t1.getStyleClass().add("sidebar-title");
        Label h1 = hint("From the signed case journal. Double-click one to see the event among its neighbours;"
                + " Remove… (or Delete) takes one back with a signed entry, the original stays in the journal.");
        HBox.setHgrow(h1, Priority.ALWAYS);
        h1.setMinHeight(Region.USE_PREF_SIZE);
        h1.setMaxWidth(Double.MAX_VALUE);
        HBox bar = new HBox(12, h1, removeButton);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label t2 = new Label("SAVED SEARCHES");
        t2.getStyleClass().add("sidebar-title");
        Label h2 = hint("Double-click one to run it.");
        Label error = new Label();
        error.getStyleClass().add("search-error");
        error.textProperty().bind(notes.errorProperty());
        error.visibleProperty().bind(notes.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        VBox.setVgrow(annotations, Priority.ALWAYS);
        root.getChildren().addAll(error, t1, bar, annotations, t2, h2, searches);
    }

    private void showZone(TableColumn<Annotation, String> column, ZoneId zone) {
        eventTime = eventTime.withZone(zone);
        String header = "Event time (" + (ZoneOffset.UTC.equals(zone) ? "UTC" : zone.getId()) + ")";
        column.setText(header);
        // wide enough for the whole zone name and for a time with its offset
        double w = Math.max(230, headerWidth(header));
        column.setMinWidth(w);
        column.setPrefWidth(w);
        annotations.refresh();
    }

    /** How wide a column must be for its header in the workbench's bold header font (workbench.css), and padding. */
    private static double headerWidth(String title) {
        javafx.scene.text.Text probe = new javafx.scene.text.Text(title);
        probe.setFont(javafx.scene.text.Font.font("DejaVu Sans", javafx.scene.text.FontWeight.BOLD, 15));
        return Math.ceil(probe.getLayoutBounds().getWidth()) + 28;
    }

    /** A field of the annotated event, once the index has given it; empty until then. */
    private String event(Annotation a, Function<Hit, String> field) {
        Hit h = notes.events().get(a.eventRef());
        return h == null ? "" : field.apply(h);
    }

    /** Asks why (optional), then records the removal in the journal. */
    private void remove(Annotation a) {
        if (a == null) {
            return;
        }
        String what = (a.bookmark() ? "bookmark" : "annotation") + " on " + a.eventRef();
        if (!dialogs.confirm("Remove the " + what + "?", "A signed entry in the case journal takes it back; the entry that"
                + " recorded it (#" + a.journalSeq() + ") stays in the journal. Reports stop citing it.")) {
            return;
        }
        notes.remove(a, dialogs.prompt("Remove " + what, "Why is it removed? (optional, recorded in the journal)",
                "Reason").orElse(""));
    }

    public Parent root() {
        return root;
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(value.apply(x.getValue())));
        c.setCellFactory(x -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                // a value longer than its column ends in "…": the tooltip has it whole
                setTooltip(empty || s == null || s.isEmpty() ? null : new javafx.scene.control.Tooltip(s));
            }
        });
        c.setPrefWidth(width);
        return c;
    }

    private static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("hint");
        l.setWrapText(true);
        return l;
    }

    /** The key name of a verifier key ({@code auditor/alice@laptop+…}). */
    static String who(String actor) {
        if (actor == null) {
            return "";
        }
        int plus = actor.indexOf('+');
        return plus < 0 ? actor : actor.substring(0, plus);
    }

    private static String shortId(String id) {
        return id.length() <= 8 ? id : id.substring(0, 8);
    }

    private static String range(Instant from, Instant to) {
        if (from == null && to == null) {
            return "none";
        }
        return (from == null ? "…" : WHEN.format(from)) + " – " + (to == null ? "…" : WHEN.format(to));
    }
}
