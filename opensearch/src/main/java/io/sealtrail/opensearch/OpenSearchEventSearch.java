package io.sealtrail.opensearch;

import io.sealtrail.index.Bucket;
import io.sealtrail.index.Cursor;
import io.sealtrail.index.EventQuery;
import io.sealtrail.index.EventSearch;
import io.sealtrail.index.EventStanding;
import io.sealtrail.index.FacetValue;
import io.sealtrail.index.Hit;
import io.sealtrail.index.IndexException;
import io.sealtrail.index.IndexSchema;
import io.sealtrail.index.Page;
import io.sealtrail.index.ResultSet;
import io.sealtrail.index.SessionSpan;
import io.sealtrail.index.SortOrder;
import io.sealtrail.index.ValueHistogram;
import io.sealtrail.model.Verdict;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.lucene.search.FieldDoc;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.SortOptions;
import org.opensearch.client.opensearch._types.Time;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.opensearch.client.opensearch.core.SearchResponse;

/**
 * {@link EventSearch} over a case's events in OpenSearch (docs/opensearch.md): the same query syntax, order, pages,
 * facets and histograms as the local index, answered by the cluster through the official client. Queries are parsed
 * by the local parser and sent as query DSL ({@link QueryTranslator}); pages use {@code search_after} on the event
 * order, which is total, and {@link #export} holds a point in time so that a long export reads one state of the
 * indices. Thread-safe: the client is.
 */
public final class OpenSearchEventSearch implements EventSearch {
    /** OpenSearch's default index.max_result_window: the most hits one search answers with. */
    private static final int MAX_RESULT_WINDOW = 10_000;
    private static final int EXPORT_PAGE = 1000;
    private static final String KEEP_ALIVE = "2m";

    private final OpenSearchClient client;
    private final List<String> indices;
    private final Map<String, Verdict> verdicts;
    private final ClusterAggregations aggregations;
    /** The client's transport when this search opened it itself, else null. */
    private final AutoCloseable owned;

    private OpenSearchEventSearch(OpenSearchClient client, List<String> indices, Map<String, Verdict> verdicts,
                                  AutoCloseable owned) {
        this.client = client;
        this.owned = owned;
        this.indices = List.copyOf(indices);
        this.verdicts = Map.copyOf(verdicts);
        this.aggregations = new ClusterAggregations(client, this.indices);
    }

    /**
     * Searches the given indices or aliases (a case's alias names every index of the case). The client stays the
     * caller's: closing this search does not close it.
     */
    public static OpenSearchEventSearch open(OpenSearchClient client, List<String> indices, Map<String, Verdict> verdicts)
            throws IndexException {
        if (indices.isEmpty()) {
            throw new IndexException("no index to search");
        }
        try {
            if (!client.indices().exists(e -> e.index(indices)).value()) {
                throw new IndexException("OpenSearch has no index " + String.join(", ", indices));
            }
        } catch (IOException | OpenSearchException e) {
            throw failed(e);
        }
        return new OpenSearchEventSearch(client, indices, verdicts, null);
    }

