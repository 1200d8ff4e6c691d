package io.sealtrail.report;

import io.sealtrail.report.PdfLayout.Column;
import io.sealtrail.report.ReportModel.Attachment;
import io.sealtrail.report.ReportModel.BundleProvenance;
import io.sealtrail.report.ReportModel.CheckCount;
import io.sealtrail.report.ReportModel.CitedEvent;
import io.sealtrail.report.ReportModel.FieldRow;
import io.sealtrail.report.ReportModel.FindingRow;
import io.sealtrail.report.ReportModel.QueryRecord;
import io.sealtrail.verify.merkle.Sha256;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;

/**
 * Lays out a {@link ReportModel} as a PDF/A-3b document (access-review template) with the evidence files
 * attached. Pure: writes only to the given stream, no dialogs, no file system.
 */
public final class ReportRenderer {
    public void render(ReportModel m, OutputStream out) throws IOException {
        ReportModel.Header h = m.header();
        Calendar when = GregorianCalendar.from(h.generatedAt().truncatedTo(ChronoUnit.SECONDS).atZone(ZoneOffset.UTC));
        when.setTimeZone(TimeZone.getTimeZone("UTC"));
        try (PDDocument doc = new PDDocument()) {
            PdfLayout l = new PdfLayout(doc).times(new ReportTimes(h.zone()));
            Sections n = new Sections();
            header(l, m);
            provenance(l, m, n.next());
            switch (h.template()) {
                case ACCESS_REVIEW -> {
                    completeness(l, m, doc, n.next());
                    retention(l, m, n);
                    fieldCoverage(l, m, n.next());
                    AccessSections.access(l, m, n.next());
                }
                case INCIDENT_TIMELINE -> {
                    TemplateSections.timeline(l, m, n.next());
                    retention(l, m, n);
                }
                case INTEGRITY -> {
                    TemplateSections.integrity(l, m, n.next());
                    completeness(l, m, doc, n.next());
                    retention(l, m, n);
                }
            }
            cited(l, m, n.next());
            appendix(l, m);
            attachments(l, m);
            method(l, m);
            signOff(l, h);
            l.finish(h.title(), h.template().title() + " · case " + h.caseName(),
                    "Generated " + ReportTimes.utc(h.generatedAt()) + " by Sealtrail " + h.sealtrailVersion()
                            + " · PDF/A-3b with " + m.attachments().size() + " embedded evidence files");
            String tool = "Sealtrail " + h.sealtrailVersion();
            PdfA.conform(doc, h.title(), h.auditor(), tool, when);
            PdfA.attach(doc, m.attachments(), when);
            doc.save(out);
        }
    }

    /** Section numbers in order of appearance; which sections appear depends on the template. */
    static final class Sections {
        private int n;

        String next() {
            return Integer.toString(++n);
        }
    }

    private static void retention(PdfLayout l, ReportModel m, Sections n) throws IOException {
        if (m.retention() != null) {
            TemplateSections.retention(l, m, n.next());
        }
    }

