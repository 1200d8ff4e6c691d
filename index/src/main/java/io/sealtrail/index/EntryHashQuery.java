package io.sealtrail.index;

import io.sealtrail.verify.merkle.Sha256;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.apache.lucene.document.BinaryPoint;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * Events whose entry hash starts with some hex digits (all 64 for one event). The index keeps only the hash's
 * first {@value IndexSchema#HASH_POINT_BYTES} bytes, as a point ({@link #of}: a range on it finds the candidates);
 * this query then checks each candidate's full hash, recomputed from its stored line, so the answer is exact
 * even for hashes sharing those bytes. Only ever a filter beside the point range, never alone.
 */
final class EntryHashQuery extends Query {
    private final String hexPrefix;

    private EntryHashQuery(String hexPrefix) {
        this.hexPrefix = hexPrefix;
    }

    /** @param hex 1 to 64 lower-case hex digits */
    static Query of(String hex) {
        int n = IndexSchema.HASH_POINT_BYTES * 2;
        String head = hex.length() > n ? hex.substring(0, n) : hex;
        byte[] lo = HexFormat.of().parseHex(pad(head, '0', n));
        byte[] hi = HexFormat.of().parseHex(pad(head, 'f', n));
        Query range = Arrays.equals(lo, hi) ? BinaryPoint.newExactQuery(IndexSchema.EVENT_HASH, lo)
                : BinaryPoint.newRangeQuery(IndexSchema.EVENT_HASH, lo, hi);
        if (hex.length() <= n) {
            return range; // the point holds every digit asked for
        }
        return new BooleanQuery.Builder().add(range, BooleanClause.Occur.FILTER)
                .add(new EntryHashQuery(hex), BooleanClause.Occur.FILTER).build();
    }

    String hexPrefix() {
        return hexPrefix;
    }

    private static String pad(String s, char c, int n) {
        return s + String.valueOf(c).repeat(n - s.length());
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new ConstantScoreWeight(this, boost) {
            @Override
            public Scorer scorer(LeafReaderContext context) throws IOException {
                MessageDigest sha = Sha256.newDigest();
                DocIdSetIterator all = DocIdSetIterator.all(context.reader().maxDoc());
                TwoPhaseIterator check = new TwoPhaseIterator(all) {
                    @Override
                    public boolean matches() throws IOException {
                        return HitReader.entryHash(context.reader(), all.docID(), sha).startsWith(hexPrefix);
                    }

                    @Override
                    public float matchCost() {
                        return 10_000f; // a stored line read and hashed: let every other clause go first
                    }
                };
                return new ConstantScoreScorer(this, score(), scoreMode, check);
            }

            @Override
            public boolean isCacheable(LeafReaderContext ctx) {
                return true;
            }
        };
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public String toString(String field) {
        return IndexSchema.EVENT_HASH + ":" + hexPrefix + "* (checked against the line)";
    }

    @Override
    public boolean equals(Object o) {
        return sameClassAs(o) && hexPrefix.equals(((EntryHashQuery) o).hexPrefix);
    }

    @Override
    public int hashCode() {
        return 31 * classHash() + hexPrefix.hashCode();
    }
}
