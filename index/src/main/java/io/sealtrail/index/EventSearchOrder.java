package io.sealtrail.index;

import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedSetSortField;

/**
 * The one order of events everywhere (search, export, around, and the index sort): time, then bundle
 * id, then seq, then leaf index. Leaf indexes are unique in a bundle, so the order is total even in a
 * tampered log whose seqs repeat. Lines without a readable time sort last.
 */
final class EventSearchOrder {
    private EventSearchOrder() {
    }

    static Sort sort(boolean reverse) {
        SortField time = new SortField(IndexSchema.TIME, SortField.Type.LONG, reverse);
        time.setMissingValue(Long.MAX_VALUE);
        SortField bundle = new SortedSetSortField(IndexSchema.BUNDLE_ID, reverse);
        SortField seq = new SortField(IndexSchema.SEQ, SortField.Type.LONG, reverse);
        seq.setMissingValue(Long.MAX_VALUE);
        SortField leaf = new SortField(IndexSchema.LEAF, SortField.Type.LONG, reverse);
        leaf.setMissingValue(Long.MAX_VALUE);
        return new Sort(time, bundle, seq, leaf);
    }
}
