package io.sealtrail.sources.hoop;

import com.fasterxml.jackson.databind.JsonNode;
import io.sealtrail.model.AuditEvent;
import io.sealtrail.model.AuditEvent.Outcome;
import io.sealtrail.model.AuditEvent.TargetKind;
import io.sealtrail.sources.SourceRecord;
import io.sealtrail.sources.TerminalText;
import io.sealtrail.sources.Times;
import io.sealtrail.sources.hoop.SessionObject.Chunk;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One hoop.dev session (gateway/api/openapi types.go {@code Session}) as events: its start and end, one event per
 * input chunk of its event stream, its review's request and decisions, guardrail matches and data masking. The
 * mapping and its reasons: docs/sources.md, "hoop.dev".
 */
final class HoopSession {
    private static final Set<String> DATABASES = Set.of("postgres", "mysql", "mssql", "mongodb", "oracledb",
            "cockroachdb", "redshift", "bigquery", "dynamodb", "cloudwatch", "clickhouse", "snowflake");
    private static final Set<String> HOSTS = Set.of("ssh", "tcp", "rdp", "aws-ssm", "ssm", "linux-vm", "windows-vm");
    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

    private final SessionObject s;
    private final String file;
    /** 1-based line of the object's first byte in the file. */
    private final long line;
    private final JsonNode f;
    private final String id;
    private final Instant start;
    private final String startText;
    private final Instant end;
    private final AuditEvent.Actor actor;
    private final AuditEvent.Target target;
    private final boolean database;
    private final Outcome outcome;

    private HoopSession(SessionObject s, String file, long line) throws SessionObject.MalformedException {
        this.s = s;
        this.file = file;
        this.line = line;
        this.f = s.fields();
        id = SessionObject.text(f, "id");
        if (id == null || id.isEmpty()) {
            throw new SessionObject.MalformedException("no session id (\"id\")");
        }
        startText = SessionObject.text(f, "start_date");
        start = Times.rfc3339(startText);
        if (start == null) {
            throw new SessionObject.MalformedException(startText == null ? "session " + id + ": no start_date"
                    : "session " + id + ": start_date \"" + startText + "\" is not an RFC 3339 time");
        }
        String endText = SessionObject.text(f, "end_date");
        end = Times.rfc3339(endText);
        if (endText != null && end == null) {
            throw new SessionObject.MalformedException("session " + id + ": end_date \"" + endText
                    + "\" is not an RFC 3339 time");
        }
        String user = first(SessionObject.text(f, "user"), SessionObject.text(f, "user_name"));
        String userId = SessionObject.text(f, "user_id");
        actor = user == null && userId == null ? null : new AuditEvent.Actor(user, userId, List.of());
        String subtype = lower(SessionObject.text(f, "connection_subtype"));
        String type = lower(SessionObject.text(f, "type"));
        database = kind(type, subtype) == TargetKind.DATABASE;
        String connection = first(SessionObject.text(f, "connection"), SessionObject.text(f, "role_name"),
                SessionObject.text(f, "resource_name"));
        target = new AuditEvent.Target(kind(type, subtype), connection, null, null);
        outcome = outcome();
    }

    /** The session's records, in time order of what they describe; throws for a session that cannot be read. */
    static List<SourceRecord> records(SessionObject s, String file, long line) throws SessionObject.MalformedException {
        return new HoopSession(s, file, line).records();
    }

    static TargetKind kind(String type, String subtype) {
        if (subtype == null) {
            return "database".equals(type) ? TargetKind.DATABASE : TargetKind.APPLICATION;
        }
        if ("database".equals(type) || DATABASES.contains(subtype)) {
            return TargetKind.DATABASE;
        }
        if (subtype.startsWith("kubernetes")) {
            return TargetKind.KUBERNETES;
        }
        if (HOSTS.contains(subtype)) {
            return TargetKind.HOST;
        }
        if (subtype.startsWith("aws")) {
            return TargetKind.CLOUD;
        }
        return TargetKind.APPLICATION;
    }

    /**
     * The session's outcome: refused (review rejected or revoked, a guardrail or the AI analysis blocked it),
     * else by exit code; none while it runs, waits or has no exit code.
     */
    private Outcome outcome() {
        String review = lower(SessionObject.text(f.get("review"), "status"));
        if ("rejected".equals(review) || "revoked".equals(review) || blocked()) {
            return Outcome.DENIED;
        }
        String status = lower(SessionObject.text(f, "status"));
        if ("open".equals(status) || "ready".equals(status) || end == null) {
            return null;
        }
        JsonNode exit = f.get("exit_code");
        if (exit == null || !exit.canConvertToInt()) {
            return null;
        }
        return exit.intValue() == 0 ? Outcome.SUCCESS : Outcome.FAILURE;
    }

