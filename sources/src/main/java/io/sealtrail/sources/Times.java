package io.sealtrail.sources;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Timestamp parsing shared by the readers. */
public final class Times {
    private Times() {
    }

    /**
     * An RFC 3339 / ISO 8601 time with a zone or offset ("2024-01-02T03:04:05.123456789Z", "...+02:00"), or
     * null when {@code s} is null or not one.
     */
    public static Instant rfc3339(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
