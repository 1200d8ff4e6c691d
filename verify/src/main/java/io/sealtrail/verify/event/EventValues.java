package io.sealtrail.verify.event;

import io.sealtrail.model.AuditEvent;
import java.time.Instant;
import java.util.List;

/**
 * The values read from one event line, each in the slot of its {@link EventField}, and the
 * {@link AuditEvent} they make. Cleared for every line.
 */
final class EventValues {
    private final Object[] slots = new Object[EventField.values().length];
    /** The slots that hold a value, so clearing touches only those. */
    private long filled;
    /** The seq, or -1; kept unboxed because the verifier reads it for every line. */
    private long seq = -1;
    /** The time as written, when it is kept (the event carries it) or could not be read. */
    private String timeText;

    void clear() {
        for (long f = filled; f != 0; f &= f - 1) {
            slots[Long.numberOfTrailingZeros(f)] = null;
        }
        filled = 0;
        seq = -1;
        timeText = null;
    }

    /** Puts a value in its field's slot; the type is the one {@link EventField.Type} names. */
    void set(EventField field, Object value) {
        slots[field.ordinal()] = value;
        filled |= field.bit;
    }

    Object get(EventField field) {
        return slots[field.ordinal()];
    }

    void seq(long value) {
        seq = value;
    }

    long seq() {
        return seq;
    }

    void timeText(String text) {
        timeText = text;
    }

    String timeText() {
        return timeText;
    }

    Instant time() {
        return (Instant) slots[EventField.TIME.ordinal()];
    }

    /**
     * The event, or null when a required value is absent.
     * @param objects the bits of the object fields that were objects (not null or invalid) on the line
     */
    AuditEvent build(long objects) {
        String prev = text(EventField.PREV);
        String action = text(EventField.ACTION);
        AuditEvent.Outcome outcome = (AuditEvent.Outcome) get(EventField.OUTCOME);
        if (seq < 0 || time() == null || prev == null || action == null || outcome == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        List<String> roles = (List<String>) get(EventField.ROLES);
        return new AuditEvent(seq, time(), timeText, prev, action, outcome, text(EventField.REASON),
                has(objects, EventField.USER)
                        ? new AuditEvent.Actor(text(EventField.USER_NAME), text(EventField.USER_ID), roles) : null,
                has(objects, EventField.AUTH)
                        ? new AuditEvent.Auth(text(EventField.AUTH_METHOD), (Boolean) get(EventField.MFA)) : null,
                has(objects, EventField.SOURCE) ? new AuditEvent.Source(text(EventField.IP),
                        (Integer) get(EventField.PORT), text(EventField.USER_AGENT)) : null,
                has(objects, EventField.TARGET) ? new AuditEvent.Target((AuditEvent.TargetKind) get(EventField.TARGET_KIND),
                        text(EventField.TARGET_NAME), text(EventField.ACCOUNT), text(EventField.NAMESPACE)) : null,
                text(EventField.SESSION_ID), text(EventField.COMMAND), text(EventField.QUERY),
                EventLineParser.SOURCE_FORMAT);
    }

    private String text(EventField field) {
        return (String) slots[field.ordinal()];
    }

    private static boolean has(long bits, EventField field) {
        return (bits & field.bit) != 0;
    }
}
