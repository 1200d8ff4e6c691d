package io.sealtrail.opensearch;

import io.sealtrail.index.EventQueries;
import io.sealtrail.index.EventQuery;
import io.sealtrail.index.IndexException;
import io.sealtrail.index.IndexSchema;
import io.sealtrail.index.TimeWindowsQuery;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.BoolQuery;
import org.opensearch.client.opensearch._types.query_dsl.Query;

/**
 * An {@link EventQuery} in OpenSearch's query DSL. The query is parsed once, by the parser the local index uses
 * ({@link EventQueries#parse}), and its Lucene query is rewritten clause by clause into the DSL clause that builds
 * the same Lucene query inside OpenSearch: terms, phrases, wildcards and ranges on the same fields, already analysed.
 * Passing the text to {@code query_string} instead would answer differently (a bare {@code prod-db} would be two
 * words anywhere, not a phrase; {@code time:2026-03-02} would not be a day in microseconds; {@code event.hash:941a*}
 * would be a wildcard; errors would be OpenSearch's, not the plain sentences of docs/index-schema.md), and a
 * differential test holds the two engines to the same answers (docs/decisions/0024-opensearch.md).
 */
final class QueryTranslator {
    private QueryTranslator() {
    }

    /**
     * Most time windows one request holds. OpenSearch runs each range on a long field as two Lucene clauses (its
     * points, or its doc values when fewer events are left to check), and refuses a query of more than 1,024 clauses
     * in all ("too_many_nested_clauses", indices.query.bool.max_clause_count): 256 windows leave room for the rest
     * of the query. The report's off-hours clause holds up to 1,000 (about four years).
     */
    static final int MAX_WINDOWS = 256;

    /** The query as one request; a query of more windows than one request holds is refused in a sentence. */
    static Query translate(EventQuery q) throws IndexException {
        List<Query> parts = parts(q);
        if (parts.size() > 1) {
            throw new IndexException("this query's " + windowCount(EventQueries.parse(q)) + " time windows need "
                    + parts.size() + " requests on OpenSearch, which take at most " + MAX_WINDOWS + " each: its events"
                    + " can be counted, listed and exported there, not grouped into facets, charts or sessions; narrow"
                    + " its period, or search the case's local index");
        }
        return parts.get(0);
    }

    /**
     * The query as the requests OpenSearch can run: one, or, when it asks for more time windows than one request
     * holds ({@link #MAX_WINDOWS}; the report's off-hours clause), one per run of up to that many windows with the
     * rest of the query the same. The windows must then be a condition every event meets (joined by AND), so that
     * the requests match disjoint events, every event of one earlier than every event of the next, and together
     * the query's: their counts add up, and their events one after the other are the query's in time order.
     */
    static List<Query> parts(EventQuery q) throws IndexException {
        org.apache.lucene.search.Query parsed = EventQueries.parse(q);
        TimeWindowsQuery many = manyWindows(parsed, true, new TimeWindowsQuery[1]);
        if (many == null) {
            return List.of(translate(parsed, null));
        }
        int n = many.windows().size();
        List<Query> out = new ArrayList<>();
        for (int from = 0; from < n; from += MAX_WINDOWS) {
            out.add(translate(parsed, new Part(many, from, Math.min(n, from + MAX_WINDOWS))));
        }
        return out;
    }

    /** Which windows of a windows query one request asks for: {@code [from, to)} of them. */
    private record Part(TimeWindowsQuery of, int from, int to) {
    }

    /**
     * The one windows query of more than {@link #MAX_WINDOWS} windows that every event must meet, or null when
     * there is none; such a query anywhere else (under OR or NOT), or two of them, cannot be split and is refused.
     */
    private static TimeWindowsQuery manyWindows(org.apache.lucene.search.Query q, boolean required,
                                                TimeWindowsQuery[] found) throws IndexException {
        if (q instanceof TimeWindowsQuery w && w.windows().size() > MAX_WINDOWS) {
            if (!required || found[0] != null) {
                throw new IndexException("a query of more than " + MAX_WINDOWS + " time windows runs on OpenSearch"
                        + " only as a condition every event meets (joined to the rest by AND), and only one such"
                        + " condition; search the case's local index");
            }
            found[0] = w;
        } else if (q instanceof BoostQuery b) {
            manyWindows(b.getQuery(), required, found);
        } else if (q instanceof ConstantScoreQuery c) {
            manyWindows(c.getQuery(), required, found);
        } else if (q instanceof BooleanQuery b) {
            boolean alone = b.clauses().size() == 1;
            for (BooleanClause c : b.clauses()) {
                BooleanClause.Occur o = c.getOccur();
                manyWindows(c.getQuery(), required && (o == BooleanClause.Occur.MUST || o == BooleanClause.Occur.FILTER
                        || (o == BooleanClause.Occur.SHOULD && alone)), found);
            }
        }
        return found[0];
    }

