package io.sealtrail.report;

import io.sealtrail.index.EventSearch;
import java.util.Objects;

/**
 * The search a report's queries, counts and cited events come from, opened by its caller, and how the report names
 * it: the case's local index, or the cluster the case was sent to (docs/opensearch.md). The report never closes it.
 * Whichever it is, every cited event's proof is exported from the evidence in the case folder.
 *
 * @param answeredBy the engine in words that finish "searched and counted by …", e.g. "OpenSearch at URL (alias A)"
 */
public record ReportSearch(EventSearch search, String answeredBy) {
    /** What the report says when the case's own index answered. */
    public static final String LOCAL = "the case's local index";

    public ReportSearch {
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(answeredBy, "answeredBy");
    }

    /** The case's local index, opened by the caller. */
    public static ReportSearch local(EventSearch search) {
        return new ReportSearch(search, LOCAL);
    }
}
