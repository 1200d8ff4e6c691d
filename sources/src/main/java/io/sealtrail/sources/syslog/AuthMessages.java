package io.sealtrail.sources.syslog;

import io.sealtrail.model.AuditEvent;
import io.sealtrail.model.AuditEvent.Actor;
import io.sealtrail.model.AuditEvent.Auth;
import io.sealtrail.model.AuditEvent.Outcome;
import io.sealtrail.model.AuditEvent.Source;
import io.sealtrail.model.AuditEvent.Target;
import io.sealtrail.model.AuditEvent.TargetKind;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The messages of OpenSSH, sudo, su and PAM that say who logged in, failed to, opened a session or ran a
 * command, as events; any other message becomes {@value #MESSAGE} with its text as the reason, so it stays
 * searchable. The table of what maps to what is docs/sources.md.
 */
final class AuthMessages {
    static final String MESSAGE = "syslog.message";

    private static final Pattern ACCEPTED = Pattern.compile(
            "Accepted (\\S+) for (\\S+) from (\\S+) port (\\d+)\\b.*");
    private static final Pattern FAILED = Pattern.compile(
            "Failed (\\S+) for (invalid user )?(\\S*) from (\\S+) port (\\d+)\\b.*");
    private static final Pattern INVALID = Pattern.compile("Invalid user ?(.*?) from (\\S+)(?: port (\\d+))?\\s*");
    private static final Pattern NOT_ALLOWED = Pattern.compile("User (\\S+) from (\\S+) not allowed because (.*)");
    private static final Pattern PREAUTH_CLOSED = Pattern.compile(
            "(?:Connection closed by|Connection reset by|Disconnected from) (authenticating|invalid) user (\\S*) "
                    + "(\\S+) port (\\d+)\\b.*");
    private static final Pattern LOGGED_OUT = Pattern.compile("Disconnected from user (\\S+) (\\S+) port (\\d+)\\s*");
    private static final Pattern PAM = Pattern.compile("pam_(\\w+)\\(([^:)]+):(\\w+)\\): (.*)");
    private static final Pattern SESSION_OPENED = Pattern.compile(
            "session opened for user ([^\\s(]+)(?:\\(uid=\\d+\\))?(?: by ([^\\s(]*)(?:\\(uid=(\\d+)\\))?)?\\s*");
    private static final Pattern SESSION_CLOSED = Pattern.compile("session closed for user ([^\\s(]+).*");
    private static final Pattern KEY_VALUE = Pattern.compile("(\\w+)=(\\S*)");
    private static final Pattern SUDO = Pattern.compile("\\s*(\\S+) : (.*)");
    private static final Pattern SU_TO = Pattern.compile("(FAILED SU )?\\(to (\\S+)\\) (\\S+) on (\\S+)\\s*");
    private static final Pattern SU_FOR = Pattern.compile("(Successful|FAILED) su for (\\S+) by (\\S+)\\s*");
    private static final Pattern SU_SHADOW = Pattern.compile("([+-]) (\\S+) (\\S+):(\\S+)\\s*");

    private final String format;

    AuthMessages(String format) {
        this.format = format;
    }

    AuditEvent map(SyslogLine l, Instant time) {
        String program = l.program() == null ? "" : l.program();
        String msg = l.message();
        AuditEvent e = null;
        if (msg.startsWith("pam_")) {
            e = pam(l, time, msg);
        } else if (program.equals("sshd") || program.startsWith("sshd-")) {
            e = sshd(l, time, msg);
        } else if (program.equals("sudo")) {
            e = sudo(l, time, msg);
        } else if (program.equals("su")) {
            e = su(l, time, msg);
        }
        return e != null ? e : event(l, time, MESSAGE, null, l.text(), null, null, null, null, null);
    }

    private AuditEvent sshd(SyslogLine l, Instant time, String msg) {
        Matcher m;
        if (msg.startsWith("Accepted ") && (m = ACCEPTED.matcher(msg)).matches()) {
            return event(l, time, "login", Outcome.SUCCESS, null, m.group(2), m.group(2), new Auth(m.group(1), null),
                    source(m.group(3), m.group(4)), null);
        }
        if (msg.startsWith("Failed ") && (m = FAILED.matcher(msg)).matches()) {
            boolean invalid = m.group(2) != null;
            String reason = "Failed " + m.group(1) + (invalid ? " for invalid user" : "");
            return event(l, time, "login", Outcome.FAILURE, reason, m.group(3), m.group(3), new Auth(m.group(1), null),
                    source(m.group(4), m.group(5)), null);
        }
        if (msg.startsWith("Invalid user") && (m = INVALID.matcher(msg)).matches()) {
            return event(l, time, "login", Outcome.FAILURE, "invalid user", m.group(1), m.group(1), null,
                    source(m.group(2), m.group(3)), null);
        }
        if (msg.startsWith("User ") && (m = NOT_ALLOWED.matcher(msg)).matches()) {
            return event(l, time, "login", Outcome.DENIED, "not allowed because " + m.group(3), m.group(1), m.group(1),
                    null, source(m.group(2), null), null);
        }
        if ((m = PREAUTH_CLOSED.matcher(msg)).matches()) {
            String reason = m.group(1).equals("invalid") ? "invalid user; connection closed before authentication"
                    : "connection closed before authentication completed";
            return event(l, time, "sshd.disconnect", Outcome.FAILURE, reason, m.group(2), m.group(2), null,
                    source(m.group(3), m.group(4)), null);
        }
        if (msg.startsWith("Disconnected from user ") && (m = LOGGED_OUT.matcher(msg)).matches()) {
            return event(l, time, "sshd.disconnect", Outcome.SUCCESS, null, m.group(1), m.group(1), null,
                    source(m.group(2), m.group(3)), null);
        }
        return null;
    }

    /** pam_MODULE(SERVICE:FACILITY): sessions opened and closed, authentication failures. */
    private AuditEvent pam(SyslogLine l, Instant time, String msg) {
        Matcher m = PAM.matcher(msg);
        if (!m.matches()) {
            return null;
        }
        String module = m.group(1);
        String text = m.group(4);
        Matcher s;
        if (text.startsWith("session opened") && (s = SESSION_OPENED.matcher(text)).matches()) {
            String account = s.group(1);
            String by = s.group(2);
            boolean byPerson = by != null && !by.isEmpty() && !by.equals("LOGIN");
            return event(l, time, "session.start", Outcome.SUCCESS, null, byPerson ? by : account,
                    account, byPerson ? s.group(3) : null, null, null, null);
        }
        if (text.startsWith("session closed") && (s = SESSION_CLOSED.matcher(text)).matches()) {
            return event(l, time, "session.end", Outcome.SUCCESS, null, s.group(1), s.group(1), null, null, null);
        }
        if (text.startsWith("authentication failure;")) {
            Map<String, String> kv = new HashMap<>();
            Matcher k = KEY_VALUE.matcher(text);
            while (k.find()) {
                kv.put(k.group(1), k.group(2));
            }
            String user = firstNonEmpty(kv.get("user"), kv.get("ruser"), kv.get("logname"));
            String rhost = kv.get("rhost");
            String method = module.equals("unix") ? "password" : "pam_" + module;
            return event(l, time, "login", Outcome.FAILURE, msg.substring(0, msg.indexOf(';')), user, user,
                    new Auth(method, null), looksLikeIp(rhost) ? new Source(rhost, null, null) : null, null);
        }
        return null;
    }

    /** {@code alice : [reason ; ]TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/id}. */
    private AuditEvent sudo(SyslogLine l, Instant time, String msg) {
        Matcher m = SUDO.matcher(msg);
        if (!m.matches()) {
            return null;
        }
        String rest = m.group(2);
        int c = rest.indexOf("COMMAND=");
        if (c < 0 || rest.startsWith("(command continued)")) {
            return null;
        }
        String command = rest.substring(c + 8);
        String reason = null;
        String runAs = null;
        String host = null;
        for (String item : rest.substring(0, c).split(" ; ")) {
            String it = item.strip();
            if (it.isEmpty()) {
                continue;
            }
            int eq = it.indexOf('=');
            String key = eq > 0 ? it.substring(0, eq) : "";
            if (!key.isEmpty() && key.chars().allMatch(ch -> ch >= 'A' && ch <= 'Z')) {
                if (key.equals("USER")) {
                    runAs = it.substring(eq + 1);
                } else if (key.equals("HOST")) {
                    host = it.substring(eq + 1);
                }
            } else if (reason == null) {
                reason = it;
            }
        }
        Outcome outcome = reason == null ? Outcome.SUCCESS
                : reason.contains("incorrect password attempt") || reason.contains("password is required")
                ? Outcome.FAILURE : Outcome.DENIED;
        AuditEvent e = event(l, time, "command", outcome, reason, m.group(1), runAs, null, null, null,
                "sudo " + command);
        if (host != null && !host.equals(l.host())) {
            e = withTargetName(e, host);
        }
        return e;
    }

    /** util-linux ("(to root) alice on pts/0"), shadow-utils ("Successful su for root by alice", "+ pts/0 a:b"). */
    private AuditEvent su(SyslogLine l, Instant time, String msg) {
        Matcher m;
        if ((m = SU_TO.matcher(msg)).matches()) {
            return su(l, time, m.group(1) == null, m.group(3), m.group(2));
        }
        if ((m = SU_FOR.matcher(msg)).matches()) {
            return su(l, time, m.group(1).equals("Successful"), m.group(3), m.group(2));
        }
        if ((m = SU_SHADOW.matcher(msg)).matches()) {
            return su(l, time, m.group(1).equals("+"), m.group(3), m.group(4));
        }
        return null;
    }

    private AuditEvent su(SyslogLine l, Instant time, boolean ok, String user, String to) {
        return event(l, time, "command", ok ? Outcome.SUCCESS : Outcome.FAILURE, ok ? null : "su failed", user, to,
                null, null, null, "su " + to);
    }

    private AuditEvent event(SyslogLine l, Instant time, String action, Outcome outcome, String reason,
                             String user, String account, Auth auth, Source source, String command) {
        return event(l, time, action, outcome, reason, user, account, null, auth, source, command);
    }

    private AuditEvent event(SyslogLine l, Instant time, String action, Outcome outcome, String reason,
                             String user, String account, String userId, Auth auth, Source source, String command) {
        String name = user == null || user.isEmpty() ? null : user;
        Actor actor = name == null && userId == null ? null : new Actor(name, userId, List.of());
        Target target = new Target(TargetKind.HOST, l.host(), account == null || account.isEmpty() ? null : account,
                null);
        return new AuditEvent(-1, time, l.timeText(), null, action, outcome, reason, actor, auth, source, target,
                null, command, null, format);
    }

    private static AuditEvent withTargetName(AuditEvent e, String host) {
        Target t = e.target();
        return new AuditEvent(e.seq(), e.time(), e.timeText(), e.prev(), e.action(), e.outcome(), e.reason(), e.user(),
                e.auth(), e.source(), new Target(t.kind(), host, t.account(), t.namespace()), e.sessionId(),
                e.command(), e.query(), e.sourceFormat());
    }

    private static Source source(String ip, String port) {
        Integer p = null;
        if (port != null) {
            int v = Integer.parseInt(port.length() > 6 ? "-1" : port);
            p = v >= 0 && v <= 65535 ? v : null;
        }
        return new Source(ip, p, null);
    }

    private static String firstNonEmpty(String... values) {
        for (String v : values) {
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return null;
    }

    static boolean looksLikeIp(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        if (s.indexOf(':') >= 0) {
            return s.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0);
        }
        return s.chars().allMatch(c -> c == '.' || c >= '0' && c <= '9');
    }
}
