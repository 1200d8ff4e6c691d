package io.sealtrail.sources.teleport;

import com.fasterxml.jackson.databind.JsonNode;
import io.sealtrail.model.AuditEvent;
import io.sealtrail.model.AuditEvent.Outcome;
import io.sealtrail.model.AuditEvent.TargetKind;
import io.sealtrail.sources.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One Teleport event object in the event model. Field names are those of Teleport's events.proto JSON tags
 * (Metadata: event, code, time, uid, cluster_name; UserMetadata: user, login, user_roles; ConnectionMetadata:
 * addr.remote; ServerMetadata: server_hostname; SessionMetadata: sid, with_mfa; ...).
 */
final class TeleportEvent {
    /** Codes whose W/E means a policy refused, not that something failed (lib/events/codes.go). */
    private static final Set<String> DENIED_CODES = Set.of(
            "T1006W", // session.rejected
            "T1014W", // user.login headless rejected
            "T3010E", // scp disallowed
            "TS020E", // sftp disallowed
            "TSPN001W"); // spanner RPC denied
    private static final Pattern DENIED_TEXT = Pattern.compile(
            "(?i)\\baccess denied\\b|\\baccess to .{1,120}? denied\\b|\\bpermission denied\\b");
    /** events.proto SFTPAction, which the JSON carries as its number. */
    private static final String[] SFTP_ACTIONS = {"INVALID", "OPEN", "CLOSE", "READ", "WRITE", "LSTAT", "FSTAT",
        "SETSTAT", "FSETSTAT", "OPENDIR", "READDIR", "REMOVE", "MKDIR", "RMDIR", "REALPATH", "STAT", "RENAME",
        "READLINK", "SYMLINK", "LINK"};

    record Result(AuditEvent event, String problem) {
    }

    private TeleportEvent() {
    }

    static Result map(JsonNode n) {
        if (!n.isObject()) {
            return problem("not a JSON object");
        }
        String event = text(n, "event");
        if (event == null || event.isEmpty()) {
            return problem("no event name (\"event\")");
        }
        String timeText = text(n, "time");
        if (timeText == null) {
            return problem("no time");
        }
        Instant time = Times.rfc3339(timeText);
        if (time == null) {
            return problem("time \"" + timeText + "\" is not an RFC 3339 time with a zone");
        }
        String code = text(n, "code");
        JsonNode successNode = n.get("success");
        Boolean success = successNode != null && successNode.isBoolean() ? successNode.booleanValue() : null;
        Outcome byCode;
        if (code != null && !code.isEmpty()) {
            byCode = switch (Character.toUpperCase(code.charAt(code.length() - 1))) {
                case 'I', 'S' -> Outcome.SUCCESS;
                case 'W', 'E' -> Outcome.FAILURE;
                default -> null;
            };
            if (byCode == null) {
                return problem("code \"" + code + "\" ends in neither I, W, E nor S");
            }
        } else if (success != null) {
            byCode = success ? Outcome.SUCCESS : Outcome.FAILURE;
        } else {
            return problem("no code and no success: the outcome is unknown");
        }
        String reason = first(text(n, "error"), text(n, "exitError"), text(n, "message"), text(n, "reason"),
                participants(n));
        Outcome outcome = denied(n, event, code, byCode, reason) ? Outcome.DENIED : byCode;
        if (code != null && success != null && success != (byCode == Outcome.SUCCESS)) {
            reason = (reason == null ? "" : reason + "; ") + "code " + code + " and success=" + success
                    + " disagree, the outcome follows the code";
        }
        String user = text(n, "user");
        List<String> roles = strings(n.get("user_roles"));
        AuditEvent.Actor actor = user == null && roles.isEmpty() ? null : new AuditEvent.Actor(user, null, roles);
        return new Result(new AuditEvent(-1, time, timeText, null, action(event), outcome, reason, actor,
                auth(n, event, byCode), source(n), target(n, event), text(n, "sid"), command(n, event), query(n, event),
                TeleportFormat.NAME), null);
    }

