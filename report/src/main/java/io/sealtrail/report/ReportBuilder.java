package io.sealtrail.report;

import io.sealtrail.cases.CaseContinuity;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.ImportRecord;
import io.sealtrail.cases.JournalEntry;
import io.sealtrail.index.Bucket;
import io.sealtrail.index.EventQuery;
import io.sealtrail.index.EventSearch;
import io.sealtrail.index.EventStanding;
import io.sealtrail.index.FacetValue;
import io.sealtrail.index.Hit;
import io.sealtrail.index.IndexException;
import io.sealtrail.index.IndexSchema;
import io.sealtrail.index.SessionSpan;
import io.sealtrail.model.EventRef;
import io.sealtrail.model.Finding;
import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Severity;
import io.sealtrail.report.ReportModel.AccessSummary;
import io.sealtrail.report.ReportModel.Attachment;
import io.sealtrail.report.ReportModel.BundleProvenance;
import io.sealtrail.report.ReportModel.CheckCount;
import io.sealtrail.report.ReportModel.CitedEvent;
import io.sealtrail.report.ReportModel.Completeness;
import io.sealtrail.report.ReportModel.FieldCoverage;
import io.sealtrail.report.ReportModel.FieldRow;
import io.sealtrail.report.ReportModel.FindingRow;
import io.sealtrail.report.ReportModel.PartyRow;
import io.sealtrail.sources.SourceVerification;
import io.sealtrail.sources.SourceVerificationJson;
import io.sealtrail.verify.BundleVerifier;
import io.sealtrail.verify.VerificationReport;
import io.sealtrail.verify.VerifyOptions;
import io.sealtrail.verify.bundle.BundleFormatException;
import io.sealtrail.verify.note.Checkpoint;
import io.sealtrail.verify.note.NoteFormatException;
import io.sealtrail.verify.note.SignedNote;
import io.sealtrail.verify.proof.EventProofs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Builds the {@link ReportModel} of the access-review report from a case: re-verifies every bundle against
 * the auditor's keys, runs every query through a {@link QueryLog}, exports a tlog-proof per cited event and
 * collects the attachments. Synchronous; reads the case, never writes it.
 */
public final class ReportBuilder {
    static final int TOP = 8;
    static final int MAX_FINDING_ROWS = 100;
    static final String NOT_HEARTBEAT = "NOT event.action:log.heartbeat";
    /** Lucene's default limit is 1,024 clauses per boolean query; an off-hours window is one clause. */
    static final int MAX_OFF_HOURS_WINDOWS = 1000;

    /** Completeness checks and the finding codes that count against each. */
    static final Map<String, List<FindingCode>> CHECKS = checks();

    private final BundleVerifier verifier = new BundleVerifier();

    /** The report of a case from its local index, which this opens and closes. */
    public ReportModel build(CaseFolder c, ReportOptions o) throws IOException, BundleFormatException, IndexException {
        return build(c, o, null);
    }

    /**
     * The report of a case from {@code engine}, the search its caller opened (the one the case's searches use:
     * its local index, or OpenSearch when the case lives there), which stays open; null for the local index, opened
     * and closed here. The proofs of cited events always come from the evidence in the case folder.
     */
    public ReportModel build(CaseFolder c, ReportOptions o, ReportSearch engine)
            throws IOException, BundleFormatException, IndexException {
        List<ImportRecord> bundles = c.bundles();
        if (bundles.isEmpty()) {
            throw new IOException(c.dir() + ": the case holds no imported bundle to report on");
        }
        if (engine != null) {
            return build(c, o, bundles, engine);
        }
        try (EventSearch local = c.openSearch(bundles)) {
            return build(c, o, bundles, ReportSearch.local(local));
        }
    }

