package io.sealtrail.app.ui.timeline;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The visible stretch of time laid over a plot {@code width} pixels wide: x = 0 is {@code startMicros},
 * each pixel {@code microsPerPixel} later. Times are epoch microseconds, UTC, as in the index; labels are
 * written in the zone asked for. Immutable;
 * zooming and panning return a new scale. Pure arithmetic, so it is tested without a toolkit.
 */
public record TimeScale(long startMicros, double microsPerPixel, double width) {
    /** Never closer than this: a millisecond across 100 px is as fine as an auditor needs. */
    public static final double MIN_MICROS_PER_PIXEL = 10;
    private static final long MS = 1_000;
    private static final long S = 1_000_000;
    private static final long MIN = 60 * S;
    private static final long H = 60 * MIN;
    private static final long DAY = 24 * H;
    /**
     * Bucket widths and axis steps, from 10 µs (the closest zoom) to four weeks; all divide a day or are
     * whole days, so they line up with the epoch in UTC.
     */
    static final long[] NICE = {10, 20, 50, 100, 200, 500, MS, 2 * MS, 5 * MS, 10 * MS, 20 * MS, 50 * MS, 100 * MS, 200 * MS, 500 * MS, S, 2 * S,
            5 * S, 10 * S, 15 * S, 30 * S, MIN, 2 * MIN, 5 * MIN, 10 * MIN, 15 * MIN, 30 * MIN, H, 2 * H, 3 * H, 6 * H, 12 * H,
            DAY, 2 * DAY, 3 * DAY, 7 * DAY, 14 * DAY, 28 * DAY};
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    public TimeScale {
        if (!(microsPerPixel > 0) || !(width >= 0)) {
            throw new IllegalArgumentException("a time scale needs a positive resolution, not " + microsPerPixel);
        }
    }

    /** A label on the time axis. */
    public record AxisTick(long micros, double x, String label) {
    }

    /** Shows {@code [from, to)} across the width with a small margin either side (at least a second in all). */
    public static TimeScale fit(long from, long to, double width) {
        double w = Math.max(1, width);
        long span = Math.max(S, to - from);
        long margin = span / 50;
        return new TimeScale(from - margin, Math.max(MIN_MICROS_PER_PIXEL, (span + 2.0 * margin) / w), width);
    }

    public long endMicros() {
        return startMicros + (long) (width * microsPerPixel);
    }

    public double x(long micros) {
        return (micros - startMicros) / microsPerPixel;
    }

    public long time(double x) {
        return startMicros + Math.round(x * microsPerPixel);
    }

    /** Zooms by {@code factor} (above 1: closer) keeping the time under {@code anchorX} where it is. */
    public TimeScale zoom(double factor, double anchorX) {
        double mpp = Math.max(MIN_MICROS_PER_PIXEL, microsPerPixel / factor);
        long anchor = time(anchorX);
        return new TimeScale(anchor - Math.round(anchorX * mpp), mpp, width);
    }

    /** Moves the content {@code dx} pixels right (a drag to the right shows earlier times). */
    public TimeScale pan(double dx) {
        return new TimeScale(startMicros - Math.round(dx * microsPerPixel), microsPerPixel, width);
    }

    /** The same start and resolution over another width (the window was resized). */
    public TimeScale withWidth(double w) {
        return new TimeScale(startMicros, microsPerPixel, w);
    }

    /**
     * Keeps the view on {@code [from, to)}: never wider than about twice that span, and never scrolled so
     * far that less than half the plot shows it.
     */
    public TimeScale within(long from, long to) {
        long span = Math.max(S, to - from);
        double mpp = Math.min(microsPerPixel, Math.max(MIN_MICROS_PER_PIXEL, 2.0 * span / Math.max(1, width)));
        long visible = (long) (width * mpp);
        long start = startMicros;
        if (mpp != microsPerPixel) { // zoomed out past the limit: keep the centre
            start = startMicros + (long) (width * microsPerPixel / 2) - visible / 2;
        }
        start = Math.max(from - visible / 2, Math.min(to - visible / 2, start));
        return new TimeScale(start, mpp, width);
    }

    /** The narrowest bucket width from {@link #NICE} that is at least {@code minPixels} wide at this scale. */
    public long bucketMicros(double minPixels) {
        return nice(minPixels * microsPerPixel);
    }

