package io.sealtrail.app.ui.bundles;

import io.sealtrail.app.ui.dialogs.DialogService;
import io.sealtrail.app.ui.dialogs.DialogService.Filter;
import io.sealtrail.app.ui.trust.TrustDialog;
import io.sealtrail.model.Severity;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
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
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.controlsfx.control.SegmentedButton;

/**
 * The thin view of verification.fxml: binds controls to {@link WorkbenchViewModel} and turns gestures into
 * its method calls. Holds no state of its own and never calls core code. The window's menu, trust notice and
 * status bar are the shell's (ui.shell), which calls the public actions here.
 */
public final class WorkbenchController {
    static final String ROW_TOOLTIP = "Double-click: the event in Search when a case is open, else the details"
            + " (expected and found values). Right-click for both.";

    /** Shows an event of a bundle in the Search view, if a case is open to search; says whether it did. */
    @FunctionalInterface
    public interface EventShower {
        boolean show(String bundleId, long seq);
    }

    private static final List<Filter> BUNDLE_FILES = List.of(Filter.of("Sealtrail bundles (*.zip)", "*.zip"),
            Filter.of("All files", "*"));

    private final WorkbenchViewModel vm;
    private final DialogService dialogs;
    /** Without a case to search, a finding's event cannot be shown: its details are. */
    private EventShower showEvent = (bundleId, seq) -> false;

    @FXML private BorderPane root;
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

    public WorkbenchController(WorkbenchViewModel vm, DialogService dialogs) {
        this.vm = vm;
        this.dialogs = dialogs;
    }

    /** With a case open, double-clicking a finding that names an event shows that event in Search. */
    public void setShowEvent(EventShower showEvent) {
        this.showEvent = showEvent;
    }

    @FXML
    private void initialize() {
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
            menu.setOnShowing(e -> show.setDisable(eventOf(row.getItem()) < 0));
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
        if (seq < 0 || b == null || b.summary() == null || b.summary().bundleId() == null) {
            return false;
        }
        return showEvent.show(b.summary().bundleId(), seq);
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

    // --- actions (the sidebar's button, the shell's menu) ---

    /** File › Open bundle…: bundles (zip files) to verify. */
    @FXML
    public void openFile() {
        List<java.nio.file.Path> files = dialogs.openFiles("Open sealed audit-log bundles", BUNDLE_FILES);
        if (!files.isEmpty()) {
            vm.open(files);
        }
    }

    /** File › Open bundle folder…: a bundle unpacked into a folder. */
    public void openFolder() {
        dialogs.openFolder("Open a bundle folder").ifPresent(dir -> vm.open(List.of(dir)));
    }

    /** Opens the trust dialog (not modal-blocking: the FX thread keeps running). */
    public TrustDialog openTrustDialog() {
        TrustDialog dialog = new TrustDialog(vm.trust(), window(), dialogs);
        dialog.show();
        return dialog;
    }

    /** The start screen shown while no bundle is open; the shell adds the recent cases to it. */
    public VBox emptyState() {
        return emptyState;
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
