package io.sealtrail.app.ui.session;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * A time typed by a person: {@code 2026-03-02}, {@code 2026-03-02 10:00}, {@code 2026-03-02 10:00:30} in the
 * zone the workbench shows, or an RFC 3339 instant with its own offset ({@code 2026-03-02T10:00:00Z}).
 */
public final class TimeInput {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private TimeInput() {
    }

    /** @return null for blank input (an open bound) */
    public static Instant parse(String text, ZoneId zone) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            if (t.indexOf('T') > 0) {
                return java.time.OffsetDateTime.parse(t).toInstant();
            }
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(zone).toInstant();
            }
            return LocalDateTime.parse(t, t.length() == 16 ? MINUTES : SECONDS).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + t + "\" is not a time: use 2026-03-02, 2026-03-02 10:00 or"
                    + " 2026-03-02T10:00:00Z", e);
        }
    }

    /** How {@link #parse} reads it back, in the zone shown. */
    public static String format(Instant t, ZoneId zone) {
        return t == null ? "" : SECONDS.withZone(zone).format(t);
    }
}
