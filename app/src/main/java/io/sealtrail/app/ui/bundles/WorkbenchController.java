package io.sealtrail.app.ui.bundles;

import io.sealtrail.app.ui.trust.TrustDialog;
import io.sealtrail.model.Severity;
import java.io.File;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.controlsfx.control.SegmentedButton;
import org.controlsfx.control.StatusBar;

/**
 * The thin view of workbench.fxml: binds controls to {@link WorkbenchViewModel} and turns gestures into
 * its method calls. Holds no state of its own and never calls core code.
 */
public final class WorkbenchController {
    static final String ROW_TOOLTIP = "Double-click: the event in Search when a case is open, else the details"
            + " (expected and found values). Right-click for both.";

    private final WorkbenchViewModel vm;
    private final Runnable quit;

    @FXML private BorderPane root;
    @FXML private Label trustNotice;
    @FXML private MenuItem openItem;
    @FXML private MenuItem quitItem;
    @FXML private MenuItem reverifyItem;
    @FXML private MenuItem closeItem;
    @FXML private MenuItem trustItem;
    @FXML private ListView<BundleViewModel> bundleList;
    @FXML private VBox emptyState;
    @FXML private VBox detail;
    @FXML private VBox banner;
    @FXML private Label bannerHeadline;
    @FXML private Label bannerDetail;
    @FXML private Label bundlePath;
    @FXML private Label origin;
    @FXML private Label leafRange;
    @FXML private Label timeRange;
    @FXML private Label events;
    @FXML private Label checkpointCount;
    @FXML private VBox keyList;
    @FXML private TabPane tabs;
    @FXML private Tab findingsTab;
    @FXML private Tab checkpointsTab;
    @FXML private SegmentedButton severityFilter;
    @FXML private ToggleButton showErrors;
    @FXML private ToggleButton showWarnings;
    @FXML private ToggleButton showInfo;
    @FXML private TableView<FindingRow> findingsTable;
    @FXML private TableColumn<FindingRow, Severity> severityColumn;
    @FXML private TableColumn<FindingRow, String> codeColumn;
    @FXML private TableColumn<FindingRow, String> messageColumn;
    @FXML private TableColumn<FindingRow, String> locationColumn;
    @FXML private TableView<CheckpointRow> checkpointsTable;
    @FXML private TableColumn<CheckpointRow, Long> sizeColumn;
    @FXML private TableColumn<CheckpointRow, String> rootColumn;
    @FXML private TableColumn<CheckpointRow, String> rootVerifiedColumn;
    @FXML private TableColumn<CheckpointRow, CheckpointRow> signedByColumn;
    @FXML private TableColumn<CheckpointRow, CheckpointRow> genTimeColumn;
    @FXML private StatusBar statusBar;

    /** @param quit what Ctrl+Q does: exit the application, or (in tests) close the window */
    /** Shows an event (bundle id, seq) in the Search view; null while no case is open to search. */
    private java.util.function.BiConsumer<String, Long> showEvent;

    public WorkbenchController(WorkbenchViewModel vm, Runnable quit) {
        this.vm = vm;
        this.quit = quit;
    }

    /** With a case open, double-clicking a finding that names an event shows that event in Search. */
    public void setShowEvent(java.util.function.BiConsumer<String, Long> showEvent) {
        this.showEvent = showEvent;
    }

