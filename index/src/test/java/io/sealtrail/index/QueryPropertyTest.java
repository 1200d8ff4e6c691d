package io.sealtrail.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.index.QueryGrammar.Expr;
import io.sealtrail.index.TestBundles.Fixture;
import io.sealtrail.index.TestBundles.Row;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Random queries of a small grammar (terms on real values, wildcards, seq and time ranges, AND/OR/NOT)
 * give exactly the events a plain filter over the parsed bundle gives, in the same order, and
 * {@code count} agrees.
 */
class QueryPropertyTest {
    private static Fixture fixture;
    private static QueryGrammar grammar;
    private static EventSearch search;

    /** A query with an optional time window, as the API takes it. */
    record Case(Expr expr, Long from, Long to) {
        boolean matches(Row r) {
            return expr.matches(r) && (from == null || r.timeMicros() >= from) && (to == null || r.timeMicros() < to);
        }

        Instant fromInstant() {
            return from == null ? null : IndexSchema.instant(from);
        }

        Instant toInstant() {
            return to == null ? null : IndexSchema.instant(to);
        }
    }

    @BeforeContainer
    static void open() throws Exception {
        fixture = TestBundles.shared();
        grammar = new QueryGrammar(fixture.rows());
        search = EventSearch.open(List.of(fixture.index()));
    }

    @AfterContainer
    static void close() throws Exception {
        search.close();
    }

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.randomValue(r -> {
            Expr e = grammar.expr(r, 3);
            Long from = r.nextInt(4) == 0 ? time(r) : null;
            Long to = r.nextInt(4) == 0 ? time(r) : null;
            return new Case(e, from, to);
        });
    }

    private static long time(Random r) {
        return fixture.rows().get(r.nextInt(fixture.rows().size())).timeMicros();
    }

    @Property(tries = 120)
    void searchMatchesTheBruteForceFilter(@ForAll("cases") Case c) throws Exception {
        List<String> expected = fixture.rows().stream().filter(c::matches).map(Row::key).toList();
        Statistics.collect(expected.isEmpty() ? "none" : expected.size() == fixture.rows().size() ? "all" : "some");
        List<String> found = new ArrayList<>();
        search.export(new EventQuery(c.expr().query(), c.fromInstant(), c.toInstant()), h -> found.add(h.bundleId() + "/" + h.seq()));

        assertThat(found).as(c.expr().query()).containsExactlyElementsOf(expected);
        assertThat(search.count(new EventQuery(c.expr().query(), c.fromInstant(), c.toInstant()))).as(c.expr().query())
                .isEqualTo(expected.size());
    }
}