    private static void header(PdfLayout l, ReportModel m) throws IOException {
        ReportModel.Header h = m.header();
        l.title(h.title(), h.template().title() + " — evidence report");
        verdicts(l, m);
        List<String[]> kv = new ArrayList<>();
        kv.add(new String[] {"Case", h.caseName() + "\n" + h.caseId()});
        kv.add(new String[] {"Period", period(l, h)});
        kv.add(new String[] {"Times in", l.times().zoneName() + (l.times().zoneName().equals("UTC") ? ""
                : ", with their offset and UTC beside them; the attachments and Appendix A are in UTC")});
        kv.add(new String[] {"Query", h.query()});
        kv.add(new String[] {"Systems in scope", String.join("\n", h.systems())});
        kv.add(new String[] {"Prepared by", h.auditor()});
        kv.add(new String[] {"Generated", l.times().time(h.generatedAt())});
        kv.add(new String[] {"Sealtrail version", h.sealtrailVersion()});
        kv.add(new String[] {"Searched by", h.searchedBy() + "\n(see Method)"});
        kv.add(new String[] {"Template", h.template().id()});
        if (m.redacted() != null) {
            kv.add(new String[] {"Redacted", "with profile " + m.redacted().profile() + " (see Method): "
                    + m.redacted().counts()});
        }
        kv.add(new String[] {h.template() == ReportTemplate.INCIDENT_TIMELINE ? "Selected events" : "Events in scope",
                num(h.totalEvents()) + " (" + h.totalQueryId() + ")" + (h.failedQueryId() == null ? ""
                : "\nof which " + num(h.failedEvents()) + " from exports that FAILED verification (" + h.failedQueryId() + ")")});
        l.keyValues(kv);
        long verified = m.provenance().stream().filter(b -> b.verdict().equals("VERIFIED")).count();
        long unproven = m.cited().stream().filter(c -> c.proofFile() == null).count();
        String scope = switch (h.template()) {
            case ACCESS_REVIEW -> num(h.totalEvents()) + " events in scope";
            case INCIDENT_TIMELINE -> num(h.totalEvents()) + " selected events shown in time order";
            case INTEGRITY -> num(h.totalEvents()) + " events, every verification finding in full";
        };
        l.paragraph("Summary. This report covers " + m.provenance().size() + " evidence bundle(s), of which " + verified
                + " verified without error against the log keys the auditor trusts, " + scope + ", and "
                + m.cited().size() + " cited event(s). Every figure names the query (Q…) "
                + "behind it; Appendix A lists each query with its time bounds, result count and result-set hash. "
                + (h.failedQueryId() == null ? "" : num(h.failedEvents()) + " of the events come from exports that failed "
                + "verification: figures that count them are marked FAILED, and may rest on altered or missing events. ")
                + (unproven == 0 ? "Each cited event carries a signed inclusion proof embedded in this PDF."
                : (m.cited().size() - unproven) + " cited event(s) carry a signed inclusion proof embedded in this PDF; "
                + unproven + " cannot be proven (section on cited events says why)."));
    }

