package io.sealtrail.index;

import java.util.List;

/**
 * One page of hits in event order.
 *
 * @param next  where the following page starts, or null when this is the last one
 * @param total exact number of events the query matches (all pages together)
 */
public record Page(List<Hit> hits, Cursor next, long total) {
    public Page {
        hits = List.copyOf(hits);
    }
}
