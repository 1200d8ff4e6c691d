package io.sealtrail.report;

import static io.sealtrail.report.ReportRenderer.bundleNo;
import static io.sealtrail.report.ReportRenderer.num;
import static io.sealtrail.report.ReportRenderer.nz;

import io.sealtrail.report.PdfLayout.Column;
import io.sealtrail.report.ReportModel.AlteredEvent;
import io.sealtrail.report.ReportModel.BundleIntegrity;
import io.sealtrail.report.ReportModel.CheckpointRow;
import io.sealtrail.report.ReportModel.FindingRow;
import io.sealtrail.report.ReportModel.RetentionCoverage;
import io.sealtrail.report.ReportModel.SessionRow;
import io.sealtrail.report.ReportModel.Stretch;
import io.sealtrail.report.ReportModel.Timeline;
import io.sealtrail.report.ReportModel.TimelineRow;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The sections particular to one template: incident timeline, integrity detail, retention coverage. */
final class TemplateSections {
    private TemplateSections() {
    }

    static void timeline(PdfLayout l, ReportModel m, String no) throws IOException {
        Timeline t = m.timeline();
        l.heading(no + " Timeline of the selected events");
        boolean capped = t.rows().size() < t.total();
        l.paragraph("The events matching the report's query within its period (" + t.queryId() + ": " + num(t.total())
                + " events), in time order" + (capped ? ". The table stops after the first " + num(t.rows().size())
                + " (the cap of this report); the remaining " + num(t.total() - t.rows().size()) + " are found by re-running "
                + t.queryId() + "." : ", all of them.") + " Of the selected events, " + num(t.broken()) + " are broken evidence ("
                + t.brokenQueryId() + ") and " + num(t.notCovered()) + " are not covered by a signed checkpoint ("
                + t.notCoveredQueryId() + ").");
        List<List<String>> rows = new ArrayList<>();
        for (TimelineRow r : t.rows()) {
            rows.add(List.of(l.times().shortTime(r.time()), bundleNo(m, r.bundleId()) + ":" + r.seq(), nz(r.user()),
                    nz(r.target()), nz(r.action()), nz(r.outcome()), nz(r.command()), integrity(r.integrity())));
        }
        if (rows.isEmpty()) {
            l.paragraph("No event matches.");
        } else {
            l.paragraph("Event is bundle:seq (bundles numbered as in section 1); target is kind:name.");
            l.table(List.of(Column.text("Time (" + l.times().zoneName() + ")", 2.2f), Column.mono("Event", 0.8f), Column.text("User", 1.3f),
                    Column.text("Target", 1.4f), Column.text("Action", 1.15f), Column.text("Outcome", 0.9f),
                    Column.mono("Command or query", 1.8f), Column.text("Integrity", 1.0f)), rows, 7.5f);
        }
        l.subheading("Sessions involved");
        l.paragraph(num(t.sessionCount()) + " distinct session(s) among the selected events (events with a session id: "
                + t.sessionsQueryId() + ")" + (t.sessions().size() < t.sessionCount() ? "; the first " + t.sessions().size()
                + " by start time are listed." : ".") + " User and target are those of the session's earliest event that "
                + "names them; failures count outcomes failure and denied.");
        List<List<String>> sess = new ArrayList<>();
        for (SessionRow s : t.sessions()) {
            sess.add(List.of(s.sessionId(), l.times().shortTime(s.start()) + "\n" + l.times().shortTime(s.end()), nz(s.user()), nz(s.target()),
                    num(s.events()), num(s.failures())));
        }
        if (!sess.isEmpty()) {
            l.table(List.of(Column.mono("Session id", 1.7f), Column.text("First and last event (" + l.times().zoneName() + ")", 1.9f),
                    Column.text("User", 1.2f), Column.text("Target", 1.5f), Column.number("Events", 0.7f),
                    Column.number("Failures", 0.8f)), sess, 8f);
        }
    }

    private static String integrity(String wire) {
        if (wire == null) {
            return "—";
        }
        return switch (wire) {
            case "verified" -> "verified";
            case "broken" -> "BROKEN";
            case "not_covered" -> "not covered";
            default -> wire;
        };
    }

