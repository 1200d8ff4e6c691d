package io.sealtrail.app.ui.timeline;

import java.util.Arrays;
import javafx.animation.AnimationTimer;

/**
 * A debug aid for responsiveness ({@value #PROPERTY}{@code =true}): an AnimationTimer notes the time
 * between FX pulses, which grows whenever something holds the FX thread, and the timeline canvas reports
 * how long each draw took. {@link #summary()} gives median, 95th percentile and maximum of both since the
 * last {@link #reset()}. While it runs it asks for a pulse every frame, so it is off by default.
 */
public final class PulseMeter {
    public static final String PROPERTY = "sealtrail.pulselog";

    private final AnimationTimer timer;
    private long[] pulses = new long[4096];
    private int pulseCount;
    private long[] draws = new long[4096];
    private int drawCount;
    private long last;

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
        pulseCount = 0;
        drawCount = 0;
        last = 0;
    }

    /** Counts one draw of {@code nanos}; call on the FX thread. */
    public void draw(long nanos) {
        draws = add(draws, drawCount++, nanos);
    }

    private static long[] add(long[] a, int i, long v) {
        long[] out = i < a.length ? a : Arrays.copyOf(a, a.length * 2);
        out[i] = v;
        return out;
    }

    /** "pulses: 412, interval median 16.7 ms, p95 17.1 ms, max 40.2 ms; draws: 230, median 1.2 ms, p95 …, max …". */
    public String summary() {
        return "pulses: " + stats(pulses, pulseCount, "interval") + "; timeline draws: " + stats(draws, drawCount, "time");
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
