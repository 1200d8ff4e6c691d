package io.sealtrail.tools.ui;

import io.sealtrail.app.ui.Workbench;
import io.sealtrail.app.ui.WorkbenchArguments;
import io.sealtrail.app.ui.WorkbenchProbe;
import io.sealtrail.app.ui.bundles.BundleViewModel;
import io.sealtrail.app.ui.bundles.WorkbenchViewModel;
import io.sealtrail.app.ui.search.CaseViewModel;
import io.sealtrail.app.ui.search.SearchViewModel;
import io.sealtrail.app.ui.timeline.PulseMeter;
import io.sealtrail.app.ui.timeline.TimelineView;
import io.sealtrail.app.ui.timeline.TimelineViewModel;
import io.sealtrail.app.ui.timeline.ZoomRun;
import io.sealtrail.app.ui.shell.WorkbenchWindow;
import io.sealtrail.app.ui.trust.TrustDialog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.animation.PauseTransition;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/**
 * Saves PNGs of the main views ({@value Workbench#SCREENSHOT_PROPERTY}) for docs/screenshots and for
 * looking at the UI on a machine without a screen: waits until every opened bundle is verified, then
 * walks through the views, snapshotting each scene, and quits; with a case open, its Search and Timeline
 * views instead (and, with {@value PulseMeter#PROPERTY}, a scripted zoom run whose pulse times are logged).
 * Runs entirely on the FX thread. A tool: the workbench finds its {@link Probe} with ServiceLoader when a
 * screenshot folder is given.
 */
final class ScreenshotTour {
    private static final System.Logger LOG = System.getLogger(ScreenshotTour.class.getName());
    private static final Duration SETTLE = Duration.millis(700);
    private static final Duration WAIT_LIMIT = Duration.seconds(120);

    private final WorkbenchWindow window;
    private final WorkbenchViewModel vm;
    private final CaseViewModel cases;
    private final SearchViewModel search;
    private final Path dir;
    private final Runnable quit;
    private final Deque<Runnable> steps = new ArrayDeque<>();
    private boolean started;
    /** Set by a step: the tour goes on once this holds (polled), or after {@link #WAIT_LIMIT}. */
    private BooleanSupplier until;
    private long waitingSince;

    /** With a case open, the tour shows the case's Search and Timeline instead of the bundles. */
    /** Starts the tour when the workbench was given a screenshot folder. */
    public static final class Probe implements WorkbenchProbe {
        @Override
        public void windowShown(WorkbenchWindow window, WorkbenchArguments args, long startedAtMillis, Runnable quit) {
            if (args.screenshotDir() != null) {
                new ScreenshotTour(window, args.screenshotDir(), quit).start();
            }
        }
    }

    ScreenshotTour(WorkbenchWindow window, Path dir, Runnable quit) {
        this.window = window;
        this.vm = window.features().verification();
        this.cases = window.features().cases();
        this.search = window.features().search();
        this.dir = dir;
        this.quit = quit;
    }

    void start() {
        window.stage().setWidth(1440);
        window.stage().setHeight(900);
        vm.busyProperty().addListener((o, was, busy) -> {
            boolean allDone = !vm.bundles().isEmpty() && vm.bundles().stream().noneMatch(BundleViewModel::isRunning);
            if (!busy && allDone && !started) {
                started = true;
                plan();
                next();
            }
        });
    }

    private void plan() {
        if (!cases.nameProperty().get().isEmpty()) {
            planCase();
            return;
        }
        List<BundleViewModel> bundles = List.copyOf(vm.bundles());
        for (int i = 0; i < bundles.size(); i++) {
            BundleViewModel b = bundles.get(i);
            String n = String.format("%02d-%s", i + 1, b.name().replaceAll("\\.zip$", ""));
            steps.add(() -> {
                vm.selectedProperty().set(b);
                window.shell().verification().showTab(false);
            });
            steps.add(() -> snap(window.scene(), n + "-findings.png"));
            steps.add(() -> window.shell().verification().showTab(true));
            steps.add(() -> snap(window.scene(), n + "-checkpoints.png"));
        }
        TrustDialog[] dialog = new TrustDialog[1];
        steps.add(() -> {
            window.shell().verification().showTab(false);
            dialog[0] = window.shell().openTrustDialog();
            vm.trust().sessionKeys().stream().findFirst()
                    .ifPresent(k -> vm.trust().candidateTextProperty().set(k.encode()));
        });
        steps.add(() -> snap(dialog[0].stage().getScene(), "trust-dialog.png"));
        steps.add(() -> dialog[0].showSeen());
        steps.add(() -> snap(dialog[0].stage().getScene(), "trust-seen.png"));
        steps.add(() -> {
            vm.trust().candidateTextProperty().set("");
            dialog[0].stage().close();
            quit.run();
        });
    }

    /** The case views: Search with the first query's matches, then the timeline (and, with the pulse log, a zoom run). */
    private void planCase() {
        steps.add(() -> {
            window.shell().showSearch();
            until = () -> !search.busyProperty().get() && search.matchingProperty().get() >= 0;
        });
        steps.add(() -> snap(window.scene(), "03-search.png"));
        TimelineView tl = window.shell().timeline();
        steps.add(() -> {
            window.shell().showTimeline();
            until = () -> !tl.viewModel().loadingProperty().get() && tl.viewModel().ticksCurrent();
        });
        steps.add(() -> snap(window.scene(), "04-timeline.png"));
        steps.add(() -> { // a morning, close enough to see sessions one by one
            TimelineViewModel t = tl.viewModel();
            t.zoom(12, t.scaleProperty().get().width() * 0.08);
            until = () -> !t.tickInFlight() && t.ticksCurrent();
        });
        steps.add(() -> snap(window.scene(), "05-timeline-zoomed.png"));
        if (PulseMeter.enabled()) {
            steps.add(() -> {
                boolean[] done = {false};
                ZoomRun.run(tl, summary -> {
                    LOG.log(System.Logger.Level.INFO, "timeline zoom run: " + summary);
                    done[0] = true;
                });
                until = () -> done[0];
            });
        }
        steps.add(quit);
    }

    private void next() {
        if (until != null) {
            if (!until.getAsBoolean() && System.nanoTime() - waitingSince < WAIT_LIMIT.toMillis() * 1_000_000) {
                PauseTransition poll = new PauseTransition(Duration.millis(100));
                poll.setOnFinished(e -> next());
                poll.play();
                return;
            }
            until = null;
        }
        Runnable step = steps.poll();
        if (step == null) {
            return;
        }
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "screenshot step failed", e);
            quit.run();
            return;
        }
        waitingSince = System.nanoTime();
        PauseTransition pause = new PauseTransition(SETTLE);
        pause.setOnFinished(e -> next());
        pause.play();
    }

    private void snap(Scene scene, String file) {
        WritableImage image = scene.snapshot(null);
        try {
            Files.createDirectories(dir);
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", dir.resolve(file).toFile());
            LOG.log(System.Logger.Level.INFO, "saved " + dir.resolve(file));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot save " + file, e);
        }
    }
}
