package io.sealtrail.app.ui.timeline;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import javafx.animation.AnimationTimer;

/**
 * A debug aid for responsiveness ({@value #PROPERTY}{@code =true}): an AnimationTimer notes the time
 * between FX pulses, which grows whenever something holds the FX thread, and the timeline canvas reports
 * how long each draw took, the ViewModel how long its index calls took in the background. {@link #summary()}
 * gives median, 95th percentile and maximum of each since the
 * last {@link #reset()}. While it runs it asks for a pulse every frame, so it is off by default.
 */
public final class PulseMeter {
    public static final String PROPERTY = "sealtrail.pulselog";

    private final AnimationTimer timer;
    private long[] pulses = new long[4096];
    private int pulseCount;
    private long[] draws = new long[4096];
    private long[] drawCpu = new long[4096];
    private int drawCount;
    private long last;
    private long gcAtReset = gcMillis();
    private final java.util.Map<String, long[]> fetches = new java.util.TreeMap<>();
    private final java.util.Map<String, Integer> fetchCounts = new java.util.HashMap<>();

    public PulseMeter() {
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (last != 0) {
                    pulses = add(pulses, pulseCount++, now - last);
                }
                last = now;
            }
        };
    }

    public static boolean enabled() {
        return Boolean.getBoolean(PROPERTY);
    }

    public void start() {
        last = 0;
        timer.start();
    }

    public void stop() {
        timer.stop();
    }

    public void reset() {
        gcAtReset = gcMillis();
        pulseCount = 0;
        drawCount = 0;
        fetches.clear();
        fetchCounts.clear();
        last = 0;
    }

    /**
     * Counts one draw that took {@code wallNanos}, of which {@code cpuNanos} on the FX thread's CPU (the
     * difference is time the thread waited, e.g. for a core on a busy machine); call on the FX thread.
     */
    public void draw(long wallNanos, long cpuNanos) {
        drawCpu = add(drawCpu, drawCount, cpuNanos);
        draws = add(draws, drawCount++, wallNanos);
    }

    /** Counts one background index call of a kind ("load", "ticks") that took {@code nanos}; FX thread. */
    public void fetch(String kind, long nanos) {
        int n = fetchCounts.getOrDefault(kind, 0);
        fetches.put(kind, add(fetches.getOrDefault(kind, new long[16]), n, nanos));
        fetchCounts.put(kind, n + 1);
    }

    private static long[] add(long[] a, int i, long v) {
        long[] out = i < a.length ? a : Arrays.copyOf(a, a.length * 2);
        out[i] = v;
        return out;
    }

    /** "pulses: 412, interval median 16.7 ms, p95 17.1 ms, max 40.2 ms; draws: 230, median 1.2 ms, p95 …, max …". */
    public String summary() {
        StringBuilder b = new StringBuilder("pulses: " + stats(pulses, pulseCount, "interval") + "; timeline draws: "
                + stats(draws, drawCount, "time") + ", CPU " + stats(drawCpu, drawCount, "").replaceFirst("^\\d+, +", ""));
        fetches.forEach((kind, a) -> b.append("; background ").append(kind).append(": ")
                .append(stats(a, fetchCounts.get(kind), "time")));
        // context for the wall times: pauses of the JVM, and how busy the machine was
        b.append(String.format("; GC %d ms; load average %.1f on %d cores", gcMillis() - gcAtReset,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors()));
        return b.toString();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(g -> Math.max(0, g.getCollectionTime())).sum();
    }

    private static String stats(long[] a, int n, String what) {
        if (n == 0) {
            return "none";
        }
        long[] s = Arrays.copyOf(a, n);
        Arrays.sort(s);
        return String.format("%d, %s median %.1f ms, p95 %.1f ms, max %.1f ms", n, what, s[n / 2] / 1e6,
                s[Math.min(n - 1, (int) Math.ceil(n * 0.95) - 1)] / 1e6, s[n - 1] / 1e6);
    }
}