    /** hoop.dev: "a non-empty list indicates the session was blocked by at least one guardrail rule". */
    private boolean blocked() {
        JsonNode g = f.get("guardrails_info");
        return (g != null && g.isArray() && !g.isEmpty())
                || "block_execution".equals(SessionObject.text(f.get("ai_analysis"), "action"));
    }

    private List<SourceRecord> records() throws SessionObject.MalformedException {
        List<SourceRecord> out = new ArrayList<>();
        List<Chunk> chunks = s.chunks();
        int firstInput = -1;
        for (int i = 0; i < chunks.size(); i++) {
            if (chunks.get(i).isInput()) {
                firstInput = i;
                break;
            }
        }
        String script = SessionObject.text(f.get("script"), "data");
        boolean scriptEvent = firstInput < 0 && script != null && !script.isBlank();
        // what the session printed before its first input (a banner) goes with its start
        String banner = output(chunks, 0, firstInput < 0 ? (scriptEvent ? 0 : chunks.size()) : firstInput);
        out.add(record(s.raw(), 0, event("session.start", start, startText, startOutcome(), startReason(),
                "hoop " + first(SessionObject.text(f, "verb"), "connect") + " " + nz(target.name()), null))
                .withOutput(banner));
        review(out);
        guardrails(out);
        Outcome each = "exec".equals(SessionObject.text(f, "verb")) || outcome == Outcome.DENIED ? outcome : null;
        if (scriptEvent) {
            out.add(input(s.members("script"), s.lineOf("script"), start, script, each)
                    .withOutput(output(chunks, 0, chunks.size())));
        }
        // a terminal sends what is typed key by key: its keystrokes up to Enter are one command line
        boolean typed = "connect".equals(SessionObject.text(f, "verb")) && !database;
        int i = 0;
        while (i < chunks.size()) {
            if (!chunks.get(i).isInput()) {
                i++;
                continue;
            }
            int last = i;
            while (typed && !TerminalText.endsLine(chunks.get(last).bytes())
                    && nextInput(chunks, last + 1) < chunks.size()) {
                last = nextInput(chunks, last + 1);
            }
            int next = nextInput(chunks, last + 1);
            String text = typed ? TerminalText.input(TerminalText.edited(inputs(chunks, i, last)))
                    : inputText(chunks.get(i).bytes());
            if (text != null) { // a keystroke of nothing but control characters (an arrow key, Ctrl-D) says nothing
                out.add(input(tuples(chunks, i, last), chunks.get(i).line(), at(chunks.get(last)), text, each)
                        .withOutput(output(chunks, last + 1, next)));
            }
            i = last + 1;
        }
        masking(out);
        if (end != null) {
            String[] said = {"status", "exit_code", "end_date", "metrics"};
            out.add(record(s.members(said), s.lineOf(said),
                    event("session.end", end, SessionObject.text(f, "end_date"), outcome, endReason(chunks), null,
                            null)));
        }
        return out;
    }

    private static int nextInput(List<Chunk> chunks, int from) {
        int k = from;
        while (k < chunks.size() && !chunks.get(k).isInput()) {
            k++;
        }
        return k;
    }

