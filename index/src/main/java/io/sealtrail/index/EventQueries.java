package io.sealtrail.index;

import org.apache.lucene.search.Query;

/**
 * What an {@link EventQuery} means, as the local index runs it, for an engine that runs it elsewhere: the
 * OpenSearch module translates this Lucene query into its query DSL, so both engines answer from one parser
 * (one syntax, the same error sentences, the same meaning of a bare word or a date). Read-only helpers.
 */
public final class EventQueries {
    private EventQueries() {
    }

    /** The parsed query within its time window, exactly what {@link EventSearch#open} searches with. */
    public static Query parse(EventQuery query) throws IndexException {
        return LuceneEventSearch.query(query);
    }

    /**
     * The hex digits a clause of {@code event.hash} asks for when that clause checks the whole hash against the
     * line (more digits than the index's point holds), else null.
     */
    public static String entryHashPrefix(Query q) {
        return q instanceof EntryHashQuery e ? e.hexPrefix() : null;
    }

    /** A keyword value as the index holds it: cut at {@link IndexSchema#MAX_KEYWORD_BYTES} of UTF-8. */
    public static String keyword(String value) {
        return value == null ? null : IndexSchema.truncate(value);
    }
}
