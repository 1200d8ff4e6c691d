package io.sealtrail.model;

import java.time.Instant;
import java.util.List;

/**
 * One access event, in the field vocabulary of docs/bundle-format.md (ECS/OCSF names). Every source
 * format (our bundles, CloudTrail, Kubernetes audit, Teleport, syslog) maps into this record;
 * {@code sourceFormat} says which one it came from. Optional parts are {@code null}.
 *
 * @param seq       leaf index of the event in its log
 * @param time      when it happened, UTC
 * @param timeText  the time exactly as the source wrote it (evidence; {@code time} is derived)
 * @param prev      hex entry hash of the previous event in the log, or null where the source has no chain
 */
public record AuditEvent(
        long seq,
        Instant time,
        String timeText,
        String prev,
        String action,
        Outcome outcome,
        String reason,
        Actor user,
        Auth auth,
        Source source,
        Target target,
        String sessionId,
        String command,
        String query,
        String sourceFormat) {

    public static final String ACTION_HEARTBEAT = "log.heartbeat";

    /** The same event placed in a log: its leaf index and the entry hash of the event before it. */
    public AuditEvent withChain(long newSeq, String newPrev) {
        return new AuditEvent(newSeq, time, timeText, newPrev, action, outcome, reason, user, auth, source, target,
                sessionId, command, query, sourceFormat);
    }

    public boolean isHeartbeat() {
        return ACTION_HEARTBEAT.equals(action);
    }

    /** Who acted. {@code roles} is never null. */
    public record Actor(String name, String id, List<String> roles) {
        public Actor {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    /** How the actor authenticated: the method as the source names it, and whether MFA was used. */
    public record Auth(String method, Boolean mfa) {
    }

    /** Where the access came from. */
    public record Source(String ip, Integer port, String userAgent) {
    }

    /** What was accessed, and as whom ({@code account}: a login, a DB user, a cloud role). */
    public record Target(TargetKind kind, String name, String account, String namespace) {
    }

    public enum TargetKind {
        HOST, DATABASE, KUBERNETES, CLOUD, APPLICATION;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static TargetKind fromWire(String s) {
            return valueOf(s.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public enum Outcome {
        SUCCESS, FAILURE, DENIED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Outcome fromWire(String s) {
            return valueOf(s.toUpperCase(java.util.Locale.ROOT));
        }
    }
}
