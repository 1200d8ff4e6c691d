package io.sealtrail.app.ui.bundles;

import io.sealtrail.app.ui.dialogs.DialogService;
import io.sealtrail.app.ui.dialogs.DialogService.Filter;
import io.sealtrail.app.ui.trust.TrustDialog;
import io.sealtrail.model.Severity;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The thin view of verification.fxml: binds controls to {@link WorkbenchViewModel} and turns gestures into
 * its method calls. Holds no state of its own and never calls core code. The window's menu, trust notice and
 * status bar are the shell's (ui.shell), which calls the public actions here.
 */
public final class WorkbenchController {
    /** Shows an event of a bundle in the Search view, if a case is open to search; says whether it did. */
    @FunctionalInterface
    public interface EventShower {
        boolean show(String bundleId, long seq);
    }

    private static final List<Filter> BUNDLE_FILES = List.of(Filter.of("Sealtrail bundles (*.sealtrail, *.zip)", "*.sealtrail", "*.zip"),
            Filter.of("All files", "*"));

    private final WorkbenchViewModel vm;
    private final DialogService dialogs;

    @FXML private BorderPane root;
    @FXML private ListView<BundleViewModel> bundleList;
    @FXML private VBox emptyState;
    @FXML private VBox detail;
    @FXML private VBox banner;
    @FXML private Label bannerHeadline;
    @FXML private Label bannerDetail;
    @FXML private Label bundlePath;
    @FXML private Label receivedLabel;
    @FXML private Button copyReceivedButton;
    @FXML private Label origin;
    @FXML private Label leafRange;
    @FXML private Label timeRange;
    @FXML private Label events;
    @FXML private Label checkpointCount;
    @FXML private VBox keyList;
    @FXML private TabPane tabs;
    @FXML private Tab findingsTab;
    @FXML private Tab checkpointsTab;
    @FXML private FindingsController findingsController;

    public WorkbenchController(WorkbenchViewModel vm, DialogService dialogs) {
        this.vm = vm;
        this.dialogs = dialogs;
    }

    /** With a case open, double-clicking a finding that names an event shows that event in Search. */
    public void setShowEvent(EventShower showEvent) {
        findingsController.setShowEvent(showEvent);
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

        bindTabTitles();
        showBundle(null, vm.selected());
    }

    private void bindTabTitles() {
        findingsTab.textProperty().bind(Bindings.createStringBinding(() -> "Findings (" + (vm.countProperty(Severity.ERROR).get()
                + vm.countProperty(Severity.WARNING).get() + vm.countProperty(Severity.INFO).get()) + ")",
                vm.countProperty(Severity.ERROR), vm.countProperty(Severity.WARNING), vm.countProperty(Severity.INFO)));
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
        for (Label l : List.of(receivedLabel, bannerHeadline, bannerDetail, origin, leafRange, timeRange, events,
                checkpointCount)) {
            l.textProperty().unbind();
        }
        copyReceivedButton.disableProperty().unbind();
        banner.getStyleClass().removeIf(s -> s.startsWith("verdict-") && !s.equals("verdict-banner"));
        if (b == null) {
            keyList.getChildren().clear();
            return;
        }
        bundlePath.setText(b.path().toString());
        showReceived(b);
        bannerHeadline.textProperty().bind(Bindings.createStringBinding(() -> b.banner().headline(), b.bannerProperty()));
        bannerDetail.textProperty().bind(Bindings.createStringBinding(() -> b.banner().detail(), b.bannerProperty()));
        banner.getStyleClass().add(b.banner().kind().styleClass());
        b.bannerProperty().addListener(bannerChanged);
        origin.textProperty().bind(fact(b, BundleSummary::origin));
        leafRange.textProperty().bind(fact(b, BundleSummary::leafRange));
        timeRange.textProperty().bind(fact(b, BundleSummary::timeRange));
        events.textProperty().bind(fact(b, BundleSummary::events));
        checkpointCount.textProperty().bind(fact(b, BundleSummary::checkpoints));
        checkpointsTab.textProperty().bind(Bindings.concat("Checkpoints (", Bindings.size(b.checkpoints()), ")"));
        b.keys().addListener(keysChanged);
        showKeys(b.keys());
    }

    /** The received file's name, size and SHA-256, and a Copy button for the custody record. */
    private void showReceived(BundleViewModel b) {
        receivedLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            BundleViewModel.Received r = b.received();
            if (r == null) {
                return b.name() + " · reading its size and SHA-256…";
            }
            if (!r.problem().isEmpty()) {
                return b.name() + " " + r.problem();
            }
            return r.folder() ? b.name() + " · a bundle folder: no single file to hash (its manifest lists each file's SHA-256)"
                    : b.name() + " · " + String.format("%,d", r.size()) + " bytes · SHA-256 " + r.sha256();
        }, b.receivedProperty()));
        copyReceivedButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> b.received() == null || b.received().sha256().isEmpty(), b.receivedProperty()));
        copyReceivedButton.setTooltip(new Tooltip("Copy the path, size and SHA-256, for the custody record"));
        copyReceivedButton.setOnAction(e -> {
            BundleViewModel.Received r = b.received();
            ClipboardContent c = new ClipboardContent();
            c.putString(io.sealtrail.verify.bundle.ReceivedFile.describe(b.path(), r.size(), r.sha256()));
            Clipboard.getSystemClipboard().setContent(c);
        });
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

    /** File › Open bundle…: bundles (zip files) to verify, for a look (they do not join the case); whether any were chosen. */
    @FXML
    public boolean openFile() {
        List<java.nio.file.Path> files = dialogs.openFiles("Open sealed audit-log bundles", BUNDLE_FILES);
        if (!files.isEmpty()) {
            vm.open(files);
        }
        return !files.isEmpty();
    }

    /** File › Open bundle folder…: a bundle unpacked into a folder, for a look; whether one was chosen. */
    public boolean openFolder() {
        java.util.Optional<java.nio.file.Path> dir = dialogs.openFolder("Open a bundle folder");
        dir.ifPresent(d -> vm.open(List.of(d)));
        return dir.isPresent();
    }

    /** Opens the trust dialog (not modal-blocking: the FX thread keeps running). */
    public TrustDialog openTrustDialog() {
        TrustDialog dialog = new TrustDialog(vm.trust(), window(), dialogs);
        dialog.show();
        return dialog;
    }

    /** The keyboard goes to the list of bundles (the window's first focus while no case is open). */
    public void focusBundles() {
        bundleList.requestFocus();
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
