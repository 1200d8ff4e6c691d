package io.sealtrail.index;

import org.apache.lucene.search.FieldDoc;

/**
 * Where the next page starts: the sort values of the last hit shown, for Lucene's {@code searchAfter}.
 * Valid for the same set of indexes it came from.
 */
public record Cursor(FieldDoc after) {
}
