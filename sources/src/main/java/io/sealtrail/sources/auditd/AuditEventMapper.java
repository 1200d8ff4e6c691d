package io.sealtrail.sources.auditd;

import io.sealtrail.model.AuditEvent;
import io.sealtrail.model.AuditEvent.Actor;
import io.sealtrail.model.AuditEvent.Auth;
import io.sealtrail.model.AuditEvent.Outcome;
import io.sealtrail.model.AuditEvent.Source;
import io.sealtrail.model.AuditEvent.Target;
import io.sealtrail.model.AuditEvent.TargetKind;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The records of one audit event (one {@code msg=audit(T:ID)}) as one {@link AuditEvent}. The mapping and
 * its reasons are in docs/sources.md.
 */
final class AuditEventMapper {
    /** auid/ses when no login set them: (uint32) -1. */
    static final String UNSET = "4294967295";
    /** More arguments than a line can hold: argc is not trusted to bound the work. */
    private static final int MAX_ARGS = 1 << 16;

    private AuditEventMapper() {
    }

    static AuditEvent map(List<AuditRecord> records, String formatName) {
        AuditRecord primary = primary(records);
        AuditRecord execve = null;
        AuditRecord proctitle = null;
        for (AuditRecord r : records) {
            if (r.type().equals("EXECVE") && execve == null) {
                execve = r;
            } else if (r.type().equals("PROCTITLE") && proctitle == null) {
                proctitle = r;
            }
        }
        String type = primary.type();
        String command = null;
        String action;
        if (type.equals("SYSCALL")) {
            boolean exec = isExec(primary) || execve != null;
            if (exec) {
                action = "command";
                command = execve != null ? argv(records) : proctitle != null ? proctitle.get("proctitle")
                        : primary.get("exe");
            } else {
                String name = primary.get("SYSCALL");
                action = "auditd.syscall." + (name != null ? name : primary.get("syscall"));
            }
        } else if (type.equals("USER_CMD")) {
            action = "command";
            String cmd = primary.get("cmd");
            command = cmd != null && isSudo(primary.get("exe")) ? "sudo " + cmd : cmd;
        } else if (type.equals("EXECVE")) {
            action = "command";
            command = argv(records);
        } else {
            action = switch (type) {
                case "USER_AUTH" -> "login";
                case "USER_START" -> "session.start";
                case "USER_END" -> "session.end";
                default -> "auditd." + type.toLowerCase(Locale.ROOT);
            };
        }
        Outcome outcome = outcome(primary);
        String reason = null;
        if (type.equals("SYSCALL") && "no".equals(primary.get("success"))) {
            String exit = primary.get("exit");
            reason = exit == null ? null : "exit=" + exit;
            if ("-1".equals(exit) || "-13".equals(exit)) {
                outcome = Outcome.DENIED; // EPERM, EACCES: the kernel refused
            }
        } else if (type.equals("USER_ACCT") && outcome == Outcome.FAILURE) {
            outcome = Outcome.DENIED; // PAM's account check refused an authenticated user
        }
        String auid = set(primary.get("auid"));
        String acct = primary.get("acct");
        if (acct != null && acct.startsWith("(") && acct.endsWith(")")) {
            // sshd's "(unknown)" and "(invalid user)" say there is no such account; they name nobody
            reason = reason == null ? acct.substring(1, acct.length() - 1) : reason;
            acct = null;
        }
        // After a login set auid, auid is the person whatever uid the process runs as. Before it, a user-space
        // record comes from a daemon (sshd as uid 0) acting for acct, so acct is the person and the daemon's uid
        // is not theirs; a kernel record (a syscall, an anomaly) of such a process is the process's own doing.
        boolean kernel = type.equals("SYSCALL") || type.startsWith("ANOM_");
        String userId = auid != null ? auid : kernel && acct == null ? primary.get("uid") : null;
        String userName = auid != null ? primary.get("AUID") : acct != null ? acct : kernel ? primary.get("UID") : null;
        String account = acct;
        if (account == null && type.equals("SYSCALL")) {
            account = first(primary.get("EUID"), primary.get("euid"), primary.get("UID"), primary.get("uid"));
        }
        Actor user = userId == null && userName == null ? null : new Actor(userName, userId, List.of());
        Auth auth = type.equals("USER_AUTH") && primary.get("op") != null ? new Auth(primary.get("op"), null) : null;
        String addr = primary.get("addr");
        if (addr == null && looksLikeIp(primary.get("hostname"))) {
            addr = primary.get("hostname");
        }
        Source source = addr == null ? null : new Source(addr, port(primary.get("rport")), null);
        String node = primary.node();
        Target target = new Target(TargetKind.HOST, node, account, null);
        return new AuditEvent(-1, time(primary.time()), primary.time(), null, action, outcome, reason, user, auth,
                source, target, set(primary.get("ses")), command, null, formatName);
    }

