package io.sealtrail.sources.sudoio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The I/O log's description of the session, from {@code log.json} (sudo 1.9.4 and later) or the three-line
 * {@code log} (older): {@code timestamp:user:runas_user:runas_group:tty[:lines:cols]}, the cwd, the command.
 * Parsed as sudo's own iolog_parse_loginfo_json / _legacy do (lib/iolog), leniently: only the time is required.
 */
record IologHeader(Instant start, String user, String runAs, String runAsGroup, String tty, String host,
                   String cwd, String command) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static IologHeader legacy(byte[] bytes) throws IOException {
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        if (lines.length < 3) {
            throw new IOException("the log file has " + (lines.length - 1) + " of its 3 lines (info, cwd, command)");
        }
        String[] f = lines[0].split(":", -1);
        if (f.length < 5) {
            throw new IOException("the info line has " + f.length + " of its 5 fields"
                    + " (timestamp:user:runas_user:runas_group:tty)");
        }
        Instant start;
        try {
            start = Instant.ofEpochSecond(Long.parseLong(f[0]));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw new IOException("time stamp \"" + f[0] + "\" is not seconds since 1970");
        }
        return new IologHeader(start, blank(f[1]), blank(f[2]), blank(f[3]), blank(f[4]), null, blank(lines[1]),
                blank(lines[2]));
    }

    static IologHeader json(byte[] bytes) throws IOException {
        JsonNode n;
        try {
            n = JSON.readTree(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("log.json is not JSON: " + e.getOriginalMessage(), e);
        }
        if (n == null || !n.isObject()) {
            throw new IOException("log.json is not a JSON object");
        }
        JsonNode ts = n.path("timestamp");
        if (!ts.path("seconds").canConvertToLong()) {
            throw new IOException("log.json has no timestamp.seconds");
        }
        Instant start;
        try {
            start = Instant.ofEpochSecond(ts.path("seconds").asLong(), ts.path("nanoseconds").asLong(0));
        } catch (java.time.DateTimeException | ArithmeticException e) {
            throw new IOException("log.json's timestamp " + ts + " is not a time", e);
        }
        String command = text(n, "command");
        JsonNode argv = n.path("runargv");
        if (argv.isArray() && argv.size() > 1) {
            StringBuilder b = new StringBuilder(command == null ? argv.get(0).asText() : command);
            for (int i = 1; i < argv.size(); i++) {
                b.append(' ').append(argv.get(i).asText());
            }
            command = b.toString();
        }
        return new IologHeader(start, text(n, "submituser"), text(n, "runuser"), text(n, "rungroup"),
                text(n, "ttyname"), text(n, "submithost"), text(n, "submitcwd"), command);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** What the header says, for the session.start event's reason. */
    String describe() {
        StringBuilder b = new StringBuilder("sudo I/O log");
        if (command != null) {
            b.append(", command \"").append(command).append('"');
        }
        if (runAs != null) {
            b.append(" as ").append(runAs).append(runAsGroup != null ? ":" + runAsGroup : "");
        }
        if (tty != null) {
            b.append(" on ").append(tty);
        }
        if (cwd != null) {
            b.append(" in ").append(cwd);
        }
        return b.toString();
    }
}
