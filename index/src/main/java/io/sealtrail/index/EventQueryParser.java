package io.sealtrail.index;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;

/**
 * Lucene's classic query syntax over the field names of {@link IndexSchema}, with three changes an
 * auditor needs: numeric and time fields take ranges and exact values ({@code time:[2026-03-01 TO
 * 2026-03-02]}, {@code seq:[100 TO 200]}, {@code source.port:[1024 TO *]}); a purely negative group such
 * as {@code NOT user.name:root} means "everything except", not "nothing"; an unknown field name is an
 * error rather than a silent empty result. Terms side by side mean AND, as in most log tools.
 * Not thread-safe: one instance per query.
 */
final class EventQueryParser extends QueryParser {

    EventQueryParser() {
        super(IndexSchema.TEXT, analyzer());
        setAllowLeadingWildcard(true);
        setDefaultOperator(AND_OPERATOR);
        setSplitOnWhitespace(true); // each term is analysed alone, as phrases below need
        setAutoGeneratePhraseQueries(true); // prod-db is the words prod, db in that order, not both anywhere
    }

    /** Keyword fields are matched whole and case-sensitively; text fields by words ({@link WordAnalyzer}). */
    static Analyzer analyzer() {
        Map<String, Analyzer> perField = new HashMap<>();
        WordAnalyzer words = new WordAnalyzer();
        for (String f : IndexSchema.TEXT_FIELDS) {
            perField.put(f, words);
        }
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), perField);
    }

    /** Parses a query; empty or {@code *} means every event. */
    static Query parseQuery(String text) throws IndexException {
        if (text == null || text.isBlank() || text.strip().equals("*")) {
            return new MatchAllDocsQuery();
        }
        try {
            QueryProblems.check(text);
            return new EventQueryParser().parse(text);
        } catch (ParseException e) {
            // Lucene wraps what the overrides below throw in "Cannot parse '…': …"; the cause says it plainly
            Throwable why = e.getCause() != null ? e.getCause() : e;
            throw new IndexException(why instanceof QueryProblems.Plain ? why.getMessage()
                    : QueryProblems.fromLucene(text, why), e);
        }
    }

    @Override
    protected Query getFieldQuery(String field, String text, boolean quoted) throws ParseException {
        check(field);
        if (IndexSchema.EVENT_HASH.equals(field)) {
            String hex = hex(text);
            if (hex.length() != 64) {
                throw new QueryProblems.Plain(HASH_HELP);
            }
            return EntryHashQuery.of(hex);
        }
        if (IndexSchema.TIME.equals(field)) {
            return text.length() == 10 ? LongPoint.newRangeQuery(field, micros(text), micros(day(text).plusDays(1)) - 1)
                    : LongPoint.newExactQuery(field, micros(text));
        }
        if (IndexSchema.LONG_FIELDS.contains(field)) {
            return LongPoint.newExactQuery(field, number(field, text));
        }
        if (IndexSchema.INT_FIELDS.contains(field)) {
            return IntPoint.newExactQuery(field, Math.toIntExact(number(field, text)));
        }
        return super.getFieldQuery(field, text, quoted);
    }

    @Override
    protected Query getFieldQuery(String field, String text, int slop) throws ParseException {
        check(field);
        if (IndexSchema.EVENT_HASH.equals(field)) {
            return getFieldQuery(field, text, true);
        }
        return super.getFieldQuery(field, text, slop);
    }

    @Override
    protected Query getRangeQuery(String field, String from, String to, boolean fromInclusive, boolean toInclusive)
            throws ParseException {
        check(field);
        noHashSearch(field, "a range");
        if (IndexSchema.LONG_FIELDS.contains(field)) {
            boolean time = IndexSchema.TIME.equals(field);
            long lo = from == null ? Long.MIN_VALUE : time ? micros(from) : number(field, from);
            long hi = to == null ? Long.MAX_VALUE : time ? micros(to) : number(field, to);
            if (from != null && !fromInclusive) {
                lo = lo == Long.MAX_VALUE ? lo : lo + 1;
            }
            if (to != null && !toInclusive) {
                hi = hi == Long.MIN_VALUE ? hi : hi - 1;
            }
            return LongPoint.newRangeQuery(field, lo, hi);
        }
        if (IndexSchema.INT_FIELDS.contains(field)) {
            long lo = from == null ? Integer.MIN_VALUE : number(field, from) + (fromInclusive ? 0 : 1);
            long hi = to == null ? Integer.MAX_VALUE : number(field, to) - (toInclusive ? 0 : 1);
            return IntPoint.newRangeQuery(field, (int) Math.max(lo, Integer.MIN_VALUE), (int) Math.min(hi, Integer.MAX_VALUE));
        }
        return super.getRangeQuery(field, from, to, fromInclusive, toInclusive);
    }

    @Override
    protected Query getWildcardQuery(String field, String text) throws ParseException {
        if (!"*".equals(field)) {
            check(field);
        }
        if (IndexSchema.EVENT_HASH.equals(field)) {
            if (text.equals("*")) {
                return new MatchAllDocsQuery(); // every document, even an unreadable line, has its entry hash
            }
            throw new QueryProblems.Plain(HASH_HELP);
        }
        if (text.equals("*") && IndexSchema.KEYWORD_FIELDS.contains(field)) {
            // a keyword's term and doc values are written together (EventDocument.Keyword), so "has a value" is
            // "has doc values": one pass over them, where the wildcard visited every term's postings (at 10M
            // events 0.3-1.2 s a count; docs/soak.md)
            return new FieldExistsQuery(field);
        }
        return super.getWildcardQuery(field, text);
    }

    @Override
    protected Query getPrefixQuery(String field, String text) throws ParseException {
        check(field);
        if (IndexSchema.EVENT_HASH.equals(field)) {
            return EntryHashQuery.of(hex(text));
        }
        return super.getPrefixQuery(field, text);
    }

    @Override
    protected Query getFuzzyQuery(String field, String text, float similarity) throws ParseException {
        check(field);
        noHashSearch(field, "a fuzzy search");
        return super.getFuzzyQuery(field, text, similarity);
    }

    @Override
    protected Query getRegexpQuery(String field, String text) throws ParseException {
        check(field);
        noHashSearch(field, "a regular expression");
        return super.getRegexpQuery(field, text);
    }

    /** {@code NOT x} alone would match nothing in Lucene; an analyst means "all but x". */
    @Override
    protected Query getBooleanQuery(List<BooleanClause> clauses) throws ParseException {
        Query q = super.getBooleanQuery(clauses);
        if (q instanceof BooleanQuery b && !b.clauses().isEmpty()
                && b.clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.MUST_NOT)) {
            BooleanQuery.Builder all = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
            b.clauses().forEach(all::add);
            return all.build();
        }
        return TimeWindowsQuery.of(q); // the report's off-hours windows: one look-up per event, not a query per window
    }

    private static final String HASH_HELP = "event.hash takes an entry hash (64 hex digits) or its start followed by *"
            + " (event.hash:941a0157*)";

    /** Lower-case hex digits, 1 to 64 of them. */
    private static String hex(String text) throws ParseException {
        String h = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (h.isEmpty() || h.length() > 64 || !h.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            throw new QueryProblems.Plain(HASH_HELP + ", not \"" + text + "\"");
        }
        return h;
    }

    private static void noHashSearch(String field, String what) throws ParseException {
        if (IndexSchema.EVENT_HASH.equals(field)) {
            throw new QueryProblems.Plain(HASH_HELP + "; not " + what);
        }
    }

    private static void check(String field) throws ParseException {
        if (!IndexSchema.isSearchable(field)) {
            throw new QueryProblems.Plain(QueryProblems.unknownField(field));
        }
    }

    private static long number(String field, String text) throws ParseException {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new QueryProblems.Plain(field + " needs a whole number, not \"" + text + "\"");
        }
    }

    /** An RFC 3339 instant, or a date alone meaning its UTC midnight. */
    static long micros(String text) throws ParseException {
        try {
            if (text.length() == 10) {
                return IndexSchema.micros(day(text).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            return IndexSchema.micros(Instant.parse(text));
        } catch (DateTimeException | ArithmeticException e) {
            throw new QueryProblems.Plain("time needs a date (2026-03-01) or an instant (2026-03-01T08:00:00Z), not \""
                    + text + "\"");
        }
    }

    private static long micros(LocalDate d) {
        return IndexSchema.micros(d.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static LocalDate day(String text) throws ParseException {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw new QueryProblems.Plain("time needs a date (2026-03-01) or an instant (2026-03-01T08:00:00Z), not \""
                    + text + "\"");
        }
    }
}
