package io.sealtrail.sources.sudo;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.sealtrail.model.AuditEvent;
import io.sealtrail.model.AuditEvent.Actor;
import io.sealtrail.model.AuditEvent.Outcome;
import io.sealtrail.model.AuditEvent.Source;
import io.sealtrail.model.AuditEvent.Target;
import io.sealtrail.model.AuditEvent.TargetKind;
import io.sealtrail.sources.Head;
import io.sealtrail.sources.ReadContext;
import io.sealtrail.sources.RecordSink;
import io.sealtrail.sources.SourceFile;
import io.sealtrail.sources.SourceFormat;
import io.sealtrail.sources.SourceRecord;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.regex.Pattern;

/**
 * sudo's JSON event log ({@code log_format=json} in sudoers or sudo_logsrvd.conf): one object of accept, reject,
 * alert and exit records; also a file of such records one after another or as JSON Lines, and the I/O log's
 * {@code log.json}, which is one bare record of a command sudo ran. Mapping: docs/sources.md.
 */
public final class SudoJsonFormat implements SourceFormat {
    public static final String NAME = "sudo-json";
    private static final Pattern EVENT_LOG = Pattern.compile("\\A\\uFEFF?\\s*\\{\\s*\"(accept|reject|alert|exit)\"\\s*:\\s*\\{");
    private static final Pattern BARE = Pattern.compile("\\A\\uFEFF?\\s*\\{\\s*\"[a-z_]+\"\\s*:");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "sudo JSON event log (sudoers/sudo_logsrvd log_format=json, I/O log log.json): commands accepted, "
                + "rejected and their exit; carries no integrity evidence";
    }

    /**
     * An object whose first key is a sudo record type, or an object with sudo's own keys ("submituser" and
     * "runargv" or "submithost") near its start: no other format names those.
     */
    @Override
    public boolean recognizes(Head head) {
        if (head.firstNonBlank() != '{') {
            return false;
        }
        String text = head.text();
        if (EVENT_LOG.matcher(text).lookingAt()) {
            return true;
        }
        return BARE.matcher(text).lookingAt() && text.contains("\"submituser\"")
                && (text.contains("\"runargv\"") || text.contains("\"submithost\""));
    }

    @Override
    public void read(InputStream in, SourceFile file, ReadContext context, RecordSink sink) throws IOException {
        new JsonRecordSplitter((kind, line, bytes, problem) -> {
            if (kind == JsonRecordSplitter.Kind.BROKEN) {
                sink.accept(SourceRecord.malformed(file.name(), line, bytes, problem));
                return;
            }
            sink.accept(record(file.name(), line, bytes, kind == JsonRecordSplitter.Kind.MEMBER));
        }).split(in);
    }

    private static SourceRecord record(String file, long line, byte[] bytes, boolean member) {
        SudoRecord r;
        try {
            r = SudoRecord.read(bytes, member);
        } catch (JsonProcessingException e) {
            return SourceRecord.malformed(file, line, bytes, "not a sudo event record: " + e.getOriginalMessage());
        } catch (IOException e) {
            return SourceRecord.malformed(file, line, bytes, "not a sudo event record: " + e.getMessage());
        }
        SudoRecord.Time time = timeOf(r);
        if (time == null) {
            return SourceRecord.malformed(file, line, bytes,
                    "a sudo " + r.type() + " record without a time (submit_time, server_time or timestamp)");
        }
        if (time.instant() == null) {
            return SourceRecord.malformed(file, line, bytes, "a sudo time is not {seconds, nanoseconds}: " + time.text());
        }
        return SourceRecord.of(file, line, bytes, map(r, time));
    }

    /** The time of what happened: submit_time (accept, reject), alert_time, exit_time; else when the server wrote it. */
    private static SudoRecord.Time timeOf(SudoRecord r) {
        String own = switch (r.type()) {
            case "alert" -> "alert_time";
            case "exit" -> "exit_time";
            default -> "submit_time";
        };
        for (String name : new String[] {own, "server_time", "timestamp"}) {
            SudoRecord.Time t = r.times().get(name);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    private static AuditEvent map(SudoRecord r, SudoRecord.Time time) {
        String reason = r.get("reason");
        Outcome outcome;
        String action;
        switch (r.type()) {
            case "reject" -> {
                action = "command";
                outcome = Outcome.DENIED;
            }
            case "alert" -> {
                action = "sudo.alert";
                outcome = Outcome.FAILURE;
            }
            case "exit" -> {
                action = "sudo.exit";
                String signal = r.get("signal");
                Long exit = r.exitValue();
                boolean ok = signal == null && exit != null && exit == 0;
                outcome = ok ? Outcome.SUCCESS : Outcome.FAILURE;
                if (signal != null) {
                    reason = "killed by SIG" + signal;
                } else if (exit != null && !ok) {
                    reason = "exit status " + exit;
                }
            }
            default -> {
                action = "command";
                outcome = Outcome.SUCCESS;
            }
        }
        String submitUser = r.get("submituser");
        Actor user = submitUser == null ? null : new Actor(submitUser, null, List.of());
        String peer = r.get("peeraddr");
        Source source = peer == null ? null : new Source(peer, null, null);
        String host = r.get("submithost");
        String runAs = r.get("runuser");
        Target target = host == null && runAs == null ? null : new Target(TargetKind.HOST, host, runAs, null);
        return new AuditEvent(-1, time.instant(), time.text(), null, action, outcome, reason, user, null, source,
                target, r.get("uuid"), command(r), null, NAME);
    }

    /**
     * "sudo " and the command with its arguments as sudo's own log line writes them (argv[0] replaced by the
     * resolved command; an argument holding a space in single quotes), so the privileged-command rule sees it.
     */
    private static String command(SudoRecord r) {
        String command = r.get("command");
        if (command == null) {
            return null;
        }
        StringBuilder s = new StringBuilder("sudo ").append(command);
        List<String> argv = r.argv();
        if (argv != null) {
            for (int i = 1; i < argv.size(); i++) {
                String a = argv.get(i) == null ? "" : argv.get(i);
                s.append(' ');
                if (a.indexOf(' ') >= 0) {
                    s.append('\'').append(a).append('\'');
                } else {
                    s.append(a);
                }
            }
        }
        return s.toString();
    }
}