    @FXML
    private void initialize() {
        openItem.setAccelerator(KeyCombination.valueOf("Shortcut+O"));
        quitItem.setAccelerator(KeyCombination.valueOf("Shortcut+Q"));
        reverifyItem.setAccelerator(KeyCombination.valueOf("F5"));
        closeItem.setAccelerator(KeyCombination.valueOf("Shortcut+W"));
        trustItem.setAccelerator(KeyCombination.valueOf("Shortcut+T"));

        trustNotice.textProperty().bind(vm.trustNoticeProperty());
        trustNotice.visibleProperty().bind(vm.trustNoticeProperty().isNotEmpty());
        trustNotice.managedProperty().bind(trustNotice.visibleProperty());

        bundleList.setItems(vm.bundles());
        bundleList.setCellFactory(l -> new Cells.BundleCell());
        bundleList.setPlaceholder(hint("Nothing open yet"));
        bundleList.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.selectedProperty().set(now);
            }
        });
        vm.selectedProperty().addListener((o, was, now) -> {
            bundleList.getSelectionModel().select(now);
            showBundle(was, now);
        });

        detail.visibleProperty().bind(vm.selectedProperty().isNotNull());
        emptyState.visibleProperty().bind(detail.visibleProperty().not());

        setUpFindings();
        setUpCheckpoints();
        setUpStatusBar();
        setUpDragAndDrop();
        showBundle(null, vm.selected());
    }

    private void setUpFindings() {
        severityFilter.setToggleGroup(null); // each severity toggles on its own
        filterButton(showErrors, Severity.ERROR, "Errors");
        filterButton(showWarnings, Severity.WARNING, "Warnings");
        filterButton(showInfo, Severity.INFO, "Info");

        SortedList<FindingRow> sorted = new SortedList<>(vm.visibleFindings());
        sorted.comparatorProperty().bind(findingsTable.comparatorProperty());
        findingsTable.setItems(sorted);
        findingsTable.setPlaceholder(hint("No findings to show"));
        findingsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        severityColumn.setCellValueFactory(c -> constant(c.getValue().severity()));
        severityColumn.setCellFactory(c -> new Cells.SeverityCell());
        codeColumn.setCellValueFactory(c -> constant(c.getValue().code()));
        codeColumn.setCellFactory(c -> Cells.styled("code-cell"));
        messageColumn.setCellValueFactory(c -> constant(c.getValue().message()));
        messageColumn.setCellFactory(c -> new Cells.WrappingCell<>());
        locationColumn.setCellValueFactory(c -> constant(c.getValue().location()));
        locationColumn.setCellFactory(c -> Cells.styled("location-cell"));
        findingsTable.setRowFactory(t -> {
            TableRow<FindingRow> row = new TableRow<>();
            row.setTooltip(new Tooltip(ROW_TOOLTIP));
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    if (!showInSearch(row.getItem())) {
                        FindingDetails.dialog(window(), row.getItem()).show();
                    }
                }
            });
            MenuItem details = new MenuItem("Details…");
            details.setOnAction(e -> FindingDetails.dialog(window(), row.getItem()).show());
            MenuItem show = new MenuItem("Show the event in Search");
            show.setOnAction(e -> showInSearch(row.getItem()));
            javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu(details, show);
            menu.setOnShowing(e -> show.setDisable(eventOf(row.getItem()) < 0 || showEvent == null));
            row.contextMenuProperty().bind(Bindings.when(row.emptyProperty()).then((javafx.scene.control.ContextMenu) null)
                    .otherwise(menu));
            return row;
        });
        findingsTab.textProperty().bind(Bindings.createStringBinding(() -> "Findings (" + (vm.countProperty(Severity.ERROR).get()
                + vm.countProperty(Severity.WARNING).get() + vm.countProperty(Severity.INFO).get()) + ")",
                vm.countProperty(Severity.ERROR), vm.countProperty(Severity.WARNING), vm.countProperty(Severity.INFO)));
    }

    private static long eventOf(FindingRow r) {
        return r == null ? -1 : r.finding().location().seq();
    }

    /** True when the finding names an event and a case is open to show it in. */
    private boolean showInSearch(FindingRow r) {
        BundleViewModel b = vm.selected();
        long seq = eventOf(r);
        if (showEvent == null || seq < 0 || b == null || b.summary() == null || b.summary().bundleId() == null) {
            return false;
        }
        showEvent.accept(b.summary().bundleId(), seq);
        return true;
    }

    private void filterButton(ToggleButton b, Severity s, String label) {
        b.selectedProperty().bindBidirectional(vm.showProperty(s));
        b.textProperty().bind(Bindings.concat(label, "  ", vm.countProperty(s).asString()));
        b.setTooltip(new Tooltip("Show or hide " + label.toLowerCase(java.util.Locale.ROOT)));
    }

    private void setUpCheckpoints() {
        checkpointsTable.setPlaceholder(hint("No valid checkpoints"));
        checkpointsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        sizeColumn.setCellValueFactory(c -> constant(c.getValue().treeSize()));
        sizeColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Long n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null : BundleSummary.number(n));
            }
        });
        rootColumn.setCellValueFactory(c -> constant(c.getValue().rootHash()));
        rootColumn.setCellFactory(c -> Cells.styled("hash-cell"));
        rootVerifiedColumn.setCellValueFactory(c -> constant(c.getValue().rootStatus()));
        rootVerifiedColumn.setCellFactory(c -> new Cells.StatusCell());
        signedByColumn.setCellValueFactory(c -> constant(c.getValue()));
        signedByColumn.setCellFactory(c -> new Cells.TwoLine<>(CheckpointRow::signers,
                r -> r.trusted() ? "trusted" : "not trusted", r -> r.trusted() ? "good" : "bad",
                CheckpointRow::signersFull));
        genTimeColumn.setCellValueFactory(c -> constant(c.getValue()));
        genTimeColumn.setCellFactory(c -> new Cells.TwoLine<>(CheckpointRow::timestamp, CheckpointRow::authority,
                r -> "muted", CheckpointRow::authorityFull));
    }

    private void setUpStatusBar() {
        statusBar.textProperty().bind(vm.statusProperty());
        statusBar.progressProperty().bind(vm.progressProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelButton");
        cancel.getStyleClass().add("cancel-button");
        cancel.setOnAction(e -> vm.cancelAll());
        cancel.visibleProperty().bind(vm.busyProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        statusBar.getRightItems().add(cancel);
    }

    private void setUpDragAndDrop() {
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
            vm.open(files.stream().map(File::toPath).toList());
            e.setDropCompleted(!files.isEmpty());
            e.consume();
        });
    }

    private final ListChangeListener<KeyRow> keysChanged = c -> showKeys(c.getList());
    private final ChangeListener<Banner> bannerChanged = (o, old, now) -> {
        banner.getStyleClass().remove(old.kind().styleClass());
        banner.getStyleClass().add(now.kind().styleClass());
    };

    /** Rebinds the detail area to another bundle. */
    private void showBundle(BundleViewModel was, BundleViewModel b) {
        if (was != null) {
            was.keys().removeListener(keysChanged);
            was.bannerProperty().removeListener(bannerChanged);
        }
        for (Label l : List.of(bannerHeadline, bannerDetail, origin, leafRange, timeRange, events, checkpointCount)) {
            l.textProperty().unbind();
        }
        banner.getStyleClass().removeIf(s -> s.startsWith("verdict-") && !s.equals("verdict-banner"));
        if (b == null) {
            checkpointsTable.setItems(null);
            keyList.getChildren().clear();
            return;
        }
        bundlePath.setText(b.path().toString());
        bannerHeadline.textProperty().bind(Bindings.createStringBinding(() -> b.banner().headline(), b.bannerProperty()));
        bannerDetail.textProperty().bind(Bindings.createStringBinding(() -> b.banner().detail(), b.bannerProperty()));
        banner.getStyleClass().add(b.banner().kind().styleClass());
        b.bannerProperty().addListener(bannerChanged);
        origin.textProperty().bind(fact(b, BundleSummary::origin));
        leafRange.textProperty().bind(fact(b, BundleSummary::leafRange));
        timeRange.textProperty().bind(fact(b, BundleSummary::timeRange));
        events.textProperty().bind(fact(b, BundleSummary::events));
        checkpointCount.textProperty().bind(fact(b, BundleSummary::checkpoints));
        checkpointsTable.setItems(b.checkpoints());
        checkpointsTab.textProperty().bind(Bindings.concat("Checkpoints (", Bindings.size(b.checkpoints()), ")"));
        b.keys().addListener(keysChanged);
        showKeys(b.keys());
    }

    private static ObservableValue<String> fact(BundleViewModel b, Function<BundleSummary, String> f) {
        return Bindings.createStringBinding(() -> b.summary() == null ? BundleSummary.NONE : f.apply(b.summary()),
                b.summaryProperty());
    }

    private void showKeys(List<? extends KeyRow> keys) {
        keyList.getChildren().clear();
        if (keys.isEmpty()) {
            keyList.getChildren().add(value(BundleSummary.NONE));
        }
        for (KeyRow k : keys) {
            Label name = new Label(k.name());
            name.getStyleClass().add("key-name");
            Label trust = new Label(k.trust());
            trust.getStyleClass().addAll("key-trust", k.trusted() ? "key-trusted" : "key-untrusted");
            Label role = new Label("· " + k.role());
            role.getStyleClass().add("key-role");
            HBox first = new HBox(10, Cells.dot(k.trusted() ? "dot-verified" : "dot-untrusted"), name, trust, role);
            first.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            Label fp = new Label(k.fingerprint()); // never shortened: this is what the auditor compares
            fp.getStyleClass().add("key-fingerprint");
            fp.setMinWidth(Region.USE_PREF_SIZE);
            VBox.setMargin(fp, new javafx.geometry.Insets(0, 0, 0, 22));
            keyList.getChildren().add(new VBox(2, first, fp));
        }
    }

    // --- actions (FXML) ---

    @FXML
    private void openFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open sealed audit-log bundles");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Sealtrail bundles (*.zip)", "*.zip"),
                new FileChooser.ExtensionFilter("All files", "*"));
        List<File> files = chooser.showOpenMultipleDialog(window());
        if (files != null) {
            vm.open(files.stream().map(File::toPath).toList());
        }
    }

    @FXML
    private void openFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a bundle folder");
        File dir = chooser.showDialog(window());
        if (dir != null) {
            vm.open(List.of(dir.toPath()));
        }
    }

    @FXML
    private void quit() {
        quit.run();
    }

    @FXML
    private void verifyAgain() {
        vm.verifySelected();
    }

    @FXML
    private void verifyAll() {
        vm.verifyAll();
    }

    @FXML
    private void closeBundle() {
        vm.closeSelected();
    }

    @FXML
    private void manageTrust() {
        openTrustDialog();
    }

    /** Opens the trust dialog (not modal-blocking: the FX thread keeps running). */
    public TrustDialog openTrustDialog() {
        TrustDialog dialog = new TrustDialog(vm.trust(), window());
        dialog.show();
        return dialog;
    }

    /** For the screenshot tour: shows the findings or the checkpoints tab. */
    public void showTab(boolean checkpoints) {
        tabs.getSelectionModel().select(checkpoints ? checkpointsTab : findingsTab);
    }

    // --- small view helpers ---

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private static <T> ObservableValue<T> constant(T value) {
        return new ReadOnlyObjectWrapper<>(value);
    }

    private static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("hint");
        return l;
    }

    private static Label value(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("fact-value");
        return l;
    }

}
