package io.sealtrail.sources.hoop;

import com.fasterxml.jackson.databind.JsonNode;
import io.sealtrail.model.AuditEvent;
import io.sealtrail.model.AuditEvent.Outcome;
import io.sealtrail.model.AuditEvent.TargetKind;
import io.sealtrail.sources.Times;

/**
 * One entry of hoop.dev's admin audit log ({@code GET /api/audit/logs}, types.go
 * {@code SecurityAuditLogResponse}): who changed what in the gateway's configuration, over which HTTP request.
 */
final class HoopAuditEntry {
    private HoopAuditEntry() {
    }

    static boolean looksLikeOne(JsonNode n) {
        return n.has("actor_email") && n.has("http_method") && n.has("resource_type");
    }

    static AuditEvent event(JsonNode n) throws SessionObject.MalformedException {
        String timeText = SessionObject.text(n, "created_at");
        java.time.Instant time = Times.rfc3339(timeText);
        if (time == null) {
            throw new SessionObject.MalformedException(timeText == null ? "audit log entry without created_at"
                    : "audit log entry: created_at \"" + timeText + "\" is not an RFC 3339 time");
        }
        String resource = SessionObject.text(n, "resource_type");
        String action = SessionObject.text(n, "action");
        if (resource == null || action == null) {
            throw new SessionObject.MalformedException("audit log entry without resource_type or action");
        }
        JsonNode ok = n.get("outcome");
        if (ok == null || !ok.isBoolean()) {
            throw new SessionObject.MalformedException("audit log entry: outcome is not true or false");
        }
        JsonNode statusNode = n.get("http_status");
        int status = statusNode != null && statusNode.canConvertToInt() ? statusNode.intValue() : 0;
        Outcome outcome = ok.booleanValue() ? Outcome.SUCCESS
                : status == 401 || status == 403 ? Outcome.DENIED : Outcome.FAILURE;
        String error = SessionObject.text(n, "error_message");
        String reason = HoopSession.join(" ", status == 0 ? null : "HTTP " + status,
                error == null || error.isBlank() ? null : "— " + error);
        String email = SessionObject.text(n, "actor_email");
        String name = HoopSession.first(email, SessionObject.text(n, "actor_name"));
        String subject = SessionObject.text(n, "actor_subject");
        AuditEvent.Actor actor = name == null && subject == null ? null : new AuditEvent.Actor(name, subject,
                java.util.List.of());
        String ip = SessionObject.text(n, "client_ip");
        AuditEvent.Source source = ip == null || ip.isEmpty() ? null : new AuditEvent.Source(ip, null, null);
        String command = HoopSession.join(" ", SessionObject.text(n, "http_method"), SessionObject.text(n, "http_path"));
        return new AuditEvent(-1, time, timeText, null, "admin." + resource + "." + action, outcome,
                reason.isEmpty() ? null : reason, actor, null, source,
                new AuditEvent.Target(TargetKind.APPLICATION, "hoop:" + resource, null, null), null,
                command.isEmpty() ? null : command, null, HoopFormat.NAME);
    }
}
