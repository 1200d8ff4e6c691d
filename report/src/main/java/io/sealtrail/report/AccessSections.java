package io.sealtrail.report;

import static io.sealtrail.report.ReportRenderer.num;

import io.sealtrail.report.PdfLayout.Column;
import io.sealtrail.report.ReportModel.AccessReview;
import io.sealtrail.report.ReportModel.PartyRow;
import io.sealtrail.report.ReportModel.PrivilegedRow;
import io.sealtrail.report.ReportModel.UserReview;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The access review's own sections: the totals, the review per user for the reviewer's conclusions, privileged access. */
final class AccessSections {
    private AccessSections() {
    }

    static void access(PdfLayout l, ReportModel m, String no) throws IOException {
        ReportModel.AccessSummary a = m.access();
        l.heading(no + " Access summary");
        List<String> q = a.totalsQueryIds();
        l.table(List.of(Column.text("Measure", 3f), Column.number("Count", 1f), Column.text("Query", 0.8f)), List.of(
                List.of("Access events (heartbeats excluded)", num(a.events()), q.get(0)),
                List.of("Sessions (distinct session ids)", num(a.sessions()), q.get(1)),
                List.of("Failed events", num(a.failures()), q.get(2)),
                List.of("Denied events", num(a.denials()), q.get(3)),
                List.of("Privileged commands (sudo)", num(a.privileged()), q.get(4)),
                List.of("Off-hours access events (definition below)", num(a.offHours()), q.get(5))));
        l.paragraph("Off-hours: " + a.offHoursDefinition() + ". The off-hours queries select the " + a.offHoursWindows().size()
                + " off-hours windows between the first and the last event in scope (listed in Appendix A.1); heartbeats are "
                + "not access and are excluded.");
        review(l, m, no);
        privileged(l, a.review(), no);
        l.subheading(no + ".3 Top targets (by number of events)");
        parties(l, "Target", a.targets());
    }

    private static void review(PdfLayout l, ReportModel m, String no) throws IOException {
        AccessReview r = m.access().review();
        l.subheading(no + ".1 Review per user (PCI DSS 7 and 8, SOC 2 CC6.1–6.3)");
        l.paragraph(num(r.userCount()) + " user(s) in scope" + (r.users().size() < r.userCount() ? "; the "
                + r.users().size() + " with the most events are listed, the others are found by their user.name" : ", all listed")
                + ". Events: the user's own query (under the name). Failures counts outcomes failure and denied (" + r.failuresQueryId()
                + " by user.name); privileged, as defined in " + no + ".2; MFA counts the user's authentications that record "
                + "auth.mfa, with MFA (" + r.mfaQueryId() + ") of all of them (" + r.mfaQueryId() + " and " + r.noMfaQueryId()
                + "). New: first seen more than " + r.newAfterDays() + " days after the period's start; dormant: not seen in its "
                + "last " + r.dormantDays() + " days (PCI DSS 8.2.6)."
                + (r.failedExportsQueryId() == null ? "" : " The column FAILED counts the user's events from exports that failed "
                + "verification (" + r.failedExportsQueryId() + " by user.name): they may have been altered.")
                + " The last column is for the reviewer's conclusion (appropriate, revoke, follow up).");
        boolean failed = r.failedExportsQueryId() != null;
        List<List<String>> rows = new ArrayList<>();
        for (UserReview u : r.users()) {
            long auth = u.mfa() + u.noMfa();
            String flags = (u.isNew() ? "NEW" : "") + (u.isNew() && u.dormant() ? "\n" : "") + (u.dormant() ? "DORMANT" : "");
            List<String> row = new ArrayList<>(List.of(u.name() + "\n" + u.queryId() + (flags.isEmpty() ? "" : "\n" + flags),
                    num(u.events())));
            if (failed) {
                row.add(num(u.fromFailedExports()));
            }
            row.addAll(List.of(num(u.failures()), num(u.privileged()),
                    auth == 0 ? "—" : num(u.mfa()) + " of " + num(auth) + "\n" + percent(u.mfa(), auth),
                    l.times().shortTime(u.firstSeen()) + "\n" + l.times().shortTime(u.lastSeen()), ""));
            rows.add(row);
        }
        List<Column> cols = new ArrayList<>(List.of(Column.text("User and query", 1.5f), Column.number("Events", 0.8f)));
        if (failed) {
            cols.add(Column.number("of them from FAILED exports", 0.95f));
        }
        cols.addAll(List.of(Column.number("Failures", 0.8f), Column.number("Privileged", 0.85f),
                Column.number("MFA", 0.9f), Column.text("First and last seen (" + l.times().zoneName() + ")", 1.6f),
                Column.text("Reviewer's conclusion", 1.6f)));
        l.table(cols, rows, 7.5f);
        List<String> failing = r.users().stream().filter(u -> u.failures() > 0).map(UserReview::name).toList();
        List<String> fresh = r.users().stream().filter(UserReview::isNew).map(UserReview::name).toList();
        List<String> dormant = r.users().stream().filter(UserReview::dormant).map(UserReview::name).toList();
        List<String> noMfa = r.users().stream().filter(u -> u.noMfa() > 0).map(UserReview::name).toList();
        l.keyValues(List.of(
                new String[] {"Accounts with failures", listed(failing)},
                new String[] {"Authenticated without MFA", listed(noMfa)},
                new String[] {"New in the period", listed(fresh)},
                new String[] {"Dormant in the period", listed(dormant)}));
    }

