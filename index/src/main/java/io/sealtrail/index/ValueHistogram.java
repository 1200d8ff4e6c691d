package io.sealtrail.index;

import java.util.List;

/**
 * One value of a keyword field with its matching events over time: {@code count} events in all, and
 * the non-empty buckets in time order (as {@link EventSearch#histogram}).
 */
public record ValueHistogram(String value, long count, List<Bucket> buckets) {
    public ValueHistogram {
        buckets = List.copyOf(buckets);
    }
}
