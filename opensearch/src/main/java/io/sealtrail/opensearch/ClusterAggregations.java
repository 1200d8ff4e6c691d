package io.sealtrail.opensearch;

import io.sealtrail.index.Bucket;
import io.sealtrail.index.FacetValue;
import io.sealtrail.index.IndexException;
import io.sealtrail.index.IndexSchema;
import io.sealtrail.index.SessionSpan;
import io.sealtrail.index.ValueHistogram;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.aggregations.Aggregate;
import org.opensearch.client.opensearch._types.aggregations.Aggregation;
import org.opensearch.client.opensearch._types.aggregations.CompositeBucket;
import org.opensearch.client.opensearch._types.aggregations.HistogramBucket;
import org.opensearch.client.opensearch._types.aggregations.StringTermsBucket;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;

/**
 * Facets, histograms and sessions as OpenSearch aggregations, with the local index's exact answers: facets and the
 * values of a split histogram are terms aggregations ordered by count then value, and when OpenSearch reports that
 * a count may be short (several shards, doc_count_error_upper_bound above 0) every value is counted with a composite
 * aggregation instead; the histogram is a {@code histogram} on the microsecond field (a {@code date_histogram} reads
 * milliseconds) aligned to the epoch; sessions are pages of a composite aggregation by session id.
 */
final class ClusterAggregations {
    private static final int COMPOSITE_PAGE = 1000;

    private final OpenSearchClient client;
    private final List<String> indices;

    ClusterAggregations(OpenSearchClient client, List<String> indices) {
        this.client = client;
        this.indices = indices;
    }

    List<FacetValue> facets(Query q, String field, int top) throws IndexException {
        if (top == 0) {
            return List.of();
        }
        Aggregate terms = aggregate(q, Aggregation.of(a -> a.terms(t -> t.field(field).size(top)
                .shardSize(Math.max(top * 10, 1000)).order(order()))), "a");
        if (exact(terms)) {
            List<FacetValue> out = new ArrayList<>();
            for (StringTermsBucket b : terms.sterms().buckets().array()) {
                out.add(new FacetValue(b.key(), b.docCount()));
            }
            return out;
        }
        return allCounts(q, field).stream().limit(top).toList();
    }

    List<Bucket> histogram(Query q, long micros) throws IndexException {
        Aggregate h = aggregate(q, histogramOf(micros), "a");
        return buckets(h);
    }

    List<ValueHistogram> histogramBy(Query q, long micros, String field, int top) throws IndexException {
        if (top == 0) {
            return List.of();
        }
        Query timed = Query.of(x -> x.bool(b -> b.filter(q).filter(f -> f.exists(e -> e.field(IndexSchema.TIME)))));
        Aggregate terms = aggregate(timed, Aggregation.of(a -> a.terms(t -> t.field(field).size(top)
                .shardSize(Math.max(top * 10, 1000)).order(order())).aggregations("h", histogramOf(micros))), "a");
        List<ValueHistogram> out = new ArrayList<>();
        if (exact(terms)) {
            for (StringTermsBucket b : terms.sterms().buckets().array()) {
                out.add(new ValueHistogram(b.key(), b.docCount(), buckets(b.aggregations().get("h"))));
            }
            return out;
        }
        for (FacetValue v : allCounts(timed, field).stream().limit(top).toList()) {
            Query one = Query.of(x -> x.bool(b -> b.filter(timed)
                    .filter(f -> f.term(t -> t.field(field).value(FieldValue.of(v.value()))))));
            out.add(new ValueHistogram(v.value(), v.count(), histogram(one, micros)));
        }
        return out;
    }

