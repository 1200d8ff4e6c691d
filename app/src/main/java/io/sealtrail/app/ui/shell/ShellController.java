package io.sealtrail.app.ui.shell;

import io.sealtrail.app.ui.annotate.BookmarksView;
import io.sealtrail.app.ui.bundles.WorkbenchController;
import io.sealtrail.app.ui.bundles.WorkbenchViewModel;
import io.sealtrail.app.ui.cases.ImportViewModel;
import io.sealtrail.app.ui.dialogs.DialogService;
import io.sealtrail.app.ui.dialogs.DialogService.Filter;
import io.sealtrail.app.ui.help.HelpWindows;
import io.sealtrail.app.ui.report.ReportDialog;
import io.sealtrail.app.ui.search.SearchController;
import io.sealtrail.app.ui.session.CaseSession;
import io.sealtrail.app.ui.timeline.TimelineView;
import io.sealtrail.app.ui.transcript.SessionViewModel;
import io.sealtrail.app.ui.transcript.SessionWindow;
import io.sealtrail.app.ui.trust.TrustDialog;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import org.controlsfx.control.StatusBar;

/**
 * The thin view of shell.fxml: the menu's actions (each a call into a feature), the trust notice and status bar,
 * the tabs' two layouts ({@link CaseTabs}), and what crosses features: a finding's event shown in Search, the
 * verification's word on an event's checkpoint, bundles dropped on the window imported into the case. Features
 * see each other only through the window's {@link CaseSession}.
 */
public final class ShellController {
    private final WindowFeatures features;
    private final DialogService dialogs;
    private final Runnable quit;
    private CaseTabs tabs;
    private TimelineView timeline;

    @FXML private BorderPane root;
    @FXML private MenuBar menuBar;
    @FXML private Label trustNotice;
    @FXML private Label engineNotice;
    @FXML private Label damageNotice;
    @FXML private Menu recentMenu;
    @FXML private MenuItem reportItem;
    @FXML private MenuItem backItem;
    @FXML private MenuItem forwardItem;
    @FXML private TabPane modeTabs;
    @FXML private Tab searchTab;
    @FXML private Tab timelineTab;
    @FXML private Tab verificationTab;
    @FXML private Tab bookmarksTab;
    @FXML private StatusBar statusBar;
    @FXML private Button zoneToggle;
    @FXML private Button cancelButton;
    @FXML private SearchController searchController;
    @FXML private WorkbenchController verificationController;

    /** @param quit what File › Quit (Ctrl+Q) does: exit the application, or (in tests) close the window */
    public ShellController(WindowFeatures features, DialogService dialogs, Runnable quit) {
        this.features = features;
        this.dialogs = dialogs;
        this.quit = quit;
    }

    @FXML
    private void initialize() {
        CaseSession session = features.session();
        timeline = new TimelineView(features.timeline(), timelineTab.selectedProperty(), this::showSearch,
                this::openSession);
        timelineTab.setContent(timeline.root());
        bookmarksTab.setContent(new BookmarksView(features.notes(), session.scope(), this::showSearch, dialogs).root());
        tabs = new CaseTabs(modeTabs, List.of(searchTab, timelineTab, verificationTab, bookmarksTab), searchTab,
                verificationTab);
        // the case's layout from the moment it is being opened, so the window is styled and laid out once
        session.openingProperty().addListener((o, was, now) -> {
            if (now) {
                tabs.withCase();
            } else if (session.nameProperty().get().isEmpty()) {
                tabs.withoutCase(); // the first case failed to open
            }
        });
        if (session.openingProperty().get()) {
            tabs.withCase();
        }
        damageNotice.textProperty().bind(session.damageProperty());
        damageNotice.visibleProperty().bind(session.damageProperty().isNotEmpty());
        damageNotice.managedProperty().bind(damageNotice.visibleProperty());
        session.errorProperty().addListener((o, was, now) -> {
            if (!now.isEmpty()) {
                dialogs.showError("The case cannot be opened", now);
            }
        });
        reportItem.disableProperty().bind(session.caseProperty().isNull());
        // menu accelerators, so that Back and Forward work wherever the focus is (the status bar, a tab's header)
        backItem.disableProperty().bind(features.search().canBackProperty().not());
        forwardItem.disableProperty().bind(features.search().canForwardProperty().not());
        DemoOffer demo = new DemoOffer(features.imports().casesFolder().resolveSibling("demo"), features.tasks(),
                features.verification(), features.cases()::open, features.auditor(), dialogs);
        new RecentCasesMenu(recentMenu, verificationController.emptyState(), features.recent(), session,
                features.cases()::open, features.tasks(), demo.link());
        WindowStatus.bind(features.verification(), features.zones(), trustNotice, statusBar, zoneToggle, cancelButton);
        bindEngineNotice(session);
        connectFeatures();
        setUpDrop(features.imports());
    }

