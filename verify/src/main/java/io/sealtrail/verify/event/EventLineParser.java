package io.sealtrail.verify.event;

import io.sealtrail.model.AuditEvent;
import io.sealtrail.model.FindingCode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses one bundle event line (docs/bundle-format.md) strictly: valid UTF-8, exactly one RFC 8259 JSON
 * object, no duplicate keys at any level, required fields present with the right types, unknown fields
 * reported. Hand-written over the bytes because it runs once per event and a general JSON parser cost
 * more than all the hashing (docs/decisions/0003); a differential test holds it to Jackson's reading.
 * Not thread-safe; use one instance per thread.
 */
public final class EventLineParser {
    public static final String SOURCE_FORMAT = "sealtrail";
    private static final String ZERO_HASH = "0".repeat(64);
    private static final int MAX_DEPTH = 64;

    // Keys, as bytes, so known keys are matched without allocating a String per key.
    private static final byte[][] TOP = keys("seq", "time", "prev", "event", "user", "auth", "source", "target",
            "session", "command", "query", "labels");
    private static final byte[][] EVENT = keys("action", "outcome", "reason");
    private static final byte[][] USER = keys("name", "id", "roles");
    private static final byte[][] AUTH = keys("method", "mfa");
    private static final byte[][] SOURCE = keys("ip", "port", "user_agent");
    private static final byte[][] TARGET = keys("kind", "name", "account", "namespace");
    private static final byte[][] SESSION = keys("id");
    private static final byte[][] NONE = new byte[0][];

    /** Thrown inside the parser for JSON syntax errors; carries no stack trace. */
    private static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private byte[] b;
    private int pos;
    private int end;
    private int lineStart;
    private String key; // the last key read, when it was not one of the known keys (or was escaped)