    List<SessionSpan> sessions(Query q) throws IndexException {
        List<SessionSpan> out = new ArrayList<>();
        Map<String, String> after = null;
        Query failures = Query.of(x -> x.terms(t -> t.field(IndexSchema.OUTCOME)
                .terms(v -> v.value(List.of(FieldValue.of("failure"), FieldValue.of("denied"))))));
        while (true) {
            Map<String, String> from = after;
            Aggregation sessions = Aggregation.of(a -> {
                var c = a.composite(x -> {
                    x.size(COMPOSITE_PAGE).sources(List.of(Map.of("s", source(IndexSchema.SESSION_ID))));
                    if (from != null) {
                        x.after(from);
                    }
                    return x;
                });
                return c.aggregations("start", m -> m.min(v -> v.field(IndexSchema.TIME)))
                        .aggregations("end", m -> m.max(v -> v.field(IndexSchema.TIME)))
                        .aggregations("failures", m -> m.filter(failures))
                        .aggregations("user", first(IndexSchema.USER_NAME))
                        .aggregations("target", first(IndexSchema.TARGET_NAME));
            });
            Aggregate page = aggregate(q, sessions, "a");
            List<CompositeBucket> buckets = page.composite().buckets().array();
            for (CompositeBucket b : buckets) {
                Map<String, Aggregate> sub = b.aggregations();
                long n = b.docCount();
                double start = sub.get("start").min().value();
                double end = sub.get("end").max().value();
                boolean timed = !Double.isInfinite(start) && !Double.isNaN(start);
                out.add(new SessionSpan(b.key().get("s").to(String.class),
                        timed ? IndexSchema.instant((long) start) : null, timed ? IndexSchema.instant((long) end) : null,
                        firstValue(sub.get("user"), IndexSchema.USER_NAME),
                        firstValue(sub.get("target"), IndexSchema.TARGET_NAME), n, sub.get("failures").filter().docCount()));
            }
            if (buckets.size() < COMPOSITE_PAGE || page.composite().afterKey() == null) {
                break;
            }
            after = Map.of("s", page.composite().afterKey().get("s").to(String.class));
        }
        out.sort(Comparator.comparing(SessionSpan::start, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(SessionSpan::sessionId));
        return out;
    }

    /** The value of the earliest event (time, then leaf; no time last) that has the field. */
    private static Aggregation first(String field) {
        return Aggregation.of(a -> a.filter(f -> f.exists(e -> e.field(field)))
                .aggregations("top", t -> t.topHits(h -> h.size(1).source(s -> s.filter(f -> f.includes(field)))
                        .sort(ClusterOrderSorts.timeThenLeaf()))));
    }

    private static String firstValue(Aggregate filtered, String field) {
        List<Hit<JsonData>> hits = filtered.filter().aggregations().get("top").topHits().hits().hits();
        if (hits.isEmpty()) {
            return null;
        }
        return hits.get(0).source().toJson().asJsonObject().getString(field, null);
    }

    /** Every value's count over the matching events, most first, ties by value: exact on any number of shards. */
    private List<FacetValue> allCounts(Query q, String field) throws IndexException {
        List<FacetValue> all = new ArrayList<>();
        Map<String, String> after = null;
        while (true) {
            Map<String, String> from = after;
            Aggregate page = aggregate(q, Aggregation.of(a -> a.composite(x -> {
                x.size(COMPOSITE_PAGE).sources(List.of(Map.of("v", source(field))));
                if (from != null) {
                    x.after(from);
                }
                return x;
            })), "a");
            List<CompositeBucket> buckets = page.composite().buckets().array();
            for (CompositeBucket b : buckets) {
                all.add(new FacetValue(b.key().get("v").to(String.class), b.docCount()));
            }
            if (buckets.size() < COMPOSITE_PAGE || page.composite().afterKey() == null) {
                break;
            }
            after = Map.of("v", page.composite().afterKey().get("v").to(String.class));
        }
        all.sort(Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::value));
        return all;
    }

    private static org.opensearch.client.opensearch._types.aggregations.CompositeAggregationSource source(String field) {
        return org.opensearch.client.opensearch._types.aggregations.CompositeAggregationSource.of(
                s -> s.terms(t -> t.field(field)));
    }

    private static boolean exact(Aggregate terms) {
        Long error = terms.sterms().docCountErrorUpperBound();
        return error == null || error == 0;
    }

    private static List<Map<String, org.opensearch.client.opensearch._types.SortOrder>> order() {
        return List.of(Map.of("_count", org.opensearch.client.opensearch._types.SortOrder.Desc),
                Map.of("_key", org.opensearch.client.opensearch._types.SortOrder.Asc));
    }

    private static Aggregation histogramOf(long micros) {
        return Aggregation.of(a -> a.histogram(h -> h.field(IndexSchema.TIME).interval((double) micros).minDocCount(1)));
    }

    private static List<Bucket> buckets(Aggregate h) {
        List<Bucket> out = new ArrayList<>();
        for (HistogramBucket b : h.histogram().buckets().array()) {
            out.add(new Bucket(IndexSchema.instant((long) b.key()), b.docCount()));
        }
        return out;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private Aggregate aggregate(Query q, Aggregation agg, String name) throws IndexException {
        try {
            SearchResponse<Map> r = client.search(s -> s.index(indices).query(q).size(0).aggregations(name, agg),
                    Map.class);
            return r.aggregations().get(name);
        } catch (IOException | OpenSearchException e) {
            throw OpenSearchEventSearch.failed(e);
        }
    }

    /** Which event of a session names its user and target: the earliest by time, then leaf (the local rule). */
    private static final class ClusterOrderSorts {
        private ClusterOrderSorts() {
        }

        static List<org.opensearch.client.opensearch._types.SortOptions> timeThenLeaf() {
            return List.of(
                    org.opensearch.client.opensearch._types.SortOptions.of(s -> s.field(f -> f.field(IndexSchema.TIME)
                            .order(org.opensearch.client.opensearch._types.SortOrder.Asc).missing(FieldValue.of("_last")))),
                    org.opensearch.client.opensearch._types.SortOptions.of(s -> s.field(f -> f.field(IndexSchema.LEAF)
                            .order(org.opensearch.client.opensearch._types.SortOrder.Asc))));
        }
    }
}
