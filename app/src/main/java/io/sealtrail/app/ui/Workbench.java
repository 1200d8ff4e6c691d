package io.sealtrail.app.ui;

import io.sealtrail.app.ui.bundles.WorkbenchViewModel;
import io.sealtrail.app.ui.cases.ImportViewModel;
import io.sealtrail.app.ui.jobs.WorkbenchLog;
import io.sealtrail.cases.AuditorKey;
import io.sealtrail.app.ui.search.CaseArgument;
import io.sealtrail.app.ui.search.CaseViewModel;
import io.sealtrail.app.ui.search.SearchViewModel;
import io.sealtrail.app.ui.shell.WindowFeatures;
import io.sealtrail.app.ui.shell.WorkbenchWindow;
import io.sealtrail.app.ui.dialogs.FxDialogService;
import io.sealtrail.app.ui.trust.TrustViewModel;
import io.sealtrail.verify.BundleVerifier;
import io.sealtrail.verify.note.NoteFormatException;
import io.sealtrail.verify.note.VerifierKey;
import io.sealtrail.verify.trust.TrustStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The Sealtrail workbench, and its composition root: the one place that creates the background
 * executor, the trust store, the verifier and the ViewModels, and hands them to each other
 * (docs/decisions/0005-workbench-mvvm.md).
 */
public final class Workbench extends Application {
    /** Vkey files trusted for this session only, separated by the path separator. */
    public static final String TRUST_SESSION_PROPERTY = "sealtrail.trust.session";
    /** "true": the session-only trust is the demo's, and the UI says so. */
    public static final String DEMO_PROPERTY = "sealtrail.demo";
    /**
     * A folder: once the opened bundles are verified, save PNGs of the main views there and exit (the tools'
     * screenshot tour, a {@link WorkbenchProbe}).
     */
    public static final String SCREENSHOT_PROPERTY = "sealtrail.screenshot.dir";
    /**
     * "true": print to stderr how long the window took to show and to show the first rows of a case (the tools'
     * timing log, a {@link WorkbenchProbe}).
     */
    public static final String TIMING_PROPERTY = io.sealtrail.app.AppInfo.TIMING_PROPERTY;
    /**
     * "true": quit as soon as the window has drawn, with exit status 0. The installers use it for the run that
     * records the packaged app's class-data-sharing archive and for their test that the installed app reaches its
     * window; unlike the probes it needs no tools jar, which an installed app does not have.
     */
    public static final String QUIT_WHEN_SHOWN_PROPERTY = "sealtrail.quitWhenShown";

    /** The version reports name (the CLI's --version says the same). */
    public static final String VERSION = io.sealtrail.app.AppInfo.version();
    private static final System.Logger LOG = System.getLogger(Workbench.class.getName());
    private static final int WORKER_THREADS = 2;

    /** The case given at launch, read while the toolkit starts (set before Application.launch, which allows no arguments but strings). */
    private static volatile CaseViewModel.Preload preload;

    private ExecutorService background;

    /**
     * Opens the workbench with these bundles (zip files or folders), each verified in the background as
     * soon as the window shows. Blocks until the window is closed; JavaFX allows this once per JVM. Set
     * {@value #TRUST_SESSION_PROPERTY} and {@value #DEMO_PROPERTY} before calling to trust the demo key
     * for the session.
     */
    public static void launch(List<Path> bundles) {
        CaseArgument c = CaseArgument.parse(List.of(), System.getProperties());
        if (c.caseDir() != null && c.imports().isEmpty()) {
            preload = CaseViewModel.Preload.start(c.caseDir(), c.query());
        }
        Application.launch(Workbench.class, bundles.stream().map(Path::toString).toArray(String[]::new));
    }

    /** For running the workbench on its own: bundle paths, --trust-session FILE, --demo. */
    public static void main(String[] args) {
        Application.launch(Workbench.class, args);
    }

