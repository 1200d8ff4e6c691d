package io.sealtrail.index;

import io.sealtrail.model.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Read-only search over the indexes of one or more bundles (docs/index-schema.md). Every method takes an
 * {@link EventQuery}: a query in Lucene's classic syntax and an optional time window. Results come in one total order: time, bundle id,
 * seq, leaf. A broken index or an invalid query is an {@link IndexException}, never an empty result.
 * Thread-safe.
 */
public interface EventSearch extends AutoCloseable {

    /** Largest page {@link #search} returns; {@link #export} has no limit. */
    int MAX_PAGE = 10_000;

    /** Opens the given index folders read-only; each must hold an index of {@link IndexSchema#VERSION}. */
    static EventSearch open(List<Path> indexes) throws IndexException {
        return LuceneEventSearch.open(indexes, Map.of());
    }

    /**
     * As {@link #open(List)}, knowing the verdict each bundle's import recorded, by bundle id, so that
     * {@link #standing} can say whether a proven event's signer is trusted.
     */
    static EventSearch open(List<Path> indexes, Map<String, Verdict> verdicts) throws IndexException {
        return LuceneEventSearch.open(indexes, verdicts);
    }

    /**
     * As {@link #open(List, Map)}, but an index that cannot be opened is left out, with why, instead of failing the
     * whole search: a case with a damaged or half-copied import still opens, and says which events it cannot search
     * (docs/case-format.md). With no index readable the search answers no events.
     */
    static Readable openReadable(List<Path> indexes, Map<String, Verdict> verdicts) throws IndexException {
        return LuceneEventSearch.openReadable(indexes, verdicts);
    }

    /**
     * A search over the indexes that could be opened, and each other index folder with why it could not be (in the
     * order given).
     */
    record Readable(EventSearch search, Map<Path, String> unreadable) {
    }

    /**
     * What an auditor may say of the event: its integrity with its export's verdict. Without a recorded verdict
     * for its bundle a proven event is {@link EventStanding#PROVEN_UNTRUSTED}: trust is never assumed.
     */
    EventStanding standing(Hit h);

    /**
     * One page of hits after {@code after} (null for the first page).
     *
     * @param limit 1 to {@link #MAX_PAGE}
     */
    default Page search(EventQuery query, int limit, Cursor after) throws IndexException {
        return search(query, limit, after, SortOrder.TIME);
    }

    /**
     * As {@link #search(EventQuery, int, Cursor)}, in the reverse order when {@code newestFirst}
     * (events without a readable time then come first). A cursor pages only in the order it came from.
     */
    default Page search(EventQuery query, int limit, Cursor after, boolean newestFirst) throws IndexException {
        return search(query, limit, after, SortOrder.time(newestFirst));
    }

    /**
     * As {@link #search(EventQuery, int, Cursor)}, in {@code order}: by one field, ties in event order. A field the
     * index cannot sort by is an {@link IndexException}; a cursor pages only in the order it came from.
     */
    Page search(EventQuery query, int limit, Cursor after, SortOrder order) throws IndexException;

    /**
     * What every engine checks of a page request before it asks its index.
     *
     * @throws IllegalArgumentException for a page size outside 1 to {@link #MAX_PAGE}, or a cursor of another order
     */
    static void requirePage(int limit, Cursor after, SortOrder order) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("page size must be 1 to " + MAX_PAGE + ", not " + limit);
        }
        if (after != null && !after.order().equals(order)) {
            throw new IllegalArgumentException("a cursor of the order " + after.order() + " cannot page " + order);
        }
    }

    /**
     * The identity of the matching events (count, time span, and the hash of their {@code bundle:seq} lines;
     * see {@link ResultSet}) from doc values, without loading a document: what a report's query appendix cites.
     */
    ResultSet resultSet(EventQuery query) throws IndexException;

    /** Exactly how many events match. */
    long count(EventQuery query) throws IndexException;

    /** Streams every matching event in order, page by page, however many there are. */
    void export(EventQuery query, Consumer<Hit> sink) throws IndexException;

    /**
     * The {@code top} most frequent values of a keyword field over the matching events, most frequent
     * first, ties by value. A multi-valued field ({@code user.roles}) counts each value of an event once.
     */
    List<FacetValue> facets(EventQuery query, String field, int top) throws IndexException;

    /**
     * Matching events per time bucket of {@code interval}, aligned to the epoch (UTC). Only non-empty
     * buckets are returned, in time order; a chart fills the gaps. Events without a readable time are
     * not counted.
     */
    List<Bucket> histogram(EventQuery query, Duration interval) throws IndexException;

    /**
     * {@link #histogram} split by the values of a keyword field, in one pass over doc values: for each of
     * the {@code top} values with the most matching events (most first, ties by value), its buckets. An
     * event counts once for each value it has; events without the field are not counted.
     */
    List<ValueHistogram> histogramBy(EventQuery query, Duration interval, String field, int top)
            throws IndexException;

    /** One span per session id among the matching events, ordered by start then id; events without one are ignored. */
    List<SessionSpan> sessions(EventQuery query) throws IndexException;

    /**
     * The event {@code seq} of {@code bundleId} with up to {@code window} events before and after it, in
     * event order across all open bundles; the anchor is flagged.
     *
     * @throws IndexException also when no such event is indexed
     */
    List<Hit> around(String bundleId, long seq, int window) throws IndexException;

    @Override
    void close() throws IndexException;
}
