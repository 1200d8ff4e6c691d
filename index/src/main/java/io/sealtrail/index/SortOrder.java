package io.sealtrail.index;

import java.util.Locale;

/**
 * The order search pages in: one field, ascending or descending, with the event order (time, bundle id, seq,
 * leaf) breaking ties so paging is total and stable. Sortable are the keyword fields with doc values (every one
 * but {@code event.hash}; a multi-valued one by its least value ascending, its greatest descending) and the
 * numeric fields {@code time}, {@code seq}, {@code leaf} and {@code line}. Events without the field come last
 * either way, but for time, whose reverse order is the exact reverse of the event order.
 */
public record SortOrder(String field, boolean descending) {
    /** The event order: oldest first. */
    public static final SortOrder TIME = new SortOrder(IndexSchema.TIME, false);
    public static final SortOrder NEWEST_FIRST = new SortOrder(IndexSchema.TIME, true);

    public SortOrder {
        if (field == null || field.isBlank()) {
            throw new IllegalArgumentException("a sort order needs a field");
        }
    }

    public static SortOrder time(boolean newestFirst) {
        return newestFirst ? NEWEST_FIRST : TIME;
    }

    /** {@code user.name}, {@code user.name:desc} or {@code user.name:asc}, as the command line takes it. */
    public static SortOrder parse(String spec) {
        String s = spec.strip();
        int colon = s.lastIndexOf(':');
        if (colon > 0) {
            String dir = s.substring(colon + 1).toLowerCase(Locale.ROOT);
            if (dir.equals("desc") || dir.equals("asc")) {
                return new SortOrder(s.substring(0, colon), dir.equals("desc"));
            }
        }
        return new SortOrder(s, false);
    }

    public boolean isTime() {
        return IndexSchema.TIME.equals(field);
    }

    /** Whether the index can sort by {@code field} (docs/index-schema.md, "Sorting"). */
    public static boolean sortable(String field) {
        return IndexSchema.LONG_FIELDS.contains(field)
                || IndexSchema.KEYWORD_FIELDS.contains(field) && !IndexSchema.EVENT_HASH.equals(field);
    }

    /** The order reversed. */
    public SortOrder reversed() {
        return new SortOrder(field, !descending);
    }

    @Override
    public String toString() {
        return field + (descending ? ":desc" : ":asc");
    }
}
