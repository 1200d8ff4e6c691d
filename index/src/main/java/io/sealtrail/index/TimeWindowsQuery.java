package io.sealtrail.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * Events whose time falls in any of many windows ({@code time:[a TO b} OR time:[c TO d} OR ...}, the report's
 * off-hours clause): each candidate's time is read from doc values and looked up among the merged windows by binary
 * search. Lucene ran the disjunction as one point query per window, each collecting its events, then merged them:
 * at 10M events and up to 1,000 windows, 0.2-1.2 s a count (docs/soak.md). Here a narrowed query (one user's events)
 * checks only its own candidates. An event's time is one point and one doc value of the same long
 * ({@code EventDocument.Numeric}), so both forms match the same events.
 */
public final class TimeWindowsQuery extends Query {

    /** Below this many windows the disjunction is left as Lucene builds it. */
    static final int MIN_WINDOWS = 2;

    private final String field;
    /** Inclusive bounds, sorted, disjoint and not touching: lows[i] <= highs[i] < lows[i + 1] - 1. */
    private final long[] lows;
    private final long[] highs;

    private TimeWindowsQuery(String field, long[] lows, long[] highs) {
        this.field = field;
        this.lows = lows;
        this.highs = highs;
    }

    /**
     * The same events as {@code q} as a windows query, when {@code q} is a pure disjunction of at least
     * {@link #MIN_WINDOWS} one-dimensional long ranges on {@link IndexSchema#TIME}; else {@code q} itself.
     */
    static Query of(Query q) {
        if (!(q instanceof BooleanQuery b) || b.getMinimumNumberShouldMatch() != 0 || b.clauses().size() < MIN_WINDOWS) {
            return q;
        }
        List<long[]> ranges = new ArrayList<>();
        for (BooleanClause c : b.clauses()) {
            if (c.getOccur() != BooleanClause.Occur.SHOULD || !(c.getQuery() instanceof PointRangeQuery p)
                    || !p.getField().equals(IndexSchema.TIME) || p.getNumDims() != 1 || p.getBytesPerDim() != Long.BYTES) {
                return q;
            }
            long lo = LongPoint.decodeDimension(p.getLowerPoint(), 0);
            long hi = LongPoint.decodeDimension(p.getUpperPoint(), 0);
            if (lo <= hi) {
                ranges.add(new long[] {lo, hi});
            }
        }
        ranges.sort(Comparator.comparingLong(r -> r[0]));
        List<long[]> merged = new ArrayList<>();
        for (long[] r : ranges) {
            long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && (last[1] == Long.MAX_VALUE || r[0] <= last[1] + 1)) {
                last[1] = Math.max(last[1], r[1]);
            } else {
                merged.add(new long[] {r[0], r[1]});
            }
        }
        return new TimeWindowsQuery(IndexSchema.TIME, merged.stream().mapToLong(r -> r[0]).toArray(),
                merged.stream().mapToLong(r -> r[1]).toArray());
    }

    /** The field the windows are on (event time, microseconds). */
    public String field() {
        return field;
    }

    /**
     * The merged windows in time order, each {@code {low, high}} with both ends inclusive: for an engine that runs
     * the same events as ranges (OpenSearch).
     */
    public List<long[]> windows() {
        List<long[]> out = new ArrayList<>(lows.length);
        for (int i = 0; i < lows.length; i++) {
            out.add(new long[] {lows[i], highs[i]});
        }
        return out;
    }

    /** Whether a time lies in a window: the last window starting at or before it must not end before it. */
    boolean contains(long t) {
        int i = Arrays.binarySearch(lows, t);
        int at = i >= 0 ? i : -i - 2;
        return at >= 0 && t <= highs[at];
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new ConstantScoreWeight(this, boost) {
            @Override
            public Scorer scorer(LeafReaderContext context) throws IOException {
                NumericDocValues times = context.reader().getNumericDocValues(field);
                if (lows.length == 0 || times == null) {
                    return null;
                }
                TwoPhaseIterator inWindow = new TwoPhaseIterator(times) {
                    @Override
                    public boolean matches() throws IOException {
                        return contains(times.longValue());
                    }

                    @Override
                    public float matchCost() {
                        return 32 - Integer.numberOfLeadingZeros(lows.length); // the binary search's steps
                    }
                };
                return new ConstantScoreScorer(this, score(), scoreMode, inWindow);
            }

            @Override
            public boolean isCacheable(LeafReaderContext ctx) {
                return DocValues.isCacheable(ctx, field);
            }
        };
    }

    @Override
    public void visit(QueryVisitor visitor) {
        if (visitor.acceptField(field)) {
            visitor.visitLeaf(this);
        }
    }

    @Override
    public String toString(String f) {
        StringBuilder sb = new StringBuilder(field).append(" in ").append(lows.length).append(" windows");
        for (int i = 0; i < Math.min(lows.length, 3); i++) {
            sb.append(i == 0 ? " [" : ", [").append(lows[i]).append(" TO ").append(highs[i]).append(']');
        }
        return sb.append(lows.length > 3 ? ", ..." : "").toString();
    }

    @Override
    public boolean equals(Object o) {
        return sameClassAs(o) && field.equals(((TimeWindowsQuery) o).field)
                && Arrays.equals(lows, ((TimeWindowsQuery) o).lows) && Arrays.equals(highs, ((TimeWindowsQuery) o).highs);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * classHash() + field.hashCode()) + 17 * Arrays.hashCode(lows) + Arrays.hashCode(highs);
    }
}
