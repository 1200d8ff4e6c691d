package io.sealtrail.index;

import io.sealtrail.verify.merkle.Sha256;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.document.BinaryPoint;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * Facets, histograms (also per field value) and sessions, computed from doc values while the query's matches stream by: no
 * document is loaded and no hit list is kept. Counting happens per segment by ordinal; values are turned
 * into strings once per segment, when it is done.
 */
final class Aggregations {
    private Aggregations() {
    }

    /** A collector that finishes the previous segment when the next one starts, and at the end. */
    private abstract static class SegmentCollector extends SimpleCollector {
        abstract void endSegment() throws IOException;

        @Override
        protected final void doSetNextReader(LeafReaderContext context) throws IOException {
            endSegment();
            startSegment(context);
        }

        abstract void startSegment(LeafReaderContext context) throws IOException;

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }

        @Override
        public void setScorer(Scorable scorer) {
            // no scores needed
        }
    }

    private static <C extends SegmentCollector, R> CollectorManager<C, R> manager(
            java.util.function.Supplier<C> create, java.util.function.Function<Collection<C>, R> merge) {
        return new CollectorManager<>() {
            @Override
            public C newCollector() {
                return create.get();
            }

            @Override
            public R reduce(Collection<C> collectors) throws IOException {
                for (C c : collectors) {
                    c.endSegment();
                }
                return merge.apply(collectors);
            }
        };
    }

    // ---- facets ----------------------------------------------------------------------------------

    static final class Facets {
        private final Map<String, Long> counts = new HashMap<>();

        /** How many distinct values were counted. */
        int size() {
            return counts.size();
        }

        List<FacetValue> top(int n) {
            return counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(Math.max(0, n))
                    .map(e -> new FacetValue(e.getKey(), e.getValue()))
                    .toList();
        }
    }

    static CollectorManager<?, Facets> facets(String field) {
        final class FacetCollector extends SegmentCollector {
            final Facets result = new Facets();
            SortedSetDocValues values;
            int[] perOrd;

            @Override
            void startSegment(LeafReaderContext context) throws IOException {
                values = DocValues.getSortedSet(context.reader(), field);
                perOrd = new int[(int) values.getValueCount()];
            }

            @Override
            public void collect(int doc) throws IOException {
                if (values.advanceExact(doc)) {
                    for (int i = 0; i < values.docValueCount(); i++) {
                        perOrd[(int) values.nextOrd()]++;
                    }
                }
            }

            @Override
            void endSegment() throws IOException {
                if (perOrd == null) {
                    return;
                }
                for (int ord = 0; ord < perOrd.length; ord++) {
                    if (perOrd[ord] > 0) {
                        result.counts.merge(values.lookupOrd(ord).utf8ToString(), (long) perOrd[ord], Long::sum);
                    }
                }
                perOrd = null;
            }
        }
        return manager(FacetCollector::new, cs -> {
            Facets all = new Facets();
            cs.forEach(c -> c.result.counts.forEach((k, v) -> all.counts.merge(k, v, Long::sum)));
            return all;
        });
    }

    /**
     * Facets of event.hash, unique per event but for repeated lines (which is what one asks it for). The index
     * keeps the hash's first bytes as a point (ADR 0008): the matches' points are sorted to find the prefixes
     * that repeat and the smallest ones that do not; only for those is the full hash recomputed from the line,
     * so the counts and the order (count, then value) are exactly those of a term per event.
     */
    static Facets hashFacets(IndexSearcher searcher, Query query, int top) throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        long[][] found = {new long[1024]};
        int[] n = {0};
        for (LeafReaderContext context : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(context);
            PointValues points = context.reader().getPointValues(IndexSchema.EVENT_HASH);
            if (scorer == null || points == null) {
                continue;
            }
            FixedBitSet matches = new FixedBitSet(context.reader().maxDoc());
            Bits live = context.reader().getLiveDocs();
            DocIdSetIterator it = scorer.iterator();
            for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
                if (live == null || live.get(d)) {
                    matches.set(d);
                }
            }
            points.intersect(new PointValues.IntersectVisitor() {
                @Override
                public void visit(int docID) {
                    throw new IllegalStateException("every cell is visited value by value");
                }

                @Override
                public void visit(int docID, byte[] packedValue) {
                    if (matches.get(docID)) {
                        if (n[0] == found[0].length) {
                            found[0] = Arrays.copyOf(found[0], n[0] * 2);
                        }
                        found[0][n[0]++] = sortable(packedValue);
                    }
                }

                @Override
                public PointValues.Relation compare(byte[] minPackedValue, byte[] maxPackedValue) {
                    return PointValues.Relation.CELL_CROSSES_QUERY;
                }
            });
        }
        long[] sorted = Arrays.copyOf(found[0], n[0]);
        Arrays.sort(sorted);
        List<Long> wanted = new ArrayList<>(); // every repeated prefix, and the smallest `top` single ones
        int singles = 0;
        for (int i = 0; i < sorted.length; ) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                j++;
            }
            if (j - i > 1 || singles++ < top) {
                wanted.add(sorted[i]);
            }
            i = j;
        }
        Facets result = new Facets();
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        MessageDigest sha = Sha256.newDigest();
        for (long w : wanted) {
            Query same = new BooleanQuery.Builder()
                    .add(query, BooleanClause.Occur.FILTER)
                    .add(BinaryPoint.newExactQuery(IndexSchema.EVENT_HASH, bytes(w)),
                            BooleanClause.Occur.FILTER)
                    .build();
            List<Integer> docs = new ArrayList<>();
            searcher.search(same, new SimpleCollector() {
                private int base;

                @Override
                protected void doSetNextReader(LeafReaderContext context) {
                    base = context.docBase;
                }

                @Override
                public void collect(int doc) {
                    docs.add(base + doc);
                }

                @Override
                public ScoreMode scoreMode() {
                    return ScoreMode.COMPLETE_NO_SCORES;
                }
            });
            for (int doc : docs) {
                LeafReaderContext leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
                result.counts.merge(HitReader.entryHash(leaf.reader(), doc - leaf.docBase, sha), 1L, Long::sum);
            }
        }
        return result;
    }

    /** The point's 8 bytes as a long that sorts (signed) as the bytes do (unsigned). */
    private static long sortable(byte[] b) {
        long v = 0;
        for (int i = 0; i < IndexSchema.HASH_POINT_BYTES; i++) {
            v = (v << 8) | (b[i] & 0xff);
        }
        return v ^ Long.MIN_VALUE;
    }

    private static byte[] bytes(long sortable) {
        long v = sortable ^ Long.MIN_VALUE;
        byte[] b = new byte[IndexSchema.HASH_POINT_BYTES];
        for (int i = b.length - 1; i >= 0; i--) {
            b[i] = (byte) v;
            v >>>= 8;
        }
        return b;
    }

    // ---- histogram --------------------------------------------------------------------------------

    static final class Histogram {
        private final TreeMap<Long, Long> counts = new TreeMap<>();

        List<Bucket> buckets() {
            return counts.entrySet().stream().map(e -> new Bucket(IndexSchema.instant(e.getKey()), e.getValue())).toList();
        }
    }

    static CollectorManager<?, Histogram> histogram(long intervalMicros) {
        final class HistogramCollector extends SegmentCollector {
            final Histogram result = new Histogram();
            NumericDocValues time;
            long bucket = Long.MIN_VALUE; // the current run of equal buckets: documents are sorted by time
            long run;

            @Override
            void startSegment(LeafReaderContext context) throws IOException {
                time = DocValues.getNumeric(context.reader(), IndexSchema.TIME);
            }

            @Override
            public void collect(int doc) throws IOException {
                if (!time.advanceExact(doc)) {
                    return;
                }
                long b = Math.floorDiv(time.longValue(), intervalMicros) * intervalMicros;
                if (b != bucket) {
                    endSegment();
                    bucket = b;
                }
                run++;
            }

            @Override
            void endSegment() {
                if (run > 0) {
                    result.counts.merge(bucket, run, Long::sum);
                }
                run = 0;
            }
        }
        return manager(HistogramCollector::new, cs -> {
            Histogram all = new Histogram();
            cs.forEach(c -> c.result.counts.forEach((k, v) -> all.counts.merge(k, v, Long::sum)));
            return all;
        });
    }

    // ---- histogram by field ----------------------------------------------------------------------

    static final class HistogramBy {
        private final Map<String, TreeMap<Long, Long>> counts = new HashMap<>();

        void add(String value, long bucket, long n) {
            counts.computeIfAbsent(value, k -> new TreeMap<>()).merge(bucket, n, Long::sum);
        }

        List<ValueHistogram> top(int n) {
            List<ValueHistogram> all = new ArrayList<>(counts.size());
            counts.forEach((value, buckets) -> all.add(new ValueHistogram(value,
                    buckets.values().stream().mapToLong(Long::longValue).sum(),
                    buckets.entrySet().stream().map(e -> new Bucket(IndexSchema.instant(e.getKey()), e.getValue())).toList())));
            all.sort(Comparator.comparingLong(ValueHistogram::count).reversed().thenComparing(ValueHistogram::value));
            return all.subList(0, Math.min(Math.max(0, n), all.size()));
        }
    }

    /** One value's buckets in a segment: runs of equal buckets, which are long because documents are sorted by time. */
    private static final class Runs {
        long[] bucket = new long[8];
        long[] count = new long[8];
        int n;

        void add(long b) {
            if (n > 0 && bucket[n - 1] == b) {
                count[n - 1]++;
                return;
            }
            if (n == bucket.length) {
                bucket = Arrays.copyOf(bucket, n * 2);
                count = Arrays.copyOf(count, n * 2);
            }
            bucket[n] = b;
            count[n++] = 1;
        }
    }

    static CollectorManager<?, HistogramBy> histogramBy(long intervalMicros, String field) {
        final class HistogramByCollector extends SegmentCollector {
            final HistogramBy result = new HistogramBy();
            SortedSetDocValues values;
            NumericDocValues time;
            Runs[] perOrd;

            @Override
            void startSegment(LeafReaderContext context) throws IOException {
                values = DocValues.getSortedSet(context.reader(), field);
                time = DocValues.getNumeric(context.reader(), IndexSchema.TIME);
                perOrd = new Runs[(int) values.getValueCount()];
            }

            @Override
            public void collect(int doc) throws IOException {
                if (!time.advanceExact(doc) || !values.advanceExact(doc)) {
                    return;
                }
                long b = Math.floorDiv(time.longValue(), intervalMicros) * intervalMicros;
                for (int i = 0; i < values.docValueCount(); i++) {
                    int ord = (int) values.nextOrd();
                    Runs r = perOrd[ord];
                    if (r == null) {
                        r = perOrd[ord] = new Runs();
                    }
                    r.add(b);
                }
            }

            @Override
            void endSegment() throws IOException {
                if (perOrd == null) {
                    return;
                }
                for (int ord = 0; ord < perOrd.length; ord++) {
                    Runs r = perOrd[ord];
                    if (r != null) {
                        String value = values.lookupOrd(ord).utf8ToString();
                        for (int i = 0; i < r.n; i++) {
                            result.add(value, r.bucket[i], r.count[i]);
                        }
                    }
                }
                perOrd = null;
            }
        }
        return manager(HistogramByCollector::new, cs -> {
            HistogramBy all = new HistogramBy();
            cs.forEach(c -> c.result.counts.forEach((v, m) -> m.forEach((b, n) -> all.add(v, b, n))));
            return all;
        });
    }

    // ---- sessions ---------------------------------------------------------------------------------

    /** A session under construction; "first" is the earliest (time, leaf) event naming a user or target. */
    private static final class Span {
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        long events;
        long failures;
        String user;
        long userAt = Long.MAX_VALUE;
        long userLeaf = Long.MAX_VALUE;
        String target;
        long targetAt = Long.MAX_VALUE;
        long targetLeaf = Long.MAX_VALUE;

        void merge(Span o) {
            start = Math.min(start, o.start);
            end = Math.max(end, o.end);
            events += o.events;
            failures += o.failures;
            if (o.user != null && earlier(o.userAt, o.userLeaf, userAt, userLeaf)) {
                user = o.user;
                userAt = o.userAt;
                userLeaf = o.userLeaf;
            }
            if (o.target != null && earlier(o.targetAt, o.targetLeaf, targetAt, targetLeaf)) {
                target = o.target;
                targetAt = o.targetAt;
                targetLeaf = o.targetLeaf;
            }
        }
    }

    private static boolean earlier(long t, long leaf, long thanT, long thanLeaf) {
        return t < thanT || (t == thanT && leaf < thanLeaf);
    }

    static final class Sessions {
        private final Map<String, Span> spans = new HashMap<>();

        List<SessionSpan> spans() {
            List<SessionSpan> out = new ArrayList<>(spans.size());
            spans.forEach((id, s) -> out.add(new SessionSpan(id,
                    s.start == Long.MAX_VALUE ? null : IndexSchema.instant(s.start),
                    s.end == Long.MIN_VALUE ? null : IndexSchema.instant(s.end), s.user, s.target, s.events, s.failures)));
            out.sort(Comparator.comparing(SessionSpan::start, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(SessionSpan::sessionId));
            return out;
        }
    }

    static CollectorManager<?, Sessions> sessions() {
        final class SessionCollector extends SegmentCollector {
            final Sessions result = new Sessions();
            Span[] segment = new Span[0]; // by session ordinal of the current segment
            SortedSetDocValues session;
            SortedSetDocValues user;
            SortedSetDocValues target;
            SortedSetDocValues outcome;
            NumericDocValues time;
            NumericDocValues leaf;
            long failure;
            long denied;

            @Override
            void startSegment(LeafReaderContext context) throws IOException {
                session = DocValues.getSortedSet(context.reader(), IndexSchema.SESSION_ID);
                user = DocValues.getSortedSet(context.reader(), IndexSchema.USER_NAME);
                target = DocValues.getSortedSet(context.reader(), IndexSchema.TARGET_NAME);
                outcome = DocValues.getSortedSet(context.reader(), IndexSchema.OUTCOME);
                time = DocValues.getNumeric(context.reader(), IndexSchema.TIME);
                leaf = DocValues.getNumeric(context.reader(), IndexSchema.LEAF);
                segment = new Span[(int) session.getValueCount()];
                failure = outcome.lookupTerm(new BytesRef("failure"));
                denied = outcome.lookupTerm(new BytesRef("denied"));
            }

            @Override
            public void collect(int doc) throws IOException {
                if (!session.advanceExact(doc)) {
                    return;
                }
                int ord = (int) session.nextOrd();
                Span s = segment[ord];
                if (s == null) {
                    s = segment[ord] = new Span();
                }
                s.events++;
                long t = time.advanceExact(doc) ? time.longValue() : Long.MAX_VALUE;
                long l = leaf.advanceExact(doc) ? leaf.longValue() : Long.MAX_VALUE;
                if (t != Long.MAX_VALUE) {
                    s.start = Math.min(s.start, t);
                    s.end = Math.max(s.end, t);
                }
                if (outcome.advanceExact(doc)) {
                    long o = outcome.nextOrd();
                    if ((failure >= 0 && o == failure) || (denied >= 0 && o == denied)) {
                        s.failures++;
                    }
                }
                if (earlier(t, l, s.userAt, s.userLeaf) && user.advanceExact(doc)) {
                    s.user = user.lookupOrd(user.nextOrd()).utf8ToString();
                    s.userAt = t;
                    s.userLeaf = l;
                }
                if (earlier(t, l, s.targetAt, s.targetLeaf) && target.advanceExact(doc)) {
                    s.target = target.lookupOrd(target.nextOrd()).utf8ToString();
                    s.targetAt = t;
                    s.targetLeaf = l;
                }
            }

            @Override
            void endSegment() throws IOException {
                for (int ord = 0; ord < segment.length; ord++) {
                    if (segment[ord] != null) {
                        result.spans.merge(session.lookupOrd(ord).utf8ToString(), segment[ord], (a, b) -> {
                            a.merge(b);
                            return a;
                        });
                    }
                }
                segment = new Span[0];
            }
        }
        return manager(SessionCollector::new, cs -> {
            Sessions all = new Sessions();
            cs.forEach(c -> c.result.spans.forEach((k, v) -> all.spans.merge(k, v, (a, b) -> {
                a.merge(b);
                return a;
            })));
            return all;
        });
    }

    // ---- result sets -----------------------------------------------------------------------------

    /** The bundle id and seq of every match, and the time span, gathered for {@link ResultSet}. */
    static final class Keys {
        final Map<String, Seqs> seqs = new HashMap<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;

        Seqs of(String bundle) {
            return seqs.computeIfAbsent(bundle, b -> new Seqs());
        }

        void merge(Keys o) {
            o.seqs.forEach((b, s) -> {
                Seqs to = of(b);
                for (int k = 0; k < s.size; k++) {
                    to.add(s.values[k]);
                }
            });
            first = Math.min(first, o.first);
            last = Math.max(last, o.last);
        }
    }

    /** A growing array of one bundle's seqs: no boxing per match (ten million matches are a report's everyday). */
    static final class Seqs {
        long[] values = new long[1024];
        int size;

        void add(long seq) {
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = seq;
        }
    }

    static CollectorManager<?, Keys> keys() {
        final class KeysCollector extends SegmentCollector {
            final Keys result = new Keys();
            SortedSetDocValues bundle;
            NumericDocValues seq;
            NumericDocValues time;
            final Map<Long, String> names = new HashMap<>();
            long lastOrd = -1;
            Seqs seqs;

            @Override
            void startSegment(LeafReaderContext context) throws IOException {
                bundle = DocValues.getSortedSet(context.reader(), IndexSchema.BUNDLE_ID);
                seq = DocValues.getNumeric(context.reader(), IndexSchema.SEQ);
                time = DocValues.getNumeric(context.reader(), IndexSchema.TIME);
                names.clear();
                lastOrd = -1;
            }

            @Override
            public void collect(int doc) throws IOException {
                if (!bundle.advanceExact(doc) || !seq.advanceExact(doc)) {
                    throw new IOException("an indexed event lacks its bundle id or seq (doc " + doc + ")");
                }
                long ord = bundle.nextOrd();
                if (ord != lastOrd) { // a segment is mostly one bundle's: look its list up when the bundle changes
                    String b = names.get(ord);
                    if (b == null) {
                        b = bundle.lookupOrd(ord).utf8ToString();
                        names.put(ord, b);
                    }
                    seqs = result.of(b);
                    lastOrd = ord;
                }
                seqs.add(seq.longValue());
                if (time.advanceExact(doc)) {
                    result.first = Math.min(result.first, time.longValue());
                    result.last = Math.max(result.last, time.longValue());
                }
            }

            @Override
            void endSegment() {
                // nothing pending: every match is added as it comes
            }
        }
        return manager(KeysCollector::new, collectors -> {
            Keys all = new Keys();
            collectors.forEach(c -> all.merge(c.result));
            return all;
        });
    }
}
