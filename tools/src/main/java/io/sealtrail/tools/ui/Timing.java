package io.sealtrail.tools.ui;

import io.sealtrail.app.AppInfo;
import io.sealtrail.app.ui.WorkbenchArguments;
import io.sealtrail.app.ui.WorkbenchProbe;
import io.sealtrail.app.ui.search.SearchViewModel;
import io.sealtrail.app.ui.shell.WorkbenchWindow;
import io.sealtrail.index.Hit;
import java.lang.management.ManagementFactory;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.util.Duration;

/**
 * With -Dsealtrail.timing=true the workbench logs (java.util.logging, so stderr by default) how fast it is for
 * the person at it, in milliseconds since the JVM started: when {@code Application.start} ran, when the window
 * showed, when the first rows of the case showed; then FX pulse durations while it runs (the longest and the
 * median of the last few seconds), so stalls of the FX thread show up. With -Dsealtrail.timing.exit=true it
 * quits two seconds after the first rows ('sealtrail bench gui' reads these lines). A tool: the workbench finds
 * it with ServiceLoader when timing is on.
 */
public final class Timing implements WorkbenchProbe {
    static final String EXIT_PROPERTY = "sealtrail.timing.exit";
    private static final System.Logger LOG = System.getLogger("sealtrail.timing");

    /** Milliseconds since the JVM started. */
    static long uptime() {
        return ManagementFactory.getRuntimeMXBean().getUptime();
    }

    @Override
    public void windowShown(WorkbenchWindow window, WorkbenchArguments args, long startedAtMillis, Runnable quit) {
        if (startedAtMillis < 0 || !Boolean.getBoolean(AppInfo.TIMING_PROPERTY)) {
            return;
        }
        log("Application.start at %d ms", startedAtMillis);
        report(window.features().search(), quit);
    }

    private static void report(SearchViewModel search, Runnable quit) {
        log("window shown at %d ms", uptime());
        PulseLog pulses = new PulseLog();
        search.rows().addListener(new ListChangeListener<Hit>() {
            @Override
            public void onChanged(Change<? extends Hit> c) {
                if (!search.rows().isEmpty()) {
                    search.rows().removeListener(this);
                    // rows in the list are on screen after the next pulse has laid the table out
                    Platform.runLater(() -> {
                        log("first rows at %d ms (%,d of %,d matching)", uptime(), search.rows().size(),
                                search.matchingProperty().get());
                        if (Boolean.getBoolean(EXIT_PROPERTY)) {
                            PauseTransition p = new PauseTransition(Duration.seconds(2));
                            p.setOnFinished(e -> {
                                pulses.flush();
                                quit.run();
                            });
                            p.play();
                        }
                    });
                }
            }
        });
        pulses.start();
    }

    private static void log(String format, Object... args) {
        LOG.log(System.Logger.Level.INFO, "timing: " + String.format(format, args));
    }

    /** Time between animation pulses; a pulse far above 16 ms means the FX thread was busy. */
    private static final class PulseLog extends AnimationTimer {
        private final long[] gaps = new long[600];
        private int n;
        private long last;

        @Override
        public void handle(long now) {
            if (last != 0) {
                gaps[n++] = now - last;
            }
            last = now;
            if (n == gaps.length) {
                flush();
            }
        }

        void flush() {
            if (n == 0) {
                return;
            }
            long[] sorted = java.util.Arrays.copyOf(gaps, n);
            java.util.Arrays.sort(sorted);
            log("FX pulses over the last %d: median %.1f ms, p99 %.1f ms, max %.1f ms", n,
                    sorted[n / 2] / 1e6, sorted[n * 99 / 100] / 1e6, sorted[n - 1] / 1e6);
            n = 0;
        }
    }
}