    @Override
    public void start(Stage stage) {
        WorkbenchLog.install(WorkbenchLog.file(System.getenv(), System.getProperties()));
        // an exception on the FX thread would otherwise go to a terminal nobody watches
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> LOG.log(System.Logger.Level.ERROR, "uncaught on " + t.getName(), e));
        long startedAt = Boolean.getBoolean(TIMING_PROPERTY)
                ? java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() : -1;
        CaseArgument caseArg = CaseArgument.parse(getParameters().getRaw(), System.getProperties());
        WorkbenchArguments args = WorkbenchArguments.parse(caseArg.rest(), System.getProperties());
        background = BackgroundExecutor.create(WORKER_THREADS);
        TrustViewModel trust = new TrustViewModel(TrustStore.forUser(System.getenv()), background, Platform::runLater);
        WorkbenchViewModel vm = new WorkbenchViewModel(new BundleVerifier()::verify, trust, background,
                Platform::runLater, Runtime.getRuntime().availableProcessors());
        vm.setDemo(args.demo());
        // A case's evidence copies are verified again, once its first rows are drawn: both cores go to that
        // verification, and the person is waiting for the rows.
        WindowFeatures features = WindowFeatures.compose(new WindowFeatures.Services(background, Platform::runLater, vm,
                paths -> Frames.afterPulses(2, () -> vm.openCase(paths)), () -> AuditorKey.loadOrCreate(System.getenv()),
                ImportViewModel.defaultCasesFolder(System.getenv()), TrustStore.configDir(System.getenv()), VERSION));
        SearchViewModel search = features.search();
        // a case that exists opens before its imports run, so a failed import leaves the person in their case, not
        // on an empty screen (a successful one opens it again, with the new bundle)
        boolean openCase = caseArg.caseDir() != null
                && (caseArg.imports().isEmpty() || io.sealtrail.cases.CaseFolder.isCase(caseArg.caseDir()));
        if (openCase) { // before the window is built, so it is built once, in the case's layout
            if (preload != null) {
                features.cases().usePreload(preload);
                preload = null;
            }
            search.queryProperty().set(caseArg.query());
            features.cases().open(caseArg.caseDir());
        }
        WorkbenchWindow window = WorkbenchWindow.show(stage, features, FxDialogService::new, Platform::exit);
        if (startedAt >= 0 || args.screenshotDir() != null) {
            probe(window, args, startedAt);
        }
        if (Boolean.getBoolean(QUIT_WHEN_SHOWN_PROPERTY)) {
            Frames.afterPulses(2, () -> {
                LOG.log(System.Logger.Level.INFO, "the window is shown; quitting, as " + QUIT_WHEN_SHOWN_PROPERTY + " asks");
                Platform.exit();
            });
        }
        ImportViewModel imports = features.imports();
        // Session keys are files: read them off the FX thread, then open the bundles trusting them.
        features.tasks().always(ctx -> {
            List<VerifierKey> keys = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (Path f : args.trustSession()) {
                try {
                    keys.addAll(VerifierKey.parseAll(Files.readString(f, StandardCharsets.UTF_8)));
                } catch (IOException | NoteFormatException e) {
                    LOG.log(System.Logger.Level.WARNING, "session key " + f + " not trusted", e);
                    problems.add(f + ": " + e.getMessage());
                }
            }
            ctx.deliver(() -> {
                keys.forEach(trust::trustForSession);
                vm.open(args.bundles());
                if (!caseArg.imports().isEmpty()) {
                    search.queryProperty().set(caseArg.query());
                    imports.importBundles(caseArg.caseDir(), caseArg.imports());
                }
                if (!problems.isEmpty()) {
                    window.dialogs().showWarning("A session key cannot be read",
                            "These keys are not trusted because they cannot be read:\n" + String.join("\n", problems));
                }
            });
        }, failure -> window.dialogs().showWarning("The session keys cannot be read", failure.message()));
    }

    private static void probe(WorkbenchWindow window, WorkbenchArguments args, long startedAt) {
        List<WorkbenchProbe> probes = ServiceLoader.load(WorkbenchProbe.class).stream().map(ServiceLoader.Provider::get)
                .toList();
        if (probes.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "timing and screenshots are tools, and the tools jar is not on the"
                    + " class path (tools/target/sealtrail-tools.jar): neither is done");
        }
        probes.forEach(p -> p.windowShown(window, args, startedAt, Platform::exit));
    }

    @Override
    public void stop() {
        if (background != null) {
            background.shutdownNow();
        }
    }
}