    private ReportModel build(CaseFolder c, ReportOptions o, List<ImportRecord> bundles, ReportSearch engine)
            throws IOException, BundleFormatException, IndexException {
        /*
         * Re-verifying a large bundle takes as long as all the queries (at 10M events, 19-34 s each; docs/soak.md),
         * and neither needs the other until the sections: so the queries run ahead on a second thread while this one
         * verifies, as if no export had failed. The sections are then built here, in their order, from the answers
         * the thread ahead left (or waiting for the one it is computing): the same queries, ids and results.
         */
        try (RememberedSearch search = new RememberedSearch(engine.search())) {
            Thread ahead = new Thread(() -> queriesAhead(c, o, bundles, search, engine.answeredBy()),
                    "report-queries-ahead");
            ahead.setDaemon(true);
            ahead.start();
            try {
                return sections(c, o, bundles, verify(c, o, bundles), search, engine.answeredBy(), false);
            } finally {
                search.stop(); // never interrupted: an interrupt can close the index's file channels under this thread
                joinQuietly(ahead);
            }
        }
    }

    private void queriesAhead(CaseFolder c, ReportOptions o, List<ImportRecord> bundles, RememberedSearch search,
                              String answeredBy) {
        try {
            sections(c, o, bundles, Verified.NONE, search, answeredBy, true);
        } catch (IOException | BundleFormatException | IndexException | RuntimeException e) {
            // only a head start: the sections built after verification ask the same and meet the same error, if real
        }
    }

