package io.sealtrail.app.ui.timeline;

import io.sealtrail.index.SessionSpan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where things go on the timeline canvas, and what is under the mouse: the time axis on top, lane names
 * in a column on the left, one lane per row below, each with its session bars in the upper part and its
 * event ticks in the lower part. Pure geometry, tested without a toolkit.
 *
 * @param firstLane the lane shown at the top (the lanes scroll when they do not all fit)
 */
public record TimelineLayout(double width, double height, double labelWidth, int lanes, int firstLane) {
    public static final double AXIS = 30;
    public static final double MIN_LANE = 24;
    public static final double MAX_LANE = 52;
    public static final int MAX_SUB_ROWS = 3;
    /** Session bars narrower than this are widened to it, so a one-event session can be seen and hovered. */
    public static final double MIN_BAR = 3;
    /** Hover and click tolerance around a bar, in pixels. */
    static final double SLOP = 2;

    public TimelineLayout {
        int max = Math.max(0, lanes - visibleLanes(height, lanes));
        firstLane = Math.max(0, Math.min(max, firstLane));
    }

    /** What the mouse is over. */
    public sealed interface Hit permits SessionHit, BucketHit {
        String lane();
    }

    public record SessionHit(String lane, Lane.Bar bar) implements Hit {
    }

    /** A tick bucket of a lane; of the unnamed lane (events without a user or target) when {@code unnamed}. */
    public record BucketHit(String lane, TickBucket bucket, long intervalMicros, boolean unnamed) implements Hit {
        public BucketHit(String lane, TickBucket bucket, long intervalMicros) {
            this(lane, bucket, intervalMicros, false);
        }
    }

    public double laneHeight() {
        return laneHeight(height, lanes);
    }

    private static double laneHeight(double height, int lanes) {
        return Math.max(MIN_LANE, Math.min(MAX_LANE, (height - AXIS - 2) / Math.max(1, lanes)));
    }

    private static int visibleLanes(double height, int lanes) {
        return (int) Math.max(1, Math.floor((height - AXIS) / laneHeight(height, lanes)));
    }

    /** How many lanes fit. */
    public int visibleLanes() {
        return Math.min(lanes, visibleLanes(height, lanes));
    }

    public double plotWidth() {
        return Math.max(1, width - labelWidth);
    }

    public double laneTop(int lane) {
        return AXIS + (lane - firstLane) * laneHeight();
    }

    /** The lane at a height, or -1 (axis, below the last lane). */
    public int laneAt(double y) {
        if (y < AXIS) {
            return -1;
        }
        int i = firstLane + (int) Math.floor((y - AXIS) / laneHeight());
        return i < lanes && i < firstLane + visibleLanes() ? i : -1;
    }

    /** Top of the session bar area of a lane; bars fill {@link #barsHeight()} below it. */
    public double barsTop(int lane) {
        return laneTop(lane) + 3;
    }

    public double barsHeight() {
        return Math.floor(laneHeight() * 0.55) - 3;
    }

    public double ticksTop(int lane) {
        return laneTop(lane) + Math.floor(laneHeight() * 0.58);
    }

    public double ticksHeight() {
        return laneHeight() - Math.floor(laneHeight() * 0.58) - 3;
    }

    /** Top and height of sub-row {@code row} of {@code rows} of a lane's bars. */
    public double[] barRow(int lane, int row, int rows) {
        double h = barsHeight() / Math.max(1, rows);
        return new double[] {barsTop(lane) + row * h, Math.max(2, h - (rows > 1 ? 1 : 0))};
    }

    /** The left and right pixel of a bar in plot coordinates, widened to {@link #MIN_BAR}. */
    public static double[] barSpan(Lane.Bar bar, TimeScale scale) {
        double x0 = scale.x(bar.start());
        double x1 = scale.x(bar.end());
        if (x1 - x0 < MIN_BAR) {
            double mid = (x0 + x1) / 2;
            return new double[] {mid - MIN_BAR / 2, mid + MIN_BAR / 2};
        }
        return new double[] {x0, x1};
    }

    /** The session bar or tick bucket under canvas point {@code (x, y)}, if any. */
    public Optional<Hit> hit(double x, double y, List<Lane> laneList, Ticks ticks, TimeScale scale) {
        int i = laneAt(y);
        if (i < 0 || i >= laneList.size() || x < labelWidth) {
            return Optional.empty();
        }
        Lane lane = laneList.get(i);
        double px = x - labelWidth;
        if (y < ticksTop(i) - 1) {
            int row = (int) Math.floor((y - barsTop(i)) / (barsHeight() / Math.max(1, lane.rows())));
            Lane.Bar best = null;
            double bestDistance = Double.MAX_VALUE;
            for (Lane.Bar b : lane.bars()) {
                if (b.row() != row) {
                    continue;
                }
                double[] s = barSpan(b, scale);
                if (px >= s[0] - SLOP && px <= s[1] + SLOP) {
                    double d = Math.abs(px - (s[0] + s[1]) / 2);
                    if (d < bestDistance) { // among overlapping bars, the one centred nearest the mouse
                        best = b;
                        bestDistance = d;
                    }
                }
            }
            return Optional.ofNullable(best).map(b -> new SessionHit(lane.name(), b));
        }
        long t = scale.time(px);
        List<TickBucket> buckets = ticks.of(lane);
        int k = floorIndex(buckets, t);
        long slop = (long) (SLOP * scale.microsPerPixel());
        for (int j = Math.max(0, k - 1); j <= k + 1 && j < buckets.size(); j++) {
            TickBucket b = buckets.get(j);
            if (j >= 0 && t >= b.start() - slop && t < b.start() + Math.max(ticks.intervalMicros(), slop * 2)) {
                return Optional.of(new BucketHit(lane.name(), b, ticks.intervalMicros(), lane.unnamed()));
            }
        }
        return Optional.empty();
    }

    /** The index of the last bucket starting at or before {@code t}, or -1. */
    static int floorIndex(List<TickBucket> buckets, long t) {
        int lo = 0;
        int hi = buckets.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (buckets.get(mid).start() <= t) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /**
     * Turns a lane's sessions into bars: by start, each in the first sub-row free at its start; when all
     * {@link #MAX_SUB_ROWS} are taken, the one that frees first (overlap then, rather than unbounded rows).
     */
    static Lane lane(String name, long events, List<SessionSpan> sessions) {
        List<SessionSpan> sorted = new ArrayList<>(sessions.stream().filter(s -> s.start() != null).toList());
        sorted.sort(Comparator.comparing(SessionSpan::start).thenComparing(SessionSpan::sessionId));
        long[] rowEnd = new long[MAX_SUB_ROWS];
        int rows = 0;
        List<Lane.Bar> bars = new ArrayList<>(sorted.size());
        for (SessionSpan s : sorted) {
            long start = TimeScale.micros(s.start());
            long end = s.end() == null ? start : TimeScale.micros(s.end());
            int row = -1;
            for (int r = 0; r < rows; r++) {
                if (rowEnd[r] < start) {
                    row = r;
                    break;
                }
            }
            if (row < 0 && rows < MAX_SUB_ROWS) {
                row = rows++;
            }
            if (row < 0) {
                row = 0;
                for (int r = 1; r < rows; r++) {
                    if (rowEnd[r] < rowEnd[row]) {
                        row = r;
                    }
                }
            }
            rowEnd[row] = Math.max(rowEnd[row], end);
            bars.add(new Lane.Bar(s, start, end, row));
        }
        return new Lane(name, events, bars, Math.max(1, rows));
    }
}
