package io.sealtrail.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.sealtrail.index.Redaction;
import io.sealtrail.report.ReportModel.AccessReview;
import io.sealtrail.report.ReportModel.AccessSummary;
import io.sealtrail.report.ReportModel.AlteredEvent;
import io.sealtrail.report.ReportModel.Attachment;
import io.sealtrail.report.ReportModel.BundleIntegrity;
import io.sealtrail.report.ReportModel.BundleProvenance;
import io.sealtrail.report.ReportModel.CitedEvent;
import io.sealtrail.report.ReportModel.Completeness;
import io.sealtrail.report.ReportModel.FindingRow;
import io.sealtrail.report.ReportModel.Header;
import io.sealtrail.report.ReportModel.QueryRecord;
import io.sealtrail.report.ReportModel.Redacted;
import io.sealtrail.verify.note.NoteFormatException;
import io.sealtrail.verify.note.TlogProof;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report as a redaction profile lets it leave the case (docs/redaction.md): every text that comes from the evidence
 * (names, targets, commands, queries, transcripts, finding messages, the auditor's comments) is redacted on the pages
 * and in the attachments, and the proofs carry no event line. A proof without its line still binds the cited entry
 * hash to the signed checkpoint; the holder of the evidence checks that the line hashes to that entry hash. Pure: the
 * model is rebuilt, the evidence is never touched.
 */
final class ReportRedaction {
    /** The attachment that says a report is redacted; {@link ReportVerifier} then expects proofs without lines. */
    static final String ATTACHMENT = "redaction.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Redaction profile;
    private final Redaction.Counts counts = new Redaction.Counts();

    private ReportRedaction(Redaction profile) {
        this.profile = profile;
    }

    /** {@code m} with everything it shows redacted by {@code profile}, and the summary of what was blanked. */
    static ReportModel apply(ReportModel m, Redaction profile) {
        return new ReportRedaction(profile).redact(m);
    }

    private ReportModel redact(ReportModel m) {
        Header h = m.header();
        Header header = new Header(h.template(), h.title(), h.caseName(), h.caseId(), h.auditor(), h.from(), h.to(),
                r(h.query()), h.systems().stream().map(this::r).toList(), h.generatedAt(), h.sealtrailVersion(),
                h.totalEvents(), h.totalQueryId(), h.zone(), h.firstEvent(), h.lastEvent(), h.periodQueryId(),
                h.failedEvents(), h.failedQueryId(), h.searchedBy()); // the engine: not from the evidence
        List<BundleProvenance> provenance = m.provenance().stream().map(this::provenance).toList();
        List<CitedEvent> cited = m.cited().stream().map(this::cited).toList();
        List<QueryRecord> queries = m.queries().stream().map(q -> new QueryRecord(q.id(), r(q.purpose()), r(q.query()),
                q.from(), q.to(), q.count(), q.resultSha256())).toList();
        ReportModel.Completeness completeness = m.completeness() == null ? null : completeness(m.completeness());
        AccessSummary access = m.access() == null ? null : access(m.access());
        ReportModel.Timeline timeline = m.timeline() == null ? null : timeline(m.timeline());
        ReportModel.IntegrityDetail integrity = m.integrity() == null ? null
                : new ReportModel.IntegrityDetail(m.integrity().bundles().stream().map(this::integrity).toList());
        List<Attachment> attachments = new ArrayList<>();
        int withheld = 0;
        for (Attachment a : m.attachments()) {
            if (a.name().endsWith(".tlog-proof")) {
                attachments.add(withoutLine(a));
                withheld++;
            } else if (a.name().equals("cited-events.csv")) {
                attachments.add(new Attachment(a.name(), a.mimeType(), a.description() + " (redacted)",
                        CitedEventsCsv.write(cited)));
            } else if (a.name().equals("queries.tsv")) {
                attachments.add(new Attachment(a.name(), a.mimeType(), a.description() + " (redacted: a query that named"
                        + " a blanked value cannot be re-run from here; its count and result-set hash stand)",
                        QueryLog.tsv(queries)));
            } else {
                attachments.add(text(a));
            }
        }
        Redacted summary = new Redacted(profile.name(), profile.sha256(), counts.byRule(), withheld);
        attachments.add(new Attachment(ATTACHMENT, "application/json", "The redaction profile's name and SHA-256, and how"
                + " many values each rule blanked; the proofs carry no event line", summaryJson(summary)));
        return new ReportModel(header, provenance, completeness, m.fieldCoverage(), access, timeline, integrity,
                m.retention(), cited, queries, attachments, summary);
    }

    private String r(String s) {
        return profile.apply(s, counts);
    }

    private BundleProvenance provenance(BundleProvenance b) {
        return new BundleProvenance(b.bundleId(), r(b.fileName()), b.size(), b.sha256(), r(b.origin()),
                b.keys().stream().map(k -> new ReportModel.SignerKey(r(k.name()), k.fingerprint(), k.trusted(),
                        k.signed())).toList(), b.verdict(), b.events(), b.errors(), b.warnings(), b.checkpointCount(),
                b.finalTreeSize(), b.finalRootHash(), b.timestamps(), b.timeFrom(), b.timeTo(), b.firstSeq(), b.endSeq(),
                b.format(), r(b.writeOnce()));
    }

    private FindingRow finding(FindingRow f) {
        return new FindingRow(f.bundleId(), f.code(), f.severity(), r(f.message()), r(f.location()));
    }

    private List<FindingRow> findings(List<FindingRow> rows) {
        return rows.stream().map(this::finding).toList();
    }

    private Completeness completeness(Completeness c) {
        return new Completeness(c.days(), c.bundleIds(), c.perDay(), c.histogramQueryId(), c.sources(), c.checks(),
                findings(c.findings()), c.findingsTotal());
    }

    private AccessSummary access(AccessSummary a) {
        AccessReview v = a.review();
        AccessReview review = v == null ? null : new AccessReview(v.privilegedDefinition(), v.privilegedEvents(),
                v.privilegedQueryId(), v.privileged().stream().map(p -> new ReportModel.PrivilegedRow(r(p.user()),
                r(p.accounts()), p.events(), p.first(), p.last(), p.queryId())).toList(), v.privilegedRows(), v.cap(),
                v.userCount(), v.users().stream().map(u -> new ReportModel.UserReview(r(u.name()), u.events(),
                u.failures(), u.privileged(), u.mfa(), u.noMfa(), u.fromFailedExports(), u.firstSeen(), u.lastSeen(),
                u.isNew(), u.dormant(), u.queryId())).toList(), v.failuresQueryId(), v.mfaQueryId(), v.noMfaQueryId(),
                v.failedExportsQueryId(), v.newAfterDays(), v.dormantDays(), v.periodFrom(), v.periodTo());
        return new AccessSummary(a.events(), a.sessions(), a.failures(), a.denials(), a.privileged(), a.offHours(),
                a.offHoursDefinition(), a.offHoursClause(), a.offHoursWindows(), a.totalsQueryIds(), parties(a.users()),
                parties(a.targets()), review);
    }

    private List<ReportModel.PartyRow> parties(List<ReportModel.PartyRow> rows) {
        return rows.stream().map(p -> new ReportModel.PartyRow(r(p.name()), p.events(), p.sessions(),
                p.failuresAndDenials(), p.privileged(), p.offHours(), p.firstSeen(), p.lastSeen(), p.queryId())).toList();
    }

    private ReportModel.Timeline timeline(ReportModel.Timeline t) {
        return new ReportModel.Timeline(t.total(), t.queryId(), t.cap(), t.rows().stream().map(x ->
                new ReportModel.TimelineRow(x.time(), x.bundleId(), x.seq(), r(x.user()), r(x.target()), r(x.action()),
                        x.outcome(), r(x.command()), x.integrity())).toList(), t.sessionCount(), t.sessionsQueryId(),
                t.sessionCap(), t.sessions().stream().map(s -> new ReportModel.SessionRow(s.sessionId(), s.start(),
                s.end(), r(s.user()), r(s.target()), s.events(), s.failures())).toList(), t.broken(), t.brokenQueryId(),
                t.notCovered(), t.notCoveredQueryId());
    }

    private BundleIntegrity integrity(BundleIntegrity b) {
        ReportModel.Continuity c = b.continuity();
        return new BundleIntegrity(b.bundleId(), b.verdict(), b.heartbeatIntervalSeconds(), b.checkpointInterval(),
                findings(b.findings()), b.findingsTotal(), b.checkpoints().stream().map(k -> new ReportModel.CheckpointRow(
                k.file(), k.treeSize(), k.rootHash(), k.rootCheck(), k.signedBy().stream().map(this::r).toList(),
                k.trusted(), k.timestamp())).toList(), c == null ? null : new ReportModel.Continuity(c.previousId(),
                c.startLeaf(), c.previousInCase(), c.problems().stream().map(this::r).toList()),
                findings(b.heartbeatGaps()), findings(b.notCovered()), b.notCoveredEvents(), b.notCoveredQueryId(),
                b.altered().stream().map(this::altered).toList(), b.brokenEvents(), b.brokenQueryId());
    }

    private AlteredEvent altered(AlteredEvent a) {
        return new AlteredEvent(a.seq(), r(a.location()), a.signedEntryHash(), a.foundEntryHash(), a.time(),
                r(a.action()), a.outcome(), r(a.user()), r(a.target()), r(a.message()));
    }

    private CitedEvent cited(CitedEvent e) {
        ReportModel.TranscriptExcerpt x = e.transcript();
        ReportModel.TranscriptExcerpt transcript = x == null ? null : new ReportModel.TranscriptExcerpt(x.sessionId(),
                r(x.from()), x.lines().stream().map(l -> new ReportModel.ExcerptLine(l.time(), l.offset(), l.input(),
                r(l.text()))).toList(), x.before(), x.after());
        return new CitedEvent(e.bundleId(), e.seq(), e.time(), r(e.action()), r(e.user()), r(e.target()), e.outcome(),
                e.entryHash(), e.checkpointSize(), e.checkpointRoot(), e.checkpointFile(), e.notes().stream()
                .map(n -> new ReportModel.Note(n.journalSeq(), r(n.tags()), r(n.comment()))).toList(), e.proofFile(),
                r(e.noProofReason()), e.standing(), transcript);
    }

    /**
     * The proof without its extra data (the event line): index, path and signed checkpoint are all a verifier needs
     * beside the entry hash, which cited-events.csv carries.
     */
    private static Attachment withoutLine(Attachment a) {
        try {
            TlogProof p = TlogProof.parse(a.content());
            return new Attachment(a.name(), a.mimeType(), "C2SP tlog-proof of one cited event; the event line is"
                    + " withheld by redaction: the entry hash in cited-events.csv is its leaf",
                    new TlogProof(null, p.index(), p.path(), p.checkpointNote()).encode());
        } catch (NoteFormatException e) {
            // the builder wrote it a moment ago: unreadable now means a bug, and its line must not leave
            throw new IllegalStateException(a.name() + " is not a tlog-proof: " + e.getMessage(), e);
        }
    }

    /** JSON and JSON lines with every string value redacted (structure kept); any other file redacted as text. */
    private Attachment text(Attachment a) {
        String in = new String(a.content(), StandardCharsets.UTF_8);
        String out;
        try {
            if (a.name().endsWith(".json")) {
                out = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(redact(JSON.readTree(in)));
            } else if (a.name().endsWith(".jsonl")) {
                StringBuilder b = new StringBuilder();
                for (String line : in.split("\n", -1)) {
                    if (!line.isEmpty()) {
                        b.append(JSON.writeValueAsString(redact(JSON.readTree(line)))).append('\n');
                    }
                }
                out = b.toString();
            } else {
                out = r(in);
            }
        } catch (IOException e) {
            out = r(in); // not the JSON it claims to be: still nothing of it leaves unredacted
        }
        return out.equals(in) ? a : new Attachment(a.name(), a.mimeType(), a.description()
                + " (redacted: not byte for byte what the case holds)", out.getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode redact(JsonNode n) {
        if (n.isTextual()) {
            return TextNode.valueOf(r(n.textValue()));
        }
        if (n instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                f.setValue(redact(f.getValue()));
            }
        } else if (n instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                a.set(i, redact(a.get(i)));
            }
        }
        return n;
    }

    private static byte[] summaryJson(Redacted s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("profile", s.profile());
        m.put("profile_sha256", s.profileSha256());
        m.put("redacted", s.byRule());
        m.put("event_lines_withheld", s.linesWithheld());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