    /** The SYSCALL record when the event has one (it says who and whether it worked), else the first. */
    private static AuditRecord primary(List<AuditRecord> records) {
        for (AuditRecord r : records) {
            if (r.type().equals("SYSCALL")) {
                return r;
            }
        }
        return records.get(0);
    }

    private static boolean isExec(AuditRecord r) {
        String name = r.get("SYSCALL");
        if (name != null) {
            return name.equals("execve") || name.equals("execveat");
        }
        String nr = r.get("syscall");
        String arch = r.get("arch");
        if ("c000003e".equals(arch)) { // x86_64
            return "59".equals(nr) || "322".equals(nr);
        }
        if ("c00000b7".equals(arch)) { // aarch64
            return "221".equals(nr) || "281".equals(nr);
        }
        if ("40000003".equals(arch)) { // i386
            return "11".equals(nr) || "358".equals(nr);
        }
        return false;
    }

    private static boolean isSudo(String exe) {
        return exe != null && (exe.equals("sudo") || exe.endsWith("/sudo"));
    }

    /** EXECVE's a0..a(argc-1), each decoded; a long argument split as aN[0], aN[1]... is joined first. */
    private static String argv(List<AuditRecord> records) {
        StringBuilder b = new StringBuilder();
        int argc = -1;
        for (AuditRecord r : records) {
            if (r.type().equals("EXECVE") && r.get("argc") != null) {
                try {
                    argc = Integer.parseInt(r.get("argc"));
                } catch (NumberFormatException e) {
                    argc = -1;
                }
                break;
            }
        }
        int missing = 0;
        for (int i = 0; i < MAX_ARGS && (argc < 0 || i < argc); i++) {
            String arg = arg(records, i);
            if (arg == null) {
                // argc counts arguments a record may not hold (a later EXECVE record, or none): stop at a gap
                if (argc < 0 || ++missing > 64) {
                    break;
                }
                continue;
            }
            missing = 0;
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(arg);
        }
        return b.toString();
    }

    private static String arg(List<AuditRecord> records, int i) {
        String key = "a" + i;
        StringBuilder hex = null;
        for (AuditRecord r : records) {
            if (!r.type().equals("EXECVE")) {
                continue;
            }
            String v = r.get(key);
            if (v != null) {
                return v;
            }
            for (int part = 0; ; part++) {
                String p = r.get(key + "[" + part + "]");
                if (p == null) {
                    break;
                }
                hex = hex == null ? new StringBuilder() : hex;
                hex.append(p);
            }
        }
        if (hex == null) {
            return null;
        }
        return AuditRecord.isHex(hex.toString()) ? AuditRecord.unhex(hex.toString(), false) : hex.toString();
    }

    static Outcome outcome(AuditRecord r) {
        String res = r.get("res");
        if (res == null) {
            res = r.get("success");
        }
        if (res == null) {
            return null;
        }
        return switch (res) {
            case "success", "yes", "1" -> Outcome.SUCCESS;
            case "failed", "no", "0" -> Outcome.FAILURE;
            default -> null;
        };
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String set(String id) {
        return id == null || id.equals(UNSET) || id.equals("-1") ? null : id;
    }

    private static Integer port(String s) {
        if (s == null) {
            return null;
        }
        try {
            int p = Integer.parseInt(s);
            return p >= 0 && p <= 65535 ? p : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean looksLikeIp(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        if (s.indexOf(':') >= 0) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c == '.' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    /** "1700000000.123" as an instant; the fraction may have any number of digits (nanoseconds kept). */
    static Instant time(String t) {
        int dot = t.indexOf('.');
        long seconds = Long.parseLong(t, 0, dot, 10);
        long nanos = 0;
        for (int i = 0; i < 9; i++) {
            int at = dot + 1 + i;
            nanos = nanos * 10 + (at < t.length() ? t.charAt(at) - '0' : 0);
        }
        return Instant.ofEpochSecond(seconds, nanos);
    }
}
