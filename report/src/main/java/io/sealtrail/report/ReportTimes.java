package io.sealtrail.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How a report writes a time: in the report's zone ({@code sealtrail report --zone}, the zone of its business hours)
 * with the offset, and UTC beside it, so a reader in either clock never has to convert, and the times still match
 * the evidence, the queries and the cited-events attachment (all UTC). In UTC a time is written once.
 */
final class ReportTimes {
    private static final DateTimeFormatter UTC_FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter UTC_SHORT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter UTC_CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final ZoneId zone;
    private final boolean utc;
    private final DateTimeFormatter local;
    private final DateTimeFormatter localShort;

    ReportTimes(ZoneId zone) {
        this.zone = zone == null ? ZoneOffset.UTC : zone;
        this.utc = this.zone.normalized().equals(ZoneOffset.UTC) && !hasRules(this.zone);
        this.local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ROOT).withZone(this.zone);
        this.localShort = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(this.zone);
    }

    /** A zone such as Europe/London is UTC only in winter: it is written with its offset all year. */
    private static boolean hasRules(ZoneId z) {
        return !z.getRules().isFixedOffset();
    }

    /** The zone's name for headings: {@code UTC} or its id ({@code America/New_York}). */
    String zoneName() {
        return utc ? "UTC" : zone.getId();
    }

    /**
     * {@code 2026-03-02 05:00:00 -05:00 (10:00:00 UTC)}, the UTC date written too when it differs; in UTC
     * {@code 2026-03-02 10:00:00 UTC}.
     */
    String time(Instant t) {
        if (t == null) {
            return "—";
        }
        if (utc) {
            return UTC_FULL.format(t);
        }
        return local.format(t) + " (" + utcBeside(t) + ")";
    }

    /**
     * For a table column headed with the zone's name: {@code 2026-03-02 05:00:00} and, on a line of its own,
     * {@code -05:00 = 10:00:00 UTC}; in UTC only the first line.
     */
    String shortTime(Instant t) {
        if (t == null) {
            return "—";
        }
        if (utc) {
            return UTC_SHORT.format(t);
        }
        return localShort.format(t) + "\n" + offset(t) + " = " + utcBeside(t);
    }

    /** {@code 2026-03-02 10:00:00 UTC to open}. */
    String period(Instant from, Instant to) {
        return (from == null ? "open" : time(from)) + " to " + (to == null ? "open" : time(to));
    }

    private String utcBeside(Instant t) {
        boolean sameDay = t.atZone(zone).toLocalDate().equals(t.atZone(ZoneOffset.UTC).toLocalDate());
        return sameDay ? UTC_CLOCK.format(t) : UTC_FULL.format(t);
    }

    private String offset(Instant t) {
        return DateTimeFormatter.ofPattern("xxx", Locale.ROOT).withZone(zone).format(t);
    }

    /** Always UTC: the query appendix, whose bounds are what the index was asked. */
    static String utc(Instant t) {
        return t == null ? "—" : UTC_FULL.format(t);
    }
}
