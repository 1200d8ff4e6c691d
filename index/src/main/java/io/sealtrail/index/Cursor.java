package io.sealtrail.index;

import org.apache.lucene.search.FieldDoc;

/**
 * Where the next page starts: the sort values of the last hit shown, for Lucene's {@code searchAfter}, and
 * the order it pages in. Valid for the same set of indexes and the same order it came from.
 */
public record Cursor(FieldDoc after, SortOrder order) {

    public Cursor {
        java.util.Objects.requireNonNull(order, "order");
    }

    public Cursor(FieldDoc after, boolean newestFirst) {
        this(after, SortOrder.time(newestFirst));
    }

    public Cursor(FieldDoc after) {
        this(after, SortOrder.TIME);
    }

    /** Whether it pages the event order reversed. */
    public boolean newestFirst() {
        return order.equals(SortOrder.NEWEST_FIRST);
    }
}
