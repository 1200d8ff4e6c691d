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

/**
 * Facets, histograms and sessions as OpenSearch aggregations, with the local index's exact answers: facets and the
 * values of a split histogram are terms aggregations ordered by count then value, and when OpenSearch reports that
 * a count may be short (several shards, doc_count_error_upper_bound above 0) every value is counted with a composite
 * aggregation instead; the histogram is a {@code histogram} on the microsecond field (a {@code date_histogram} reads
 * milliseconds) aligned to the epoch; sessions are ClusterSessions'.
 */
final class ClusterAggregations {
    private static final int COMPOSITE_PAGE = 1000;

    private final OpenSearchClient client;
    private final List<String> indices;
    private final java.util.function.Function<Exception, IndexException> failed;

    /** @param failed how a failure of the cluster is told (OpenSearchEventSearch's, which says where and why) */
    ClusterAggregations(OpenSearchClient client, List<String> indices,
                        java.util.function.Function<Exception, IndexException> failed) {
        this.client = client;
        this.indices = indices;
        this.failed = failed;
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
        return new ClusterSessions((query, agg) -> aggregate(query, agg, "a")).sessions(q);
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
                all.add(new FacetValue(ClusterSessions.key(b.key(), "v"), b.docCount()));
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
            throw failed.apply(e);
        }
    }
}
