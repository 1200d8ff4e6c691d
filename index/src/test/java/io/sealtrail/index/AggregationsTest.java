package io.sealtrail.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.index.TestBundles.Fixture;
import io.sealtrail.index.TestBundles.Row;
import io.sealtrail.model.AuditEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Facets, histograms and sessions equal the same computations done by hand over the parsed events. */
class AggregationsTest {
    private static Fixture fixture;
    private static EventSearch search;

    @BeforeAll
    static void open() throws Exception {
        fixture = TestBundles.shared();
        search = EventSearch.open(List.of(fixture.index()));
    }

    @AfterAll
    static void close() throws Exception {
        search.close();
    }

    private static List<FacetValue> bruteFacets(String field, Predicate<Row> filter, int top) {
        Map<String, Long> counts = new HashMap<>();
        fixture.rows().stream().filter(filter)
                .forEach(r -> QueryGrammar.values(field, r).stream().distinct().forEach(v -> counts.merge(v, 1L, Long::sum)));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(top).map(e -> new FacetValue(e.getKey(), e.getValue())).toList();
    }

    private static boolean denied(Row r) {
        return r.event() != null && r.event().outcome() == AuditEvent.Outcome.DENIED;
    }

    @Test
    void userNameFacetEqualsBruteForceCounts() throws Exception {
        assertThat(search.facets(EventQuery.all(), IndexSchema.USER_NAME, 10))
                .isEqualTo(bruteFacets(IndexSchema.USER_NAME, r -> true, 10));
    }

    @Test
    void facetCountsOnlyMatchingEvents() throws Exception {
        assertThat(search.facets(EventQuery.of("event.outcome:denied"), IndexSchema.TARGET_NAME, 5))
                .isEqualTo(bruteFacets(IndexSchema.TARGET_NAME, AggregationsTest::denied, 5));
    }

    @Test
    void multiValuedFacetCountsEachValueOncePerEvent() throws Exception {
        assertThat(search.facets(EventQuery.all(), IndexSchema.USER_ROLES, 100))
                .isEqualTo(bruteFacets(IndexSchema.USER_ROLES, r -> true, 100));
    }

    @Test
    void facetTiesAreBrokenByValue() throws Exception {
        List<FacetValue> all = search.facets(EventQuery.all(), IndexSchema.SESSION_ID, Integer.MAX_VALUE);
        assertThat(all).isSortedAccordingTo(Comparator.comparingLong(FacetValue::count).reversed()
                .thenComparing(FacetValue::value));
        assertThat(all).isEqualTo(bruteFacets(IndexSchema.SESSION_ID, r -> true, Integer.MAX_VALUE));
    }

    @Test
    void hourlyHistogramEqualsBruteForceBuckets() throws Exception {
        assertThat(search.histogram(EventQuery.all(), Duration.ofHours(1))).isEqualTo(bruteHistogram(3_600_000_000L, r -> true));
    }

    @Test
    void histogramOfAQueryWithOddIntervalEqualsBruteForce() throws Exception {
        assertThat(search.histogram(EventQuery.of("event.outcome:denied"), Duration.ofMinutes(7)))
                .isEqualTo(bruteHistogram(420_000_000L, AggregationsTest::denied));
    }

    private static List<Bucket> bruteHistogram(long micros, Predicate<Row> filter) {
        TreeMap<Long, Long> counts = new TreeMap<>();
        fixture.rows().stream().filter(filter)
                .forEach(r -> counts.merge(Math.floorDiv(r.timeMicros(), micros) * micros, 1L, Long::sum));
        return counts.entrySet().stream().map(e -> new Bucket(IndexSchema.instant(e.getKey()), e.getValue())).toList();
    }

    @Test
    void hourlyHistogramByUserEqualsBruteForceBucketsPerUser() throws Exception {
        assertThat(search.histogramBy(EventQuery.all(), Duration.ofHours(1), IndexSchema.USER_NAME, Integer.MAX_VALUE))
                .isEqualTo(bruteHistogramBy(3_600_000_000L, IndexSchema.USER_NAME, r -> true, Integer.MAX_VALUE));
    }

