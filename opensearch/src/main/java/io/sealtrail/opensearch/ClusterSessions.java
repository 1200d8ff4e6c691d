package io.sealtrail.opensearch;

import io.sealtrail.index.IndexException;
import io.sealtrail.index.IndexSchema;
import io.sealtrail.index.SessionSpan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SortOptions;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.aggregations.Aggregate;
import org.opensearch.client.opensearch._types.aggregations.Aggregation;
import org.opensearch.client.opensearch._types.aggregations.CompositeAggregationSource;
import org.opensearch.client.opensearch._types.aggregations.CompositeBucket;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.search.Hit;

/**
 * The sessions among the matching events, as the local index gives them: per session id its events, first and last
 * time, failures, and the user and target of its earliest event (time, then leaf; no time last) that names one.
 * <p>
 * One composite aggregation over (session, user, target), each bucket with its count, first and last time and
 * failures, summed up here: no per-session {@code top_hits}, whose fetch for every bucket was most of the time
 * (docs/opensearch.md, "Measured here"). The earliest user of a session is the one whose first time is earliest; only
 * when two users (or targets) share that first time does the leaf decide, and those few sessions are asked again with
 * a {@code top_hits} sorted by time and leaf.
 */
final class ClusterSessions {
    private static final int PAGE = 1000;
    private static final int ASK_AGAIN = 500;

    /** Runs one aggregation over the matching events and returns it. */
    @FunctionalInterface
    interface Aggregator {
        Aggregate run(Query q, Aggregation a) throws IndexException;
    }

    private final Aggregator aggregator;

    ClusterSessions(Aggregator aggregator) {
        this.aggregator = aggregator;
    }