    private static int windowCount(org.apache.lucene.search.Query q) {
        if (q instanceof TimeWindowsQuery w) {
            return w.windows().size();
        }
        if (q instanceof BoostQuery b) {
            return windowCount(b.getQuery());
        }
        if (q instanceof ConstantScoreQuery c) {
            return windowCount(c.getQuery());
        }
        if (q instanceof BooleanQuery b) {
            return b.clauses().stream().mapToInt(c -> windowCount(c.getQuery())).max().orElse(0);
        }
        return 0;
    }

    static Query translate(org.apache.lucene.search.Query q) throws IndexException {
        return translate(q, null);
    }

    private static Query translate(org.apache.lucene.search.Query q, Part part) throws IndexException {
        String hash = EventQueries.entryHashPrefix(q);
        if (hash != null) {
            return prefix(IndexSchema.EVENT_HASH, hash);
        }
        if (q instanceof MatchAllDocsQuery) {
            return Query.of(x -> x.matchAll(m -> m));
        }
        if (q instanceof MatchNoDocsQuery) {
            return none();
        }
        if (q instanceof BoostQuery b) {
            return translate(b.getQuery(), part); // results are sorted, never scored
        }
        if (q instanceof ConstantScoreQuery c) {
            return translate(c.getQuery(), part);
        }
        if (q instanceof BooleanQuery b) {
            return bool(b, part);
        }
        if (q instanceof TermQuery t) {
            return term(t.getTerm());
        }
        if (q instanceof SynonymQuery s) {
            List<Query> any = new ArrayList<>();
            for (Term t : s.getTerms()) {
                any.add(term(t));
            }
            return Query.of(x -> x.bool(b -> b.should(any)));
        }
        if (q instanceof PhraseQuery p) {
            return phrase(p);
        }
        if (q instanceof WildcardQuery w) {
            Term t = w.getTerm();
            return Query.of(x -> x.wildcard(v -> v.field(t.field()).value(t.text())));
        }
        if (q instanceof PrefixQuery p) {
            return prefix(p.getPrefix().field(), p.getPrefix().text());
        }
        if (q instanceof FuzzyQuery f) {
            Term t = f.getTerm();
            return Query.of(x -> x.fuzzy(v -> v.field(t.field()).value(FieldValue.of(t.text()))
                    .fuzziness(Integer.toString(f.getMaxEdits())).prefixLength(f.getPrefixLength())
                    .transpositions(f.getTranspositions())));
        }
        if (q instanceof RegexpQuery r) {
            Term t = r.getRegexp();
            return Query.of(x -> x.regexp(v -> v.field(t.field()).value(t.text())));
        }
        if (q instanceof TermRangeQuery r) {
            return keywordRange(r);
        }
        if (q instanceof PointRangeQuery r) {
            return pointRange(r);
        }
        if (q instanceof FieldExistsQuery e) { // field:* on a keyword field: its doc values, which OpenSearch keeps too
            return Query.of(x -> x.exists(v -> v.field(e.getField())));
        }
        if (q instanceof TimeWindowsQuery w) { // the local index's look-up of many time ranges: the ranges again
            List<long[]> windows = part != null && part.of() == w ? w.windows().subList(part.from(), part.to())
                    : w.windows();
            List<Query> any = new ArrayList<>();
            for (long[] r : windows) {
                any.add(Query.of(x -> x.range(v -> v.field(w.field()).gte(JsonData.of(r[0])).lte(JsonData.of(r[1])))));
            }
            return Query.of(x -> x.bool(b -> b.should(any).minimumShouldMatch("1")));
        }
        throw new IndexException("this query cannot be run on OpenSearch yet (" + q.getClass().getSimpleName() + ": "
                + q + "); search the case's local index");
    }