    /** As {@link #open(OpenSearchClient, List, Map)} with a client of its own, closed with this search. */
    public static OpenSearchEventSearch open(ClusterConnection connection, List<String> indices,
                                             Map<String, Verdict> verdicts) throws IndexException {
        OpenSearchClient client;
        try {
            client = connection.client();
        } catch (IOException e) {
            throw failed(e);
        }
        try {
            OpenSearchEventSearch s = open(client, indices, verdicts);
            return new OpenSearchEventSearch(client, s.indices, verdicts, client._transport());
        } catch (IndexException | RuntimeException e) {
            try {
                client._transport().close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    @Override
    public EventStanding standing(Hit h) {
        return EventStanding.of(h.integrity(), verdicts.get(h.bundleId()));
    }

    @Override
    public Page search(EventQuery query, int limit, Cursor after, SortOrder order) throws IndexException {
        EventSearch.requirePage(limit, after, order);
        List<SortOptions> sort = ClusterOrder.sort(order);
        Query q = QueryTranslator.translate(query);
        // one more than the page says whether another follows; a page of MAX_PAGE would ask for more than an index
        // gives in one answer (index.max_result_window), so that page asks once more, for one, after its last
        SearchRequest.Builder r = new SearchRequest.Builder().index(indices).query(q).sort(sort)
                .size(Math.min(limit + 1, MAX_RESULT_WINDOW)).trackTotalHits(t -> t.enabled(true));
        if (after != null) {
            r.searchAfterVals(values(after.after()));
        }
        Answer res = run(r.build());
        List<Found> got = res.found();
        int n = Math.min(limit, got.size());
        List<Hit> hits = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            hits.add(hit(got.get(i)));
        }
        boolean more = got.size() > limit || (limit >= MAX_RESULT_WINDOW && got.size() == limit
                && !run(new SearchRequest.Builder().index(indices).query(q).sort(sort).size(1)
                .searchAfterVals(got.get(limit - 1).sort()).trackTotalHits(t -> t.enabled(false)).build())
                .found().isEmpty());
        Cursor next = more ? new Cursor(cursor(got.get(limit - 1).sort()), order) : null;
        return new Page(hits, next, res.total());
    }

    @Override
    public ResultSet resultSet(EventQuery query) throws IndexException {
        List<String> lines = new ArrayList<>();
        long[] span = {Long.MAX_VALUE, Long.MIN_VALUE};
        export(query, h -> {
            lines.add(h.bundleId() + ":" + h.seq());
            if (h.time() != null) {
                long t = IndexSchema.micros(h.time());
                span[0] = Math.min(span[0], t);
                span[1] = Math.max(span[1], t);
            }
        });
        return new ResultSet(lines.size(), ResultSet.hash(lines),
                span[0] == Long.MAX_VALUE ? null : IndexSchema.instant(span[0]),
                span[1] == Long.MIN_VALUE ? null : IndexSchema.instant(span[1]));
    }

    @Override
    public long count(EventQuery query) throws IndexException {
        Query q = QueryTranslator.translate(query);
        try {
            return client.count(c -> c.index(indices).query(q)).count();
        } catch (IOException | OpenSearchException e) {
            throw failed(e);
        }
    }

    @Override
    public void export(EventQuery query, Consumer<Hit> sink) throws IndexException {
        Query q = QueryTranslator.translate(query);
        String pit;
        try {
            pit = client.createPit(p -> p.targetIndexes(indices).keepAlive(Time.of(t -> t.time(KEEP_ALIVE)))).pitId();
        } catch (IOException | OpenSearchException e) {
            throw failed(e);
        }
        try {
            List<FieldValue> after = null;
            while (true) {
                SearchRequest.Builder r = new SearchRequest.Builder().query(q).sort(ClusterOrder.sort(SortOrder.TIME))
                        .size(EXPORT_PAGE).pit(org.opensearch.client.opensearch.core.search.Pit.of(p -> p.id(pit).keepAlive(KEEP_ALIVE))).trackTotalHits(t -> t.enabled(false));
                if (after != null) {
                    r.searchAfterVals(after);
                }
                List<Found> got = run(r.build()).found();
                for (var h : got) {
                    sink.accept(hit(h));
                }
                if (got.size() < EXPORT_PAGE) {
                    return;
                }
                after = got.get(got.size() - 1).sort();
            }
        } finally {
            try {
                client.deletePit(d -> d.pitId(List.of(pit)));
            } catch (IOException | OpenSearchException e) {
                // the point in time expires by itself after KEEP_ALIVE
            }
        }
    }

    @Override
    public List<FacetValue> facets(EventQuery query, String field, int top) throws IndexException {
        if (!IndexSchema.KEYWORD_FIELDS.contains(field)) {
            throw new IndexException("facets need a keyword field, and \"" + field + "\" is not one (see docs/index-schema.md)");
        }
        return aggregations.facets(QueryTranslator.translate(query), field, Math.max(0, top));
    }

    @Override
    public List<Bucket> histogram(EventQuery query, Duration interval) throws IndexException {
        return aggregations.histogram(QueryTranslator.translate(query), micros(interval));
    }

    @Override
    public List<ValueHistogram> histogramBy(EventQuery query, Duration interval, String field, int top)
            throws IndexException {
        long micros = micros(interval);
        if (!IndexSchema.KEYWORD_FIELDS.contains(field) || IndexSchema.EVENT_HASH.equals(field)) {
            throw new IndexException("a histogram by field needs a keyword field other than event.hash, and \"" + field
                    + "\" is not one (see docs/index-schema.md)");
        }
        return aggregations.histogramBy(QueryTranslator.translate(query), micros, field, Math.max(0, top));
    }

    @Override
    public List<SessionSpan> sessions(EventQuery query) throws IndexException {
        return aggregations.sessions(QueryTranslator.translate(query));
    }

    @Override
    public List<Hit> around(String bundleId, long seq, int window) throws IndexException {
        if (window < 0 || window > MAX_PAGE) {
            throw new IllegalArgumentException("window must be 0 to " + MAX_PAGE + ", not " + window);
        }
        Query anchor = Query.of(x -> x.bool(b -> b
                .filter(f -> f.term(t -> t.field(IndexSchema.BUNDLE_ID).value(FieldValue.of(bundleId))))
                .filter(f -> f.term(t -> t.field(IndexSchema.SEQ).value(FieldValue.of(seq))))));
        var found = run(new SearchRequest.Builder().index(indices).query(anchor)
                .sort(ClusterOrder.sort(SortOrder.TIME)).size(1).build()).found();
        if (found.isEmpty()) {
            throw new IndexException("no event with seq " + seq + " of bundle " + bundleId + " is indexed here");
        }
        List<FieldValue> at = found.get(0).sort();
        int n = Math.max(1, window);
        List<Hit> before = side(at, n, SortOrder.NEWEST_FIRST, window);
        Collections.reverse(before);
        List<Hit> out = new ArrayList<>(before);
        Hit a = hit(found.get(0));
        out.add(new Hit(a.bundleId(), a.seq(), a.leaf(), a.time(), a.action(), a.outcome(), a.userName(),
                a.targetKind(), a.targetName(), a.sessionId(), a.command(), a.query(), a.integrity(), a.entryHash(),
                a.file(), a.line(), a.raw(), true, a.sourceFormat(), a.fields()));
        out.addAll(side(at, n, SortOrder.TIME, window));
        return out;
    }

    private List<Hit> side(List<FieldValue> at, int n, SortOrder order, int window) throws IndexException {
        var got = run(new SearchRequest.Builder().index(indices).query(x -> x.matchAll(m -> m))
                .sort(ClusterOrder.sort(order)).searchAfterVals(at).size(n).build()).found();
        List<Hit> out = new ArrayList<>();
        for (int i = 0; i < Math.min(window, got.size()); i++) {
            out.add(hit(got.get(i)));
        }
        return out;
    }

    @Override
    public void close() throws IndexException {
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                throw failed(e);
            }
        }
    }