    @Test
    void histogramByOfAQueryKeepsOnlyTheTopValuesOfMatchingEvents() throws Exception {
        assertThat(search.histogramBy(EventQuery.of("event.outcome:denied"), Duration.ofMinutes(7), IndexSchema.TARGET_NAME, 3))
                .hasSize(3)
                .isEqualTo(bruteHistogramBy(420_000_000L, IndexSchema.TARGET_NAME, AggregationsTest::denied, 3));
    }

    @Test
    void histogramByAMultiValuedFieldCountsEachValueOncePerEvent() throws Exception {
        assertThat(search.histogramBy(EventQuery.all(), Duration.ofDays(1), IndexSchema.USER_ROLES, 100))
                .isEqualTo(bruteHistogramBy(86_400_000_000L, IndexSchema.USER_ROLES, r -> true, 100));
    }

    @Test
    void histogramByANonKeywordFieldIsAnError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> search.histogramBy(EventQuery.all(), Duration.ofHours(1), IndexSchema.COMMAND, 5))
                .isInstanceOf(IndexException.class).hasMessageContaining("keyword field");
    }

    private static List<ValueHistogram> bruteHistogramBy(long micros, String field, Predicate<Row> filter, int top) {
        Map<String, TreeMap<Long, Long>> by = new HashMap<>();
        fixture.rows().stream().filter(filter).forEach(r -> QueryGrammar.values(field, r).stream().distinct()
                .forEach(v -> by.computeIfAbsent(v, k -> new TreeMap<>())
                        .merge(Math.floorDiv(r.timeMicros(), micros) * micros, 1L, Long::sum)));
        return by.entrySet().stream()
                .map(e -> new ValueHistogram(e.getKey(), e.getValue().values().stream().mapToLong(Long::longValue).sum(),
                        e.getValue().entrySet().stream().map(b -> new Bucket(IndexSchema.instant(b.getKey()), b.getValue())).toList()))
                .sorted(Comparator.comparingLong(ValueHistogram::count).reversed().thenComparing(ValueHistogram::value))
                .limit(top).toList();
    }

    @Test
    void sessionsEqualBruteForceSpans() throws Exception {
        assertThat(search.sessions(EventQuery.all())).isEqualTo(bruteSessions(r -> true));
    }

    @Test
    void sessionsOfAQueryCountOnlyMatchingEvents() throws Exception {
        assertThat(search.sessions(EventQuery.of("target.kind:database"))).isEqualTo(bruteSessions(
                r -> r.event() != null && r.event().target() != null
                        && r.event().target().kind() == AuditEvent.TargetKind.DATABASE));
    }

    private static List<SessionSpan> bruteSessions(Predicate<Row> filter) {
        Map<String, List<Row>> by = new TreeMap<>();
        fixture.rows().stream().filter(filter).filter(r -> r.event() != null && r.event().sessionId() != null)
                .forEach(r -> by.computeIfAbsent(r.event().sessionId(), k -> new ArrayList<>()).add(r));
        List<SessionSpan> out = new ArrayList<>();
        by.forEach((id, rows) -> {
            // rows are in event order (time, then seq), so the first naming a user is the earliest
            String user = rows.stream().map(r -> r.event().user()).filter(u -> u != null && u.name() != null)
                    .map(AuditEvent.Actor::name).findFirst().orElse(null);
            String target = rows.stream().map(r -> r.event().target()).filter(t -> t != null && t.name() != null)
                    .map(AuditEvent.Target::name).findFirst().orElse(null);
            long failures = rows.stream().filter(r -> r.event().outcome() != AuditEvent.Outcome.SUCCESS).count();
            out.add(new SessionSpan(id, IndexSchema.instant(rows.get(0).timeMicros()),
                    IndexSchema.instant(rows.get(rows.size() - 1).timeMicros()), user, target, rows.size(), failures));
        });
        out.sort(Comparator.comparing(SessionSpan::start).thenComparing(SessionSpan::sessionId));
        return out;
    }

    @Test
    void facetOnANonKeywordFieldIsAnError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> search.facets(EventQuery.all(), IndexSchema.COMMAND, 5))
                .isInstanceOf(IndexException.class).hasMessageContaining("keyword field");
    }
}