    List<SessionSpan> sessions(Query q) throws IndexException {
        Map<String, Span> spans = new LinkedHashMap<>();
        Query failures = Query.of(x -> x.terms(t -> t.field(IndexSchema.OUTCOME)
                .terms(v -> v.value(List.of(FieldValue.of("failure"), FieldValue.of("denied"))))));
        Map<String, String> after = null;
        while (true) {
            Map<String, String> from = after;
            Aggregate page = aggregator.run(q, Aggregation.of(a -> a.composite(x -> {
                x.size(PAGE).sources(List.of(Map.of("s", source(IndexSchema.SESSION_ID, false)),
                        Map.of("u", source(IndexSchema.USER_NAME, true)), Map.of("t", source(IndexSchema.TARGET_NAME, true))));
                if (from != null) {
                    x.after(from);
                }
                return x;
            }).aggregations("start", m -> m.min(v -> v.field(IndexSchema.TIME)))
                    .aggregations("end", m -> m.max(v -> v.field(IndexSchema.TIME)))
                    .aggregations("failures", m -> m.filter(failures))));
            List<CompositeBucket> buckets = page.composite().buckets().array();
            for (CompositeBucket b : buckets) {
                Map<String, Aggregate> sub = b.aggregations();
                spans.computeIfAbsent(key(b.key(), "s"), Span::new).add(b.docCount(), sub.get("start").min().value(),
                        sub.get("end").max().value(), sub.get("failures").filter().docCount(), key(b.key(), "u"),
                        key(b.key(), "t"));
            }
            if (buckets.size() < PAGE || page.composite().afterKey() == null) {
                break;
            }
            Map<String, String> next = new HashMap<>();
            page.composite().afterKey().forEach((k, v) -> next.put(k, key(page.composite().afterKey(), k)));
            after = next;
        }
        askAgain(q, spans, IndexSchema.USER_NAME, s -> s.user.tied, (s, v) -> s.user.value = v);
        askAgain(q, spans, IndexSchema.TARGET_NAME, s -> s.target.tied, (s, v) -> s.target.value = v);
        List<SessionSpan> out = new ArrayList<>(spans.size());
        for (Span s : spans.values()) {
            out.add(s.span());
        }
        out.sort(Comparator.comparing(SessionSpan::start, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(SessionSpan::sessionId));
        return out;
    }

    /** The sessions whose first user (or target) the first times could not tell, asked by time and leaf. */
    private void askAgain(Query q, Map<String, Span> spans, String field, java.util.function.Predicate<Span> tied,
                          java.util.function.BiConsumer<Span, String> set) throws IndexException {
        List<String> ids = spans.values().stream().filter(tied).map(s -> s.id).toList();
        for (int from = 0; from < ids.size(); from += ASK_AGAIN) {
            List<FieldValue> these = ids.subList(from, Math.min(ids.size(), from + ASK_AGAIN)).stream()
                    .map(FieldValue::of).toList();
            Query only = Query.of(x -> x.bool(b -> b.filter(q).filter(f -> f.terms(t -> t.field(IndexSchema.SESSION_ID)
                    .terms(v -> v.value(these)))).filter(f -> f.exists(e -> e.field(field)))));
            Aggregate page = aggregator.run(only, Aggregation.of(a -> a.terms(t -> t.field(IndexSchema.SESSION_ID)
                    .size(these.size())).aggregations("top", first(field))));
            for (var b : page.sterms().buckets().array()) {
                List<Hit<JsonData>> hits = b.aggregations().get("top").topHits().hits().hits();
                if (!hits.isEmpty()) {
                    set.accept(spans.get(b.key()), hits.get(0).source().toJson().asJsonObject().getString(field, null));
                }
            }
        }
    }

    private static Aggregation first(String field) {
        return Aggregation.of(a -> a.topHits(h -> h.size(1).source(s -> s.filter(f -> f.includes(field))).sort(List.of(
                SortOptions.of(s -> s.field(f -> f.field(IndexSchema.TIME).order(SortOrder.Asc)
                        .missing(FieldValue.of("_last")))),
                SortOptions.of(s -> s.field(f -> f.field(IndexSchema.LEAF).order(SortOrder.Asc)))))));
    }

    private static CompositeAggregationSource source(String field, boolean missing) {
        return CompositeAggregationSource.of(s -> s.terms(t -> t.field(field).missingBucket(missing)));
    }

    /** A composite key's value, null for the missing bucket. */
    static String key(Map<String, JsonData> key, String name) {
        JsonData v = key.get(name);
        // the JSON value itself: JsonData.to() starts a parser for each value, a third of the time for 2,000 buckets
        return v != null && v.toJson() instanceof jakarta.json.JsonString s ? s.getString() : null;
    }

    /** The earliest value of a field within one session, and whether another value shares its first time. */
    private static final class First {
        String value;
        double at = Double.POSITIVE_INFINITY;
        boolean tied;

        void offer(String v, double time) {
            if (v == null) {
                return;
            }
            double t = Double.isNaN(time) ? Double.POSITIVE_INFINITY : time; // no time: last
            if (value == null || t < at) {
                value = v;
                at = t;
                tied = false;
            } else if (t == at && !v.equals(value)) {
                tied = true;
            }
        }
    }

    /** One session, summed over its (user, target) buckets. */
    private static final class Span {
        final String id;
        long events;
        long failures;
        double start = Double.POSITIVE_INFINITY;
        double end = Double.NEGATIVE_INFINITY;
        final First user = new First();
        final First target = new First();

        Span(String id) {
            this.id = id;
        }

        void add(long n, double first, double last, long failed, String u, String t) {
            events += n;
            failures += failed;
            if (!Double.isNaN(first) && !Double.isInfinite(first)) {
                start = Math.min(start, first);
                end = Math.max(end, last);
            }
            user.offer(u, first);
            target.offer(t, first);
        }

        SessionSpan span() {
            boolean timed = !Double.isInfinite(start);
            return new SessionSpan(id, timed ? IndexSchema.instant((long) start) : null,
                    timed ? IndexSchema.instant((long) end) : null, user.value, target.value, events, failures);
        }
    }
}
