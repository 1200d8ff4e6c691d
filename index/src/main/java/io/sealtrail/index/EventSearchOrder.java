package io.sealtrail.index;

import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedSetSelector;
import org.apache.lucene.search.SortedSetSortField;

/**
 * The one order of events everywhere (search, export, around, and the index sort): time, then bundle
 * id, then seq, then leaf index. Leaf indexes are unique in a bundle, so the order is total even in a
 * tampered log whose seqs repeat. Lines without a readable time sort last. A {@link SortOrder} by another
 * field puts that field first and keeps this order for ties.
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

    /** {@code order} as a Lucene sort; an unsortable field is an {@link IndexException} saying which ones are. */
    static Sort sort(SortOrder order) throws IndexException {
        if (order.isTime()) {
            return sort(order.descending());
        }
        String f = order.field();
        if (!SortOrder.sortable(f)) {
            throw new IndexException("cannot sort by \"" + f + "\": "
                    + (IndexSchema.isSearchable(f) ? "it has no sortable values in the index; " : "no such field; ")
                    + "sort by a keyword field other than event.hash, or by time, seq, leaf or line (see docs/index-schema.md)");
        }
        boolean desc = order.descending();
        SortField first;
        if (IndexSchema.LONG_FIELDS.contains(f)) {
            first = new SortField(f, SortField.Type.LONG, desc);
            first.setMissingValue(desc ? Long.MIN_VALUE : Long.MAX_VALUE); // missing last, both ways
        } else {
            first = new SortedSetSortField(f, desc, desc ? SortedSetSelector.Type.MAX : SortedSetSelector.Type.MIN);
            first.setMissingValue(desc ? SortField.STRING_FIRST : SortField.STRING_LAST);
        }
        SortField[] ties = sort(false).getSort();
        SortField[] all = new SortField[ties.length + 1];
        all[0] = first;
        System.arraycopy(ties, 0, all, 1, ties.length);
        return new Sort(all);
    }
}
