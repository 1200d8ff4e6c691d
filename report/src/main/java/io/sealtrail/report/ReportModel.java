package io.sealtrail.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything a report shows, computed once by {@link ReportBuilder}; {@link ReportRenderer} only lays it
 * out. Every figure in a table names the query behind it ({@code queryId}, see {@link QueryRecord}) so the
 * auditor can re-run it. Times are UTC.
 */
public record ReportModel(Header header, List<BundleProvenance> provenance, Completeness completeness,
                          FieldCoverage fieldCoverage, AccessSummary access, List<CitedEvent> cited,
                          List<QueryRecord> queries, List<Attachment> attachments) {

    public ReportModel {
        provenance = List.copyOf(provenance);
        cited = List.copyOf(cited);
        queries = List.copyOf(queries);
        attachments = List.copyOf(attachments);
    }

    /** Engagement title, case, period, query, systems in scope (log origins), preparer, generation time. */
    public record Header(String title, String caseName, String caseId, String auditor, Instant from, Instant to,
                         String query, List<String> systems, Instant generatedAt, String sealtrailVersion,
                         long totalEvents) {
        public Header {
            systems = List.copyOf(systems);
        }
    }

    /** One imported bundle, as re-verified for the report. */
    public record BundleProvenance(String bundleId, String fileName, long size, String sha256, String origin,
                                   List<SignerKey> keys, String verdict, long events, long errors, long warnings,
                                   int checkpointCount, long finalTreeSize, String finalRootHash,
                                   List<Timestamp> timestamps, Instant timeFrom, Instant timeTo, long firstSeq,
                                   long endSeq) {
        public BundleProvenance {
            keys = List.copyOf(keys);
            timestamps = List.copyOf(timestamps);
        }
    }

    /** A key the bundle declares or the auditor trusts; {@code signed}: it produced a valid signature. */
    public record SignerKey(String name, String fingerprint, boolean trusted, boolean signed) {
    }

    /** An RFC 3161 token on a checkpoint. */
    public record Timestamp(long treeSize, String authority, Instant genTime, boolean authorityTrusted) {
    }

    public record Completeness(List<LocalDate> days, List<String> bundleIds, Map<String, long[]> perDay,
                               String histogramQueryId, List<CheckCount> checks, List<FindingRow> findings) {
        public Completeness {
            days = List.copyOf(days);
            bundleIds = List.copyOf(bundleIds);
            perDay = Map.copyOf(perDay);
            checks = List.copyOf(checks);
            findings = List.copyOf(findings);
        }
    }

    /** How many findings of the codes of one completeness check a bundle produced. */
    public record CheckCount(String bundleId, String check, List<String> codes, long count) {
        public CheckCount {
            codes = List.copyOf(codes);
        }
    }

    public record FindingRow(String bundleId, String code, String severity, String message, String location) {
    }

    public record FieldCoverage(long base, String baseQueryId, List<FieldRow> rows) {
        public FieldCoverage {
            rows = List.copyOf(rows);
        }
    }

    /** PCI DSS 10.2.2 element, the index field that carries it, and how many base events have it. */
    public record FieldRow(String element, String field, long count, double share, String queryId) {
    }

    public record AccessSummary(long events, long sessions, long failures, long denials, long privileged,
                                List<String> totalsQueryIds, List<PartyRow> users, List<PartyRow> targets) {
        public AccessSummary {
            totalsQueryIds = List.copyOf(totalsQueryIds);
            users = List.copyOf(users);
            targets = List.copyOf(targets);
        }
    }

    /** One user or target: events, sessions, failures and denials, privileged commands, first and last seen. */
    public record PartyRow(String name, long events, long sessions, long failuresAndDenials, long privileged,
                           Instant firstSeen, Instant lastSeen, String queryId) {
    }

    /** An annotated event, with the checkpoint that covers it and the auditor's words. */
    public record CitedEvent(String bundleId, long seq, Instant time, String action, String user, String target,
                             String outcome, String entryHash, long checkpointSize, String checkpointRoot,
                             String checkpointFile, long journalSeq, String tags, String comment, String proofFile) {
    }

    /**
     * A query as run: text, time bounds {@code [from, to)} in UTC (null for open), how many events matched, and
     * the SHA-256 of the result set (of the sorted {@code bundle:seq} lines, each ended by LF).
     */
    public record QueryRecord(String id, String purpose, String query, Instant from, Instant to, long count,
                              String resultSha256) {
    }

    /** A file embedded in the PDF/A-3 report. */
    public record Attachment(String name, String mimeType, String description, byte[] content) {
        public Attachment {
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }
    }
}