    /** A hit's document and its sort values. */
    private record Found(Map<String, Object> source, List<FieldValue> sort) {
    }

    /** A page of hits and, when asked for, how many match in all. */
    private record Answer(List<Found> found, long total) {
    }

    /** Runs a search; the documents come back as maps, the client's JSON mapper reading them with Jackson. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private Answer run(SearchRequest r) throws IndexException {
        try {
            SearchResponse<Map> res = client.search(r, Map.class);
            List<Found> found = new ArrayList<>();
            for (var h : res.hits().hits()) {
                found.add(new Found((Map<String, Object>) h.source(), h.sortVals()));
            }
            return new Answer(found, res.hits().total() == null ? -1 : res.hits().total().value());
        } catch (IOException | OpenSearchException e) {
            throw failed(e);
        }
    }

    private static Hit hit(Found f) {
        return EventDocuments.hit(f.source());
    }

    /** A cursor's position: the sort values of the last hit of its page. */
    private static FieldDoc cursor(List<FieldValue> sortValues) {
        return new FieldDoc(0, Float.NaN, sortValues.toArray());
    }

    private static List<FieldValue> values(FieldDoc after) {
        List<FieldValue> out = new ArrayList<>();
        for (Object o : after.fields) {
            if (!(o instanceof FieldValue v)) {
                throw new IllegalArgumentException("this cursor comes from another engine's search");
            }
            out.add(v);
        }
        return out;
    }

    private static long micros(Duration interval) {
        long micros = interval.toNanos() / 1000;
        if (micros < 1) {
            throw new IllegalArgumentException("histogram interval must be at least a microsecond, not " + interval);
        }
        return micros;
    }

    static IndexException failed(Exception e) {
        return new IndexException("OpenSearch cannot answer: " + e.getMessage(), e);
    }
}
