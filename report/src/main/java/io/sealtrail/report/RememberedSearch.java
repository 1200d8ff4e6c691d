package io.sealtrail.report;

import io.sealtrail.index.Bucket;
import io.sealtrail.index.Cursor;
import io.sealtrail.index.EventQuery;
import io.sealtrail.index.EventSearch;
import io.sealtrail.index.EventStanding;
import io.sealtrail.index.FacetValue;
import io.sealtrail.index.Hit;
import io.sealtrail.index.IndexException;
import io.sealtrail.index.Page;
import io.sealtrail.index.ResultSet;
import io.sealtrail.index.SessionSpan;
import io.sealtrail.index.SortOrder;
import io.sealtrail.index.ValueHistogram;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The case's search as one report asks it: each count, result set, facet list, histogram and session list is
 * computed once and then shared, also between threads. A thread that asks what another is computing waits for that
 * answer instead of computing it again. An open index never changes, so a remembered answer is the answer; this
 * only lets the report's queries run ahead, on the second core, while its bundles are verified. Pages, exports
 * and hits are passed through: the report asks few of them, and they can be large. Lists are kept unmodifiable,
 * since two sections may hold the same one.
 */
final class RememberedSearch implements EventSearch {

    private final EventSearch search;
    private final Map<List<Object>, CompletableFuture<Object>> answers = new ConcurrentHashMap<>();
    private volatile boolean stopped;

    RememberedSearch(EventSearch search) {
        this.search = search;
    }

    /** Every later ask throws {@link CancellationException}: the thread running ahead ends after its current query. */
    void stop() {
        stopped = true;
    }

    private interface Answer<T> {
        T compute() throws IndexException;
    }

    @SuppressWarnings("unchecked")
    private <T> T once(List<Object> key, Answer<T> answer) throws IndexException {
        if (stopped) {
            throw new CancellationException("the report no longer needs this answer");
        }
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> known = answers.putIfAbsent(key, mine);
        if (known != null) {
            try {
                return (T) known.join();
            } catch (java.util.concurrent.CompletionException e) {
                // the other thread's failure is not ours to report: ask again here, so an error names this caller
                return answer.compute();
            }
        }
        try {
            T value = answer.compute();
            mine.complete(value);
            return value;
        } catch (IndexException | RuntimeException | Error e) {
            answers.remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    @Override
    public ResultSet resultSet(EventQuery query) throws IndexException {
        return once(List.of("resultSet", query), () -> search.resultSet(query));
    }

    @Override
    public long count(EventQuery query) throws IndexException {
        CompletableFuture<Object> set = answers.get(List.of("resultSet", query));
        if (set != null && set.isDone() && !set.isCompletedExceptionally()) {
            return ((ResultSet) set.join()).count();
        }
        return once(List.of("count", query), () -> search.count(query));
    }

    @Override
    public List<FacetValue> facets(EventQuery query, String field, int top) throws IndexException {
        return once(List.of("facets", query, field, top), () -> List.copyOf(search.facets(query, field, top)));
    }

    @Override
    public List<Bucket> histogram(EventQuery query, Duration interval) throws IndexException {
        return once(List.of("histogram", query, interval), () -> List.copyOf(search.histogram(query, interval)));
    }

    @Override
    public List<ValueHistogram> histogramBy(EventQuery query, Duration interval, String field, int top)
            throws IndexException {
        return once(List.of("histogramBy", query, interval, field, top), () -> List.copyOf(search.histogramBy(query, interval, field, top)));
    }

    @Override
    public List<SessionSpan> sessions(EventQuery query) throws IndexException {
        return once(List.of("sessions", query), () -> List.copyOf(search.sessions(query)));
    }

    @Override
    public EventStanding standing(Hit h) {
        return search.standing(h);
    }

    @Override
    public Page search(EventQuery query, int limit, Cursor after, SortOrder order) throws IndexException {
        return search.search(query, limit, after, order);
    }

    @Override
    public void export(EventQuery query, Consumer<Hit> sink) throws IndexException {
        search.export(query, sink);
    }

    @Override
    public List<Hit> around(String bundleId, long seq, int window) throws IndexException {
        return search.around(bundleId, seq, window);
    }

    /** Forgets the answers; the search it asks belongs to the caller, who closes it. */
    @Override
    public void close() {
        stop();
        answers.clear();
    }
}