    static void integrity(PdfLayout l, ReportModel m, String no) throws IOException {
        l.heading(no + " Integrity of the evidence");
        l.paragraph("Each bundle as the report's own verification found it, against the log keys the auditor trusts: "
                + "every finding (severity, code, where, and what was expected and found), every signed checkpoint, the "
                + "continuity with the previous export, heartbeat gaps, events no signature covers, and events proven "
                + "altered after signing.");
        for (BundleIntegrity b : m.integrity().bundles()) {
            int n = bundleNo(m, b.bundleId());
            l.subheading("Bundle " + n + ": " + b.bundleId() + " — " + ReportModel.word(b.verdict())
                    + (ReportModel.word(b.verdict()).equals(b.verdict()) ? "" : " (" + b.verdict() + ")"));
            l.keyValues(List.of(
                    new String[] {"Verdict", b.verdict()},
                    new String[] {"Heartbeat interval", b.heartbeatIntervalSeconds() <= 0 ? "none declared"
                            : b.heartbeatIntervalSeconds() + " s (gap limit 1.5 × interval)"},
                    new String[] {"Checkpoint interval", b.checkpointInterval() <= 0 ? "none declared"
                            : num(b.checkpointInterval()) + " events"},
                    new String[] {"Continuity", continuity(m, b)},
                    new String[] {"Heartbeat gaps", b.heartbeatGaps().isEmpty() ? "none" : b.heartbeatGaps().size()
                            + " (listed below)"},
                    new String[] {"Events not covered by a signature", num(b.notCoveredEvents()) + " (" + b.notCoveredQueryId()
                            + ")" + (b.notCovered().isEmpty() ? "" : "; " + b.notCovered().size() + " finding(s) below")},
                    new String[] {"Events with broken evidence", num(b.brokenEvents()) + " (" + b.brokenQueryId() + ")"},
                    new String[] {"Events proven altered", b.altered().isEmpty() ? "none" : b.altered().size()
                            + " (EVENT_ALTERED, detailed below)"}));
            l.label("Findings: " + (b.findingsTotal() == 0 ? "none — every check passed."
                    : b.findings().size() < b.findingsTotal() ? "the first " + b.findings().size() + " of "
                    + num(b.findingsTotal()) + "; the verification JSON recorded at import (attached) has every one."
                    : num(b.findingsTotal()) + "."));
            findings(l, b.findings());
            l.label("Signed checkpoints: " + b.checkpoints().size() + ".");
            List<List<String>> cps = new ArrayList<>();
            for (CheckpointRow c : b.checkpoints()) {
                cps.add(List.of(c.file().replaceFirst("^checkpoints/", ""), num(c.treeSize()), c.rootHash(), c.rootCheck(),
                        c.signedBy().isEmpty() ? "nobody" : String.join("\n", c.signedBy().stream().map(TemplateSections::keyName)
                                .toList()), c.trusted() ? "yes" : "NO", l.times().shortTime(c.timestamp())));
            }
            if (!cps.isEmpty()) {
                l.table(List.of(Column.mono("File in checkpoints/", 1.75f), Column.number("Tree size", 0.85f),
                        Column.mono("Root (base64)", 1.75f),
                        Column.text("Root from the events", 1.5f), Column.text("Signed by (key name)", 1.75f),
                        Column.text("Trusted", 0.85f), Column.text("RFC 3161 time", 1.2f)), cps);
            }
            if (!b.heartbeatGaps().isEmpty()) {
                l.label("Heartbeat gaps.");
                findings(l, b.heartbeatGaps());
            }
            if (!b.notCovered().isEmpty()) {
                l.label("Events not covered by a signature.");
                findings(l, b.notCovered());
            }
            for (AlteredEvent a : b.altered()) {
                l.label("Altered event at seq " + a.seq() + ".");
                l.keyValues(List.of(
                        new String[] {"Where", a.location()},
                        new String[] {"Signed entry hash", nz(a.signedEntryHash())},
                        new String[] {"Entry hash now", nz(a.foundEntryHash())},
                        new String[] {"The event now reads", l.times().time(a.time()) + ", " + nz(a.action()) + " by " + nz(a.user())
                                + " on " + nz(a.target()) + ", outcome " + nz(a.outcome())},
                        new String[] {"Finding", a.message()}));
            }
        }
    }