    /**
     * The round bucket width nearest {@code pixels} wide on a log scale, but at least {@code minPixels}: with
     * 3 and 2, buckets are 2 to 5 px (mostly 2–4) whatever the zoom.
     */
    public long bucketMicros(double pixels, double minPixels) {
        double target = pixels * microsPerPixel;
        long best = nice(minPixels * microsPerPixel);
        for (long n = best; n < target * 4; n = nice(n + 1.0)) {
            if (Math.abs(Math.log(n / target)) < Math.abs(Math.log(best / target))) {
                best = n;
            }
        }
        return best;
    }

    static long nice(double atLeast) {
        for (long n : NICE) {
            if (n >= atLeast) {
                return n;
            }
        }
        long weeks = (long) Math.ceil(atLeast / (7.0 * DAY));
        return weeks * 7 * DAY;
    }

    /** Axis labels at a round step, at least {@code minSpacing} pixels apart, inside the plot, in UTC. */
    public List<AxisTick> ticks(double minSpacing) {
        return ticks(minSpacing, ZoneOffset.UTC);
    }

    /**
     * Axis labels in {@code zone}: the steps are round on its clock (its offset where the view starts; across a
     * change of summer time the labels stay true and the steps keep their width).
     */
    public List<AxisTick> ticks(double minSpacing, ZoneId zone) {
        long step = nice(minSpacing * microsPerPixel);
        long offset = zone.getRules().getOffset(instant(startMicros)).getTotalSeconds() * S;
        List<AxisTick> out = new ArrayList<>();
        long t = Math.floorDiv(startMicros + offset, step) * step - offset;
        for (; t <= endMicros(); t += step) {
            if (t >= startMicros) {
                out.add(new AxisTick(t, x(t), label(t, step, zone)));
            }
        }
        return out;
    }

    /** A label as precise as the step needs, in UTC. */
    static String label(long micros, long step) {
        return label(micros, step, ZoneOffset.UTC);
    }

    /** A label as precise as the step needs; whole days show the date, parts of days the time too. */
    static String label(long micros, long step, ZoneId zone) {
        Instant i = instant(micros);
        if (step >= DAY) {
            return DATE.withZone(zone).format(i);
        }
        if (step >= MIN) {
            return DAY_TIME.withZone(zone).format(i);
        }
        return (step >= S ? SECONDS : MILLIS).withZone(zone).format(i);
    }

    /** "2026-03-02 06:00:16 – 2026-03-04 12:27:28 UTC": the visible range, to the second. */
    public String describe() {
        return describe(ZoneOffset.UTC);
    }

    /** The visible range in {@code zone}, to the second, the zone named after it. */
    public String describe(ZoneId zone) {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
        return f.format(instant(startMicros)) + " – " + f.format(instant(endMicros())) + " " + zoneName(zone);
    }

    /**
     * The zone's offset where the view starts, short enough for the lane names' corner: "UTC", "UTC-05:00"
     * (the range above the plot names the zone).
     */
    public String offsetName(ZoneId zone) {
        if (ZoneOffset.UTC.equals(zone)) {
            return "UTC";
        }
        ZoneOffset o = zone.getRules().getOffset(instant(startMicros));
        return "UTC" + (o.getTotalSeconds() == 0 ? "+00:00" : o.getId());
    }

    /** "UTC", or the zone's id. */
    static String zoneName(ZoneId zone) {
        return ZoneOffset.UTC.equals(zone) ? "UTC" : zone.getId();
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, S), Math.floorMod(micros, S) * 1000);
    }

    static long micros(Instant i) {
        return Math.multiplyExact(i.getEpochSecond(), S) + i.getNano() / 1000;
    }

    /** A readable width of time: "5 min", "3 h", "1 day", "500 ms", "50 µs". */
    public static String human(long micros) {
        if (micros % DAY == 0) {
            return micros / DAY + (micros == DAY ? " day" : " days");
        }
        if (micros % H == 0) {
            return micros / H + " h";
        }
        if (micros % MIN == 0) {
            return micros / MIN + " min";
        }
        if (micros % S == 0) {
            return micros / S + " s";
        }
        return micros % MS == 0 ? micros / MS + " ms" : micros + " µs";
    }
}
