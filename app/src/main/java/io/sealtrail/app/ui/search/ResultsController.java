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
import io.sealtrail.index.IndexSchema;
import io.sealtrail.index.SortOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/**
 * The thin view of results.fxml: the loaded pages of matches, one row per event, marked by outcome and
 * integrity; selecting a row selects the event in {@link SearchViewModel}, scrolling near the end loads the next
 * page, and a click on a header sorts by its field (the index sorts, the table holds only a page). Which columns
 * show is {@link ResultColumns}; a header's right-click menu adds any field, a cell's filters on or copies it.
 */
public final class ResultsController {
    /** Rows from the end of the loaded ones at which the next page is fetched. */
    private static final int PREFETCH = 100;

    private final SearchViewModel vm;
    private final AnnotationsViewModel notes;
    private final ResultColumns columns;
    /** Every column made so far by what it shows ({@link ResultColumns}); the FXML's, then those added. */
    private final Map<String, TableColumn<Hit, ?>> byKey = new HashMap<>();
    /** True while the header shows the view model's order, so that showing it does not search again. */
    private boolean showingOrder;
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

    public ResultsController(SearchViewModel vm, AnnotationsViewModel notes, ResultColumns columns) {
        this.vm = vm;
        this.notes = notes;
        this.columns = columns;
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
        setUpLayout();
        // only a primary click sorts: a right-click on a header opens its menu and leaves the order alone
        table.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> {
            if (e.getButton() != javafx.scene.input.MouseButton.PRIMARY && inHeader(e.getPickResult().getIntersectedNode())) {
                e.consume();
            }
        });
        setUpOrder();
        setUpRows();
        setUpSelection();
        setUpStars();
        vm.zoneProperty().addListener((o, was, now) -> showZone(now));
        showZone(vm.zoneProperty().get());
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
        timeColumn.setCellFactory(c -> {
            TableCell<Hit, Instant> cell = new TableCell<>() {
                @Override
                protected void updateItem(Instant t, boolean empty) {
                    super.updateItem(t, empty);
                    setText(empty ? null : t == null ? "(unreadable)" : tableTime.format(t));
                }
            };
            withMenu(cell);
            return cell;
        });
        timeColumn.getStyleClass().add("mono-column");
        whereColumn.setCellValueFactory(c -> SearchText.constant(SearchText.shortId(c.getValue().bundleId()) + ":"
                + c.getValue().seq()));
        whereColumn.getStyleClass().add("mono-column");
        text(outcomeColumn, Hit::outcome);
        outcomeColumn.setCellFactory(c -> cell("outcome-cell"));
        text(actionColumn, Hit::action);
        text(userColumn, Hit::userName);
        text(targetColumn, h -> SearchText.join(h.targetKind(), h.targetName()));
        text(commandColumn, h -> h.command() != null ? h.command() : h.query());
        commandColumn.setCellFactory(c -> cell("command-cell"));
        integrityColumn.setCellValueFactory(c -> SearchText.constant(vm.standing(c.getValue())));
        // as wide as the longest standing the rows show ("proven" for most cases), never cut
        vm.rows().addListener((ListChangeListener<Hit>) ch -> fitIntegrity());
        vm.standingsProperty().addListener(o -> {
            table.refresh();
            fitIntegrity();
        });
        integrityColumn.setCellFactory(c -> {
            TableCell<Hit, EventStanding> cell = new TableCell<>() {
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
            };
            withMenu(cell);
            return cell;
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
     * The columns shown are {@link ResultColumns#visible()}, in its order: the FXML's own and one made for any other
     * field. Each header's menu sorts, hides, and adds any field as a column.
     */
    private void setUpLayout() {
        List.of(timeColumn, whereColumn, outcomeColumn, actionColumn, userColumn, targetColumn, integrityColumn, commandColumn)
                .forEach(c -> c.setUserData(null));
        keep(IndexSchema.TIME, timeColumn);
        keep(ResultColumns.WHERE, whereColumn);
        keep(IndexSchema.OUTCOME, outcomeColumn);
        keep(IndexSchema.ACTION, actionColumn);
        keep(IndexSchema.USER_NAME, userColumn);
        keep(ResultColumns.TARGET, targetColumn);
        keep(IndexSchema.INTEGRITY, integrityColumn);
        keep(ResultColumns.COMMAND, commandColumn);
        columns.visible().addListener((ListChangeListener<String>) c -> layout());
        layout();
    }

    private void keep(String key, TableColumn<Hit, ?> col) {
        col.setUserData(key);
        col.setId("column-" + key);
        col.setContextMenu(headerMenu(key));
        col.setSortable(ResultColumns.sortOrder(key, false) != null);
        byKey.put(key, col);
    }

    private void layout() {
        List<TableColumn<Hit, ?>> shown = new ArrayList<>();
        shown.add(starColumn);
        for (String key : columns.visible()) {
            TableColumn<Hit, ?> col = byKey.get(key);
            shown.add(col != null ? col : fieldColumn(key)); // fieldColumn keeps it in byKey
        }
        showingOrder = true;
        table.getColumns().setAll(shown);
        showingOrder = false;
        showOrder(vm.sortOrderProperty().get());
    }

    /** A column for any field: its values, joined by ", " where it has several. */
    private TableColumn<Hit, ?> fieldColumn(String key) {
        TableColumn<Hit, String> col = new TableColumn<>(ResultColumns.title(key));
        col.setPrefWidth(Math.max(90, SearchText.textWidth(key, 15, true) + 40));
        col.setMinWidth(60);
        text(col, h -> ResultColumns.text(h, key));
        col.setCellFactory(c -> cell(null));
        keep(key, col);
        return col;
    }

    private boolean inHeader(javafx.scene.Node n) {
        for (javafx.scene.Node p = n; p != null && p != table; p = p.getParent()) {
            if (p.getStyleClass().contains("column-header")) {
                return true;
            }
        }
        return false;
    }

    /** The header's right-click menu: sort either way, hide, add any field as a column. */
    private ContextMenu headerMenu(String key) {
        ContextMenu menu = new ContextMenu();
        menu.setOnShowing(e -> {
            menu.getItems().clear();
            SortOrder up = ResultColumns.sortOrder(key, false);
            MenuItem asc = new MenuItem("Sort ascending");
            MenuItem desc = new MenuItem("Sort descending");
            asc.setDisable(up == null);
            desc.setDisable(up == null);
            if (up != null) {
                asc.setOnAction(a -> vm.sortBy(up));
                desc.setOnAction(a -> vm.sortBy(up.reversed()));
            }
            MenuItem hide = new MenuItem("Hide this column");
            hide.setDisable(IndexSchema.TIME.equals(key));
            hide.setOnAction(a -> columns.show(key, false));
            Menu add = new Menu("Columns");
            add.setId("columns-menu");
            String group = null;
            for (String field : ResultColumns.choices(vm.rows())) {
                String g = field.contains(".") && !io.sealtrail.index.HitFields.SCHEMA.contains(field)
                        ? field.substring(0, field.indexOf('.')) : null;
                if (g != null && !g.equals(group)) {
                    add.getItems().add(new SeparatorMenuItem());
                    MenuItem title = new MenuItem("Fields of " + g + " records (shown and copied, not searched)");
                    title.setDisable(true);
                    add.getItems().add(title);
                    group = g;
                }
                CheckMenuItem item = new CheckMenuItem(field.contains(".") || field.equals(IndexSchema.TIME)
                        || io.sealtrail.index.HitFields.SCHEMA.contains(field) ? field
                        : ResultColumns.title(field) + " (combined)");
                item.setMnemonicParsing(false); // user_agent.original keeps its underscore
                item.setSelected(columns.visible().contains(field));
                item.setDisable(IndexSchema.TIME.equals(field));
                item.setOnAction(a -> columns.show(field, item.isSelected()));
                add.getItems().add(item);
            }
            MenuItem reset = new MenuItem("Default columns");
            reset.setOnAction(a -> columns.reset());
            menu.getItems().addAll(asc, desc, new SeparatorMenuItem(), hide, add, reset);
        });
        menu.getItems().add(new MenuItem("…")); // filled when shown: the fields depend on the rows loaded
        return menu;
    }

    /**
     * Every sortable header sorts, and the index does it (the table holds a page, not everything): a click asks the
     * view model for that order and it searches again; the third click, which would unsort, goes back to time.
     */
    private void setUpOrder() {
        table.setSortPolicy(t -> {
            if (showingOrder) {
                return true;
            }
            SortOrder order = SortOrder.TIME;
            if (!table.getSortOrder().isEmpty()) {
                TableColumn<Hit, ?> c = table.getSortOrder().get(0);
                SortOrder o = ResultColumns.sortOrder((String) c.getUserData(),
                        c.getSortType() == TableColumn.SortType.DESCENDING);
                order = o == null ? order : o;
            }
            vm.sortBy(order);
            showOrder(vm.sortOrderProperty().get());
            return true;
        });
        vm.sortOrderProperty().addListener((o, was, now) -> showOrder(now));
        showOrder(vm.sortOrderProperty().get());
    }

    /** The header arrow on the column the index sorts by (none when that column is not shown). */
    private void showOrder(SortOrder order) {
        String key = columns.columnOf(order);
        TableColumn<Hit, ?> col = key == null ? null : byKey.get(key);
        showingOrder = true;
        try {
            if (col == null) {
                table.getSortOrder().clear();
            } else {
                col.setSortType(order.descending() ? TableColumn.SortType.DESCENDING : TableColumn.SortType.ASCENDING);
                table.getSortOrder().setAll(List.of(col));
            }
        } finally {
            showingOrder = false;
        }
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

    private void text(TableColumn<Hit, String> col, Function<Hit, String> f) {
        col.setCellValueFactory(c -> SearchText.constant(f.apply(c.getValue())));
        col.setCellFactory(c -> cell(null));
    }

    /** The cell's right-click menu: filter for or exclude its value, copy it or the row. */
    private <T> void withMenu(TableCell<Hit, T> cell) {
        cell.setContextMenu(FieldMenu.of(vm, () -> cell.isEmpty() ? null : cell.getTableRow().getItem(),
                () -> (String) cell.getTableColumn().getUserData(), "Copy row", columns::rowText));
    }

    /** A plain text cell with a style class, for CSS that colours one column of a marked row. */
    private TableCell<Hit, String> cell(String styleClass) {
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
        withMenu(cell);
        return cell;
    }
}