    private static Result problem(String p) {
        return new Result(null, p);
    }

    /** Teleport's names where Sealtrail's vocabulary has a word for the same thing; the others as they are. */
    static String action(String event) {
        return switch (event) {
            case "user.login", "auth" -> "login";
            case "exec", "session.command" -> "command";
            case "db.session.query" -> "db.query";
            default -> event;
        };
    }

    private static boolean denied(JsonNode n, String event, String code, Outcome byCode, String reason) {
        if (code != null && DENIED_CODES.contains(code.toUpperCase(Locale.ROOT))) {
            return true;
        }
        if (event.startsWith("access_request.") && "DENIED".equalsIgnoreCase(text(n, "state"))) {
            return true;
        }
        JsonNode rc = n.get("response_code");
        if (event.equals("kube.request") && rc != null && rc.canConvertToInt()
                && (rc.intValue() == 401 || rc.intValue() == 403)) {
            return true;
        }
        JsonNode action = n.get("action");
        if (event.equals("session.network") && action != null && (action.asInt(-1) == 1
                || "DENIED".equals(action.asText()))) {
            return true; // events.proto EventAction DENIED = 1
        }
        return byCode != Outcome.SUCCESS && reason != null && DENIED_TEXT.matcher(reason).find();
    }

    private static AuditEvent.Auth auth(JsonNode n, String event, Outcome byCode) {
        String method = text(n, "method");
        JsonNode device = n.get("mfa_device");
        boolean hasDevice = device != null && device.isObject() && !device.isEmpty();
        String withMfa = text(n, "with_mfa");
        Boolean mfa;
        if (hasDevice || (withMfa != null && !withMfa.isEmpty())) {
            mfa = true;
        } else if (event.equals("user.login") && "local".equals(method) && byCode == Outcome.SUCCESS) {
            // Teleport names the device whenever its own second factor was used; a failed login names none
            // whether or not the second factor was reached, so there it stays unknown
            mfa = false;
        } else {
            mfa = null; // an SSO login's second factor, if any, happened at the identity provider
        }
        if (method == null && mfa == null) {
            return null;
        }
        return new AuditEvent.Auth(method, mfa);
    }

    private static AuditEvent.Source source(JsonNode n) {
        String remote = text(n, "addr.remote");
        String agent = text(n, "user_agent");
        if (remote == null && agent == null) {
            return null;
        }
        String ip = remote;
        Integer port = null;
        if (remote != null) {
            int colon = remote.lastIndexOf(':');
            boolean bracketed = remote.startsWith("[");
            if (colon > 0 && (bracketed ? remote.charAt(colon - 1) == ']' : remote.indexOf(':') == colon)) {
                ip = bracketed ? remote.substring(1, colon - 1) : remote.substring(0, colon);
                try {
                    int p = Integer.parseInt(remote.substring(colon + 1));
                    port = p >= 0 && p <= 65535 ? p : null;
                } catch (NumberFormatException notAPort) {
                    ip = remote;
                }
            }
        }
        return new AuditEvent.Source(ip, port, agent);
    }

    private static AuditEvent.Target target(JsonNode n, String event) {
        if (event.startsWith("db.") && n.has("db_service")) {
            return new AuditEvent.Target(TargetKind.DATABASE, text(n, "db_service"), text(n, "db_user"),
                    text(n, "db_name"));
        }
        String kube = text(n, "kubernetes_cluster");
        if (kube != null && !kube.isEmpty()) {
            List<String> as = strings(n.get("kubernetes_users"));
            if (as.isEmpty()) {
                as = strings(n.get("kubernetes_groups"));
            }
            return new AuditEvent.Target(TargetKind.KUBERNETES, kube, as.isEmpty() ? null : String.join(",", as),
                    first(text(n, "resource_namespace"), text(n, "kubernetes_pod_namespace")));
        }
        String host = first(text(n, "server_hostname"), text(n, "server_addr"), text(n, "server_id"));
        if (host != null) {
            return new AuditEvent.Target(TargetKind.HOST, host, text(n, "login"), null);
        }
        String app = text(n, "app_name");
        if (app != null) {
            return new AuditEvent.Target(TargetKind.APPLICATION, app, null, null);
        }
        String cluster = text(n, "cluster_name");
        String account = event.startsWith("access_request.") ? joined(n.get("roles")) : text(n, "login");
        if (cluster == null && account == null) {
            return null;
        }
        return new AuditEvent.Target(TargetKind.APPLICATION, cluster, account, null);
    }

