package io.sealtrail.app.ui.search;

import io.sealtrail.app.ui.annotate.AnnotateDialog;
import io.sealtrail.app.ui.annotate.AnnotationsViewModel;
import io.sealtrail.app.ui.annotate.ExportViewModel;
import io.sealtrail.app.ui.dialogs.DialogService;
import io.sealtrail.index.Bucket;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The thin view of search.fxml: binds the query bar, chips, status, time filter, histogram and facets to
 * {@link SearchViewModel} and turns gestures into its method calls (Enter searches, a facet click adds a chip,
 * Alt+click excludes, a histogram bar narrows the time range, J/K move). The results table and the event
 * detail have controllers of their own ({@link ResultsController}, {@link EventDetailController}). Never calls
 * the index.
 */
public final class SearchController {
    private final SearchViewModel vm;
    private final AnnotationsViewModel notes;
    private final ResultsExport export;
    private final DialogService dialogs;
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private QueryCompletion completion;

    @FXML private BorderPane root;
    @FXML private VBox facetBox;
    @FXML private Button backButton;
    @FXML private Button forwardButton;
    @FXML private TextField queryField;
    @FXML private Button searchButton;
    @FXML private FlowPane chipPane;
    @FXML private Label errorLabel;
    @FXML private Label statusLabel;
    @FXML private Label rangeLabel;
    @FXML private Button clearRangeButton;
    @FXML private Button setRangeButton;
    @FXML private HistogramView histogram;
    @FXML private Button saveSearchButton;
    @FXML private Button exportButton;
    @FXML private javafx.scene.control.MenuButton redactionButton;
    @FXML private HBox jobBox;
    @FXML private Label jobLabel;
    @FXML private Button cancelJobButton;
    @FXML private EventDetailController detailController;

    public SearchController(SearchViewModel vm, AnnotationsViewModel notes, ResultsExport export, DialogService dialogs) {
        this.vm = vm;
        this.notes = notes;
        this.export = export;
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        queryField.textProperty().bindBidirectional(vm.queryProperty());
        queryField.setOnAction(e -> run());
        searchButton.setOnAction(e -> run());
        completion = new QueryCompletion(queryField);
        errorLabel.textProperty().bind(vm.errorProperty());
        errorLabel.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        statusLabel.textProperty().bind(vm.statusProperty());
        setUpTimeFilter();
        setUpHistory();
        vm.chips().addListener((ListChangeListener<String>) c -> showChips());
        showChips();
        vm.buckets().addListener((ListChangeListener<Bucket>) c -> histogram.show(vm.buckets(), vm.intervalProperty().get()));
        histogram.setOnBucket(vm::narrowTo);
        histogram.setOnRange(vm::narrowTo);
        new FacetSidebar(vm, facetBox);
        setUpSaving();
        vm.zoneProperty().addListener((o, was, now) -> histogram.setZone(now));
        installShortcuts();
    }

    private void setUpTimeFilter() {
        rangeLabel.textProperty().bind(Bindings.createStringBinding(() -> vm.fromProperty().get() == null
                        && vm.toProperty().get() == null ? "Time filter: none (click a bar to narrow)"
                        : "Time filter: " + range(vm.fromProperty().get()) + " – " + range(vm.toProperty().get()) + " "
                        + SearchText.zoneName(vm.zoneProperty().get()), vm.fromProperty(), vm.toProperty(), vm.zoneProperty()));
        clearRangeButton.visibleProperty().bind(vm.fromProperty().isNotNull().or(vm.toProperty().isNotNull()));
        clearRangeButton.setOnAction(e -> vm.clearTimeRange());
        setRangeButton.setOnAction(e -> TimeRangeDialog.ask(root.getScene().getWindow(), vm.fromProperty().get(),
                vm.toProperty().get(), vm.zoneProperty().get()).ifPresent(r -> vm.narrowTo(r.from(), r.to())));
        setRangeButton.setTooltip(new Tooltip("Type the start and end of the time filter (or drag across the histogram)"));
    }

    /** Back and Forward walk the views shown (Alt+Left, Alt+Right); each says in its tooltip where it goes. */
    private void setUpHistory() {
        backButton.disableProperty().bind(vm.canBackProperty().not());
        forwardButton.disableProperty().bind(vm.canForwardProperty().not());
        backButton.setOnAction(e -> vm.back());
        forwardButton.setOnAction(e -> vm.forward());
        Tooltip back = new Tooltip();
        Tooltip forward = new Tooltip();
        backButton.setTooltip(back);
        forwardButton.setTooltip(forward);
        back.setOnShowing(e -> back.setText("Back to " + SearchText.view(vm.previousView()) + " (Alt+Left)"));
        forward.setOnShowing(e -> forward.setText("Forward to " + SearchText.view(vm.nextView()) + " (Alt+Right)"));
    }

