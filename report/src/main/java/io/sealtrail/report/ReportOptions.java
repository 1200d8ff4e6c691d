package io.sealtrail.report;

import io.sealtrail.index.EventQuery;
import io.sealtrail.verify.note.VerifierKey;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the auditor asks of a report. {@code from}/{@code to} bound every query ({@code [from, to)}, UTC,
 * either may be null for open); {@code query} narrows every table (default {@code *}). {@code trustedKeys}
 * are the log keys the auditor trusts: the evidence is re-verified against them. {@code retention} (null:
 * not assessed) is the period the evidence must cover, ending at {@code to} or else at the case's last event;
 * {@code hours} defines off-hours; {@code timelineCap} bounds the rows of the incident timeline.
 */
public record ReportOptions(String title, String auditor, Instant from, Instant to, String query,
                            Instant generatedAt, String sealtrailVersion, List<VerifierKey> trustedKeys,
                            ReportTemplate template, Period retention, BusinessHours hours, int timelineCap) {

    public static final int DEFAULT_TIMELINE_CAP = 500;

    public ReportOptions {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(auditor, "auditor");
        Objects.requireNonNull(generatedAt, "generatedAt");
        query = query == null || query.isBlank() ? "*" : query.strip();
        sealtrailVersion = sealtrailVersion == null ? "unknown" : sealtrailVersion;
        trustedKeys = List.copyOf(trustedKeys);
        template = template == null ? ReportTemplate.ACCESS_REVIEW : template;
        hours = hours == null ? BusinessHours.DEFAULT : hours;
        if (timelineCap < 1) {
            throw new IllegalArgumentException("the timeline cap must be at least 1, not " + timelineCap);
        }
    }

    public static ReportOptions of(String title, String auditor, Instant generatedAt, List<VerifierKey> trustedKeys) {
        return new ReportOptions(title, auditor, null, null, "*", generatedAt, null, trustedKeys, ReportTemplate.ACCESS_REVIEW,
                null, BusinessHours.DEFAULT, DEFAULT_TIMELINE_CAP);
    }

    /** The query and period every table of the report is bounded by. */
    public EventQuery scope() {
        return new EventQuery(query, from, to);
    }

    public ReportOptions withPeriod(Instant newFrom, Instant newTo) {
        return new ReportOptions(title, auditor, newFrom, newTo, query, generatedAt, sealtrailVersion, trustedKeys, template,
                retention, hours, timelineCap);
    }

    public ReportOptions withQuery(String q) {
        return new ReportOptions(title, auditor, from, to, q, generatedAt, sealtrailVersion, trustedKeys, template, retention,
                hours, timelineCap);
    }

    public ReportOptions withVersion(String v) {
        return new ReportOptions(title, auditor, from, to, query, generatedAt, v, trustedKeys, template, retention, hours,
                timelineCap);
    }

    public ReportOptions withTemplate(ReportTemplate t) {
        return new ReportOptions(title, auditor, from, to, query, generatedAt, sealtrailVersion, trustedKeys, t, retention,
                hours, timelineCap);
    }

    public ReportOptions withRetention(Period p) {
        return new ReportOptions(title, auditor, from, to, query, generatedAt, sealtrailVersion, trustedKeys, template, p,
                hours, timelineCap);
    }

    public ReportOptions withHours(BusinessHours h) {
        return new ReportOptions(title, auditor, from, to, query, generatedAt, sealtrailVersion, trustedKeys, template,
                retention, h, timelineCap);
    }

    public ReportOptions withTimelineCap(int cap) {
        return new ReportOptions(title, auditor, from, to, query, generatedAt, sealtrailVersion, trustedKeys, template,
                retention, hours, cap);
    }

    /** {@code 12m}, {@code 90d}, {@code 1y} (also {@code 6w}) as a period; anything else is explained. */
    public static Period retention(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.matches("[1-9][0-9]{0,3}[dwmy]")) {
            int n = Integer.parseInt(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 'd' -> Period.ofDays(n);
                case 'w' -> Period.ofWeeks(n);
                case 'm' -> Period.ofMonths(n);
                default -> Period.ofYears(n);
            };
        }
        throw new IllegalArgumentException("a retention period is a number and a unit d, w, m or y, e.g. 12m, 90d or 1y, not \""
                + text + "\"");
    }

    /** {@code 12 months}, {@code 90 days}, {@code 1 year}. */
    static String describe(Period p) {
        if (p.getYears() > 0 && p.getMonths() == 0 && p.getDays() == 0) {
            return p.getYears() + (p.getYears() == 1 ? " year" : " years");
        }
        if (p.getDays() == 0) {
            long m = p.toTotalMonths();
            return m + (m == 1 ? " month" : " months");
        }
        if (p.getYears() == 0 && p.getMonths() == 0) {
            return p.getDays() + (p.getDays() == 1 ? " day" : " days");
        }
        return p.toString();
    }
}