    private static void privileged(PdfLayout l, AccessReview r, String no) throws IOException {
        l.subheading(no + ".2 Privileged access");
        boolean capped = r.privileged().size() < r.privilegedRows();
        l.paragraph("Every privileged access in scope: " + r.privilegedDefinition() + " (" + r.privilegedQueryId() + ": "
                + num(r.privilegedEvents()) + " events), per user with the accounts used (target.account; a sudo command "
                + "counts under the account it was run from), each user's query listing the events one by one."
                + (capped ? " The table stops after the first " + r.privileged().size() + " of " + num(r.privilegedRows())
                + " users; " + r.privilegedQueryId() + " has them all." : ""));
        if (r.privileged().isEmpty()) {
            l.paragraph("None.");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (PrivilegedRow p : r.privileged()) {
            rows.add(List.of(p.user(), num(p.events()), p.accounts(),
                    l.times().shortTime(p.first()) + "\n" + l.times().shortTime(p.last()), p.queryId()));
        }
        l.table(List.of(Column.text("User", 1.4f), Column.number("Events", 0.75f), Column.text("As account (events)", 2.6f),
                Column.text("First and last (" + l.times().zoneName() + ")", 1.5f), Column.text("Query", 0.55f)), rows, 8f);
    }

    private static String listed(List<String> names) {
        return names.isEmpty() ? "none" : names.size() + ": " + String.join(", ", names);
    }

    private static String percent(long part, long whole) {
        return String.format(Locale.ROOT, "%.0f %%", 100.0 * part / whole);
    }

    private static void parties(PdfLayout l, String what, List<PartyRow> rows) throws IOException {
        List<List<String>> out = new ArrayList<>();
        for (PartyRow p : rows) {
            out.add(List.of(p.name(), num(p.events()), num(p.sessions()), num(p.failuresAndDenials()), num(p.privileged()),
                    num(p.offHours()), l.times().shortTime(p.firstSeen()) + "\n" + l.times().shortTime(p.lastSeen()),
                    p.queryId()));
        }
        l.table(List.of(Column.text(what, 1.4f), Column.number("Events", 0.75f), Column.number("Sessions", 0.8f),
                Column.number("Failures / denials", 0.9f), Column.number("Privileged", 0.9f),
                Column.number("Off-hours", 0.85f), Column.text("First and last seen (" + l.times().zoneName() + ")", 2.15f),
                Column.text("Query", 0.6f)), out, 8.5f);
    }
}