    /** Save… (the query in the case journal), Export… (every match to a file) and the export's progress. */
    private void setUpSaving() {
        ExportViewModel exports = export.job();
        saveSearchButton.setOnAction(e -> AnnotateDialog.saveSearch(dialogs, vm, notes));
        saveSearchButton.setTooltip(new Tooltip("Save this query and time filter under a name, in the case journal"));
        io.sealtrail.app.ui.redaction.RedactionMenu.install(redactionButton, exports.redaction(), dialogs);
        exportButton.setOnAction(e -> export.exportResults());
        exportButton.setTooltip(new Tooltip("Export every matching event as CSV or JSONL, no row cap (Ctrl+E)"));
        exportButton.disableProperty().bind(exports.runningProperty().or(vm.matchingProperty().lessThan(1)));
        jobBox.visibleProperty().bind(exports.runningProperty().or(exports.messageProperty().isNotEmpty())
                .or(exports.errorProperty().isNotEmpty()));
        jobBox.managedProperty().bind(jobBox.visibleProperty());
        jobLabel.textProperty().bind(Bindings.createStringBinding(() -> exports.runningProperty().get()
                        ? String.format("Exporting… %,d events", exports.doneProperty().get())
                        : !exports.errorProperty().get().isEmpty() ? exports.errorProperty().get() : exports.messageProperty().get(),
                exports.runningProperty(), exports.doneProperty(), exports.messageProperty(), exports.errorProperty()));
        cancelJobButton.visibleProperty().bind(exports.runningProperty());
        cancelJobButton.managedProperty().bind(cancelJobButton.visibleProperty());
        cancelJobButton.setOnAction(e -> exports.cancel());
    }

    /**
     * Ctrl+F focuses the query field, Ctrl+B bookmarks, Ctrl+E exports; J/K move when the field does not have focus.
     * Back and Forward (Alt+Left/Right) are the window's Go menu, so they work wherever the focus is.
     */
    private void installShortcuts() {
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.F) {
                focusQuery();
                e.consume();
            } else if (e.isShortcutDown() && e.getCode() == KeyCode.B) {
                notes.bookmark(vm.selectedProperty().get());
                e.consume();
            } else if (e.isShortcutDown() && e.getCode() == KeyCode.E) {
                export.exportResults();
                e.consume();
            } else if (!queryField.isFocused() && !e.isShortcutDown() && !e.isAltDown()
                    && (e.getCode() == KeyCode.J || e.getCode() == KeyCode.K)) {
                vm.move(e.getCode() == KeyCode.J ? 1 : -1);
                e.consume();
            }
        });
    }

    public void focusQuery() {
        queryField.requestFocus();
        queryField.selectAll();
    }

    /** The event detail, which the window tells what the live verification says of an event's checkpoint. */
    public EventDetailController detail() {
        return detailController;
    }

    private void run() {
        completion.ran();
        vm.search();
    }

    private void showChips() {
        chipPane.getChildren().clear();
        for (String c : vm.chips()) {
            Button b = new Button(c + "  ✕");
            b.getStyleClass().addAll("chip", c.startsWith("NOT ") ? "chip-exclude" : "chip-include");
            b.setTooltip(new Tooltip(c + "\nClick to remove this filter; right-click to edit it or turn it around"));
            b.setOnAction(e -> vm.removeChip(c));
            b.setContextMenu(chipMenu(c));
            chipPane.getChildren().add(b);
        }
        chipPane.setVisible(!vm.chips().isEmpty());
        chipPane.setManaged(chipPane.isVisible());
    }

    private ContextMenu chipMenu(String chip) {
        MenuItem edit = new MenuItem("Edit in the query bar");
        edit.setOnAction(e -> {
            vm.editChip(chip);
            focusQuery();
        });
        MenuItem invert = new MenuItem(chip.startsWith("NOT ") ? "Include instead" : "Exclude instead");
        invert.setOnAction(e -> vm.invertChip(chip));
        MenuItem remove = new MenuItem("Remove");
        remove.setOnAction(e -> vm.removeChip(chip));
        return new ContextMenu(edit, invert, remove);
    }

    private String range(Instant t) {
        return t == null ? "…" : MINUTES.withZone(vm.zoneProperty().get()).format(t);
    }
}