    /**
     * Lucene's and OpenSearch's boolean queries differ in one way: without a positive clause, Lucene matches nothing
     * and OpenSearch everything. The parser already turns a purely negative group into "everything except".
     */
    private static Query bool(BooleanQuery q, Part part) throws IndexException {
        BoolQuery.Builder b = new BoolQuery.Builder();
        boolean positive = false;
        for (BooleanClause c : q.clauses()) {
            Query sub = translate(c.getQuery(), part);
            switch (c.getOccur()) {
                case MUST -> b.must(sub);
                case FILTER -> b.filter(sub);
                case SHOULD -> b.should(sub);
                case MUST_NOT -> b.mustNot(sub);
            }
            positive |= c.getOccur() != BooleanClause.Occur.MUST_NOT;
        }
        if (!positive) {
            return none();
        }
        if (q.getMinimumNumberShouldMatch() > 0) {
            b.minimumShouldMatch(Integer.toString(q.getMinimumNumberShouldMatch()));
        }
        return Query.of(x -> x.bool(b.build()));
    }

    private static Query term(Term t) {
        return Query.of(x -> x.term(v -> v.field(t.field()).value(FieldValue.of(t.text()))));
    }

    private static Query prefix(String field, String value) {
        return Query.of(x -> x.prefix(v -> v.field(field).value(value)));
    }

    private static Query none() {
        return Query.of(x -> x.matchNone(m -> m));
    }

    /** The phrase's words, already analysed, analysed again by the same analyser: each stays one word. */
    private static Query phrase(PhraseQuery p) throws IndexException {
        Term[] terms = p.getTerms();
        int[] positions = p.getPositions();
        if (terms.length == 0) {
            return none();
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < terms.length; i++) {
            if (positions[i] != i) {
                throw new IndexException("a phrase with gaps cannot be run on OpenSearch yet: " + p);
            }
            text.append(i == 0 ? "" : " ").append(terms[i].text());
        }
        String field = terms[0].field();
        return Query.of(x -> x.matchPhrase(m -> m.field(field).query(text.toString()).slop(p.getSlop())
                .analyzer(EventIndexTemplate.ANALYZER)));
    }

    private static Query keywordRange(TermRangeQuery r) {
        return Query.of(x -> x.range(v -> {
            v.field(r.getField());
            BytesRef lo = r.getLowerTerm();
            BytesRef hi = r.getUpperTerm();
            if (lo != null) {
                JsonData s = JsonData.of(lo.utf8ToString());
                if (r.includesLower()) {
                    v.gte(s);
                } else {
                    v.gt(s);
                }
            }
            if (hi != null) {
                JsonData s = JsonData.of(hi.utf8ToString());
                if (r.includesUpper()) {
                    v.lte(s);
                } else {
                    v.lt(s);
                }
            }
            return v;
        }));
    }

    private static Query pointRange(PointRangeQuery r) throws IndexException {
        String f = r.getField();
        if (IndexSchema.EVENT_HASH.equals(f)) {
            return prefix(f, hexPrefix(r.getLowerPoint(), r.getUpperPoint()));
        }
        long lo;
        long hi;
        if (IndexSchema.LONG_FIELDS.contains(f)) {
            lo = LongPoint.decodeDimension(r.getLowerPoint(), 0);
            hi = LongPoint.decodeDimension(r.getUpperPoint(), 0);
        } else if (IndexSchema.INT_FIELDS.contains(f)) {
            lo = IntPoint.decodeDimension(r.getLowerPoint(), 0);
            hi = IntPoint.decodeDimension(r.getUpperPoint(), 0);
        } else {
            throw new IndexException("a range on " + f + " cannot be run on OpenSearch yet");
        }
        if (lo > hi) {
            return none();
        }
        return Query.of(x -> x.range(v -> v.field(f).gte(JsonData.of(lo)).lte(JsonData.of(hi))));
    }

    /**
     * The hex digits asked for, from the local index's range on the hash's first bytes: the query's digits padded
     * with 0 below and f above, so they are where the two ends first differ.
     */
    private static String hexPrefix(byte[] lo, byte[] hi) {
        String a = HexFormat.of().formatHex(lo);
        String b = HexFormat.of().formatHex(hi);
        int n = 0;
        while (n < a.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return a.substring(0, n);
    }
}