    /** The first thing a reader sees: each bundle's verdict in one word. */
    private static void verdicts(PdfLayout l, ReportModel m) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (BundleProvenance b : m.provenance()) {
            rows.add(List.of(Integer.toString(bundleNo(m, b.bundleId())), b.fileName(), b.verdictWord(),
                    b.errors() + " / " + b.warnings(), num(b.events())));
        }
        l.table(List.of(Column.number("#", 0.3f), Column.text("Evidence file", 3f), Column.text("Verdict", 1.6f),
                Column.number("Errors / warnings", 1.1f), Column.number("Events", 0.9f)), rows);
    }

    /** The period asked for; an open end is the case's first or last event, and says so. */
    static String period(PdfLayout l, ReportModel.Header h) {
        if (h.from() != null && h.to() != null) {
            return l.times().period(h.from(), h.to());
        }
        if (h.firstEvent() == null) {
            return "no event in the case";
        }
        String from = h.from() != null ? l.times().time(h.from()) : l.times().time(h.firstEvent());
        String to = h.to() != null ? l.times().time(h.to()) : l.times().time(h.lastEvent());
        String which = h.from() == null && h.to() == null ? "the case's first and last event"
                : h.from() == null ? "from the case's first event" : "to the case's last event";
        return from + " to " + to + "\n(" + which + " (" + h.periodQueryId() + "); no other bound was set)";
    }

    private static void provenance(PdfLayout l, ReportModel m, String no) throws IOException {
        l.heading(no + " Evidence provenance");
        int i = 1;
        for (BundleProvenance b : m.provenance()) {
            if (!b.isBundle()) {
                source(l, b, i++);
                continue;
            }
            l.subheading("Bundle " + i++ + ": " + b.fileName());
            List<String[]> kv = new ArrayList<>();
            kv.add(new String[] {"Bundle id", b.bundleId()});
            kv.add(new String[] {"File", b.fileName() + " (" + num(b.size()) + " bytes)"});
            kv.add(new String[] {"SHA-256", b.sha256()});
            kv.add(new String[] {"Origin", b.origin()});
            kv.add(new String[] {"Verdict", b.verdictWord() + " (" + b.verdict() + "; " + b.errors() + " errors, " + b.warnings()
                    + " warnings)"});
            kv.add(new String[] {"Events", num(b.events()) + " (seq " + b.firstSeq() + " to " + (b.endSeq() - 1) + ")"});
            kv.add(new String[] {"Time range", l.times().period(b.timeFrom(), b.timeTo())});
            kv.add(new String[] {"Checkpoints", b.checkpointCount() + "; final: tree size " + num(b.finalTreeSize())
                    + ", root " + b.finalRootHash()});
            l.keyValues(kv);
            List<List<String>> keys = new ArrayList<>();
            for (ReportModel.SignerKey k : b.keys()) {
                keys.add(List.of(k.name(), k.fingerprint(), k.trusted() ? "yes" : "NO", k.signed() ? "yes" : "no"));
            }
            l.table(List.of(Column.text("Signer key", 2.7f), Column.mono("Fingerprint", 3.5f), Column.text("Trusted", 0.75f),
                    Column.text("Signed in bundle", 0.95f)), keys);
            if (b.timestamps().isEmpty()) {
                l.paragraph("RFC 3161 timestamp tokens: none in this bundle; checkpoint times rest on the signer's clock.");
            } else {
                List<List<String>> ts = new ArrayList<>();
                for (ReportModel.Timestamp t : b.timestamps()) {
                    ts.add(List.of(num(t.treeSize()), t.authority() == null ? "—" : t.authority(), l.times().time(t.genTime()),
                            t.authorityTrusted() ? "yes" : "NO"));
                }
                l.table(List.of(Column.number("Checkpoint size", 1f), Column.text("Time-stamping authority", 3f),
                        Column.text("genTime", 1.8f), Column.text("TSA trusted", 0.9f)), ts);
            }
        }
    }

    /** A source of another format: what it is, its verdict in the CLI's words, and who signed its evidence if anyone. */
    private static void source(PdfLayout l, BundleProvenance b, int n) throws IOException {
        l.subheading("Source " + n + ": " + b.fileName() + " (" + b.format() + ")");
        List<String[]> kv = new ArrayList<>();
        kv.add(new String[] {"Source id", b.bundleId()});
        kv.add(new String[] {"File", b.fileName() + " (" + num(b.size()) + " bytes)"});
        kv.add(new String[] {"SHA-256", b.sha256()});
        kv.add(new String[] {"Verdict", b.verdict() + (b.verdict().equals("NO_INTEGRITY_EVIDENCE")
                ? ": " + io.sealtrail.model.Verdict.NO_EVIDENCE : "") + " (" + b.errors() + " errors, " + b.warnings()
                + " warnings)"});
        kv.add(new String[] {"Events", num(b.events())});
        kv.add(new String[] {"Signed by", b.keys().isEmpty() ? "nobody" : String.join("\n",
                b.keys().stream().map(ReportModel.SignerKey::name).toList())});
        if (b.writeOnce() != null) {
            kv.add(new String[] {"Write-once storage", b.writeOnce()});
        }
        l.keyValues(kv);
    }

    private static void completeness(PdfLayout l, ReportModel m, PDDocument doc, String no) throws IOException {
        ReportModel.Completeness c = m.completeness();
        l.heading(no + " Completeness");
        l.paragraph("Events per UTC day and bundle (stacked; queries " + c.histogramQueryId() + " and following, "
                + "1-day buckets aligned to midnight UTC). A day without events within the range is shown as zero.");
        if (!c.days().isEmpty()) {
            var img = HistogramChart.render(c.days(), c.bundleIds(), c.perDay(), 1500, 480);
            l.image(LosslessFactory.createFromImage(doc, img), PdfLayout.WIDTH);
        }
        List<Column> cols = new ArrayList<>();
        cols.add(Column.text("Day (UTC)", 1.3f));
        for (String b : c.bundleIds()) {
            cols.add(Column.number(bundle(m, b), 1f));
        }
        cols.add(Column.number("Total", 1f));
        List<List<String>> rows = new ArrayList<>();
        int collapsed = 0;
        for (int d = 0; d < c.days().size(); d++) {
            int end = d;
            while (end < c.days().size() && dayTotal(c, end) == 0) {
                end++;
            }
            if (end - d >= EMPTY_RUN) { // a long quiet stretch is one row, not a page of zeros
                rows.add(emptyStretch(c, d, end - 1));
                collapsed++;
                d = end - 1;
                continue;
            }
            List<String> r = new ArrayList<>();
            r.add(c.days().get(d).toString());
            for (String b : c.bundleIds()) {
                r.add(num(c.perDay().get(b)[d]));
            }
            r.add(num(dayTotal(c, d)));
            rows.add(r);
        }
        if (collapsed > 0) {
            l.paragraph(collapsed + " stretch(es) of " + EMPTY_RUN + " or more days without any event are each one row "
                    + "(\"no events from … to …\") instead of a row of zeros per day.");
        }
        l.table(cols, rows);
        l.subheading("Events per source format");
        List<List<String>> src = new ArrayList<>();
        for (ReportModel.SourceRow r : c.sources()) {
            src.add(List.of(bundle(m, r.bundleId()), r.sourceFormat(), num(r.events()),
                    l.times().shortTime(r.first()), l.times().shortTime(r.last()), r.queryId()));
        }
        l.table(List.of(Column.text("Bundle", 0.9f), Column.mono("source.format", 1.4f), Column.number("Events", 1f),
                Column.text("First event (" + l.times().zoneName() + ")", 1.6f),
                Column.text("Last event (" + l.times().zoneName() + ")", 1.6f), Column.text("Query", 0.7f)), src);
        l.subheading("Integrity and completeness checks");
        List<List<String>> checks = new ArrayList<>();
        for (CheckCount k : c.checks()) {
            checks.add(List.of(k.check(), bundle(m, k.bundleId()), num(k.count()),
                    k.count() == 0 ? "none" : "see findings", String.join(", ", k.codes())));
        }
        l.table(List.of(Column.text("Check", 2.2f), Column.text("Bundle", 0.9f), Column.number("Findings", 0.8f),
                Column.text("Result", 0.9f), Column.mono("Finding codes counted", 3f)), checks);
        if (m.integrity() != null) {
            l.paragraph("Every verification finding is listed per bundle in the integrity section above.");
            return;
        }
        l.subheading(c.findings().size() < c.findingsTotal() ? "Verification findings (the first " + c.findings().size()
                + " of " + num(c.findingsTotal()) + "; the verification JSON recorded at import, attached, has every one; "
                + "the integrity template lists all)" : "All verification findings");
        if (c.findings().isEmpty()) {
            l.paragraph("None: every check passed for every bundle.");
        } else {
            List<List<String>> f = new ArrayList<>();
            for (FindingRow r : c.findings()) {
                f.add(List.of(bundle(m, r.bundleId()), r.severity(), r.code(),
                        r.message() + (r.location().isBlank() ? "" : "\nat " + r.location())));
            }
            l.table(List.of(Column.text("Bundle", 0.9f), Column.text("Severity", 0.9f), Column.mono("Code", 2.5f),
                    Column.text("Message and location", 4.3f)), f);
        }
    }

    private static void fieldCoverage(PdfLayout l, ReportModel m, String no) throws IOException {
        ReportModel.FieldCoverage f = m.fieldCoverage();
        l.heading(no + " Field coverage (PCI DSS 10.2.2)");
        l.paragraph("Share of the " + num(f.base()) + " access events in scope (heartbeats excluded, query " + f.baseQueryId()
                + ") that record each of the six elements PCI DSS v4.0 requirement 10.2.2 asks for.");
        List<List<String>> rows = new ArrayList<>();
        for (FieldRow r : f.rows()) {
            rows.add(List.of(r.element(), r.field(), num(r.count()), String.format(Locale.ROOT, "%.1f %%", 100 * r.share()),
                    r.queryId()));
        }
        l.table(List.of(Column.text("Element", 3.2f), Column.mono("Index field", 1.5f), Column.number("Events", 1f),
                Column.number("Share", 0.9f), Column.text("Query", 0.7f)), rows);
    }

    private static void cited(PdfLayout l, ReportModel m, String no) throws IOException {
        l.heading(no + " Cited events");
        l.paragraph("Events the auditor bookmarked or annotated in the case journal, each once with every annotation of it. "
                + "Each is bound to the smallest signed checkpoint covering it by the embedded proof file named with it; "
                + "the proof can be checked against the log's key without the bundle (Sealtrail's report verification "
                + "does it for every proof at once).");
        if (m.redacted() != null) {
            l.paragraph("This report is redacted: its proofs carry no event line. Each proof still binds the entry hash "
                    + "shown (the leaf, SHA-256 of 0x00 and the line) to the signed checkpoint, and Sealtrail's report "
                    + "verification checks it so; whoever holds the evidence checks that the event's line hashes to it.");
        }
        if (m.cited().isEmpty()) {
            l.paragraph("No events were cited.");
            return;
        }
        int i = 1;
        for (CitedEvent e : m.cited()) {
            l.keep(150 + 14 * e.notes().size()); // the event, its comments and its hashes on one page
            l.label("Cited event " + i++ + ": " + bundle(m, e.bundleId()) + ", seq " + e.seq());
            List<String[]> kv = new ArrayList<>();
            kv.add(new String[] {"Time", l.times().time(e.time())});
            kv.add(new String[] {"Event", nz(e.action()) + (e.outcome() == null ? "" : " (" + e.outcome() + ")") + " by "
                    + nz(e.user()) + " on " + nz(e.target())});
            if (e.standing() != null) {
                kv.add(new String[] {"Standing", e.standing()});
            }
            List<String> notes = new ArrayList<>();
            for (ReportModel.Note n : e.notes()) {
                notes.add((n.comment().isBlank() ? "(bookmark, no comment)" : n.comment())
                        + (n.tags().isBlank() ? "" : " [tags: " + n.tags() + "]") + " (journal entry " + n.journalSeq() + ")");
            }
            kv.add(new String[] {e.notes().size() == 1 ? "Auditor's comment" : "Auditor's comments (" + e.notes().size() + ")",
                    String.join("\n", notes)});
            if (e.proofFile() == null) {
                kv.add(new String[] {"No proof", e.noProofReason()});
            }
            l.keyValues(kv);
            List<String[]> hashes = new ArrayList<>();
            hashes.add(new String[] {"Entry hash", nz(e.entryHash())});
            if (e.proofFile() != null) {
                hashes.add(new String[] {"Checkpoint", e.checkpointFile() + " (size " + num(e.checkpointSize()) + ")"});
                hashes.add(new String[] {"Root (base64)", e.checkpointRoot()});
                hashes.add(new String[] {"Proof file", e.proofFile()});
            }
            l.monoValues(hashes);
            if (e.transcript() != null) {
                excerpt(l, e.transcript());
            }
        }
    }

    /** What the recorded session showed around a cited event: typed lines after "$ ", what came back below them. */
    private static void excerpt(PdfLayout l, ReportModel.TranscriptExcerpt x) throws IOException {
        l.paragraph("What the session showed around it: its recording (" + x.from() + "), read again from the evidence"
                + (x.before() + x.after() == 0 ? "." : "; " + x.before() + " stretch" + (x.before() == 1 ? "" : "es")
                + " before and " + x.after() + " after are not shown."));
        List<List<String>> rows = new ArrayList<>();
        for (ReportModel.ExcerptLine line : x.lines()) {
            rows.add(List.of(l.times().time(line.time()) + "\n" + line.offset(), (line.input() ? "$ " : "") + line.text()));
        }
        l.table(List.of(Column.text("When", 1.2f), Column.mono("Typed ($) and what came back", 3.8f)), rows, 8f);
    }

    private static void appendix(PdfLayout l, ReportModel m) throws IOException {
        l.heading("Appendix A Queries");
        l.paragraph("Every query behind every table and chart, in Sealtrail's query syntax (Lucene classic; see "
                + "docs/index-schema.md). Time bounds are [from, to) in UTC. The result-set hash is the SHA-256 of the "
                + "matching events' 'bundle_id:seq' lines, sorted, each ended by a line feed: the same query over the same "
                + "case, with the same time bounds, gives the same count and hash.");
        String offHours = m.access() == null ? null : m.access().offHoursClause();
        if (offHours != null) {
            l.paragraph("In the query column, OFF_HOURS stands for the off-hours windows of Appendix A.1, written as "
                    + "'(time:[from TO to} OR …)'. The attached queries.tsv holds every query verbatim.");
        }
        boolean shared = m.queries().stream().map(q -> queryBounds(q.from(), q.to())).distinct().count() <= 1;
        if (shared && !m.queries().isEmpty()) {
            QueryRecord q0 = m.queries().get(0);
            l.paragraph(q0.from() == null && q0.to() == null
                    ? "Every query runs without a time bound, over every event of the case."
                    : "Every query runs within the time bounds [" + queryBounds(q0.from(), q0.to()) + ") (UTC).");
        }
        List<List<String>> rows = new ArrayList<>();
        for (QueryRecord q : m.queries()) {
            String text = offHours == null ? q.query() : q.query().replace(offHours, "OFF_HOURS");
            List<String> r = new ArrayList<>(List.of(q.id(), q.purpose(), text));
            if (!shared) {
                r.add(queryBounds(q.from(), q.to()));
            }
            r.addAll(List.of(num(q.count()), q.resultSha256()));
            rows.add(r);
        }
        List<Column> cols = new ArrayList<>(List.of(Column.text("ID", 0.45f), Column.text("Purpose", 1.9f),
                Column.mono("Query", 2.5f)));
        if (!shared) {
            cols.add(Column.text("Time bounds (UTC)", 1.2f));
        }
        cols.addAll(List.of(Column.number("Count", 0.7f), Column.mono("SHA-256 of result set", shared ? 2.6f : 1.9f)));
        l.table(cols, rows, 8f);
        if (offHours != null) {
            l.subheading("A.1 Off-hours windows (OFF_HOURS)");
            List<List<String>> w = new ArrayList<>();
            for (ReportModel.Stretch s : m.access().offHoursWindows()) {
                w.add(List.of(ReportTimes.utc(s.from()), ReportTimes.utc(s.to())));
            }
            l.paragraph(m.access().offHoursDefinition() + "; each window is [from, to).");
            l.table(List.of(Column.text("From (UTC)", 1f), Column.text("To (UTC)", 1f)), w);
        }
    }

    private static void attachments(PdfLayout l, ReportModel m) throws IOException {
        l.heading("Appendix B Embedded files");
        l.paragraph("Attached to this PDF/A-3 document as associated files (relationship Data). Extract them with any "
                + "PDF reader or 'pdfdetach -saveall'; the SHA-256 lets you check the extracted bytes.");
        List<List<String>> rows = new ArrayList<>();
        for (Attachment a : m.attachments()) {
            rows.add(List.of(a.name(), a.description(), num(a.content().length), Sha256.hex(a.content())));
        }
        l.table(List.of(Column.mono("File", 2.2f), Column.text("Content", 2.4f), Column.number("Bytes", 0.8f),
                Column.mono("SHA-256", 2.3f)), rows);
    }

    private static void method(PdfLayout l, ReportModel m) throws IOException {
        l.heading("Method and statement");
        l.paragraph("Method. Each bundle was imported into the case byte for byte and its SHA-256 recorded in the signed "
                + "case journal. For this report every bundle was verified again against the log keys the auditor "
                + "trusts: the manifest signature, every file hash, the hash chain and sequence of every event, the "
                + "Merkle root of every signed checkpoint, the signatures and any RFC 3161 timestamps, heartbeat "
                + "coverage and continuity. " + searched(m.header()) + " All figures are reproducible with the queries "
                + "of Appendix A.");
        l.paragraph("Statement. The figures in this report were produced by Sealtrail " + m.header().sealtrailVersion()
                + " from the evidence listed in section 1 and no other source. A bundle whose verdict is not VERIFIED, or "
                + "whose signer key is not trusted, is evidence of lower assurance; "
                + (m.header().template() == ReportTemplate.INCIDENT_TIMELINE
                ? "its findings as recorded at import are in the attached verification JSON, and the integrity "
                + "template lists them in full."
                : "its findings are listed in this report."));
        if (m.redacted() != null) {
            redaction(l, m.redacted());
        }
    }

    /**
     * Which engine found and counted the events (docs/opensearch.md): the case's own read-only index, or the cluster
     * every bundle was sent to. The proofs never come from either.
     */
    static String searched(ReportModel.Header h) {
        boolean local = ReportSearch.LOCAL.equals(h.searchedBy());
        return "The events were searched and counted by " + h.searchedBy() + (local ? " (read-only, in the case folder)" : ", to which every"
                + " bundle of the case was sent when it was imported, as the signed case journal records ('sealtrail"
                + " case verify' checks that it holds exactly the events sent)") + "; every cited event's proof comes"
                + " from the case's own evidence.";
    }

    /** What was blanked, with which profile, and how the proofs stay checkable (docs/redaction.md). */
    private static void redaction(PdfLayout l, ReportModel.Redacted r) throws IOException {
        l.paragraph("Redaction. Every text of this report that comes from the evidence (users, targets, commands, "
                + "queries, transcripts, finding messages, the auditor's comments), on its pages and in its attached "
                + "files, was redacted with the profile '" + r.profile() + "' (SHA-256 of its rules " + r.profileSha256()
                + "); a blanked value reads [REDACTED:rule]. Values blanked, by rule: " + r.counts() + ". The evidence "
                + "in the case was not changed. The " + r.linesWithheld() + " embedded proof(s) carry no event line: "
                + "each binds the cited entry hash to its signed checkpoint, and the holder of the evidence checks "
                + "that the event's line hashes to that entry hash. A query that named a blanked value cannot be "
                + "re-run from Appendix A; its count and result-set hash stand.");
        List<String[]> kv = new ArrayList<>();
        kv.add(new String[] {"Profile", r.profile()});
        kv.add(new String[] {"SHA-256 of its rules", r.profileSha256()});
        l.keyValues(kv);
        List<List<String>> rows = new ArrayList<>();
        r.byRule().forEach((rule, n) -> rows.add(List.of(rule, num(n))));
        l.table(List.of(Column.mono("Rule", 2f), Column.number("Values blanked", 1f)), rows);
    }

    private static void signOff(PdfLayout l, ReportModel.Header h) throws IOException {
        l.heading("Sign-off");
        l.table(List.of(Column.text("Role", 1.2f), Column.text("Name", 2f), Column.text("Signature", 2.2f),
                Column.text("Date", 1.2f)), List.of(
                List.of("Prepared by", h.auditor(), "\n\n", ""),
                List.of("Reviewed by", "", "\n\n", ""),
                List.of("Accepted by", "", "\n\n", "")));
    }

    /** Days in a row without events from which the completeness table shows one row for them all. */
    static final int EMPTY_RUN = 7;

    private static long dayTotal(ReportModel.Completeness c, int d) {
        long sum = 0;
        for (String b : c.bundleIds()) {
            sum += c.perDay().get(b)[d];
        }
        return sum;
    }

    private static List<String> emptyStretch(ReportModel.Completeness c, int first, int last) {
        List<String> r = new ArrayList<>();
        r.add("no events from " + c.days().get(first) + " to " + c.days().get(last) + " (" + (last - first + 1) + " days)");
        for (int i = 0; i <= c.bundleIds().size(); i++) {
            r.add("0");
        }
        return r;
    }

    /** "Bundle 2", and "Bundle 2 FAILED" for an export that failed verification: its figures are marked wherever shown. */
    static String bundle(ReportModel m, String bundleId) {
        int n = bundleNo(m, bundleId);
        boolean failed = n > 0 && m.provenance().get(n - 1).failed();
        return "Bundle " + n + (failed ? " FAILED" : "");
    }

    /** 1-based position of a bundle in section 1. */
    static int bundleNo(ReportModel m, String bundleId) {
        for (int i = 0; i < m.provenance().size(); i++) {
            if (m.provenance().get(i).bundleId().equals(bundleId)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** A query's time bounds as the index was asked: UTC, whatever zone the report's times are in. */
    static String queryBounds(Instant from, Instant to) {
        return (from == null ? "open" : ReportTimes.utc(from)) + " to " + (to == null ? "open" : ReportTimes.utc(to));
    }

    static String num(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String nz(String s) {
        return s == null ? "—" : s;
    }
}
