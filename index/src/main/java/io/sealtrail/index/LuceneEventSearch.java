package io.sealtrail.index;

import io.sealtrail.model.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;

/** {@link EventSearch} over a {@link MultiReader} of read-only {@link DirectoryReader}s. */
final class LuceneEventSearch implements EventSearch {
    private static final int EXPORT_PAGE = 1000;
    private static final Sort ORDER = EventSearchOrder.sort(false);
    private static final Sort REVERSE = EventSearchOrder.sort(true);

    private final IndexReader reader;
    private final IndexSearcher searcher;
    private final long span;
    private final Map<String, Verdict> verdicts;

    /*
     * An open index never changes, so the facets and histogram of every event (what a case opens with, and shows
     * again whenever its query is cleared) are counted once: at 10 million events a field took ~200 ms to count, and
     * the sidebar asks six (docs/soak.md). Kept only while small: a field of a value per event is counted each time.
     */
    private static final int CACHED_FACET_VALUES = 50_000;
    private static final int CACHED_HISTOGRAM_BUCKETS = 100_000;
    private final Map<String, Aggregations.Facets> everyEventFacets = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Long, List<Bucket>> everyEventHistogram = new java.util.concurrent.ConcurrentHashMap<>();

    private LuceneEventSearch(IndexReader reader, Map<String, Verdict> verdicts) {
        this.reader = reader;
        this.verdicts = Map.copyOf(verdicts);
        this.searcher = new IndexSearcher(reader);
        this.searcher.setQueryCache(null); // one-off analyst queries; caching only costs memory here
        this.span = timeSpan(reader);
    }

    /** Microseconds between the earliest and the latest event; 0 when there are none. */
    private static long timeSpan(IndexReader reader) {
        try {
            byte[] min = PointValues.getMinPackedValue(reader, IndexSchema.TIME);
            byte[] max = PointValues.getMaxPackedValue(reader, IndexSchema.TIME);
            return min == null ? 0 : LongPoint.decodeDimension(max, 0) - LongPoint.decodeDimension(min, 0);
        } catch (IOException e) {
            return Long.MAX_VALUE; // around() then falls back to sorting everything: slower, still right
        }
    }

    static LuceneEventSearch open(List<Path> indexes, Map<String, Verdict> verdicts) throws IndexException {
        if (indexes.isEmpty()) {
            throw new IndexException("no index to search");
        }
        List<DirectoryReader> readers = new ArrayList<>();
        Map<String, Path> bundles = new HashMap<>();
        try {
            for (Path p : indexes) {
                DirectoryReader r = openOne(p);
                readers.add(r);
                String bundle = r.getIndexCommit().getUserData().get(IndexSchema.USER_BUNDLE_ID);
                Path other = bundles.put(bundle, p);
                if (other != null) {
                    throw new IndexException(p + ": bundle " + bundle + " is already open from " + other);
                }
            }
            return new LuceneEventSearch(new MultiReader(readers.toArray(new IndexReader[0]), true), verdicts);
        } catch (IndexException | IOException | RuntimeException e) {
            IOUtils.closeWhileHandlingException(readers);
            if (e instanceof IndexException ie) {
                throw ie;
            }
            throw new IndexException("cannot open the indexes: " + e.getMessage(), e);
        }
    }

    static EventSearch.Readable openReadable(List<Path> indexes, Map<String, Verdict> verdicts) throws IndexException {
        IndexException whole;
        if (indexes.isEmpty()) {
            try {
                return new EventSearch.Readable(new LuceneEventSearch(new MultiReader(), verdicts), Map.of());
            } catch (IOException e) {
                throw new IndexException("cannot open an empty search: " + e.getMessage(), e);
            }
        }
        try {
            return new EventSearch.Readable(open(indexes, verdicts), Map.of());
        } catch (IndexException e) {
            whole = e;
        }
        Map<Path, String> unreadable = new LinkedHashMap<>();
        List<Path> readable = new ArrayList<>();
        for (Path p : indexes) {
            try (DirectoryReader r = openOne(p); Directory d = r.directory()) {
                readable.add(p);
            } catch (IndexException e) {
                String m = e.getMessage();
                unreadable.put(p, e.getCause() != null ? "damaged or incomplete: " + why(e.getCause())
                        : m.startsWith(p + ": ") ? m.substring(p.toString().length() + 2) : m);
            } catch (IOException e) {
                unreadable.put(p, String.valueOf(e.getMessage()));
            }
        }
        if (unreadable.isEmpty()) {
            throw whole; // each opens alone, not together (one bundle twice): not a damaged index
        }
        EventSearch search;
        try {
            search = readable.isEmpty() ? new LuceneEventSearch(new MultiReader(), verdicts) : open(readable, verdicts);
        } catch (IOException e) {
            throw new IndexException("cannot open an empty search: " + e.getMessage(), e);
        }
        return new EventSearch.Readable(search, Collections.unmodifiableMap(unreadable));
    }

