package io.sealtrail.app.ui.search;

import io.sealtrail.app.ui.annotate.AnnotationsViewModel;
import io.sealtrail.cases.Annotation;
import io.sealtrail.index.Hit;
import io.sealtrail.index.EventStanding;
import io.sealtrail.index.Integrity;
import io.sealtrail.index.Privileged;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/**
 * The thin view of results.fxml: the loaded pages of matches, one row per event, marked by outcome and
 * integrity; selecting a row selects the event in {@link SearchViewModel}, scrolling near the end loads the next
 * page, and the Time header flips the order (the index sorts, the table holds only a page).
 */
public final class ResultsController {
    /** Rows from the end of the loaded ones at which the next page is fetched. */
    private static final int PREFETCH = 100;

    private final SearchViewModel vm;
    private final AnnotationsViewModel notes;
    /**
     * Milliseconds and the offset ("Z" in UTC), in the zone chosen, so a row read alone (or copied) says which
     * clock it is on; the detail shows the bundle's full microseconds.
     */
    private DateTimeFormatter tableTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS XXX").withZone(ZoneOffset.UTC);

    @FXML private TableView<Hit> table;
    @FXML private TableColumn<Hit, Hit> starColumn;
    @FXML private TableColumn<Hit, Instant> timeColumn;
    @FXML private TableColumn<Hit, String> whereColumn;
    @FXML private TableColumn<Hit, String> outcomeColumn;
    @FXML private TableColumn<Hit, String> actionColumn;
    @FXML private TableColumn<Hit, String> userColumn;
    @FXML private TableColumn<Hit, String> targetColumn;
    @FXML private TableColumn<Hit, String> commandColumn;
    @FXML private TableColumn<Hit, EventStanding> integrityColumn;

    public ResultsController(SearchViewModel vm, AnnotationsViewModel notes) {
        this.vm = vm;
        this.notes = notes;
    }