    // Per-line results, reset by parse().
    private List<LineProblem> problems;
    private long seq;
    private String timeText;
    private java.time.Instant time;
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
        b = buf;
        pos = off;
        end = off + len;
        lineStart = off;
        if (len == 0) {
            problem(FindingCode.LINE_MALFORMED, "empty line");
            return result();
        }
        int bad = Utf8.firstInvalid(buf, off, len);
        if (bad >= 0) {
            problem(FindingCode.LINE_NOT_UTF8, "invalid UTF-8 at byte " + (bad + 1) + " of the line");
            return result();
        }
        try {
            ws();
            if (pos >= end || b[pos] != '{') {
                problem(FindingCode.LINE_MALFORMED, "not a JSON object");
                return result();
            }
            pos++;
            topObject();
            ws();
            if (pos < end) {
                throw new Malformed("content after the JSON object");
            }
        } catch (Malformed e) {
            problem(FindingCode.LINE_MALFORMED, e.getMessage() + " at byte " + (Math.min(pos, end) - lineStart + 1));
            return result();
        }
        if (seq < 0 && !hasProblemAbout("seq")) {
            problem(FindingCode.FIELD_MISSING, "seq is missing");
        }
        if (timeText == null && !hasProblemAbout("time")) {
            problem(FindingCode.FIELD_MISSING, "time is missing");
        }
        if (prev == null && !hasProblemAbout("prev")) {
            problem(FindingCode.FIELD_MISSING, "prev is missing");
        }
        if (action == null && !hasProblemAbout("event.action")) {
            problem(FindingCode.FIELD_MISSING, "event.action is missing");
        }
        if (outcome == null && !hasProblemAbout("event.outcome")) {
            problem(FindingCode.FIELD_MISSING, "event.outcome is missing");
        }
        return result();
    }

    // ---- the event schema -------------------------------------------------------------------------

    private void topObject() throws Malformed {
        int seen = 0;
        List<String> others = null;
        if (!firstMember()) {
            return;
        }
        do {
            int k = member(TOP);
            if (k >= 0) {
                if ((seen & (1 << k)) != 0) {
                    duplicate(TOP, k, "");
                    continue;
                }
                seen |= 1 << k;
            } else if ((others = rememberOther(others, "")) == null) {
                continue;
            }
            switch (k) {
                case 0 -> seq = integerValue("seq", 0, Long.MAX_VALUE);
                case 1 -> {
                    String s = string("time");
                    if (s != null) {
                        timeText = s;
                        time = Rfc3339.parseUtc(s);
                        if (time == null) {
                            problem(FindingCode.FIELD_INVALID, "time \"" + clip(s)
                                    + "\" is not RFC 3339 UTC (YYYY-MM-DDTHH:MM:SS[.f]Z)");
                        }
                    }
                }
                case 2 -> {
                    String s = string("prev");
                    if (s != null) {
                        if (isHex64(s)) {
                            prev = s;
                        } else {
                            problem(FindingCode.FIELD_INVALID, "prev must be 64 lowercase hex digits");
                        }
                    }
                }
                case 3 -> object("event", EVENT, this::eventField);
                case 4 -> hasUser = object("user", USER, this::userField);
                case 5 -> hasAuth = object("auth", AUTH, this::authField);
                case 6 -> hasSource = object("source", SOURCE, this::sourceField);
                case 7 -> hasTarget = object("target", TARGET, this::targetField);
                case 8 -> object("session", SESSION, (f, path) -> {
                    if (f == 0) {
                        sessionId = string("session.id");
                    } else {
                        unknown(path);
                    }
                });
                case 9 -> command = string("command");
                case 10 -> query = string("query");
                case 11 -> labels();
                default -> unknown(key);
            }
        } while (nextMember());
    }

    private void eventField(int k, String path) throws Malformed {
        switch (k) {
            case 0 -> action = string("event.action");
            case 1 -> {
                String s = string("event.outcome");
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
            case 2 -> reason = string("event.reason");
            default -> unknown(path);
        }
    }

    private void userField(int k, String path) throws Malformed {
        switch (k) {
            case 0 -> userName = string("user.name");
            case 1 -> userId = string("user.id");
            case 2 -> roles = stringArray("user.roles");
            default -> unknown(path);
        }
    }

    private void authField(int k, String path) throws Malformed {
        switch (k) {
            case 0 -> authMethod = string("auth.method");
            case 1 -> {
                if (literal("true")) {
                    mfa = Boolean.TRUE;
                } else if (literal("false")) {
                    mfa = Boolean.FALSE;
                } else if (!literal("null")) {
                    invalid("auth.mfa must be true or false");
                }
            }
            default -> unknown(path);
        }
    }

    private void sourceField(int k, String path) throws Malformed {
        switch (k) {
            case 0 -> ip = string("source.ip");
            case 1 -> {
                long p = integerValue("source.port", 0, 65535);
                port = p < 0 ? null : (int) p;
            }
            case 2 -> userAgent = string("source.user_agent");
            default -> unknown(path);
        }
    }

    private void targetField(int k, String path) throws Malformed {
        switch (k) {
            case 0 -> {
                String s = string("target.kind");
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
            case 1 -> targetName = string("target.name");
            case 2 -> account = string("target.account");
            case 3 -> namespace = string("target.namespace");
            default -> unknown(path);
        }
    }

    @FunctionalInterface
    private interface Field {
        void value(int known, String path) throws Malformed;
    }

    /** A nested object of known keys. @return whether it was an object (not null or invalid) */
    private boolean object(String name, byte[][] known, Field field) throws Malformed {
        ws();
        if (literal("null")) {
            return false;
        }
        if (pos >= end || b[pos] != '{') {
            invalid(name + " must be an object");
            return false;
        }
        pos++;
        int seen = 0;
        List<String> others = null;
        if (!firstMember()) {
            return true;
        }
        do {
            int k = member(known);
            if (k >= 0) {
                if ((seen & (1 << k)) != 0) {
                    duplicate(known, k, name + ".");
                    continue;
                }
                seen |= 1 << k;
            } else if ((others = rememberOther(others, name + ".")) == null) {
                continue;
            }
            field.value(k, k >= 0 ? null : name + "." + key);
        } while (nextMember());
        return true;
    }

    /** labels: an object of string values, for extensions. */
    private void labels() throws Malformed {
        ws();
        if (literal("null")) {
            return;
        }
        if (pos >= end || b[pos] != '{') {
            invalid("labels must be an object");
            return;
        }
        pos++;
        List<String> seen = null;
        if (!firstMember()) {
            return;
        }
        do {
            member(NONE);
            if ((seen = rememberOther(seen, "labels.")) == null) {
                continue;
            }
            string("labels." + key);
        } while (nextMember());
    }

    private List<String> stringArray(String name) throws Malformed {
        ws();
        if (literal("null")) {
            return null;
        }
        if (pos >= end || b[pos] != '[') {
            invalid(name + " must be an array of strings");
            return null;
        }
        pos++;
        List<String> out = new ArrayList<>(4);
        ws();
        if (pos < end && b[pos] == ']') {
            pos++;
            return out;
        }
        while (true) {
            String s = string(name + "[]");
            if (s != null) {
                out.add(s);
            }
            ws();
            if (pos >= end) {
                throw new Malformed("unterminated array");
            }
            byte c = b[pos++];
            if (c == ']') {
                return out;
            }
            if (c != ',') {
                throw new Malformed("expected ',' or ']' in an array");
            }
        }
    }

    // ---- typed values ------------------------------------------------------------------------------

    /** A string value; null for JSON null; any other value is reported and skipped. */
    private String string(String name) throws Malformed {
        ws();
        if (pos < end && b[pos] == '"') {
            pos++;
            return stringBody();
        }
        if (!literal("null")) {
            invalid(name + " must be a string");
        }
        return null;
    }

    /** An integer in [min, max]; -1 for null or anything else (which is reported). */
    private long integerValue(String name, long min, long max) throws Malformed {
        ws();
        if (literal("null")) {
            return -1;
        }
        int start = pos;
        if (pos < end && (b[pos] == '-' || (b[pos] >= '0' && b[pos] <= '9'))) {
            skipNumber();
            long v = 0;
            boolean integer = true;
            for (int i = start; i < pos; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9 || v > (Long.MAX_VALUE - d) / 10) {
                    integer = false;
                    break;
                }
                v = v * 10 + d;
            }
            if (integer && v >= min && v <= max) {
                return v;
            }
            problem(FindingCode.FIELD_INVALID, name + " must be an integer from " + min + " to "
                    + (max == Long.MAX_VALUE ? "2^63-1" : Long.toString(max)));
            return -1;
        }
        invalid(name + " must be an integer");
        return -1;
    }

    // ---- JSON syntax -------------------------------------------------------------------------------

    /** After '{': @return false if the object is empty (and consumes the '}') */
    private boolean firstMember() throws Malformed {
        ws();
        if (pos < end && b[pos] == '}') {
            pos++;
            return false;
        }
        return true;
    }

    /** After a member's value: @return true if another member follows (consumes ',' or '}') */
    private boolean nextMember() throws Malformed {
        ws();
        if (pos >= end) {
            throw new Malformed("unterminated object");
        }
        byte c = b[pos++];
        if (c == ',') {
            return true;
        }
        if (c == '}') {
            return false;
        }
        throw new Malformed("expected ',' or '}' after a value");
    }

    /**
     * Reads {@code "key":} and positions before the value. @return the index of the key in
     * {@code known}, or -1 with the key in {@link #key}
     */
    private int member(byte[][] known) throws Malformed {
        ws();
        if (pos >= end || b[pos] != '"') {
            throw new Malformed("expected a key in double quotes");
        }
        pos++;
        int start = pos;
        boolean plain = true;
        while (pos < end && b[pos] != '"') {
            if (b[pos] == '\\' || (b[pos] & 0xff) < 0x20) {
                plain = false;
                break;
            }
            pos++;
        }
        int found = -1;
        if (plain) {
            if (pos >= end) {
                throw new Malformed("unterminated string");
            }
            int len = pos - start;
            for (int i = 0; i < known.length && found < 0; i++) {
                if (equalsBytes(start, len, known[i])) {
                    found = i;
                }
            }
            key = found >= 0 ? null : new String(b, start, len, StandardCharsets.UTF_8);
            pos++;
        } else {
            pos = start;
            key = stringBody();
            for (int i = 0; i < known.length && found < 0; i++) {
                if (key.equals(new String(known[i], StandardCharsets.US_ASCII))) {
                    found = i;
                }
            }
        }
        ws();
        if (pos >= end || b[pos] != ':') {
            throw new Malformed("expected ':' after a key");
        }
        pos++;
        return found;
    }

    /** After the opening quote: the decoded string, positioned after the closing quote. */
    private String stringBody() throws Malformed {
        int start = pos;
        while (pos < end) {
            int c = b[pos] & 0xff;
            if (c == '"') {
                String s = new String(b, start, pos - start, StandardCharsets.UTF_8);
                pos++;
                return s;
            }
            if (c == '\\' || c < 0x20) {
                break;
            }
            pos++;
        }
        StringBuilder sb = new StringBuilder(pos - start + 16);
        sb.append(new String(b, start, pos - start, StandardCharsets.UTF_8));
        while (pos < end) {
            int c = b[pos] & 0xff;
            if (c == '"') {
                pos++;
                return sb.toString();
            }
            if (c < 0x20) {
                throw new Malformed("control character in a string (must be escaped)");
            }
            if (c != '\\') {
                int runStart = pos;
                while (pos < end && b[pos] != '"' && b[pos] != '\\' && (b[pos] & 0xff) >= 0x20) {
                    pos++;
                }
                sb.append(new String(b, runStart, pos - runStart, StandardCharsets.UTF_8));
                continue;
            }
            if (++pos >= end) {
                break;
            }
            switch (b[pos++]) {
                case '"' -> sb.append('"');
                case '\\' -> sb.append('\\');
                case '/' -> sb.append('/');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> sb.append((char) hex4());
                default -> throw new Malformed("invalid escape in a string");
            }
        }
        throw new Malformed("unterminated string");
    }

    private int hex4() throws Malformed {
        if (pos + 4 > end) {
            throw new Malformed("truncated \\u escape");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int c = b[pos++];
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0) {
                throw new Malformed("invalid \\u escape");
            }
            v = v << 4 | d;
        }
        return v;
    }

    /** Skips any JSON value, checking its syntax. */
    private void skipValue(int depth) throws Malformed {
        if (depth > MAX_DEPTH) {
            throw new Malformed("nested deeper than " + MAX_DEPTH + " levels");
        }
        ws();
        if (pos >= end) {
            throw new Malformed("expected a value");
        }
        switch (b[pos]) {
            case '"' -> {
                pos++;
                stringBody();
            }
            case '{' -> {
                pos++;
                List<String> seen = null;
                if (firstMember()) {
                    do {
                        member(NONE);
                        if ((seen = rememberOther(seen, "")) == null) {
                            continue;
                        }
                        skipValue(depth + 1);
                    } while (nextMember());
                }
            }
            case '[' -> {
                pos++;
                ws();
                if (pos < end && b[pos] == ']') {
                    pos++;
                    return;
                }
                while (true) {
                    skipValue(depth + 1);
                    ws();
                    if (pos >= end) {
                        throw new Malformed("unterminated array");
                    }
                    byte c = b[pos++];
                    if (c == ']') {
                        return;
                    }
                    if (c != ',') {
                        throw new Malformed("expected ',' or ']' in an array");
                    }
                }
            }
            case 't' -> expectLiteral("true");
            case 'f' -> expectLiteral("false");
            case 'n' -> expectLiteral("null");
            default -> {
                if (b[pos] == '-' || (b[pos] >= '0' && b[pos] <= '9')) {
                    skipNumber();
                } else {
                    throw new Malformed("unexpected character '" + printable(b[pos]) + "'");
                }
            }
        }
    }

    /** RFC 8259 number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
    private void skipNumber() throws Malformed {
        if (b[pos] == '-') {
            pos++;
        }
        if (pos >= end || !digit(b[pos])) {
            throw new Malformed("invalid number");
        }
        if (b[pos] == '0') {
            pos++;
            if (pos < end && digit(b[pos])) {
                throw new Malformed("number with a leading zero");
            }
        } else {
            while (pos < end && digit(b[pos])) {
                pos++;
            }
        }
        if (pos < end && b[pos] == '.') {
            pos++;
            if (pos >= end || !digit(b[pos])) {
                throw new Malformed("invalid number");
            }
            while (pos < end && digit(b[pos])) {
                pos++;
            }
        }
        if (pos < end && (b[pos] == 'e' || b[pos] == 'E')) {
            pos++;
            if (pos < end && (b[pos] == '+' || b[pos] == '-')) {
                pos++;
            }
            if (pos >= end || !digit(b[pos])) {
                throw new Malformed("invalid number");
            }
            while (pos < end && digit(b[pos])) {
                pos++;
            }
        }
        if (pos < end && !delimiter(b[pos])) {
            throw new Malformed("invalid number");
        }
    }

    private static boolean delimiter(byte c) {
        return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static boolean digit(byte c) {
        return c >= '0' && c <= '9';
    }

    private boolean literal(String word) {
        int n = word.length();
        if (pos + n > end) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (b[pos + i] != word.charAt(i)) {
                return false;
            }
        }
        if (pos + n < end && !delimiter(b[pos + n])) {
            return false;
        }
        pos += n;
        return true;
    }

    private void expectLiteral(String word) throws Malformed {
        if (!literal(word)) {
            throw new Malformed("invalid literal (expected " + word + ")");
        }
    }

    private void ws() {
        while (pos < end) {
            byte c = b[pos];
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return;
            }
            pos++;
        }
    }

    private boolean equalsBytes(int start, int len, byte[] name) {
        if (len != name.length) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (b[start + i] != name[i]) {
                return false;
            }
        }
        return true;
    }

    // ---- problems ----------------------------------------------------------------------------------

    /** Reports a wrongly typed value and skips it. */
    private void invalid(String message) throws Malformed {
        problem(FindingCode.FIELD_INVALID, message);
        skipValue(1);
    }

    private void unknown(String path) throws Malformed {
        problem(FindingCode.FIELD_UNKNOWN, "unknown field " + clip(path));
        skipValue(1);
    }

    private void duplicate(byte[][] known, int k, String prefix) throws Malformed {
        duplicateKey(prefix + new String(known[k], StandardCharsets.US_ASCII));
    }

    private void duplicateKey(String path) throws Malformed {
        problem(FindingCode.JSON_DUPLICATE_KEY, "key " + clip(path) + " appears twice; which value counts is"
                + " ambiguous, so the event cannot be trusted");
        skipValue(1);
    }

    /** Tracks keys outside the known set; @return null (after reporting) when {@link #key} repeats */
    private List<String> rememberOther(List<String> seen, String prefix) throws Malformed {
        List<String> s = seen == null ? new ArrayList<>(2) : seen;
        if (s.contains(key)) {
            duplicateKey(prefix + key);
            return null;
        }
        s.add(key);
        return s;
    }

    private void problem(FindingCode code, String message) {
        if (problems.isEmpty()) {
            problems = new ArrayList<>(2);
        }
        problems.add(new LineProblem(code, message));
    }

    private boolean hasProblemAbout(String field) {
        for (LineProblem p : problems) {
            if (p.message().startsWith(field + " ") || p.message().startsWith("key " + field + " ")) {
                return true;
            }
        }
        return false;
    }

    private ParsedLine result() {
        AuditEvent event = null;
        boolean usable = true;
        for (LineProblem p : problems) {
            usable &= p.code() == FindingCode.FIELD_UNKNOWN;
        }
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

    private static String printable(byte c) {
        return c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\x%02x", c & 0xff);
    }

    private static byte[][] keys(String... names) {
        byte[][] out = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            out[i] = names[i].getBytes(StandardCharsets.US_ASCII);
        }
        return out;
    }
}
