package io.sealtrail.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.index.TestBundles.Fixture;
import io.sealtrail.index.TestBundles.Row;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.store.FSDirectory;

/**
 * Many time windows OR-ed together (the report's off-hours clause) parse into one {@link TimeWindowsQuery}, which
 * matches exactly the events Lucene's disjunction of one point range per window matches: alone, and inside a query.
 */
class TimeWindowsQueryTest {
    private static Fixture fixture;
    private static FSDirectory dir;
    private static DirectoryReader reader;

    /** Windows as {@code [from, to]} micros (a closed upper bound when {@code closed[i]}, else {@code to} is excluded). */
    record Windows(long[] from, long[] to, boolean[] closed) {
        String query() {
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < from.length; i++) {
                sb.append(i == 0 ? "" : " OR ").append("time:[").append(IndexSchema.instant(from[i])).append(" TO ")
                        .append(IndexSchema.instant(to[i])).append(closed[i] ? ']' : '}');
            }
            return sb.append(')').toString();
        }

        /** What Lucene's parser built before: one point range per window, any of them. */
        Query disjunction() {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            for (int i = 0; i < from.length; i++) {
                b.add(LongPoint.newRangeQuery(IndexSchema.TIME, from[i], closed[i] ? to[i] : to[i] - 1), Occur.SHOULD);
            }
            return b.build();
        }
    }

    @BeforeContainer
    static void open() throws Exception {
        fixture = TestBundles.shared();
        dir = FSDirectory.open(fixture.index());
        reader = DirectoryReader.open(dir);
    }

    @AfterContainer
    static void close() throws Exception {
        reader.close();
        dir.close();
    }

    @Provide
    Arbitrary<Windows> windows() {
        return Arbitraries.randomValue(r -> {
            List<Row> rows = fixture.rows();
            long first = rows.get(0).timeMicros();
            long span = rows.get(rows.size() - 1).timeMicros() - first;
            int n = 2 + r.nextInt(60);
            long[] from = new long[n];
            long[] to = new long[n];
            boolean[] closed = new boolean[n];
            for (int i = 0; i < n; i++) {
                // bounds on event times test the edges; windows overlap, touch, nest or lie apart at random
                from[i] = r.nextBoolean() ? time(r) : first - span / 20 + (long) (r.nextDouble() * span * 1.1);
                to[i] = r.nextInt(5) == 0 ? from[i] + r.nextInt(3) : r.nextBoolean() ? time(r)
                        : from[i] + (long) (r.nextDouble() * span / Math.max(1, n / 2));
                closed[i] = r.nextBoolean();
            }
            return new Windows(from, to, closed);
        });
    }

    private static long time(Random r) {
        return fixture.rows().get(r.nextInt(fixture.rows().size())).timeMicros();
    }

    @Property(tries = 150)
    void windowsMatchWhatTheirDisjunctionMatched(@ForAll("windows") Windows w) throws Exception {
        Query parsed = EventQueryParser.parseQuery(w.query());

        assertThat(parsed).isInstanceOf(TimeWindowsQuery.class);
        assertThat(docs(parsed)).as(w.query()).isEqualTo(docs(w.disjunction()));
    }

    @Property(tries = 50)
    void windowsInsideAQueryMatchWhatTheirDisjunctionMatched(@ForAll("windows") Windows w) throws Exception {
        String other = "NOT event.action:log.heartbeat";
        Query parsed = EventQueryParser.parseQuery(other + " AND " + w.query());
        Query before = new BooleanQuery.Builder().add(EventQueryParser.parseQuery(other), Occur.MUST)
                .add(w.disjunction(), Occur.MUST).build();

        assertThat(docs(parsed)).as(w.query()).isEqualTo(docs(before));
    }

    @Property(tries = 20)
    void aDisjunctionWithAnotherKindOfClauseIsLeftAlone(@ForAll("windows") Windows w) throws Exception {
        Query parsed = EventQueryParser.parseQuery(w.query().replace("(", "(user.name:alice OR "));

        assertThat(parsed).isNotInstanceOf(TimeWindowsQuery.class);
    }

    private static BitSet docs(Query q) throws Exception {
        BitSet out = new BitSet();
        new IndexSearcher(reader).search(q, new SimpleCollector() {
            private int base;

            @Override
            protected void doSetNextReader(org.apache.lucene.index.LeafReaderContext context) {
                base = context.docBase;
            }

            @Override
            public void collect(int doc) {
                out.set(base + doc);
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        });
        return out;
    }
}
