package io.sealtrail.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything a report shows, computed once by {@link ReportBuilder}; {@link ReportRenderer} only lays it
 * out. Every figure in a table names the query behind it ({@code queryId}, see {@link QueryRecord}) so the
 * auditor can re-run it. Times are UTC. Which sections are present (non-null) depends on the
 * {@link ReportTemplate}: completeness, field coverage and access for the access review; the timeline for the
 * incident timeline; the integrity detail (and completeness) for the integrity report; retention when asked.
 */
public record ReportModel(Header header, List<BundleProvenance> provenance, Completeness completeness,
                          FieldCoverage fieldCoverage, AccessSummary access, Timeline timeline,
                          IntegrityDetail integrity, RetentionCoverage retention, List<CitedEvent> cited,
                          List<QueryRecord> queries, List<Attachment> attachments, Redacted redacted) {

    /** @param redacted what a redaction profile blanked ({@link ReportRedaction}), or null for a report in full */
    public ReportModel {
        provenance = List.copyOf(provenance);
        cited = List.copyOf(cited);
        queries = List.copyOf(queries);
        attachments = List.copyOf(attachments);
    }

    /** A report in full, not redacted. */
    public ReportModel(Header header, List<BundleProvenance> provenance, Completeness completeness,
                       FieldCoverage fieldCoverage, AccessSummary access, Timeline timeline, IntegrityDetail integrity,
                       RetentionCoverage retention, List<CitedEvent> cited, List<QueryRecord> queries,
                       List<Attachment> attachments) {
        this(header, provenance, completeness, fieldCoverage, access, timeline, integrity, retention, cited, queries,
                attachments, null);
    }

    /**
     * A redacted report: the profile's name and SHA-256 (of its rules, as the journal names it), how many values each
     * rule blanked on the pages and in the attachments, and how many proofs carry no event line.
     */
    public record Redacted(String profile, String profileSha256, Map<String, Long> byRule, int linesWithheld) {
        public Redacted {
            byRule = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byRule));
        }

        /** "email 3, ipv4 5", or "nothing". */
        public String counts() {
            return byRule.isEmpty() ? "nothing" : String.join(", ", byRule.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).toList());
        }
    }

    /**
     * Engagement title, case, period, query, systems in scope (log origins), preparer, generation time.
     * {@code from}/{@code to} are the period asked for (null: open); {@code firstEvent}/{@code lastEvent} the
     * case's first and last event within it, which stand for an open end. {@code failedEvents} of the events in
     * scope come from exports that failed verification ({@code failedQueryId}; 0 and null when none failed).
     * {@code searchedBy} names the engine that searched and counted the events ({@link ReportSearch#answeredBy}).
     */
    public record Header(ReportTemplate template, String title, String caseName, String caseId, String auditor,
                         Instant from, Instant to, String query, List<String> systems, Instant generatedAt,
                         String sealtrailVersion, long totalEvents, String totalQueryId, java.time.ZoneId zone,
                         Instant firstEvent, Instant lastEvent, String periodQueryId, long failedEvents,
                         String failedQueryId, String searchedBy) {
        /** @param zone the zone times are written in (the report's zone), UTC beside them */
        public Header {
            systems = List.copyOf(systems);
            zone = zone == null ? java.time.ZoneOffset.UTC : zone;
            searchedBy = searchedBy == null ? ReportSearch.LOCAL : searchedBy;
        }
    }

    /** One imported bundle, as re-verified for the report. */
    public record BundleProvenance(String bundleId, String fileName, long size, String sha256, String origin,
                                   List<SignerKey> keys, String verdict, long events, long errors, long warnings,
                                   int checkpointCount, long finalTreeSize, String finalRootHash,
                                   List<Timestamp> timestamps, Instant timeFrom, Instant timeTo, long firstSeq,
                                   long endSeq, String format, String writeOnce) {
        /** Whether this is one of our bundles, else a source of another format (docs/sources.md). */
        public boolean isBundle() {
            return "sealtrail".equals(format);
        }

        /** The verdict in one word for the first page: verified, FAILED, UNTRUSTED or no integrity evidence. */
        public String verdictWord() {
            return word(verdict);
        }

        /** Whether the export failed verification: its figures may rest on altered or missing events. */
        public boolean failed() {
            return "INTEGRITY_FAILURE".equals(verdict);
        }

        public BundleProvenance {
            keys = List.copyOf(keys);
            timestamps = List.copyOf(timestamps);
        }
    }

    static String word(String verdict) {
        return switch (verdict) {
            case "VERIFIED" -> "verified";
            case "INTEGRITY_FAILURE" -> "FAILED";
            case "INTACT_UNTRUSTED" -> "UNTRUSTED";
            case "NO_INTEGRITY_EVIDENCE" -> "no integrity evidence";
            default -> verdict;
        };
    }

    /** A key the bundle declares or the auditor trusts; {@code signed}: it produced a valid signature. */
    public record SignerKey(String name, String fingerprint, boolean trusted, boolean signed) {
    }

    /** An RFC 3161 token on a checkpoint. */
    public record Timestamp(long treeSize, String authority, Instant genTime, boolean authorityTrusted) {
    }

    public record Completeness(List<LocalDate> days, List<String> bundleIds, Map<String, long[]> perDay,
                               String histogramQueryId, List<SourceRow> sources, List<CheckCount> checks,
                               List<FindingRow> findings, long findingsTotal) {
        public Completeness {
            days = List.copyOf(days);
            bundleIds = List.copyOf(bundleIds);
            perDay = Map.copyOf(perDay);
            sources = List.copyOf(sources);
            checks = List.copyOf(checks);
            findings = List.copyOf(findings);
        }
    }

    /** Events of one bundle by source format ({@code source.format}: the importer that produced them). */
    public record SourceRow(String bundleId, String sourceFormat, long events, Instant first, Instant last,
                            String queryId) {
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
                                long offHours, String offHoursDefinition, String offHoursClause,
                                List<Stretch> offHoursWindows,
                                List<String> totalsQueryIds, List<PartyRow> users, List<PartyRow> targets,
                                AccessReview review) {
        public AccessSummary {
            totalsQueryIds = List.copyOf(totalsQueryIds);
            offHoursWindows = List.copyOf(offHoursWindows);
            users = List.copyOf(users);
            targets = List.copyOf(targets);
        }
    }

    /**
     * What a PCI DSS 7/8 and SOC 2 CC6 reviewer asks per account: every privileged access (grouped by user and the
     * account used, {@code privileged} the first {@code cap} of {@code privilegedRows} groups), and per user their
     * MFA coverage, failures, whether the account is new or dormant in the period, with room for a conclusion.
     * {@code privileged} holds the first {@code cap} of {@code privilegedRows} users with privileged access.
     */
    public record AccessReview(String privilegedDefinition, long privilegedEvents, String privilegedQueryId,
                               List<PrivilegedRow> privileged, int privilegedRows, int cap, long userCount,
                               List<UserReview> users, String failuresQueryId, String mfaQueryId, String noMfaQueryId,
                               String failedExportsQueryId, int newAfterDays, int dormantDays, Instant periodFrom,
                               Instant periodTo) {
        public AccessReview {
            privileged = List.copyOf(privileged);
            users = List.copyOf(users);
        }
    }

    /** Privileged access by one user; {@code accounts}: the accounts used with their counts ("root 577, deploy 42"). */
    public record PrivilegedRow(String user, String accounts, long events, Instant first, Instant last, String queryId) {
    }

    /**
     * One user in the access review: events, failures and denials, privileged events, authentications with and
     * without MFA ({@code auth.mfa}), events from exports that failed verification, first and last seen, new
     * (first seen after the period's first {@code newAfterDays} days) and dormant (not seen in its last
     * {@code dormantDays} days).
     */
    public record UserReview(String name, long events, long failures, long privileged, long mfa, long noMfa,
                             long fromFailedExports, Instant firstSeen, Instant lastSeen, boolean isNew,
                             boolean dormant, String queryId) {
    }

    /** One user or target: events, sessions, failures and denials, privileged commands, first and last seen. */
    public record PartyRow(String name, long events, long sessions, long failuresAndDenials, long privileged,
                           long offHours, Instant firstSeen, Instant lastSeen, String queryId) {
    }

    /**
     * The incident template's selected events: the first {@code cap} of {@code total} in time order, the sessions
     * they belong to (the first {@code sessionCap} of {@code sessionCount}), and how many of them are broken or
     * not covered by a signature.
     */
    public record Timeline(long total, String queryId, int cap, List<TimelineRow> rows, long sessionCount,
                           String sessionsQueryId, int sessionCap, List<SessionRow> sessions, long broken,
                           String brokenQueryId, long notCovered, String notCoveredQueryId) {
        public Timeline {
            rows = List.copyOf(rows);
            sessions = List.copyOf(sessions);
        }
    }

    /** One event of the timeline; {@code integrity} as the index records it (verified, broken, not_covered). */
    public record TimelineRow(Instant time, String bundleId, long seq, String user, String target, String action,
                              String outcome, String command, String integrity) {
    }

    /** One session: first and last event, user and target of its earliest event naming them, events, failures. */
    public record SessionRow(String sessionId, Instant start, Instant end, String user, String target, long events,
                             long failures) {
    }

    /** The integrity template: per bundle, everything the verifier established. */
    public record IntegrityDetail(List<BundleIntegrity> bundles) {
        public IntegrityDetail {
            bundles = List.copyOf(bundles);
        }
    }

    /**
     * One bundle's verification in full: findings (the first {@code findings.size()} of {@code findingsTotal}),
     * checkpoints, continuity with the previous export, heartbeat gaps, events not covered by a signature and
     * events proven altered.
     */
    public record BundleIntegrity(String bundleId, String verdict, long heartbeatIntervalSeconds,
                                  long checkpointInterval, List<FindingRow> findings, long findingsTotal,
                                  List<CheckpointRow> checkpoints, Continuity continuity, List<FindingRow> heartbeatGaps,
                                  List<FindingRow> notCovered, long notCoveredEvents, String notCoveredQueryId,
                                  List<AlteredEvent> altered, long brokenEvents, String brokenQueryId) {
        public BundleIntegrity {
            findings = List.copyOf(findings);
            checkpoints = List.copyOf(checkpoints);
            heartbeatGaps = List.copyOf(heartbeatGaps);
            notCovered = List.copyOf(notCovered);
            altered = List.copyOf(altered);
        }
    }

    /** A signed checkpoint: whether the events reproduce its root, who signed it, whether a trusted key did. */
    public record CheckpointRow(String file, long treeSize, String rootHash, String rootCheck, List<String> signedBy,
                                boolean trusted, Instant timestamp) {
        public CheckpointRow {
            signedBy = List.copyOf(signedBy);
        }
    }

    /**
     * Whether an export continues the one before it. {@code previousId} null: the export names none (it starts the
     * log); {@code previousInCase}: that export is in the case, so the claim was checked against it;
     * {@code problems} empty when it holds.
     */
    public record Continuity(String previousId, long startLeaf, boolean previousInCase, List<String> problems) {
        public Continuity {
            problems = List.copyOf(problems);
        }
    }

    /** An EVENT_ALTERED finding with what the index shows of the event now. */
    public record AlteredEvent(long seq, String location, String signedEntryHash, String foundEntryHash, Instant time,
                               String action, String outcome, String user, String target, String message) {
    }

    /**
     * Retention coverage: the period the evidence must cover ({@code required}, {@code [windowFrom, windowTo)}),
     * what the case's exports cover, and the stretches inside the window that nothing covers.
     */
    public record RetentionCoverage(String required, Instant windowFrom, Instant windowTo, Instant coveredFrom,
                                    Instant coveredTo, long uncoveredSeconds, double coveredShare, String gapRule,
                                    List<Stretch> uncovered) {
        public RetentionCoverage {
            uncovered = List.copyOf(uncovered);
        }
    }

    /** A stretch of time without evidence, {@code [from, to)}, and why. */
    public record Stretch(Instant from, Instant to, String reason) {
    }

    /**
     * An annotated event, once however often it was annotated, with the checkpoint that covers it and every
     * annotation in journal order. {@code proofFile} is null
     * when no proof could be made (the event was altered after signing, or no signed checkpoint covers it); then
     * {@code noProofReason} says why, and {@code checkpointSize} is -1. {@code standing} is the event's
     * {@link io.sealtrail.index.EventStanding} label, the words the window and the CLI use.
     */
    public record CitedEvent(String bundleId, long seq, Instant time, String action, String user, String target,
                             String outcome, String entryHash, long checkpointSize, String checkpointRoot,
                             String checkpointFile, List<Note> notes, String proofFile, String noProofReason,
                             String standing, TranscriptExcerpt transcript) {
        public CitedEvent {
            notes = List.copyOf(notes);
        }

        CitedEvent withNotes(List<Note> more) {
            return new CitedEvent(bundleId, seq, time, action, user, target, outcome, entryHash, checkpointSize,
                    checkpointRoot, checkpointFile, more, proofFile, noProofReason, standing, transcript);
        }
    }

    /**
     * What a recorded session showed around a cited event (the incident timeline): the stretches of its transcript
     * from a little before the event to a little after, read again from the evidence records.
     *
     * @param sessionId the session
     * @param from      where the transcript was read from (file and line of the recording)
     * @param lines     the stretches, in order
     * @param before    how many stretches of the session come before the first shown
     * @param after     how many come after the last shown
     */
    public record TranscriptExcerpt(String sessionId, String from, List<ExcerptLine> lines, int before, int after) {
        public TranscriptExcerpt {
            lines = List.copyOf(lines);
        }
    }

    /** One stretch of an excerpt: its time, its offset from the start ("+9.750 s"), whether it was typed, its text. */
    public record ExcerptLine(Instant time, String offset, boolean input, String text) {
    }

    /** One annotation of a cited event: the journal entry, its tags (comma-separated) and the auditor's words. */
    public record Note(long journalSeq, String tags, String comment) {
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
