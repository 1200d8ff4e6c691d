package io.sealtrail.verify.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.sealtrail.model.AuditEvent;
import io.sealtrail.model.FindingCode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference reading of an event line, with Jackson's general JSON parser: the hand-written
 * {@link EventLineParser} must agree with it (EventLineParserDifferentialTest).
 */
final class JacksonEventLineParser {
    public static final String SOURCE_FORMAT = "sealtrail";
    private static final String ZERO_HASH = "0".repeat(64);
    /** The spec's nesting limit for a skipped value, counted from the value, as EventLineParser counts it. */
    private static final int MAX_DEPTH = 64;

    // Duplicate keys are detected here, not by Jackson's detector: known keys are bits in a mask per
    // object, which costs nothing, while Jackson's detector hashes every key of every line.
    private final JsonFactory factory = new JsonFactory();

    // Per-line state, reset by parse().
    private List<LineProblem> problems;
    private long seq;
    private String timeText;
    private Instant time;
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
    private boolean hasUser;
    private boolean hasAuth;
    private boolean hasSource;
    private boolean hasTarget;

    public static String zeroHash() {
        return ZERO_HASH;
    }

    public ParsedLine parse(byte[] buf, int off, int len) {
        reset();
        if (len == 0) {
            problem(FindingCode.LINE_MALFORMED, "empty line");
            return result();
        }
        if (len >= 3 && (buf[off] & 0xff) == 0xef && (buf[off + 1] & 0xff) == 0xbb && (buf[off + 2] & 0xff) == 0xbf) {
            problem(FindingCode.LINE_NOT_UTF8, "the line starts with a UTF-8 byte order mark"); // Jackson would skip it
            return result();
        }
        try (JsonParser p = factory.createParser(buf, off, len)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                problem(FindingCode.LINE_MALFORMED, "not a JSON object");
                return result();
            }
            String[] seen = new String[16];
            int count = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (duplicate(seen, count, name)) {
                    duplicateKey(p, name);
                    continue;
                }
                seen = remember(seen, count++, name);
                topLevel(p, name);
            }
            if (p.nextToken() != null) {
                problem(FindingCode.LINE_MALFORMED, "content after the JSON object");
            }
        } catch (JsonParseException e) {
            String msg = e.getOriginalMessage();
            FindingCode code = msg.contains("Invalid UTF-8") ? FindingCode.LINE_NOT_UTF8 : FindingCode.LINE_MALFORMED;
            problem(code, firstLine(msg) + " at byte " + e.getLocation().getColumnNr());
            return result();
        } catch (IOException e) {
            problem(FindingCode.LINE_MALFORMED, "unreadable: " + e.getMessage());
            return result();
        }
        if (seq < 0) {
            problem(FindingCode.FIELD_MISSING, "seq is missing");
        }
        if (time == null && timeText == null) {
            problem(FindingCode.FIELD_MISSING, "time is missing");
        }
        if (prev == null) {
            problem(FindingCode.FIELD_MISSING, "prev is missing");
        }
        if (action == null) {
            problem(FindingCode.FIELD_MISSING, "event.action is missing");
        }
        if (outcome == null) {
            problem(FindingCode.FIELD_MISSING, "event.outcome is missing");
        }
        return result();
    }

    private void topLevel(JsonParser p, String name) throws IOException {
        switch (name) {
            case "seq" -> {
                if (p.currentToken() == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER
                        && p.getLongValue() >= 0) {
                    seq = p.getLongValue();
                } else if (p.currentToken() != JsonToken.VALUE_NULL) {
                    invalid(p, "seq must be a non-negative integer");
                }
            }
            case "time" -> {
                String s = string(p, "time");
                if (s != null) {
                    timeText = s;
                    time = Rfc3339.parseUtc(s);
                    if (time == null) {
                        problem(FindingCode.FIELD_INVALID, "time \"" + clip(s) + "\" is not RFC 3339 UTC (YYYY-MM-DDTHH:MM:SS[.f]Z)");
                    }
                }
            }
            case "prev" -> {
                String s = string(p, "prev");
                if (s != null) {
                    if (isHex64(s)) {
                        prev = s;
                    } else {
                        problem(FindingCode.FIELD_INVALID, "prev must be 64 lowercase hex digits");
                    }
                }
            }
            case "event" -> object(p, name, this::eventField);
            case "user" -> {
                hasUser = true;
                object(p, name, this::userField);
            }
            case "auth" -> {
                hasAuth = true;
                object(p, name, this::authField);
            }
            case "source" -> {
                hasSource = true;
                object(p, name, this::sourceField);
            }
            case "target" -> {
                hasTarget = true;
                object(p, name, this::targetField);
            }
            case "session" -> object(p, name, (q, f) -> {
                if (f.equals("id")) {
                    sessionId = string(q, "session.id");
                } else {
                    unknown(q, "session." + f);
                }
            });
            case "command" -> command = string(p, "command");
            case "query" -> query = string(p, "query");
            case "labels" -> object(p, name, (q, f) -> string(q, "labels." + f));
            default -> unknown(p, name);
        }
    }

    private void eventField(JsonParser p, String f) throws IOException {
        switch (f) {
            case "action" -> action = string(p, "event.action");
            case "outcome" -> {
                String s = string(p, "event.outcome");
                if (s != null) {
                    switch (s) {
                        case "success" -> outcome = AuditEvent.Outcome.SUCCESS;
                        case "failure" -> outcome = AuditEvent.Outcome.FAILURE;
                        case "denied" -> outcome = AuditEvent.Outcome.DENIED;
                        default -> problem(FindingCode.FIELD_INVALID,
                                "event.outcome \"" + clip(s) + "\" is not success, failure or denied");
                    }
                }
            }
            case "reason" -> reason = string(p, "event.reason");
            default -> unknown(p, "event." + f);
        }
    }

    private void userField(JsonParser p, String f) throws IOException {
        switch (f) {
            case "name" -> userName = string(p, "user.name");
            case "id" -> userId = string(p, "user.id");
            case "roles" -> {
                if (p.currentToken() == JsonToken.VALUE_NULL) {
                    return;
                }
                if (p.currentToken() != JsonToken.START_ARRAY) {
                    invalid(p, "user.roles must be an array of strings");
                    return;
                }
                roles = new ArrayList<>(4);
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    String r = string(p, "user.roles[]");
                    if (r != null) {
                        roles.add(r);
                    }
                }
            }
            default -> unknown(p, "user." + f);
        }
    }

    private void authField(JsonParser p, String f) throws IOException {
        switch (f) {
            case "method" -> authMethod = string(p, "auth.method");
            case "mfa" -> {
                JsonToken t = p.currentToken();
                if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
                    mfa = t == JsonToken.VALUE_TRUE;
                } else if (t != JsonToken.VALUE_NULL) {
                    invalid(p, "auth.mfa must be true or false");
                }
            }
            default -> unknown(p, "auth." + f);
        }
    }

    private void sourceField(JsonParser p, String f) throws IOException {
        switch (f) {
            case "ip" -> ip = string(p, "source.ip");
            case "port" -> {
                if (p.currentToken() == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT
                        && p.getIntValue() >= 0 && p.getIntValue() <= 65535) {
                    port = p.getIntValue();
                } else if (p.currentToken() != JsonToken.VALUE_NULL) {
                    invalid(p, "source.port must be an integer 0-65535");
                }
            }
            case "user_agent" -> userAgent = string(p, "source.user_agent");
            default -> unknown(p, "source." + f);
        }
    }

    private void targetField(JsonParser p, String f) throws IOException {
        switch (f) {
            case "kind" -> {
                String s = string(p, "target.kind");
                if (s != null) {
                    switch (s) {
                        case "host" -> targetKind = AuditEvent.TargetKind.HOST;
                        case "database" -> targetKind = AuditEvent.TargetKind.DATABASE;
                        case "kubernetes" -> targetKind = AuditEvent.TargetKind.KUBERNETES;
                        case "cloud" -> targetKind = AuditEvent.TargetKind.CLOUD;
                        case "application" -> targetKind = AuditEvent.TargetKind.APPLICATION;
                        default -> problem(FindingCode.FIELD_INVALID, "target.kind \"" + clip(s)
                                + "\" is not host, database, kubernetes, cloud or application");
                    }
                }
            }
            case "name" -> targetName = string(p, "target.name");
            case "account" -> account = string(p, "target.account");
            case "namespace" -> namespace = string(p, "target.namespace");
            default -> unknown(p, "target." + f);
        }
    }

    @FunctionalInterface
    private interface FieldHandler {
        void field(JsonParser p, String name) throws IOException;
    }

    private void object(JsonParser p, String name, FieldHandler handler) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        if (p.currentToken() != JsonToken.START_OBJECT) {
            invalid(p, name + " must be an object");
            return;
        }
        String[] seen = new String[8];
        int count = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            if (duplicate(seen, count, f)) {
                duplicateKey(p, name + "." + f);
                continue;
            }
            seen = remember(seen, count++, f);
            handler.field(p, f);
        }
    }

    private static boolean duplicate(String[] seen, int count, String name) {
        for (int i = 0; i < count; i++) {
            if (seen[i] == name || seen[i].equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static String[] remember(String[] seen, int at, String name) {
        String[] s = at < seen.length ? seen : java.util.Arrays.copyOf(seen, seen.length * 2);
        s[at] = name;
        return s;
    }

    private void duplicateKey(JsonParser p, String name) throws IOException {
        problem(FindingCode.JSON_DUPLICATE_KEY, "key " + clip(name) + " appears twice; which value counts is"
                + " ambiguous, so the event cannot be trusted");
        skip(p, 1);
    }

    /** The string value, null for JSON null; anything else is reported and skipped. */
    private String string(JsonParser p, String name) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (t != JsonToken.VALUE_NULL) {
            invalid(p, name + " must be a string");
        }
        return null;
    }

    private void invalid(JsonParser p, String message) throws IOException {
        problem(FindingCode.FIELD_INVALID, message);
        skip(p, 1);
    }

    private void unknown(JsonParser p, String name) throws IOException {
        problem(FindingCode.FIELD_UNKNOWN, "unknown field " + clip(name));
        skip(p, 1);
    }

    /**
     * Skips the current value as the spec says (docs/bundle-format.md §4): a key twice in any object inside it is
     * a duplicate, and nesting deeper than {@link #MAX_DEPTH} makes the line malformed. Jackson's skipChildren
     * checked neither; the fuzz test found the difference (EventLineFuzzTest's regression inputs).
     */
    private void skip(JsonParser p, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new JsonParseException(p, "nested deeper than " + MAX_DEPTH + " levels");
        }
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            List<String> keys = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                if (keys.contains(key)) {
                    duplicateKey(p, key);
                } else {
                    keys.add(key);
                    skip(p, depth + 1);
                }
            }
        } else if (t == JsonToken.START_ARRAY) {
            while (p.nextToken() != JsonToken.END_ARRAY) {
                skip(p, depth + 1);
            }
        }
    }

    private void problem(FindingCode code, String message) {
        if (problems.isEmpty()) {
            problems = new ArrayList<>(2);
        }
        problems.add(new LineProblem(code, message));
    }

    private ParsedLine result() {
        AuditEvent event = null;
        boolean usable = problems.stream().allMatch(x -> x.code() == FindingCode.FIELD_UNKNOWN);
        if (usable && seq >= 0 && time != null && prev != null && action != null && outcome != null) {
            event = new AuditEvent(seq, time, timeText, prev, action, outcome, reason,
                    hasUser ? new AuditEvent.Actor(userName, userId, roles) : null,
                    hasAuth ? new AuditEvent.Auth(authMethod, mfa) : null,
                    hasSource ? new AuditEvent.Source(ip, port, userAgent) : null,
                    hasTarget ? new AuditEvent.Target(targetKind, targetName, account, namespace) : null,
                    sessionId, command, query, SOURCE_FORMAT);
        }
        return new ParsedLine(event, seq, prev, time, action, problems);
    }

    private void reset() {
        problems = List.of();
        seq = -1;
        timeText = null;
        time = null;
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
        hasUser = false;
        hasAuth = false;
        hasSource = false;
        hasTarget = false;
    }

    static boolean isHex64(String s) {
        if (s.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    private static String clip(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
