package io.sealtrail.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A query of 1,000 time windows (the report's off-hours clause over about four years) asks OpenSearch for about
 * 2,000 Lucene clauses, twice the 1,024 it takes in one request; it is split into requests of fewer windows, and
 * both engines still give the same counts, events and order.
 */
class ManyWindowsAgreeTest {
    private static ClusterFixture both;
    private static String windows;

    @BeforeAll
    static void open() throws Exception {
        both = ClusterFixture.shared();
        long first = both.local.rows().stream().mapToLong(TestBundles.Row::timeMicros).filter(t -> t != Long.MAX_VALUE)
                .min().orElseThrow();
        long last = both.local.rows().stream().mapToLong(TestBundles.Row::timeMicros).filter(t -> t != Long.MAX_VALUE)
                .max().orElseThrow();
        // every other of 2,000 slices of the bundle's time: about half its events, in 1,000 windows
        long slice = Math.max(1, (last - first) / 2000 + 1);
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < 1000; i++) {
            Instant from = IndexSchema.instant(first + 2 * i * slice);
            sb.append(i == 0 ? "" : " OR ").append("time:[").append(from).append(" TO ")
                    .append(IndexSchema.instant(first + (2 * i + 1) * slice)).append('}');
        }
        windows = sb.append(')').toString();
    }

    @Test
    void aThousandWindowsAreCountedAsLocally() throws Exception {
        EventQuery q = EventQuery.of("NOT event.action:log.heartbeat AND " + windows);
        long local = both.lucene.count(q);

        assertThat(local).isPositive().isLessThan(both.local.rows().size());
        assertThat(both.cluster.count(q)).isEqualTo(local);
    }

    @Test
    void aThousandWindowsCiteTheSameResultSet() throws Exception {
        EventQuery q = EventQuery.of("event.outcome:success AND " + windows);

        assertThat(both.cluster.resultSet(q)).isEqualTo(both.lucene.resultSet(q));
    }

    @Test
    void pagesOfAThousandWindowsFollowTheSameOrderAcrossTheRequests() throws Exception {
        EventQuery q = EventQuery.of(windows);
        for (SortOrder order : List.of(SortOrder.TIME, SortOrder.NEWEST_FIRST)) {
            assertThat(pages(both.cluster, q, order)).as(order.toString())
                    .containsExactlyElementsOf(pages(both.lucene, q, order)).hasSizeGreaterThan(1000);
        }
    }

    @Test
    void facetsOfAThousandWindowsAreRefusedInASentence() {
        assertThatThrownBy(() -> both.cluster.facets(EventQuery.of(windows), IndexSchema.USER_NAME, 5))
                .isInstanceOf(IndexException.class).hasMessageContaining("1000 time windows")
                .hasMessageContaining("search the case's local index");
    }

    /** Every hit, page by page (700 at a time: pages that end inside one request's events and start in the next). */
    private static List<String> pages(EventSearch s, EventQuery q, SortOrder order) throws IndexException {
        List<String> out = new ArrayList<>();
        Cursor at = null;
        do {
            Page p = s.search(q, 700, at, order);
            p.hits().forEach(h -> out.add(h.bundleId() + "/" + h.leaf()));
            assertThat(p.total()).isEqualTo(s.count(q));
            at = p.next();
        } while (at != null);
        return out;
    }
}