    @FXML
    private void initialize() {
        table.setItems(vm.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.placeholderProperty().bind(Bindings.createObjectBinding(() -> SearchText.hint(
                !vm.errorProperty().get().isEmpty() ? "The query could not run: see the message above"
                        : vm.busyProperty().get() ? "Searching…" : vm.matchingProperty().get() == 0 ? "No event matches"
                        : "Open a case to search its events"), vm.errorProperty(), vm.busyProperty(), vm.matchingProperty()));
        setUpColumns();
        setUpTimeOrder();
        setUpRows();
        setUpSelection();
        setUpStars();
        vm.zoneProperty().addListener((o, was, now) -> showZone(now));
        showZone(vm.zoneProperty().get());
        table.setTableMenuButtonVisible(true); // the header's + menu shows and hides columns
    }

    /**
     * Times in {@code zone}; the column grows to hold the whole zone name in its header and the offset in its rows
     * (a zone id such as America/Argentina/ComodRivadavia is never cut).
     */
    private void showZone(java.time.ZoneId zone) {
        tableTime = tableTime.withZone(zone);
        String header = "Time (" + SearchText.zoneName(zone) + ")";
        timeColumn.setText(header);
        double rows = SearchText.textWidth(tableTime.format(java.time.Instant.EPOCH), 13, false) + 24; // search.css
        double head = SearchText.textWidth(header, 15, true) + 40; // and the sort arrow
        double w = Math.ceil(Math.max(rows, head));
        timeColumn.setMinWidth(w);
        timeColumn.setPrefWidth(w);
        table.refresh();
    }

    private void setUpColumns() {
        timeColumn.setCellValueFactory(c -> SearchText.constant(c.getValue().time()));
        timeColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Instant t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty ? null : t == null ? "(unreadable)" : tableTime.format(t));
            }
        });
        timeColumn.getStyleClass().add("mono-column");
        whereColumn.setCellValueFactory(c -> SearchText.constant(SearchText.shortId(c.getValue().bundleId()) + ":"
                + c.getValue().seq()));
        whereColumn.getStyleClass().add("mono-column");
        text(outcomeColumn, Hit::outcome);
        outcomeColumn.setCellFactory(c -> styled("outcome-cell"));
        text(actionColumn, Hit::action);
        text(userColumn, Hit::userName);
        text(targetColumn, h -> SearchText.join(h.targetKind(), h.targetName()));
        text(commandColumn, h -> h.command() != null ? h.command() : h.query());
        commandColumn.setCellFactory(c -> styled("command-cell"));
        integrityColumn.setCellValueFactory(c -> SearchText.constant(vm.standing(c.getValue())));
        // as wide as the longest standing the rows show ("proven" for most cases), never cut
        vm.rows().addListener((ListChangeListener<Hit>) ch -> fitIntegrity());
        integrityColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(EventStanding s, boolean empty) {
                super.updateItem(s, empty);
                getStyleClass().removeIf(k -> k.startsWith("standing-"));
                setText(empty || s == null ? null : s.label());
                setTooltip(empty || s == null ? null : new javafx.scene.control.Tooltip(s.sentence()));
                if (!empty && s != null) {
                    getStyleClass().add(s.styleClass());
                }
            }
        });
    }

    private void fitIntegrity() {
        double widest = SearchText.textWidth(integrityColumn.getText(), 13, true);
        java.util.Set<EventStanding> seen = java.util.EnumSet.noneOf(EventStanding.class);
        for (Hit h : vm.rows().subList(0, Math.min(vm.rows().size(), 1000))) {
            if (seen.add(vm.standing(h))) {
                widest = Math.max(widest, SearchText.textWidth(vm.standing(h).label(), 13, false));
            }
        }
        integrityColumn.setPrefWidth(Math.max(integrityColumn.getMinWidth(), widest + 24));
    }

    /**
     * Only time sorts, and the index does it (the table holds a page, not everything): a click on the Time header
     * flips oldest/newest first and searches again.
     */
    private void setUpTimeOrder() {
        table.getColumns().forEach(c -> c.setSortable(c == timeColumn));
        timeColumn.setSortType(TableColumn.SortType.ASCENDING);
        table.getSortOrder().setAll(List.of(timeColumn));
        table.setSortPolicy(t -> {
            boolean newest = !table.getSortOrder().isEmpty() && timeColumn.getSortType() == TableColumn.SortType.DESCENDING;
            if (table.getSortOrder().isEmpty()) { // a third click would unsort; time order is the only order
                table.getSortOrder().setAll(List.of(timeColumn));
            }
            vm.setNewestFirst(newest);
            return true;
        });
    }

    private void setUpRows() {
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Hit h, boolean empty) {
                super.updateItem(h, empty);
                getStyleClass().removeAll("hit-denied", "hit-failure", "hit-broken", "hit-anchor", "hit-privileged");
                if (!empty && h != null) {
                    if ("denied".equals(h.outcome())) {
                        getStyleClass().add("hit-denied");
                    } else if ("failure".equals(h.outcome())) {
                        getStyleClass().add("hit-failure");
                    }
                    if (h.integrity() == Integrity.BROKEN) {
                        getStyleClass().add("hit-broken");
                    }
                    if (Privileged.test(h)) {
                        getStyleClass().add("hit-privileged");
                    }
                    if (h.anchor()) {
                        getStyleClass().add("hit-anchor");
                    }
                    if (getIndex() >= vm.rows().size() - PREFETCH) {
                        vm.loadMore(); // the table shows rows near the end: fetch the next page
                    }
                }
            }
        });
    }

    private void setUpSelection() {
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && now != vm.selectedProperty().get()) {
                vm.selectedProperty().set(now);
            }
        });
        vm.selectedProperty().addListener((o, was, now) -> {
            if (now == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
                table.scrollTo(Math.max(0, vm.rows().indexOf(now) - 5));
            }
        });
    }

    /** The ★ column: bookmarked events, as the case journal holds them. */
    private void setUpStars() {
        starColumn.setCellValueFactory(c -> SearchText.constant(c.getValue()));
        starColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Hit h, boolean empty) {
                super.updateItem(h, empty);
                setText(!empty && notes.isBookmarked(h) ? "★" : null);
            }
        });
        starColumn.getStyleClass().add("star-column");
        notes.annotations().addListener((ListChangeListener<Annotation>) c -> table.refresh());
    }

    private static void text(TableColumn<Hit, String> col, Function<Hit, String> f) {
        col.setCellValueFactory(c -> SearchText.constant(f.apply(c.getValue())));
        col.setCellFactory(c -> styled(null));
    }

    /** A plain text cell with a style class, for CSS that colours one column of a marked row. */
    private static TableCell<Hit, String> styled(String styleClass) {
        TableCell<Hit, String> cell = new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                // a value longer than its column ends in "…": the tooltip has it whole
                setTooltip(empty || s == null || s.isEmpty() ? null : new javafx.scene.control.Tooltip(s));
            }
        };
        if (styleClass != null) {
            cell.getStyleClass().add(styleClass);
        }
        return cell;
    }
}
