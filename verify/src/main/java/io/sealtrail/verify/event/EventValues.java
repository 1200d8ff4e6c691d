package io.sealtrail.verify.event;

import io.sealtrail.model.AuditEvent;
import java.time.Instant;
import java.util.List;

/**
 * The values read from one event line, and the {@link AuditEvent} they make. {@link #set} is the table's
 * setter: one switch on the field, so the parser's call stays monomorphic and each value lands in a typed
 * field. Cleared for every line.
 */
final class EventValues {
    /** The seq, or -1; kept unboxed because the verifier reads it for every line. */
    private long seq = -1;
    private Instant time;
    /** The time as written, when it is kept (the event carries it) or could not be read. */
    private String timeText;
    private String prev;
    private String action;
    private AuditEvent.Outcome outcome;
    private String reason;
    private String userName;
    private String userId;
    private List<String> roles;
    private String authMethod;
    private Boolean mfa;
    private String ip;
    private Integer port;
    private String userAgent;
    private AuditEvent.TargetKind targetKind;
    private String targetName;
    private String account;
    private String namespace;
    private String sessionId;
    private String command;
    private String query;

    void clear() {
        seq = -1;
        time = null;
        timeText = null;
        prev = null;
        action = null;
        outcome = null;
        reason = null;
        userName = null;
        userId = null;
        roles = null;
        authMethod = null;
        mfa = null;
        ip = null;
        port = null;
        userAgent = null;
        targetKind = null;
        targetName = null;
        account = null;
        namespace = null;
        sessionId = null;
        command = null;
        query = null;
    }

    /** Sets the value of a field; its type is the one {@link EventField.Type} names. */
    @SuppressWarnings("unchecked")
    void set(EventField field, Object value) {
        switch (field) {
            case TIME -> time = (Instant) value;
            case PREV -> prev = (String) value;
            case ACTION -> action = (String) value;
            case OUTCOME -> outcome = (AuditEvent.Outcome) value;
            case REASON -> reason = (String) value;
            case USER_NAME -> userName = (String) value;
            case USER_ID -> userId = (String) value;
            case ROLES -> roles = (List<String>) value;
            case AUTH_METHOD -> authMethod = (String) value;
            case MFA -> mfa = (Boolean) value;
            case IP -> ip = (String) value;
            case PORT -> port = (Integer) value;
            case USER_AGENT -> userAgent = (String) value;
            case TARGET_KIND -> targetKind = (AuditEvent.TargetKind) value;
            case TARGET_NAME -> targetName = (String) value;
            case ACCOUNT -> account = (String) value;
            case NAMESPACE -> namespace = (String) value;
            case SESSION_ID -> sessionId = (String) value;
            case COMMAND -> command = (String) value;
            case QUERY -> query = (String) value;
            default -> throw new IllegalArgumentException(field.path + " has no value of its own");
        }
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

    Instant time() {
        return time;
    }

    /** The prev hash when it was kept as text (always when building events), else null. */
    String prev() {
        return prev;
    }

    String action() {
        return action;
    }

    /**
     * The event, or null when a required value is absent.
     * @param objects the bits of the object fields that were objects (not null or invalid) on the line
     */
    AuditEvent build(long objects) {
        if (seq < 0 || time == null || prev == null || action == null || outcome == null) {
            return null;
        }
        return new AuditEvent(seq, time, timeText, prev, action, outcome, reason,
                has(objects, EventField.USER) ? new AuditEvent.Actor(userName, userId, roles) : null,
                has(objects, EventField.AUTH) ? new AuditEvent.Auth(authMethod, mfa) : null,
                has(objects, EventField.SOURCE) ? new AuditEvent.Source(ip, port, userAgent) : null,
                has(objects, EventField.TARGET) ? new AuditEvent.Target(targetKind, targetName, account, namespace) : null,
                sessionId, command, query, EventLineParser.SOURCE_FORMAT);
    }

    private static boolean has(long bits, EventField field) {
        return (bits & field.bit) != 0;
    }
}