    private static String command(JsonNode n, String event) {
        switch (event) {
            case "session.command" -> {
                String path = text(n, "path");
                if (path == null) {
                    return null;
                }
                StringBuilder b = new StringBuilder(path);
                for (String a : strings(n.get("argv"))) {
                    b.append(' ').append(shellWord(a));
                }
                return b.toString();
            }
            case "exec" -> {
                String c = text(n, "command");
                String pod = text(n, "kubernetes_pod_name");
                if (c == null || pod == null) {
                    return c;
                }
                // an exec into a pod through Teleport's Kubernetes proxy: said as kubectl, like the audit log's
                String ns = text(n, "kubernetes_pod_namespace");
                String container = text(n, "kubernetes_container_name");
                return "kubectl exec " + pod + (ns == null ? "" : " -n " + ns)
                        + (container == null ? "" : " -c " + container) + " -- " + c;
            }
            case "scp" -> {
                return first(text(n, "command"), join("scp", text(n, "action"), text(n, "path")));
            }
            case "sftp" -> {
                JsonNode a = n.get("action");
                String action = a == null ? null : a.isInt() && a.intValue() >= 0 && a.intValue() < SFTP_ACTIONS.length
                        ? SFTP_ACTIONS[a.intValue()] : a.asText();
                return join("sftp", action, text(n, "path"), text(n, "target_path"));
            }
            case "session.start", "session.end" -> {
                List<String> argv = strings(n.get("initial_command"));
                argv.removeIf(String::isEmpty);
                return argv.isEmpty() ? null : String.join(" ", argv);
            }
            case "kube.request" -> {
                // as kubectl would send it, like a Kubernetes audit record, so the same queries find it
                String kubectl = io.sealtrail.sources.kubernetes.KubectlLine.fromHttp(text(n, "verb"), text(n, "request_path"));
                return kubectl != null ? kubectl : join(text(n, "verb"), text(n, "request_path"));
            }
            case "port" -> {
                return join("port-forward", text(n, "addr"));
            }
            default -> {
                return null;
            }
        }
    }

    private static String query(JsonNode n, String event) {
        return event.startsWith("db.session.") ? text(n, "db_query") : null;
    }

    /** Who was in a session (session.end): the model has no field for it, and the reason is free text. */
    static String participants(JsonNode n) {
        List<String> p = strings(n.get("participants"));
        return p.isEmpty() ? null : "participants: " + String.join(", ", p);
    }

    static String shellWord(String a) {
        if (!a.isEmpty() && a.chars().noneMatch(c -> Character.isWhitespace(c) || c == '\'' || c == '"')) {
            return a;
        }
        return "'" + a.replace("'", "'\\''") + "'";
    }

    private static String join(String... parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isEmpty()) {
                if (b.length() > 0) {
                    b.append(' ');
                }
                b.append(p);
            }
        }
        return b.length() == 0 ? null : b.toString();
    }

    private static String joined(JsonNode array) {
        List<String> s = strings(array);
        return s.isEmpty() ? null : String.join(",", s);
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return null;
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode e : array) {
                if (e.isValueNode() && !e.isNull()) {
                    out.add(e.asText());
                }
            }
        }
        return out;
    }
}
