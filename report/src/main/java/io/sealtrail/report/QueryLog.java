package io.sealtrail.report;

import io.sealtrail.index.EventSearch;
import io.sealtrail.index.IndexException;
import io.sealtrail.report.ReportModel.QueryRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Runs the report's queries and writes each one down for the query appendix: text, time bounds, count and
 * the SHA-256 of its result set, so a reader can re-run it and get the same events.
 */
final class QueryLog {

    /** What one query matched: count, result-set hash and the first and last event time (null if none). */
    record Result(String id, long count, String sha256, Instant first, Instant last) {
    }

    private final EventSearch search;
    private final Instant from;
    private final Instant to;
    private final List<QueryRecord> records = new ArrayList<>();

    QueryLog(EventSearch search, Instant from, Instant to) {
        this.search = search;
        this.from = from;
        this.to = to;
    }

    /** {@code base AND extra}, where {@code *} as base adds nothing. */
    static String and(String base, String extra) {
        return base == null || base.isBlank() || base.strip().equals("*") ? extra : "(" + base + ") AND " + extra;
    }

    /** A keyword value as an exact-term clause: {@code field:"value"} with quotes and backslashes escaped. */
    static String term(String field, String value) {
        return field + ":\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    Result run(String purpose, String query) throws IndexException {
        List<String> keys = new ArrayList<>();
        Instant[] span = new Instant[2];
        search.export(query, from, to, hit -> {
            keys.add(hit.bundleId() + ":" + hit.seq());
            Instant t = hit.time();
            if (t != null) {
                span[0] = span[0] == null || t.isBefore(span[0]) ? t : span[0];
                span[1] = span[1] == null || t.isAfter(span[1]) ? t : span[1];
            }
        });
        String sha = resultSetHash(keys);
        String id = "Q" + (records.size() + 1);
        records.add(new QueryRecord(id, purpose, query, from, to, keys.size(), sha));
        return new Result(id, keys.size(), sha, span[0], span[1]);
    }

    /** Records a query whose figure comes from an aggregation (histogram, facets) over the same events. */
    String note(String purpose, String query) throws IndexException {
        return run(purpose, query).id();
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
        List<String> sorted = new ArrayList<>(bundleSeqLines);
        sorted.sort(null);
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String s : sorted) {
                md.update((s + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