    private static DirectoryReader openOne(Path p) throws IndexException, IOException {
        if (!Files.isDirectory(p)) {
            throw new IndexException(p + ": no such index folder");
        }
        FSDirectory dir = FSDirectory.open(p);
        DirectoryReader r;
        try {
            r = DirectoryReader.open(dir);
        } catch (IOException | RuntimeException e) {
            dir.close();
            throw new IndexException(p + ": " + damaged(e), e);
        }
        Map<String, String> user = r.getIndexCommit().getUserData();
        String version = user.get(IndexSchema.USER_SCHEMA_VERSION);
        if (!Integer.toString(IndexSchema.VERSION).equals(version) || user.get(IndexSchema.USER_BUNDLE_ID) == null) {
            r.close();
            throw new IndexException(p + ": index schema version " + version + ", this Sealtrail reads version "
                    + IndexSchema.VERSION + ": an older Sealtrail made it; import the evidence it was built from (the"
                    + " case's bundles/*/evidence) into a new case to search it");
        }
        try {
            LineStore.attach(r, p);
        } catch (IOException | RuntimeException e) {
            r.close();
            throw new IndexException(p + ": the index's raw lines cannot be read (" + e.getMessage()
                    + "); rebuild the index from the bundle", e);
        }
        return r;
    }

    @Override
    public Page search(EventQuery query, int limit, Cursor after, SortOrder order) throws IndexException {
        EventSearch.requirePage(limit, after, order);
        Sort sort = order.equals(SortOrder.TIME) ? ORDER : order.equals(SortOrder.NEWEST_FIRST) ? REVERSE
                : EventSearchOrder.sort(order);
        Query q = query(query);
        try {
            FieldDoc from = after == null ? null : after.after();
            TopFieldDocs top = sort == REVERSE ? newestFirst(q, from, limit + 1)
                    : searcher.searchAfter(from, q, limit + 1, sort, false);
            int n = Math.min(limit, top.scoreDocs.length);
            List<Hit> hits = hits(top.scoreDocs, n);
            Cursor next = top.scoreDocs.length > limit ? new Cursor((FieldDoc) top.scoreDocs[limit - 1], order) : null;
            return new Page(hits, next, searcher.count(q));
        } catch (IOException | RuntimeException e) {
            throw failed(e);
        }
    }

    /**
     * Why an index folder cannot be opened, for a person: a case copied in part or a disk error shows up here as
     * Lucene's own wording (a file list, a lock factory), which says nothing about what to do.
     */
    private static String damaged(Exception e) {
        return "this import's search index is damaged or incomplete (" + why(e) + "; a case copied in part, or a disk"
                + " error). Its evidence is kept apart from the index: 'sealtrail case verify' lists the files that"
                + " differ, and importing the evidence (bundles/*/evidence) into a new case makes a new index";
    }

    private static String why(Throwable e) {
        String why;
        if (e instanceof org.apache.lucene.index.IndexNotFoundException) {
            why = "its commit file (segments_N) is missing";
        } else if (e instanceof java.nio.file.NoSuchFileException nf) {
            why = "its file " + java.nio.file.Path.of(nf.getFile()).getFileName() + " is missing";
        } else if (e instanceof org.apache.lucene.index.CorruptIndexException || e instanceof java.io.EOFException) {
            why = "a file of it is cut short or altered";
        } else {
            String m = String.valueOf(e.getMessage());
            why = m.length() > 160 ? m.substring(0, 160) + "…" : m;
        }
        return why;
    }