    /** The bytes of the input chunks in [from, to], in order. */
    private static byte[] inputs(List<Chunk> chunks, int from, int to) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int k = from; k <= to; k++) {
            if (chunks.get(k).isInput()) {
                b.write(chunks.get(k).bytes(), 0, chunks.get(k).bytes().length);
            }
        }
        return b.toByteArray();
    }

    /** The input tuples in [from, to] exactly as written, joined by LF. */
    private byte[] tuples(List<Chunk> chunks, int from, int to) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int k = from; k <= to; k++) {
            if (chunks.get(k).isInput()) {
                if (b.size() > 0) {
                    b.write('\n');
                }
                byte[] t = s.bytes(chunks.get(k));
                b.write(t, 0, t.length);
            }
        }
        return b.toByteArray();
    }

    private SourceRecord input(byte[] raw, int lineInObject, Instant time, String text, Outcome o) {
        return record(raw, lineInObject, database ? event("db.query", time, null, o, null, null, text)
                : event("command", time, null, o, null, text, null));
    }

    /**
     * What an input chunk says: for PostgreSQL and MySQL sessions whose input is the client's wire protocol (an
     * interactive {@code connect} through the gateway), the SQL of its query messages, and nothing for a chunk of
     * other messages; otherwise its text.
     */
    private String inputText(byte[] bytes) {
        String subtype = lower(SessionObject.text(f, "connection_subtype"));
        List<String> sql = "postgres".equals(subtype) ? SessionText.postgresQueries(bytes)
                : "mysql".equals(subtype) ? SessionText.mysqlQueries(bytes) : null;
        if (sql != null) {
            return sql.isEmpty() ? null : String.join(";\n", sql);
        }
        return TerminalText.input(bytes);
    }

    private Instant at(Chunk c) throws SessionObject.MalformedException {
        try {
            long nanos = c.elapsedSeconds().multiply(NANOS_PER_SECOND)
                    .setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
            return start.plusNanos(nanos);
        } catch (ArithmeticException e) {
            throw new SessionObject.MalformedException("session " + id + ": elapsed time " + c.elapsedSeconds()
                    + " s is out of range");
        }
    }

    /** The output and error chunks in [from, to), decoded for search. */
    private static String output(List<Chunk> chunks, int from, int to) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = from; i < to && bytes.size() <= TerminalText.MAX_OUTPUT_BYTES * 4; i++) {
            Chunk c = chunks.get(i);
            if (!c.isInput()) {
                bytes.write(c.bytes(), 0, c.bytes().length);
            }
        }
        return bytes.size() == 0 ? null : TerminalText.searchable(TerminalText.decode(bytes.toByteArray()));
    }

    private Outcome startOutcome() {
        return outcome == Outcome.DENIED ? Outcome.DENIED : Outcome.SUCCESS;
    }

    private String startReason() {
        List<String> r = new ArrayList<>();
        String subtype = SessionObject.text(f, "connection_subtype");
        String type = SessionObject.text(f, "type");
        r.add(join(" ", first(subtype, type), "connection", SessionObject.text(f, "verb") == null ? null
                : "(" + SessionObject.text(f, "verb") + ")"));
        if ("machine".equals(SessionObject.text(f, "identity_type"))) {
            r.add("by a machine identity");
        }
        String why = SessionObject.text(f.get("metadata"), "reason");
        if (why != null && !why.isBlank()) {
            r.add("reason: " + why);
        }
        JsonNode ai = f.get("ai_analysis");
        if (ai != null && ai.isObject()) {
            r.add(join(" ", "AI analysis:", SessionObject.text(ai, "risk_level"), "risk,",
                    SessionObject.text(ai, "action"), quoted(SessionObject.text(ai, "title"))));
        }
        if (!blocked() && outcome == Outcome.DENIED) {
            r.add("review " + SessionObject.text(f.get("review"), "status"));
        }
        return String.join("; ", r);
    }

    private String endReason(List<Chunk> chunks) {
        List<String> r = new ArrayList<>();
        JsonNode exit = f.get("exit_code");
        r.add(exit == null || exit.isNull() ? "no exit code recorded" : "exit code " + exit.asText());
        for (int i = chunks.size() - 1; i >= 0; i--) {
            if (chunks.get(i).type() == 'e') {
                String err = TerminalText.searchable(TerminalText.decode(chunks.get(i).bytes()));
                if (err != null) {
                    r.add(TerminalText.cut(err.strip(), 1024));
                }
                break;
            }
        }
        JsonNode truncated = f.path("metrics").get("truncated");
        if (truncated != null && truncated.asBoolean(false)) {
            r.add("the gateway truncated the recorded stream (metrics.truncated)");
        }
        String review = SessionObject.text(f.get("review"), "status");
        if (outcome == Outcome.DENIED && review != null) {
            r.add("review " + review);
        }
        return String.join("; ", r);
    }

    /** The request for review and each group's decision (SessionReview, ReviewGroup). */
    private void review(List<SourceRecord> out) {
        JsonNode review = f.get("review");
        if (review == null || !review.isObject()) {
            return;
        }
        byte[] raw = s.members("review");
        int at = s.lineOf("review");
        String createdText = SessionObject.text(review, "created_at");
        Instant created = Times.rfc3339(createdText);
        String type = SessionObject.text(review, "type");
        out.add(record(raw, at, event("access.request", created != null ? created : start,
                created != null ? createdText : startText, Outcome.SUCCESS,
                join(" ", type == null ? "review" : type + " review", "requested; now",
                        SessionObject.text(review, "status")), null, null)));
        JsonNode groups = review.get("review_groups_data");
        if (groups == null || !groups.isArray()) {
            return;
        }
        for (JsonNode g : groups) {
            String status = lower(SessionObject.text(g, "status"));
            String action = status == null ? null : switch (status) {
                case "approved" -> "access.approve";
                case "rejected" -> "access.reject";
                case "revoked" -> "access.revoke";
                default -> null;
            };
            if (action == null) {
                continue; // a group that has not decided
            }
            JsonNode by = g.get("reviewed_by");
            String dateText = SessionObject.text(g, "review_date");
            Instant date = Times.rfc3339(dateText);
            String reviewer = first(SessionObject.text(by, "email"), SessionObject.text(by, "name"));
            AuditEvent.Actor who = reviewer == null ? null
                    : new AuditEvent.Actor(reviewer, SessionObject.text(by, "id"), List.of());
            String reason = join(" ", "group", SessionObject.text(g, "group"), status,
                    g.path("forced_review").asBoolean(false) ? "(forced)" : null,
                    date == null ? "(no review date: the request's time is given)" : null);
            String rejection = SessionObject.text(review, "rejection_reason");
            if (!"approved".equals(status) && rejection != null && !rejection.isBlank()) {
                reason += ": " + rejection;
            }
            AuditEvent e = new AuditEvent(-1, date != null ? date : created != null ? created : start,
                    date != null ? dateText : created != null ? createdText : startText, null, action,
                    "approved".equals(status) ? Outcome.SUCCESS : Outcome.DENIED, reason, who, null, null, target, id,
                    null, null, HoopFormat.NAME);
            out.add(record(raw, at, e));
        }
    }

    /** Each guardrail rule that matched (SessionGuardRailsInfo): the gateway refused what it matched. */
    private void guardrails(List<SourceRecord> out) {
        JsonNode g = f.get("guardrails_info");
        if (g == null || !g.isArray()) {
            return;
        }
        byte[] raw = s.members("guardrails_info");
        for (JsonNode m : g) {
            List<String> words = new ArrayList<>();
            m.path("matched_words").forEach(w -> words.add(w.asText()));
            String pattern = SessionObject.text(m.get("rule"), "pattern_regex");
            String reason = join(" ", "rule", quoted(SessionObject.text(m, "rule_name")), "matched",
                    "on " + first(SessionObject.text(m, "direction"), "?"),
                    words.isEmpty() ? (pattern == null ? null : "pattern " + pattern) : "words " + String.join(", ", words));
            String message = SessionObject.text(m, "message");
            if (message != null && !message.isBlank()) {
                reason += ": " + message;
            }
            out.add(record(raw, s.lineOf("guardrails_info"),
                    event("guardrail.match", start, startText, Outcome.DENIED, reason, null, null)));
        }
    }

    /** What the gateway's data masking redacted (metrics.data_masking), when it redacted anything. */
    private void masking(List<SourceRecord> out) {
        JsonNode m = f.path("metrics").get("data_masking");
        if (m == null || !m.isObject() || m.path("total_redact_count").asLong(0) <= 0) {
            return;
        }
        List<String> types = new ArrayList<>();
        m.path("info_types").fields().forEachRemaining(e -> types.add(e.getKey() + " " + e.getValue().asText()));
        types.sort(null);
        String reason = "redacted " + m.path("total_redact_count").asLong() + " value(s)"
                + (types.isEmpty() ? "" : ": " + String.join(", ", types))
                + (m.path("err_count").asLong(0) > 0 ? "; " + m.path("err_count").asLong() + " masking error(s)" : "");
        Instant t = end != null ? end : start;
        out.add(record(s.members("metrics"), s.lineOf("metrics"), event("data.masking", t,
                end != null ? SessionObject.text(f, "end_date") : startText, Outcome.SUCCESS, reason, null, null)));
    }

    private AuditEvent event(String action, Instant time, String timeText, Outcome o, String reason, String command,
                             String query) {
        return new AuditEvent(-1, time, timeText, null, action, o, reason, actor, null, null, target, id, command,
                query, HoopFormat.NAME);
    }

    private SourceRecord record(byte[] raw, int lineInObject, AuditEvent e) {
        return SourceRecord.of(file, line + lineInObject, raw, e);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String quoted(String s) {
        return s == null || s.isEmpty() ? null : "\"" + s + "\"";
    }

    static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return null;
    }

    static String join(String sep, String... parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isEmpty()) {
                if (b.length() > 0) {
                    b.append(sep);
                }
                b.append(p);
            }
        }
        return b.toString();
    }
}