    /**
     * Where the case's answers come from, when that is not simply its local index: a case that lives in OpenSearch
     * says so, and one whose cluster cannot be reached says why and that the laptop's copy answers (never an empty
     * window).
     */
    private void bindEngineNotice(CaseSession session) {
        Runnable show = () -> {
            String fallback = session.fallbackProperty().get();
            String from = session.answersFromProperty().get();
            boolean cluster = from.startsWith("OpenSearch");
            engineNotice.setText(!fallback.isEmpty() ? fallback : cluster ? "Searching the case in " + from
                    + " (proofs and verification still come from the evidence in the case folder)." : "");
            engineNotice.getStyleClass().removeAll("engine-fallback", "engine-cluster");
            engineNotice.getStyleClass().add(fallback.isEmpty() ? "engine-cluster" : "engine-fallback");
            engineNotice.setVisible(!engineNotice.getText().isEmpty());
        };
        session.fallbackProperty().addListener(o -> show.run());
        session.answersFromProperty().addListener(o -> show.run());
        engineNotice.managedProperty().bind(engineNotice.visibleProperty());
        show.run();
    }

    private void connectFeatures() {
        WorkbenchViewModel vm = features.verification();
        verificationController.setShowEvent((bundleId, seq) -> {
            if (!tabs.showsCase()) {
                return false;
            }
            features.search().showAround(bundleId, seq);
            showSearch();
            return true;
        });
        searchController.detail().setCoverage(h -> vm.coverage(h.bundleId(), h.leaf()), vm.statusProperty());
        searchController.detail().setOpenSession(this::openSession);
        // an event's standing follows the keys trusted now, as the verification view shows its bundle
        features.search().setLiveVerdicts(vm::verdictOf);
        vm.statusProperty().addListener(o -> features.search().standingsChanged());
    }

    /** A window on the event's session, beside the case (issue 15: gateway sessions). */
    private void openSession(io.sealtrail.index.Hit h) {
        openSession(h.sessionId());
    }

    private void openSession(String sessionId) {
        if (features.search().index() == null) {
            return;
        }
        SessionViewModel s = new SessionViewModel(features.tasks());
        s.zoneProperty().bind(features.search().zoneProperty());
        SessionWindow.show(root.getScene().getWindow(), s, sessionId,
                (event, moment) -> features.notes().annotate(event, true, List.of("transcript"), moment));
        s.load(features.search().index(), sessionId);
    }