    /**
     * The newest {@code n} matches after {@code after}, without visiting every match. The index is sorted oldest first,
     * so a reverse sort cannot stop early: each document it meets is newer than all before it, and 1,000,000 events
     * took about 0.5 s against 20 ms oldest first. Instead search a window of the newest times, widened fourfold
     * until it holds {@code n} matches (then no match outside it can be among the newest {@code n}) or covers every
     * time. Events without a time sort first in this order, so every window includes them.
     */
    private TopFieldDocs newestFirst(Query q, FieldDoc after, int n) throws IOException {
        long[] times = timeRange();
        if (times == null) {
            return searcher.searchAfter(after, q, n, REVERSE, false);
        }
        long newest = times[1];
        if (after != null && after.fields[0] instanceof Long t && t != Long.MAX_VALUE) {
            newest = Math.min(newest, t);
        }
        long docs = Math.max(1, searcher.getIndexReader().maxDoc());
        // four times the span that n evenly spread events would take, as a first guess
        long width = Math.max(1, (long) ((double) (times[1] - times[0]) / docs * n * 4));
        Query noTime = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER)
                .add(new FieldExistsQuery(IndexSchema.TIME), BooleanClause.Occur.MUST_NOT).build();
        while (newest - width > times[0] && newest - width < newest) {
            Query window = new BooleanQuery.Builder()
                    .add(LongPoint.newRangeQuery(IndexSchema.TIME, newest - width, Long.MAX_VALUE), BooleanClause.Occur.SHOULD)
                    .add(noTime, BooleanClause.Occur.SHOULD).build();
            Query windowed = new BooleanQuery.Builder().add(q, BooleanClause.Occur.FILTER)
                    .add(window, BooleanClause.Occur.FILTER).build();
            TopFieldDocs top = searcher.searchAfter(after, windowed, n, REVERSE, false);
            if (top.scoreDocs.length >= n) {
                return top;
            }
            width = width > Long.MAX_VALUE / 8 ? Long.MAX_VALUE / 2 : width * 4;
        }
        return searcher.searchAfter(after, q, n, REVERSE, false);
    }

    /** The oldest and newest time in the index (from the points' bounds, no document read), or null when none. */
    private long[] timeRange() throws IOException {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (org.apache.lucene.index.LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            PointValues points = leaf.reader().getPointValues(IndexSchema.TIME);
            if (points != null && points.size() > 0) {
                min = Math.min(min, LongPoint.decodeDimension(points.getMinPackedValue(), 0));
                max = Math.max(max, LongPoint.decodeDimension(points.getMaxPackedValue(), 0));
            }
        }
        return min > max ? null : new long[] {min, max};
    }

    @Override
    public ResultSet resultSet(EventQuery query) throws IndexException {
        try {
            return ResultSet.of(searcher.search(query(query), Aggregations.keys()));
        } catch (IOException | RuntimeException e) {
            throw failed(e);
        }
    }

    @Override
    public long count(EventQuery query) throws IndexException {
        try {
            return searcher.count(query(query));
        } catch (IOException | RuntimeException e) {
            throw failed(e);
        }
    }

    @Override
    public void export(EventQuery query, Consumer<Hit> sink) throws IndexException {
        Query q = query(query);
        try {
            FieldDoc after = null;
            while (true) {
                TopFieldDocs top = searcher.searchAfter(after, q, EXPORT_PAGE, ORDER, false);
                hits(top.scoreDocs, top.scoreDocs.length).forEach(sink);
                if (top.scoreDocs.length < EXPORT_PAGE) {
                    return;
                }
                after = (FieldDoc) top.scoreDocs[top.scoreDocs.length - 1];
            }
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public List<FacetValue> facets(EventQuery query, String field, int top) throws IndexException {
        if (!IndexSchema.KEYWORD_FIELDS.contains(field)) {
            throw new IndexException("facets need a keyword field, and \"" + field + "\" is not one (see docs/index-schema.md)");
        }
        try {
            Query q = query(query);
            if (IndexSchema.EVENT_HASH.equals(field)) {
                return Aggregations.hashFacets(searcher, q, Math.max(0, top)).top(top);
            }
            if (!(q instanceof MatchAllDocsQuery)) {
                return searcher.search(q, Aggregations.facets(field)).top(top);
            }
            Aggregations.Facets all = everyEventFacets.get(field);
            if (all == null) {
                all = searcher.search(q, Aggregations.facets(field));
                if (all.size() <= CACHED_FACET_VALUES) {
                    everyEventFacets.put(field, all);
                }
            }
            return all.top(top);
        } catch (IOException | RuntimeException e) {
            throw failed(e);
        }
    }

    @Override
    public List<Bucket> histogram(EventQuery query, Duration interval) throws IndexException {
        long micros = interval.toNanos() / 1000;
        if (micros < 1) {
            throw new IllegalArgumentException("histogram interval must be at least a microsecond, not " + interval);
        }
        try {
            Query q = query(query);
            if (!(q instanceof MatchAllDocsQuery)) {
                return searcher.search(q, Aggregations.histogram(micros)).buckets();
            }
            List<Bucket> all = everyEventHistogram.get(micros);
            if (all == null) {
                all = List.copyOf(searcher.search(q, Aggregations.histogram(micros)).buckets());
                if (all.size() <= CACHED_HISTOGRAM_BUCKETS) {
                    everyEventHistogram.put(micros, all);
                }
            }
            return all;
        } catch (IOException | RuntimeException e) {
            throw failed(e);
        }
    }

    @Override
    public List<ValueHistogram> histogramBy(EventQuery query, Duration interval, String field,
                                            int top) throws IndexException {
        long micros = interval.toNanos() / 1000;
        if (micros < 1) {
            throw new IllegalArgumentException("histogram interval must be at least a microsecond, not " + interval);
        }
        if (!IndexSchema.KEYWORD_FIELDS.contains(field) || IndexSchema.EVENT_HASH.equals(field)) {
            throw new IndexException("a histogram by field needs a keyword field other than event.hash, and \"" + field
                    + "\" is not one (see docs/index-schema.md)");
        }
        try {
            return searcher.search(query(query), Aggregations.histogramBy(micros, field)).top(top);
        } catch (IOException | RuntimeException e) {
            throw failed(e);
        }
    }

    @Override
    public List<SessionSpan> sessions(EventQuery query) throws IndexException {
        try {
            return searcher.search(query(query), Aggregations.sessions()).spans();
        } catch (IOException | RuntimeException e) {
            throw failed(e);
        }
    }

    @Override
    public EventStanding standing(Hit h) {
        return EventStanding.of(h.integrity(), verdicts.get(h.bundleId()));
    }

    @Override
    public List<Hit> around(String bundleId, long seq, int window) throws IndexException {
        if (window < 0 || window > MAX_PAGE) {
            throw new IllegalArgumentException("window must be 0 to " + MAX_PAGE + ", not " + window);
        }
        Query anchorQuery = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexSchema.BUNDLE_ID, bundleId)), BooleanClause.Occur.FILTER)
                .add(LongPoint.newExactQuery(IndexSchema.SEQ, seq), BooleanClause.Occur.FILTER)
                .build();
        try {
            TopFieldDocs anchor = searcher.search(anchorQuery, 1, ORDER, false);
            if (anchor.scoreDocs.length == 0) {
                throw new IndexException("no event with seq " + seq + " of bundle " + bundleId + " is indexed here");
            }
            FieldDoc at = (FieldDoc) anchor.scoreDocs[0];
            List<Hit> before = new ArrayList<>(hits(side(at, window, true), window));
            Collections.reverse(before);
            List<Hit> out = new ArrayList<>(before);
            out.add(hits(anchor.scoreDocs, 1).get(0).asAnchor());
            out.addAll(hits(side(at, window, false), window));
            return out;
        } catch (IOException | RuntimeException e) {
            throw failed(e);
        }
    }

    /**
     * The {@code window} events on one side of the anchor. Sorting the whole index for a few neighbours
     * is slow on millions of events, so the search starts with a minute either side of the anchor's time
     * and widens it eightfold until the window is full or the range spans every event.
     */
    private ScoreDoc[] side(FieldDoc at, int window, boolean before) throws IOException {
        int n = Math.max(1, window);
        long time = (Long) at.fields[0];
        if (time != Long.MAX_VALUE && span > 0) {
            for (long delta = 60_000_000L; delta < span; delta *= 8) {
                Query near = before ? LongPoint.newRangeQuery(IndexSchema.TIME, time - delta, time)
                        : LongPoint.newRangeQuery(IndexSchema.TIME, time, time + delta);
                ScoreDoc[] docs = searcher.searchAfter(at, near, n, before ? REVERSE : ORDER, false).scoreDocs;
                if (docs.length == n) {
                    return docs;
                }
            }
        }
        return searcher.searchAfter(at, new MatchAllDocsQuery(), n, before ? REVERSE : ORDER, false).scoreDocs;
    }

    @Override
    public void close() throws IndexException {
        try {
            reader.close();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** The parsed query within the time window, which is a filter: it does not affect scoring (there is none). */
    static Query query(EventQuery query) throws IndexException {
        Query q = EventQueryParser.parseQuery(query.text());
        if (query.allTime()) {
            return q;
        }
        long lo = query.from() == null ? Long.MIN_VALUE : IndexSchema.micros(query.from());
        long hi = query.to() == null ? Long.MAX_VALUE : IndexSchema.micros(query.to()) - 1;
        return new BooleanQuery.Builder()
                .add(q, BooleanClause.Occur.FILTER)
                .add(LongPoint.newRangeQuery(IndexSchema.TIME, lo, hi), BooleanClause.Occur.FILTER)
                .build();
    }

    private List<Hit> hits(ScoreDoc[] docs, int n) throws IOException {
        return new HitReader(reader).read(docs, n);
    }

    private static IndexException failed(Exception e) {
        if (e instanceof org.apache.lucene.search.IndexSearcher.TooManyClauses) {
            return new IndexException("the query expands to too many terms; narrow its wildcards", e);
        }
        return new IndexException("the index cannot be read: " + e.getMessage(), e);
    }
}
