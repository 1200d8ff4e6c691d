package io.sealtrail.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.index.QueryGrammar.Expr;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The query property test's random queries (terms on real values, wildcards, seq and time ranges, AND/OR/NOT, a
 * time window) give the same events in the same order, and the same count, from the local index and from OpenSearch.
 */
class QueryDifferentialTest {
    private static ClusterFixture both;
    private static QueryGrammar grammar;

    @BeforeContainer
    static void open() throws Exception {
        both = ClusterFixture.shared();
        grammar = new QueryGrammar(both.local.rows());
    }

    @Provide
    Arbitrary<EventQuery> queries() {
        return Arbitraries.randomValue(r -> {
            Expr e = grammar.expr(r, 3);
            return new EventQuery(e.query(), r.nextInt(4) == 0 ? time(r) : null, r.nextInt(4) == 0 ? time(r) : null);
        });
    }

    private static Instant time(Random r) {
        return IndexSchema.instant(both.local.rows().get(r.nextInt(both.local.rows().size())).timeMicros());
    }

    @Property(tries = 60)
    void bothEnginesFindTheSameEventsInTheSameOrder(@ForAll("queries") EventQuery q) throws Exception {
        assertThat(keys(both.cluster, q)).as(q.text()).containsExactlyElementsOf(keys(both.lucene, q));
        assertThat(both.cluster.count(q)).as(q.text()).isEqualTo(both.lucene.count(q));
    }

    private static List<String> keys(EventSearch s, EventQuery q) throws IndexException {
        List<String> out = new ArrayList<>();
        s.export(q, h -> out.add(h.bundleId() + "/" + h.seq() + "/" + h.leaf()));
        return out;
    }
}
