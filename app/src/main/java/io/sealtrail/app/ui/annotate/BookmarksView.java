package io.sealtrail.app.ui.annotate;

import io.sealtrail.app.ui.session.QueryScope;
import io.sealtrail.cases.Annotation;
import io.sealtrail.cases.SavedSearch;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Parent;
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

    /** @param showSearch brings the Search tab to the front */
    public BookmarksView(AnnotationsViewModel notes, QueryScope search, Runnable showSearch) {
        root.getStyleClass().add("bookmarks-view");
        root.setId("bookmarksView");
        annotations.setId("annotationsTable");
        annotations.setItems(notes.annotations());
        annotations.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        annotations.getColumns().add(column("★", a -> a.bookmark() ? "★" : "", 34));
        annotations.getColumns().add(column("Event", a -> shortId(a.bundleId()) + ":" + a.seq(), 140));
        annotations.getColumns().add(column("Tags", a -> String.join(", ", a.tags()), 160));
        annotations.getColumns().add(column("Recorded (UTC)", a -> a.time() == null ? "" : WHEN.format(a.time()), 140));
        annotations.getColumns().add(column("By", a -> who(a.actor()), 160));
        annotations.getColumns().add(column("Comment", Annotation::comment, 400));
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
            return row;
        });

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
        Label h1 = hint("From the signed case journal. Double-click one to see the event among its neighbours.");
        Label t2 = new Label("SAVED SEARCHES");
        t2.getStyleClass().add("sidebar-title");
        Label h2 = hint("Double-click one to run it.");
        Label error = new Label();
        error.getStyleClass().add("search-error");
        error.textProperty().bind(notes.errorProperty());
        error.visibleProperty().bind(notes.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        VBox.setVgrow(annotations, Priority.ALWAYS);
        root.getChildren().addAll(error, t1, h1, annotations, t2, h2, searches);
    }

    public Parent root() {
        return root;
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(value.apply(x.getValue())));
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
