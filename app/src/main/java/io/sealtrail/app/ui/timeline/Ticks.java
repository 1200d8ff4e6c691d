package io.sealtrail.app.ui.timeline;

import io.sealtrail.index.Bucket;
import io.sealtrail.index.ValueHistogram;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The per-lane tick histograms fetched for {@code [from, to)} at one bucket width. Drawn at any zoom
 * (bucket times are absolute), so the old ticks stay on screen while finer ones are fetched.
 */
public record Ticks(long from, long to, long intervalMicros, Map<String, List<TickBucket>> byLane,
                    List<TickBucket> unnamed) {
    public static final Ticks NONE = new Ticks(0, 0, 1, Map.of());

    public Ticks {
        byLane = Map.copyOf(byLane);
        unnamed = List.copyOf(unnamed);
    }

    public Ticks(long from, long to, long intervalMicros, Map<String, List<TickBucket>> byLane) {
        this(from, to, intervalMicros, byLane, List.of());
    }

    public List<TickBucket> of(String lane) {
        return byLane.getOrDefault(lane, List.of());
    }

    /** The lane's buckets; the unnamed lane's are its own, whatever a user or target may be called. */
    public List<TickBucket> of(Lane lane) {
        return lane.unnamed() ? unnamed : of(lane.name());
    }

    /** Whether these ticks can be drawn for {@code [from, to)} at this bucket width without fetching. */
    public boolean covers(long from, long to, long intervalMicros) {
        return this != NONE && this.intervalMicros == intervalMicros && this.from <= from && to <= this.to;
    }

    /**
     * Joins three {@code histogramBy} answers (all matching events, the failed ones, the denied ones) into
     * one list of buckets per lane, keeping only the given lanes.
     */
    static Map<String, List<TickBucket>> join(List<ValueHistogram> all, List<ValueHistogram> failed,
                                             List<ValueHistogram> denied, Set<String> lanes) {
        Map<String, TreeMap<Long, long[]>> by = new HashMap<>();
        add(by, all, 0, lanes);
        add(by, failed, 1, lanes);
        add(by, denied, 2, lanes);
        Map<String, List<TickBucket>> out = new HashMap<>();
        by.forEach((lane, buckets) -> {
            List<TickBucket> list = new ArrayList<>(buckets.size());
            buckets.forEach((start, c) -> list.add(new TickBucket(start, c[0], c[1], c[2])));
            out.put(lane, List.copyOf(list));
        });
        return out;
    }

    /** Joins three {@code histogram} answers (all, failed, denied) for the unnamed lane, as {@link #join} does. */
    static List<TickBucket> joinUnnamed(List<Bucket> all, List<Bucket> failed, List<Bucket> denied) {
        String key = "unnamed"; // a key of this join only: the result is kept apart from the named lanes
        return join(series(key, all), series(key, failed), series(key, denied), Set.of(key))
                .getOrDefault(key, List.of());
    }

    /** One histogram as the only value of a {@code histogramBy} answer; empty buckets are left out, as there. */
    private static List<ValueHistogram> series(String key, List<Bucket> buckets) {
        List<Bucket> counted = buckets.stream().filter(b -> b.count() > 0).toList();
        return List.of(new ValueHistogram(key, counted.stream().mapToLong(Bucket::count).sum(), counted));
    }

    private static void add(Map<String, TreeMap<Long, long[]>> by, List<ValueHistogram> series, int slot, Set<String> lanes) {
        for (ValueHistogram v : series) {
            if (!lanes.contains(v.value())) {
                continue;
            }
            TreeMap<Long, long[]> m = by.computeIfAbsent(v.value(), k -> new TreeMap<>());
            for (Bucket b : v.buckets()) {
                m.computeIfAbsent(TimeScale.micros(b.start()), k -> new long[3])[slot] += b.count();
            }
        }
    }
}