    /**
     * Bundles dropped on the window go into the open case, or into a new one when none is open; the import's
     * progress dialog shows meanwhile.
     */
    private void setUpDrop(ImportViewModel imports) {
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && !imports.runningProperty().get()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
            imports.importBundles(features.session().dir(), files.stream().map(File::toPath).toList());
            e.setDropCompleted(!files.isEmpty());
            e.consume();
        });
    }

    // --- what the window offers others (the app, the screenshot tour, tests) ---

    /**
     * Where the keyboard is when the window shows: without a case, the list of bundles; with one, the status bar
     * comes first in traversal order (shell.fxml), so no tab header shows a focus ring.
     */
    void focusFirst() {
        if (!tabs.showsCase()) {
            verificationController.focusBundles();
        }
    }

    /** Ctrl+F: the Search tab, its query field focused (with a case open). */
    public void focusSearch() {
        if (tabs.showsCase()) {
            showSearch();
            searchController.focusQuery();
        }
    }

    public void showSearch() {
        tabs.select(searchTab);
    }

    public void showTimeline() {
        tabs.select(timelineTab);
    }

    public void showVerification() {
        tabs.select(verificationTab);
    }

    public TimelineView timeline() {
        return timeline;
    }

    public WorkbenchController verification() {
        return verificationController;
    }

    // --- the menu ---

    @FXML
    private void openBundles() {
        if (verificationController.openFile()) {
            showVerification(); // what was opened for a look is shown there, apart from the case's bundles
        }
    }

    @FXML
    private void openBundleFolder() {
        if (verificationController.openFolder()) {
            showVerification();
        }
    }

    @FXML
    private void openCase() {
        dialogs.openFolder("Open a Sealtrail case (a folder with case.json)").ifPresent(features.cases()::open);
    }

    @FXML
    private void importBundles() {
        Path into = features.session().dir();
        List<Path> chosen = dialogs.openFiles(into == null ? "Import bundles or logs into a new case" : "Import bundles or"
                + " logs into " + into, List.of(Filter.of("Bundles and logs", "*.sealtrail", "*.zip", "*.log", "*.json", "*.jsonl", "*.gz",
                "*.csv", "*"), Filter.of("Sealtrail bundles", "*.sealtrail", "*.zip")));
        if (!chosen.isEmpty()) {
            features.imports().importBundles(into, chosen);
        }
    }

    @FXML
    private void importBundleFolder() {
        dialogs.openFolder("Import a folder: a bundle (with manifest.json), a CloudTrail tree, or a folder of logs")
                .ifPresent(dir -> features.imports().importBundles(features.session().dir(), List.of(dir)));
    }

    @FXML
    private void report() {
        ReportDialog.show(root.getScene().getWindow(), features.session(), features.reports(), dialogs);
    }

    @FXML
    private void quit() {
        quit.run();
    }

    @FXML
    private void verifyAgain() {
        features.verification().verifySelected();
    }

    @FXML
    private void verifyAll() {
        features.verification().verifyAll();
    }

    @FXML
    private void closeBundle() {
        features.verification().closeSelected();
    }

    @FXML
    private void manageTrust() {
        openTrustDialog();
    }

    /** Trust › CloudTrail keys…: the saved output of list-public-keys, checked and kept beside the trust store. */
    @FXML
    private void cloudTrailKeys() {
        dialogs.openFile("The CloudTrail keys you trust: the saved output of 'aws cloudtrail list-public-keys'",
                List.of(Filter.of("JSON", "*.json"), Filter.of("All files", "*"))).ifPresent(file -> {
                    try {
                        var keys = features.imports().trustCloudTrailKeys(file);
                        dialogs.showInformation("CloudTrail keys trusted", keys.fingerprints().size() + " CloudTrail key(s) from "
                                + file + " are now trusted for CloudTrail digests in the imports that follow.");
                    } catch (java.io.IOException e) {
                        dialogs.showError("These are not CloudTrail keys", e.getMessage());
                    }
                });
    }

    /** Trust › Manage trusted keys… (Ctrl+T). */
    public TrustDialog openTrustDialog() {
        return verificationController.openTrustDialog();
    }

    /** Help › Keys (F1). */
    @FXML
    private void back() {
        features.search().back();
        showSearch();
    }

    @FXML
    private void forward() {
        features.search().forward();
        showSearch();
    }

    @FXML
    private void showKeys() {
        HelpWindows.keys(root.getScene().getWindow(), menuBar);
    }

    /** Help › About Sealtrail. */
    @FXML
    private void showAbout() {
        HelpWindows.about(root.getScene().getWindow(), io.sealtrail.app.AppInfo.version());
    }

    @FXML
    private void cancelVerifications() {
        features.verification().cancelAll();
    }
}
