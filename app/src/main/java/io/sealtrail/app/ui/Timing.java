package io.sealtrail.app.ui;

import io.sealtrail.app.ui.search.SearchViewModel;
import io.sealtrail.index.Hit;
import java.lang.management.ManagementFactory;
import javafx.animation.AnimationTimer;
import javafx.collections.ListChangeListener;

/**
 * With -Dsealtrail.timing=true the workbench logs (java.util.logging, so stderr by default) how fast it is for the person at it: the
 * JVM's start to the window, the window to the first rows of the case, and FX pulse durations while it
 * runs (the longest and the median of the last few seconds), so stalls of the FX thread show up.
 */
final class Timing {
    private static final System.Logger LOG = System.getLogger("sealtrail.timing");

    private Timing() {
    }

    static void report(long startNanos, SearchViewModel search) {
        long jvmUp = ManagementFactory.getRuntimeMXBean().getUptime();
        long shown = (System.nanoTime() - startNanos) / 1_000_000;
        log("JVM up %d ms before Application.start; window shown %d ms after start%n",
                jvmUp - shown, shown);
        search.rows().addListener(new ListChangeListener<Hit>() {
            @Override
            public void onChanged(Change<? extends Hit> c) {
                if (!search.rows().isEmpty()) {
                    log("first rows (%,d of %,d matching) %d ms after Application.start%n",
                            search.rows().size(), search.matchingProperty().get(), (System.nanoTime() - startNanos) / 1_000_000);
                    search.rows().removeListener(this);
                }
            }
        });
        new PulseLog().start();
    }

    private static void log(String format, Object... args) {
        LOG.log(System.Logger.Level.INFO, "timing: " + String.format(format, args).strip());
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
                long[] sorted = gaps.clone();
                java.util.Arrays.sort(sorted);
                log("FX pulses over the last %d: median %.1f ms, p99 %.1f ms, max %.1f ms%n", n,
                        sorted[n / 2] / 1e6, sorted[n * 99 / 100] / 1e6, sorted[n - 1] / 1e6);
                n = 0;
            }
        }
    }
}
