package io.sealtrail.report;

import io.sealtrail.index.EventQuery;
import io.sealtrail.index.EventSearch;
import io.sealtrail.index.IndexException;
import io.sealtrail.index.ResultSet;
import io.sealtrail.report.ReportModel.QueryRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the report's queries and writes each one down for the query appendix: text, time bounds, count and
 * the SHA-256 of its result set, so a reader can re-run it and get the same events.
 */
final class QueryLog {

    /** What one query matched: its text, count, result-set hash and the first and last event time (null if none). */
    record Result(String id, String query, long count, String sha256, Instant first, Instant last) {
    }

    private final EventSearch search;
    private final Instant from;
    private final Instant to;
    private final List<QueryRecord> records = new ArrayList<>();
    private final java.util.Map<String, Result> byText = new java.util.HashMap<>();

    QueryLog(EventSearch search, Instant from, Instant to) {
        this.search = search;
        this.from = from;
        this.to = to;
    }

    /** {@code base AND extra}, where {@code *} as base adds nothing. */
    static String and(String base, String extra) {
        return base == null || base.isBlank() || base.strip().equals("*") ? extra : "(" + base + ") AND " + extra;
    }

    /**
     * Runs a query and records it; a query already run (same text) is recorded again with the same result, under its
     * first id when it is asked for the same purpose.
     */
    Result run(String purpose, String query) throws IndexException {
        Result known = byText.get(query);
        if (known != null) {
            return record(purpose, known);
        }
        return fetch(purpose, query);
    }

    /**
     * Runs {@code (base) AND extra}. Its events are a subset of {@code base}'s, so when the (cheap) count equals
     * base's count the two result sets are the same set and base's hash and time span are taken as they are;
     * when it is zero, the hash is that of the empty set. Only other counts need the events themselves.
     */
    Result narrow(Result base, String purpose, String extra) throws IndexException {
        String query = and(base.query(), extra);
        Result known = byText.get(query);
        if (known != null) {
            return record(purpose, known);
        }
        long n = search.count(new EventQuery(query, from, to));
        if (n == base.count()) {
            return remember(record(purpose, new Result(null, query, n, base.sha256(), base.first(), base.last())));
        }
        if (n == 0) {
            return remember(record(purpose, new Result(null, query, 0, resultSetHash(List.of()), null, null)));
        }
        return fetch(purpose, query);
    }

    private Result record(String purpose, Result r) {
        for (QueryRecord known : records) { // asked again for the same reason: the same entry of the appendix
            if (known.purpose().equals(purpose) && known.query().equals(r.query())) {
                return new Result(known.id(), r.query(), r.count(), r.sha256(), r.first(), r.last());
            }
        }
        String id = "Q" + (records.size() + 1);
        records.add(new QueryRecord(id, purpose, r.query(), from, to, r.count(), r.sha256()));
        return new Result(id, r.query(), r.count(), r.sha256(), r.first(), r.last());
    }

    private Result remember(Result r) {
        byText.put(r.query(), r);
        return r;
    }

    private Result fetch(String purpose, String query) throws IndexException {
        ResultSet rs = search.resultSet(new EventQuery(query, from, to)); // from doc values: no event is loaded
        return remember(record(purpose, new Result(null, query, rs.count(), rs.sha256(), rs.first(), rs.last())));
    }

    List<QueryRecord> records() {
        return List.copyOf(records);
    }

    /**
     * The query appendix as tab-separated UTF-8 text, one query per line after a header: id, purpose, query,
     * from, to (RFC 3339, empty when open), count, result-set SHA-256. Tabs and line breaks in a value become spaces.
     */
    static byte[] tsv(List<QueryRecord> records) {
        StringBuilder sb = new StringBuilder("id\tpurpose\tquery\tfrom\tto\tcount\tresult_sha256\n");
        for (QueryRecord r : records) {
            sb.append(r.id()).append('\t').append(flat(r.purpose())).append('\t').append(flat(r.query())).append('\t')
                    .append(r.from() == null ? "" : r.from().toString()).append('\t')
                    .append(r.to() == null ? "" : r.to().toString()).append('\t').append(r.count()).append('\t')
                    .append(r.resultSha256()).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String flat(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    /** SHA-256 over the sorted {@code bundle:seq} lines, each followed by LF (empty set: hash of nothing). */
    static String resultSetHash(List<String> bundleSeqLines) {
        return ResultSet.hash(bundleSeqLines);
    }
}
