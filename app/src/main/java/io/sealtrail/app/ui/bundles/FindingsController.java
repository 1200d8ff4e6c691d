package io.sealtrail.app.ui.bundles;

import io.sealtrail.model.Severity;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.stage.Window;
import org.controlsfx.control.SegmentedButton;

/**
 * The thin view of findings.fxml: the selected bundle's findings, a toggle per severity; a double-click shows
 * the finding's event in Search when a case is open, else the finding's details.
 */
public final class FindingsController {
    static final String ROW_TOOLTIP = "Double-click: the event in Search when a case is open, else the details"
            + " (expected and found values). Right-click for both.";

    private final WorkbenchViewModel vm;
    /** Without a case to search, a finding's event cannot be shown: its details are. */
    private WorkbenchController.EventShower showEvent = (bundleId, seq) -> false;

    @FXML private SegmentedButton severityFilter;
    @FXML private ToggleButton showErrors;
    @FXML private ToggleButton showWarnings;
    @FXML private ToggleButton showInfo;
    @FXML private TableView<FindingRow> findingsTable;
    @FXML private TableColumn<FindingRow, Severity> severityColumn;
    @FXML private TableColumn<FindingRow, String> codeColumn;
    @FXML private TableColumn<FindingRow, String> messageColumn;
    @FXML private TableColumn<FindingRow, String> locationColumn;

    public FindingsController(WorkbenchViewModel vm) {
        this.vm = vm;
    }

    void setShowEvent(WorkbenchController.EventShower showEvent) {
        this.showEvent = showEvent;
    }

    @FXML
    private void initialize() {
        severityFilter.setToggleGroup(null); // each severity toggles on its own
        filterButton(showErrors, Severity.ERROR, "Errors");
        filterButton(showWarnings, Severity.WARNING, "Warnings");
        filterButton(showInfo, Severity.INFO, "Info");

        SortedList<FindingRow> sorted = new SortedList<>(vm.visibleFindings());
        sorted.comparatorProperty().bind(findingsTable.comparatorProperty());
        findingsTable.setItems(sorted);
        Label none = new Label("No findings to show");
        none.getStyleClass().add("hint");
        findingsTable.setPlaceholder(none);
        findingsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        severityColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().severity()));
        severityColumn.setCellFactory(c -> new Cells.SeverityCell());
        codeColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().code()));
        codeColumn.setCellFactory(c -> Cells.styled("code-cell"));
        messageColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().message()));
        messageColumn.setCellFactory(c -> new Cells.WrappingCell<>());
        locationColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().location()));
        // wrapped, never cut: the line number at the end of a location is what the auditor opens the file at
        locationColumn.setCellFactory(c -> {
            Cells.WrappingCell<FindingRow> cell = new Cells.WrappingCell<>();
            cell.getStyleClass().add("location-cell");
            return cell;
        });
        findingsTable.setRowFactory(t -> row());
    }

    private TableRow<FindingRow> row() {
        TableRow<FindingRow> row = new TableRow<>();
        row.setTooltip(new Tooltip(ROW_TOOLTIP));
        row.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && !row.isEmpty() && !showInSearch(row.getItem())) {
                FindingDetails.dialog(window(), row.getItem()).show();
            }
        });
        MenuItem details = new MenuItem("Details…");
        details.setOnAction(e -> FindingDetails.dialog(window(), row.getItem()).show());
        MenuItem show = new MenuItem("Show the event in Search");
        show.setOnAction(e -> showInSearch(row.getItem()));
        ContextMenu menu = new ContextMenu(details, show);
        menu.setOnShowing(e -> show.setDisable(eventOf(row.getItem()) < 0));
        row.contextMenuProperty().bind(Bindings.when(row.emptyProperty()).then((ContextMenu) null).otherwise(menu));
        return row;
    }

    private static long eventOf(FindingRow r) {
        return r == null ? -1 : r.finding().location().seq();
    }

    /** True when the finding names an event and a case is open to show it in. */
    private boolean showInSearch(FindingRow r) {
        BundleViewModel b = vm.selected();
        long seq = eventOf(r);
        if (seq < 0 || b == null || b.summary() == null || b.summary().bundleId() == null) {
            return false;
        }
        return showEvent.show(b.summary().bundleId(), seq);
    }

    private void filterButton(ToggleButton b, Severity s, String label) {
        b.selectedProperty().bindBidirectional(vm.showProperty(s));
        b.textProperty().bind(Bindings.concat(label, "  ", vm.countProperty(s).asString()));
        b.setTooltip(new Tooltip("Show or hide " + label.toLowerCase(Locale.ROOT)));
    }

    private Window window() {
        return findingsTable.getScene() == null ? null : findingsTable.getScene().getWindow();
    }
}