    /** A signer as the verifier names it, {@code name (SHA256:…)}, without the fingerprint section 1 shows. */
    private static String keyName(String signer) {
        int paren = signer.indexOf(" (");
        return paren > 0 ? signer.substring(0, paren) : signer;
    }

    private static String continuity(ReportModel m, BundleIntegrity b) {
        ReportModel.Continuity c = b.continuity();
        if (c.previousId() == null) {
            return c.startLeaf() <= 0 ? "first export of the log (starts at leaf 0)" : "names no previous export";
        }
        if (!c.previousInCase()) {
            return "continues export " + c.previousId() + " at leaf " + num(c.startLeaf())
                    + "; that export is not in the case, so the claim is not checked";
        }
        return c.problems().isEmpty() ? "continues bundle " + bundleNo(m, c.previousId()) + " at leaf " + num(c.startLeaf())
                + ": final checkpoint and last entry hash match, nothing missing in between"
                : "BROKEN against bundle " + bundleNo(m, c.previousId()) + ": " + String.join("; ", c.problems());
    }

    private static void findings(PdfLayout l, List<FindingRow> rows) throws IOException {
        if (rows.isEmpty()) {
            return;
        }
        List<List<String>> f = new ArrayList<>();
        for (FindingRow r : rows) {
            f.add(List.of(r.severity(), r.code(), r.message() + "\nat " + r.location()));
        }
        l.table(List.of(Column.text("Severity", 0.9f), Column.mono("Code", 2.3f), Column.text("Message and location", 4.6f)),
                f);
    }

    static void retention(PdfLayout l, ReportModel m, String no) throws IOException {
        RetentionCoverage r = m.retention();
        l.heading(no + " Retention coverage");
        l.paragraph("Required: " + r.required() + " of audit log ending at " + l.times().time(r.windowTo())
                + " (the report's end, else the case's last event), that is from " + l.times().time(r.windowFrom()) + ". PCI DSS v4.0 "
                + "requirement 10.5.1 asks for twelve months, the latest three immediately available. Rule: " + r.gapRule() + ".");
        l.table(List.of(Column.text("Measure", 2.4f), Column.text("Value", 3.2f)), List.of(
                List.of("Required period", l.times().time(r.windowFrom()) + " to " + l.times().time(r.windowTo())),
                List.of("The case's exports cover", r.coveredFrom() == null ? "nothing"
                        : l.times().time(r.coveredFrom()) + " to " + l.times().time(r.coveredTo())),
                List.of("Uncovered within the required period", duration(r.uncoveredSeconds()) + " in " + r.uncovered().size()
                        + " stretch(es)"),
                List.of("Share of the required period covered", String.format(Locale.ROOT, "%.1f %%", 100 * r.coveredShare()))));
        if (r.uncovered().isEmpty()) {
            l.paragraph("Every part of the required period is covered.");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (Stretch s : r.uncovered()) {
            rows.add(List.of(l.times().shortTime(s.from()), l.times().shortTime(s.to()), duration(Duration.between(s.from(), s.to()).getSeconds()),
                    s.reason()));
        }
        l.table(List.of(Column.text("Uncovered from (" + l.times().zoneName() + ")", 1.6f),
                Column.text("to (" + l.times().zoneName() + ")", 1.6f),
                Column.number("Length", 1f), Column.text("Why", 2.6f)), rows);
    }

    static String duration(long seconds) {
        long d = seconds / 86_400;
        long h = seconds % 86_400 / 3600;
        long min = seconds % 3600 / 60;
        if (d > 0) {
            return d + " d " + h + " h";
        }
        if (h > 0) {
            return h + " h " + min + " min";
        }
        return min > 0 ? min + " min " + seconds % 60 + " s" : seconds + " s";
    }
}