    private static void joinQuietly(Thread t) {
        boolean interrupted = false;
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                interrupted = true; // the search must outlive the thread ahead: wait, then pass the interrupt on
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** What verifying the case's exports gave: per export its provenance, checks, findings and attachments. */
    private record Verified(List<BundleProvenance> provenance, Map<String, VerificationReport> reports,
                            List<CheckCount> checks, List<FindingRow> findingRows, List<Attachment> attachments,
                            TreeSet<String> systems) {
        static final Verified NONE = new Verified(List.of(), Map.of(), List.of(), List.of(), List.of(), new TreeSet<>());
    }

    private Verified verify(CaseFolder c, ReportOptions o, List<ImportRecord> bundles)
            throws IOException, BundleFormatException {
        List<BundleProvenance> provenance = new ArrayList<>();
        Map<String, VerificationReport> reports = new LinkedHashMap<>();
        List<CheckCount> checks = new ArrayList<>();
        List<FindingRow> findingRows = new ArrayList<>();
        List<Attachment> attachments = new ArrayList<>();
        TreeSet<String> systems = new TreeSet<>();
        CaseContinuity continuity = CaseContinuity.of(c, bundles);
        for (ImportRecord r : bundles) {
            Path dir = c.bundleDir(r.bundleId());
            if (!r.isBundle()) {
                SourceVerification sv = SourceVerificationJson.read(dir.resolve("verification.json"));
                provenance.add(provenance(r, sv));
                for (Map.Entry<String, List<FindingCode>> check : CHECKS.entrySet()) {
                    long n = sv.findings().stream().filter(f -> check.getValue().contains(f.code())).count();
                    checks.add(new CheckCount(r.bundleId(), check.getKey(), check.getValue().stream().map(Enum::name).toList(), n));
                }
                for (Finding f : sv.findings()) {
                    findingRows.add(row(r.bundleId(), f));
                }
                attachments.add(new Attachment(r.bundleId() + "-verification.json", "application/json",
                        "Verification of source " + r.bundleId() + " (" + r.format() + ") recorded when it was imported",
                        Files.readAllBytes(dir.resolve("verification.json"))));
                continue;
            }
            VerificationReport v = continuity.explain(verifier.verify(r.evidence(dir),
                    continuity.options(r.bundleId(), VerifyOptions.trusting(o.trustedKeys()))));
            reports.put(r.bundleId(), v);
            provenance.add(provenance(r, v));
            if (r.origin() != null) {
                systems.add(r.origin());
            }
            for (Map.Entry<String, List<FindingCode>> check : CHECKS.entrySet()) {
                long n = v.findings().stream().filter(f -> check.getValue().contains(f.code())).count();
                checks.add(new CheckCount(r.bundleId(), check.getKey(), check.getValue().stream().map(Enum::name).toList(), n));
            }
            for (Finding f : v.findings()) {
                findingRows.add(row(r.bundleId(), f));
            }
            Path json = dir.resolve("verification.json");
            if (Files.isRegularFile(json)) {
                attachments.add(new Attachment(r.bundleId() + "-verification.json", "application/json",
                        "Verification of bundle " + r.bundleId() + " recorded when it was imported into the case",
                        Files.readAllBytes(json)));
            }
        }
        return new Verified(provenance, reports, checks, findingRows, attachments, systems);
    }

    /**
     * The report's sections from the verification and the queries. {@code ahead}: run only the queries that need no
     * verification, for their answers, and build nothing.
     */
    private static ReportModel sections(CaseFolder c, ReportOptions o, List<ImportRecord> bundles, Verified v,
                                        EventSearch search, String answeredBy, boolean ahead)
            throws IOException, BundleFormatException, IndexException {
        List<BundleProvenance> provenance = v.provenance();
        Map<String, VerificationReport> reports = v.reports();
        List<CheckCount> checks = v.checks();
        List<FindingRow> findingRows = v.findingRows();
        List<Attachment> attachments = new ArrayList<>(v.attachments());
        TreeSet<String> systems = v.systems();
        ReportTemplate t = o.template();
        QueryLog q = new QueryLog(search, o.from(), o.to());
        QueryLog.Result all = q.run(t == ReportTemplate.INCIDENT_TIMELINE ? "selected events (the timeline)"
                : "all events in scope", o.query());
        QueryLog.Result span = o.query().equals("*") ? all
                : q.run("every event of the case in the period (the first and last set an open period)", "*");
        Instant from = o.from() != null ? o.from() : span.first();
        Instant to = o.to() != null ? o.to() : span.last();
        List<String> failedIds = provenance.stream().filter(BundleProvenance::failed).map(BundleProvenance::bundleId)
                .toList();
        QueryLog.Result failed = failedIds.isEmpty() ? null : q.narrow(all,
                "events in scope from exports that failed verification", "(" + String.join(" OR ",
                        failedIds.stream().map(id -> EventQuery.term(IndexSchema.BUNDLE_ID, id)).toList()) + ")");
        Completeness completeness = t == ReportTemplate.INCIDENT_TIMELINE ? null : completeness(search, q, o, all, bundles,
                checks, findingRows.size() > MAX_FINDING_ROWS ? findingRows.subList(0, MAX_FINDING_ROWS) : findingRows,
                findingRows.size());
        FieldCoverage coverage = t == ReportTemplate.ACCESS_REVIEW ? fieldCoverage(q, all) : null;
        AccessSummary access = t == ReportTemplate.ACCESS_REVIEW ? access(search, q, o, all, failed, from, to) : null;
        ReportModel.Timeline timeline = t == ReportTemplate.INCIDENT_TIMELINE ? TimelineSection.build(search, q, o, all)
                : null;
        if (ahead) {
            return null; // what follows needs the verification, and asks little of the index
        }
        ReportModel.IntegrityDetail integrity = t == ReportTemplate.INTEGRITY
                ? IntegritySection.build(search, q, sealed(bundles), reports) : null;
        // retention is judged against the case's own period, never against the day the report is written
        ReportModel.RetentionCoverage retention = o.retention() == null ? null
                : RetentionSection.build(o, to != null ? to : o.generatedAt(), sealed(bundles), reports);
        List<CitedEvent> cited = new ArrayList<>();
        cite(c, search, bundles, cited, attachments, t == ReportTemplate.INCIDENT_TIMELINE, reports);
        ReportModel.Header header = new ReportModel.Header(t, o.title(), c.name(), c.id(), o.auditor(), o.from(), o.to(),
                o.query(), List.copyOf(systems), o.generatedAt(), o.sealtrailVersion(), all.count(), all.id(), o.hours().zone(),
                span.first(), span.last(), span.id(), failed == null ? 0 : failed.count(), failed == null ? null : failed.id(),
                answeredBy);
        attachments.add(new Attachment("queries.tsv", "text/tab-separated-values",
                "Every query of Appendix A verbatim, with its bounds, count and result-set hash", QueryLog.tsv(q.records())));
        return new ReportModel(header, provenance, completeness, coverage, access, timeline, integrity, retention, cited,
                q.records(), attachments);
    }

    /** Why a cited record of a source has no proof, and what vouches for the file it is in. */
    private static String sourceEvidence(ImportRecord r, Hit h) {
        String file = h == null ? "its file" : h.file() + (h.line() > 0 ? " (line " + h.line() + ")" : "");
        String what = "a record of a " + r.format() + " source, in " + file + ": no inclusion proof exists for one record";
        if (h == null || h.integrity() == null) {
            return what;
        }
        return what + switch (h.integrity()) {
            case VERIFIED -> "; the file's SHA-256 is listed in validly signed evidence (see the source's verification"
                    + " attached)";
            case BROKEN -> "; the file differs from what its signed evidence lists: it was altered";
            case NOT_COVERED -> "; no valid signed evidence lists the file";
            case UNSEALED -> "; " + io.sealtrail.model.Verdict.NO_EVIDENCE;
        };
    }

    /** Our own bundles: the sections about checkpoints and heartbeats have nothing to say about other sources yet. */
    private static List<ImportRecord> sealed(List<ImportRecord> all) {
        return all.stream().filter(ImportRecord::isBundle).toList();
    }

    static FindingRow row(String bundleId, Finding f) {
        return new FindingRow(bundleId, f.code().name(), f.severity().name(), ReportWords.forReader(f.message()),
                f.location().toString());
    }

    private static BundleProvenance provenance(ImportRecord r, VerificationReport v) {
        List<ReportModel.SignerKey> keys = v.keys().stream()
                .map(k -> new ReportModel.SignerKey(k.name(), k.fingerprint(), k.trusted(), k.signed())).toList();
        VerificationReport.CheckpointSummary last = v.checkpoints().stream()
                .max(java.util.Comparator.comparingLong(VerificationReport.CheckpointSummary::treeSize)).orElse(null);
        List<ReportModel.Timestamp> ts = v.checkpoints().stream().filter(cp -> cp.timestamp() != null)
                .map(cp -> new ReportModel.Timestamp(cp.treeSize(), cp.timestampAuthority(), cp.timestamp(),
                        cp.timestampAuthorityTrusted())).toList();
        var m = v.manifest();
        return new BundleProvenance(r.bundleId(), r.fileName(), r.bundleSize(), r.bundleSha256(), r.origin(), keys,
                v.verdict().name(), v.events(), v.count(Severity.ERROR), v.count(Severity.WARNING), v.checkpoints().size(),
                last == null ? -1 : last.treeSize(), last == null ? null : last.rootHash(), ts,
                m == null ? null : m.timeFrom(), m == null ? null : m.timeTo(), m == null ? -1 : m.start(),
                m == null ? -1 : m.end(), r.format(), null);
    }

    /** A source's provenance from the verification its import recorded (its evidence needs the auditor's key files). */
    private static BundleProvenance provenance(ImportRecord r, SourceVerification v) {
        List<ReportModel.SignerKey> keys = v.signers().stream()
                .map(s -> new ReportModel.SignerKey(s, "", true, true)).toList();
        return new BundleProvenance(r.bundleId(), r.fileName(), r.bundleSize(), r.bundleSha256(), r.origin(), keys,
                v.verdict().name(), r.events(), v.count(Severity.ERROR), v.count(Severity.WARNING), 0, -1, null, List.of(),
                null, null, -1, -1, r.format(), writeOnce(v));
    }

    /**
     * What the source's files said about write-once storage (S3 Object Lock, from the head-object sidecars the
     * auditor supplied): how many log files were locked, in which modes, until when; null when nothing was said.
     */
    static String writeOnce(SourceVerification v) {
        List<SourceVerification.FileEvidence> logs = v.files().stream().filter(f -> f.role().equals("log")).toList();
        List<String> locks = logs.stream().map(SourceVerification.FileEvidence::lock).filter(java.util.Objects::nonNull)
                .toList();
        if (locks.isEmpty()) {
            return null;
        }
        java.util.Map<String, Long> by = new java.util.TreeMap<>();
        locks.forEach(l -> by.merge(l, 1L, Long::sum));
        return locks.size() + " of " + logs.size() + " log files under a lock, as S3 reported it: "
                + by.entrySet().stream().map(e -> e.getValue() + " × " + e.getKey())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    private static Completeness completeness(EventSearch search, QueryLog q, ReportOptions o, QueryLog.Result all,
                                             List<ImportRecord> bundles,
                                             List<CheckCount> checks, List<FindingRow> findings, long findingsTotal)
            throws IndexException {
        TreeSet<LocalDate> days = new TreeSet<>();
        Map<String, Map<LocalDate, Long>> counts = new LinkedHashMap<>();
        Map<String, QueryLog.Result> perBundle = new HashMap<>();
        String firstId = null;
        for (ImportRecord r : bundles) {
            QueryLog.Result inBundle = q.narrow(all, "events per day (1-day UTC buckets) of bundle " + r.bundleId(),
                    EventQuery.term(IndexSchema.BUNDLE_ID, r.bundleId()));
            String query = inBundle.query();
            String id = inBundle.id();
            perBundle.put(r.bundleId(), inBundle);
            firstId = firstId == null ? id : firstId;
            Map<LocalDate, Long> perDay = new HashMap<>();
            for (Bucket b : search.histogram(o.scope().withText(query), Duration.ofDays(1))) {
                LocalDate d = LocalDate.ofInstant(b.start(), ZoneOffset.UTC);
                perDay.merge(d, b.count(), Long::sum);
                days.add(d);
            }
            counts.put(r.bundleId(), perDay);
        }
        List<LocalDate> dayList = new ArrayList<>();
        if (!days.isEmpty()) {
            for (LocalDate d = days.first(); !d.isAfter(days.last()); d = d.plusDays(1)) {
                dayList.add(d); // a day without events is a row of zeros, not a missing row
            }
        }
        Map<String, long[]> perDay = new LinkedHashMap<>();
        counts.forEach((bid, m) -> perDay.put(bid, dayList.stream().mapToLong(d -> m.getOrDefault(d, 0L)).toArray()));
        List<ReportModel.SourceRow> sources = new ArrayList<>();
        for (ImportRecord r : bundles) {
            QueryLog.Result inBundle = perBundle.get(r.bundleId());
            for (FacetValue fv : search.facets(o.scope().withText(inBundle.query()), IndexSchema.SOURCE_FORMAT, 50)) {
                QueryLog.Result res = q.narrow(inBundle, "events of bundle " + r.bundleId() + " in source format "
                        + fv.value(), EventQuery.term(IndexSchema.SOURCE_FORMAT, fv.value()));
                sources.add(new ReportModel.SourceRow(r.bundleId(), fv.value(), res.count(), res.first(), res.last(), res.id()));
            }
        }
        return new Completeness(dayList, List.copyOf(counts.keySet()), perDay, firstId, sources, checks, findings,
                findingsTotal);
    }

    private static FieldCoverage fieldCoverage(QueryLog q, QueryLog.Result all) throws IndexException {
        QueryLog.Result b = q.narrow(all, "field coverage base: access events (heartbeats excluded)", NOT_HEARTBEAT);
        String[][] fields = {
                {"User identification", IndexSchema.USER_NAME, "user.name:*"},
                {"Type of event", IndexSchema.ACTION, "event.action:*"},
                {"Date and time", IndexSchema.TIME, "time:[* TO *]"},
                {"Success or failure", IndexSchema.OUTCOME, "event.outcome:*"},
                {"Origination of event", IndexSchema.SOURCE_IP, "source.ip:*"},
                {"Identity or name of affected data, component or resource", IndexSchema.TARGET_NAME, "target.name:*"}};
        List<FieldRow> rows = new ArrayList<>();
        for (String[] f : fields) {
            QueryLog.Result r = q.narrow(b, "field coverage: events with " + f[1], f[2]);
            rows.add(new FieldRow(f[0], f[1], r.count(), b.count() == 0 ? 0 : (double) r.count() / b.count(), r.id()));
        }
        return new FieldCoverage(b.count(), b.id(), rows);
    }

    private static AccessSummary access(EventSearch search, QueryLog q, ReportOptions o, QueryLog.Result all,
                                        QueryLog.Result failed, Instant from, Instant to) throws IndexException { // every query narrows 'all': see QueryLog.narrow
        String query = o.query();
        List<BusinessHours.Window> windows = all.first() == null ? List.of() : o.hours().offHours(all.first(), all.last());
        if (windows.size() > MAX_OFF_HOURS_WINDOWS) {
            throw new IndexException("the events span " + windows.size() + " off-hours windows, more than the "
                    + MAX_OFF_HOURS_WINDOWS + " one query can hold; narrow the report's period");
        }
        String offHours = BusinessHours.query(windows);
        QueryLog.Result ev = q.narrow(all, "access events (heartbeats excluded)", NOT_HEARTBEAT);
        List<SessionSpan> sessions = search.sessions(o.scope().withText(query));
        QueryLog.Result sess = q.narrow(all, "events with a session id (sessions = distinct session.id)", "session.id:*");
        QueryLog.Result fail = q.narrow(all, "failed events", "event.outcome:failure");
        QueryLog.Result deny = q.narrow(all, "denied events", "event.outcome:denied");
        QueryLog.Result priv = q.narrow(all, "privileged commands (sudo)", "command.keyword:sudo*");
        QueryLog.Result off = q.narrow(ev, "off-hours access events (" + o.hours().describe() + ")", offHours);
        List<PartyRow> users = parties(search, q, o, all, IndexSchema.USER_NAME, "user", sessions, offHours);
        List<PartyRow> targets = parties(search, q, o, all, IndexSchema.TARGET_NAME, "target", sessions, offHours);
        List<ReportModel.Stretch> stretches = windows.stream()
                .map(w -> new ReportModel.Stretch(w.from(), w.to(), "off-hours")).toList();
        return new AccessSummary(ev.count(), sessions.size(), fail.count(), deny.count(), priv.count(), off.count(),
                o.hours().describe(), offHours, stretches, List.of(ev.id(), sess.id(), fail.id(), deny.id(), priv.id(), off.id()),
                users, targets, AccessReviewSection.build(search, q, o, all, failed, from, to));
    }

    private static List<PartyRow> parties(EventSearch search, QueryLog q, ReportOptions o, QueryLog.Result scope,
                                          String field, String what,
                                          List<SessionSpan> sessions, String offHours) throws IndexException {
        List<PartyRow> rows = new ArrayList<>();
        // counted in one pass: one pass over every session per party cost ~4 s of CPU at 10M events (JFR, docs/soak.md)
        Map<String, Long> sessionsOf = new HashMap<>();
        for (SessionSpan s : sessions) {
            String party = field.equals(IndexSchema.USER_NAME) ? s.user() : s.target();
            if (party != null) {
                sessionsOf.merge(party, 1L, Long::sum);
            }
        }
        for (FacetValue fv : search.facets(o.scope(), field, TOP)) {
            String name = fv.value();
            QueryLog.Result all = q.narrow(scope, "events of " + what + " " + name, EventQuery.term(field, name));
            QueryLog.Result bad = q.narrow(all, "failures and denials of " + what + " " + name,
                    "event.outcome:(failure OR denied)");
            QueryLog.Result priv = q.narrow(all, "privileged commands of " + what + " " + name, "command.keyword:sudo*");
            QueryLog.Result off = q.narrow(all, "off-hours access events of " + what + " " + name,
                    NOT_HEARTBEAT + " AND " + offHours);
            long sess = sessionsOf.getOrDefault(name, 0L);
            rows.add(new PartyRow(name, all.count(), sess, bad.count(), priv.count(), off.count(), all.first(), all.last(),
                    all.id()));
        }
        return rows;
    }

    /** Every annotation in the journal not since removed: the event, its covering checkpoint, a proof, the journal line. */
    private static void cite(CaseFolder c, EventSearch search, List<ImportRecord> bundles, List<CitedEvent> cited,
                             List<Attachment> attachments, boolean excerpts, Map<String, VerificationReport> reports)
            throws IOException, BundleFormatException, IndexException {
        List<byte[]> journalLines = lines(Files.readAllBytes(c.journal().file()));
        ByteArrayOutputStream excerpt = new ByteArrayOutputStream();
        Map<String, EventProofs.ExportedProof> proofs = new LinkedHashMap<>();
        List<JournalEntry> entries = c.journal().entries();
        java.util.Set<Long> removed = io.sealtrail.cases.Annotation.removed(entries); // taken back: not cited
        Map<String, Integer> byRef = new HashMap<>(); // an event annotated twice is cited once, with both notes
        for (JournalEntry e : entries) {
            EventRef ref = JournalEntry.ANNOTATION.equals(e.type()) && !removed.contains(e.seq())
                    ? EventRef.parse(e.data().get("event")) : null;
            if (ref == null) {
                continue;
            }
            if (e.seq() < journalLines.size()) {
                excerpt.write(journalLines.get((int) e.seq()));
                excerpt.write('\n');
            }
            ReportModel.Note note = new ReportModel.Note(e.seq(), e.data().getOrDefault("tags", ""),
                    e.data().getOrDefault("comment", ""));
            Integer at = byRef.get(ref.bundleId() + ":" + ref.seq());
            if (at != null) {
                CitedEvent was = cited.get(at);
                List<ReportModel.Note> notes = new ArrayList<>(was.notes());
                notes.add(note);
                cited.set(at, was.withNotes(notes));
                continue;
            }
            byRef.put(ref.bundleId() + ":" + ref.seq(), cited.size());
            String bid = ref.bundleId();
            long seq = ref.seq();
            ImportRecord r = bundles.stream().filter(b -> b.bundleId().equals(bid)).findFirst()
                    .orElseThrow(() -> new IOException("journal entry " + e.seq() + " cites bundle " + bid
                            + ", which is not in the case"));
            List<Hit> hits = search.search(EventQuery.of(QueryLog.and(EventQuery.term(IndexSchema.BUNDLE_ID, bid), "seq:" + seq)), 1, null).hits();
            Hit h = hits.isEmpty() ? null : hits.get(0);
            String proofName = bid + "-" + seq + ".tlog-proof";
            EventProofs.ExportedProof p = proofs.get(proofName);
            String noProof = null;
            if (p == null && !r.isBundle()) {
                // nothing proves one record of a source: say what vouches for its file instead (docs/sources.md)
                noProof = sourceEvidence(r, h);
            } else if (p == null) {
                try {
                    p = EventProofs.export(r.evidence(c.bundleDir(bid)), seq);
                    proofs.put(proofName, p);
                } catch (BundleFormatException ex) {
                    // an altered event, or one no checkpoint covers, cannot be proven: say so, cite it anyway
                    String why = ex.getMessage();
                    String where = r.evidence(c.bundleDir(bid)) + ": ";
                    why = why.startsWith(where) ? why.substring(where.length()) : why;
                    noProof = "no inclusion proof can be made: " + ReportWords.forReader(why);
                }
            }
            Checkpoint cp = null;
            if (p != null) {
                try {
                    cp = Checkpoint.parse(SignedNote.parse(p.proof().checkpointNote()).text());
                } catch (NoteFormatException ex) {
                    throw new BundleFormatException(p.checkpointFile() + ": " + ex.getMessage(), ex);
                }
            }
            String target = h == null ? null : h.targetName() == null ? null
                    : (h.targetKind() == null ? "" : h.targetKind() + ":") + h.targetName();
            cited.add(new CitedEvent(bid, seq, h == null ? null : h.time(), h == null ? null : h.action(),
                    h == null ? null : h.userName(), target, h == null ? null : h.outcome(),
                    h == null ? null : h.entryHash(), cp == null ? -1 : cp.size(),
                    cp == null ? null : Base64.getEncoder().encodeToString(cp.rootHash()),
                    p == null ? null : p.checkpointFile(), List.of(note), p == null ? null : proofName, noProof,
                    h == null ? null : standing(search, h, reports).label(),
                    excerpts ? TranscriptExcerpts.around(search, h) : null));
        }
        attachments.add(new Attachment("cited-events.csv", "text/csv", "The cited events, one per event, with every annotation of it",
                CitedEventsCsv.write(cited)));
        for (Map.Entry<String, EventProofs.ExportedProof> p : proofs.entrySet()) {
            attachments.add(new Attachment(p.getKey(), "application/octet-stream",
                    "C2SP tlog-proof of one cited event (the event line is in the proof's extra data)",
                    p.getValue().proof().encode()));
        }
        attachments.add(new Attachment("journal-excerpt.jsonl", "application/x-ndjson",
                "The case-journal lines of the cited annotations, byte for byte", excerpt.toByteArray()));
    }

    /**
     * The event's standing as this report sees its export: a bundle with the verdict the report's own verification
     * gave it (the keys the report trusts), a source with the verdict its import recorded.
     */
    private static EventStanding standing(EventSearch search, Hit h, Map<String, VerificationReport> reports) {
        VerificationReport v = reports.get(h.bundleId());
        return v != null ? EventStanding.of(h.integrity(), v.verdict()) : search.standing(h);
    }

    private static List<byte[]> lines(byte[] all) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == '\n') {
                out.add(java.util.Arrays.copyOfRange(all, start, i));
                start = i + 1;
            }
        }
        return out;
    }

    private static Map<String, List<FindingCode>> checks() {
        Map<String, List<FindingCode>> m = new LinkedHashMap<>();
        m.put("Sequence gaps and order", List.of(FindingCode.SEQ_GAP, FindingCode.SEQ_OUT_OF_ORDER, FindingCode.RANGE_MISMATCH));
        m.put("Hash chain", List.of(FindingCode.CHAIN_BROKEN, FindingCode.EVENT_ALTERED));
        m.put("Heartbeat coverage", List.of(FindingCode.HEARTBEAT_GAP, FindingCode.HEARTBEAT_NOT_DECLARED));
        m.put("Continuity with the previous export", List.of(FindingCode.CONTINUITY_BROKEN, FindingCode.CONTINUITY_NOT_CHECKED,
                FindingCode.COMPACT_RANGE_INVALID));
        m.put("Events not covered by a signature", List.of(FindingCode.EVENTS_NOT_COVERED, FindingCode.CHECKPOINT_MISSING,
                FindingCode.CHECKPOINT_FINAL_MISSING));
        m.put("Parse errors", List.of(FindingCode.LINE_MALFORMED, FindingCode.LINE_NOT_UTF8, FindingCode.LINE_TOO_LONG,
                FindingCode.LINE_UNTERMINATED, FindingCode.JSON_DUPLICATE_KEY, FindingCode.FIELD_MISSING,
                FindingCode.FIELD_INVALID, FindingCode.FIELD_UNKNOWN));
        m.put("Time order and range", List.of(FindingCode.TIME_BACKWARDS, FindingCode.TIME_OUTSIDE_RANGE));
        return m;
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
