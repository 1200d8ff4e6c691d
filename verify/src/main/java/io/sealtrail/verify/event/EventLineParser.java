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
    private static final byte[] HEARTBEAT = AuditEvent.ACTION_HEARTBEAT.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SUCCESS = "success".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FAILURE = "failure".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DENIED = "denied".getBytes(StandardCharsets.US_ASCII);
    private static final String[] KINDS = {"host", "database", "kubernetes", "cloud", "application"};
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

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
    private boolean materialize;
    private String key; // the last key read, when it was not one of the known keys (or was escaped)

    // Per-line results, reset by parse().
    private List<LineProblem> problems;
    private long seq;
    private String timeText;
    private java.time.Instant time;
    private String prev;
    private int prevStart;
    private boolean hasTime;
    private boolean hasAction;
    private boolean heartbeat;
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

    /** Parses and validates the line, and builds its {@link AuditEvent} when it is valid. */
    public ParsedLine parse(byte[] buf, int off, int len) {
        materialize = true;
        run(buf, off, len);
        return result();
    }

    /**
     * Validates the line exactly as {@link #parse} does, but builds no event and decodes only what the
     * verifier needs; read the outcome with the accessors below. This is the verifier's hot path.
     */
    public void check(byte[] buf, int off, int len) {
        materialize = false;
        run(buf, off, len);
    }

    public List<LineProblem> problems() {
        return problems;
    }

    /** The leaf index, or -1 when missing or invalid. */
    public long seq() {
        return seq;
    }

    public java.time.Instant time() {
        return time;
    }

    public boolean heartbeat() {
        return heartbeat;
    }

    public boolean hasPrev() {
        return prevStart >= 0 || prev != null;
    }

    /** The prev hash as hex, or null; valid until the next line is parsed. */
    public String prevHex() {
        return prev != null ? prev : prevStart >= 0 ? new String(b, prevStart, 64, StandardCharsets.ISO_8859_1) : null;
    }

    /** Whether prev names exactly this entry hash, compared without allocating. */
    public boolean prevMatches(byte[] entryHash) {
        if (prev != null) {
            return hexEquals(prev, entryHash);
        }
        if (prevStart < 0) {
            return false;
        }
        for (int i = 0; i < 32; i++) {
            int v = entryHash[i] & 0xff;
            if (b[prevStart + 2 * i] != HEX[v >>> 4] || b[prevStart + 2 * i + 1] != HEX[v & 0xf]) {
                return false;
            }
        }
        return true;
    }

    private void run(byte[] buf, int off, int len) {
        reset();
        b = buf;
        pos = off;
        end = off + len;
        lineStart = off;
        if (len == 0) {
            problem(FindingCode.LINE_MALFORMED, "empty line");
            return;
        }
        if (len >= 3 && (buf[off] & 0xff) == 0xef && (buf[off + 1] & 0xff) == 0xbb && (buf[off + 2] & 0xff) == 0xbf) {
            // Valid UTF-8, but an encoding signature, not JSON text (RFC 8259 §8.1); the spec names it here.
            problem(FindingCode.LINE_NOT_UTF8, "the line starts with a UTF-8 byte order mark");
            return;
        }
        int bad = Utf8.firstInvalid(buf, off, len);
        if (bad >= 0) {
            problem(FindingCode.LINE_NOT_UTF8, "invalid UTF-8 at byte " + (bad + 1) + " of the line");
            return;
        }
        try {
            ws();
            if (pos >= end || b[pos] != '{') {
                problem(FindingCode.LINE_MALFORMED, "not a JSON object");
                return;
            }
            pos++;
            topObject();
            ws();
            if (pos < end) {
                throw new Malformed("content after the JSON object");
            }
        } catch (Malformed e) {
            problem(FindingCode.LINE_MALFORMED, e.getMessage() + " at byte " + (Math.min(pos, end) - lineStart + 1));
            return;
        }
        if (seq < 0 && !hasProblemAbout("seq")) {
            problem(FindingCode.FIELD_MISSING, "seq is missing");
        }
        if (!hasTime && !hasProblemAbout("time")) {
            problem(FindingCode.FIELD_MISSING, "time is missing");
        }
        if (!hasPrev() && !hasProblemAbout("prev")) {
            problem(FindingCode.FIELD_MISSING, "prev is missing");
        }
        if (!hasAction && !hasProblemAbout("event.action")) {
            problem(FindingCode.FIELD_MISSING, "event.action is missing");
        }
        if (outcome == null && !hasProblemAbout("event.outcome")) {
            problem(FindingCode.FIELD_MISSING, "event.outcome is missing");
        }
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
                    int r = raw("time");
                    if (r == PLAIN) {
                        time = Rfc3339.parseUtc(b, rStart, rLen);
                        timeText = materialize || time == null ? new String(b, rStart, rLen, StandardCharsets.UTF_8) : null;
                    } else if (r == DECODED) {
                        time = Rfc3339.parseUtc(rDecoded);
                        timeText = rDecoded;
                    }
                    hasTime = r != NONE_VALUE;
                    if (hasTime && time == null) {
                        problem(FindingCode.FIELD_INVALID, "time \"" + clip(timeText)
                                + "\" is not RFC 3339 UTC (YYYY-MM-DDTHH:MM:SS[.f]Z)");
                    }
                }
                case 2 -> {
                    int r = raw("prev");
                    if (r == PLAIN && rLen == 64 && hexBytes(rStart)) {
                        prevStart = rStart;
                        prev = materialize ? new String(b, rStart, 64, StandardCharsets.ISO_8859_1) : null;
                    } else if (r == DECODED && isHex64(rDecoded)) {
                        prev = rDecoded;
                    } else if (r != NONE_VALUE) {
                        problem(FindingCode.FIELD_INVALID, "prev must be 64 lowercase hex digits");
                    }
                }
                case 3 -> object("event", EVENT, this::eventField);
                case 4 -> hasUser = object("user", USER, this::userField);
                case 5 -> hasAuth = object("auth", AUTH, this::authField);
                case 6 -> hasSource = object("source", SOURCE, this::sourceField);
                case 7 -> hasTarget = object("target", TARGET, this::targetField);
                case 8 -> object("session", SESSION, (f, path) -> {
                    if (f == 0) {
                        sessionId = text("session.id");
                    } else {
                        unknown(path);
                    }
                });
                case 9 -> command = text("command");
                case 10 -> query = text("query");
                case 11 -> labels();
                default -> unknown(key);
            }
        } while (nextMember());
    }

    private void eventField(int k, String path) throws Malformed {
        switch (k) {
            case 0 -> {
                int r = raw("event.action");
                hasAction = r != NONE_VALUE;
                if (r == PLAIN) {
                    heartbeat = equalsBytes(rStart, rLen, HEARTBEAT);
                    action = materialize ? new String(b, rStart, rLen, StandardCharsets.UTF_8) : null;
                } else if (r == DECODED) {
                    action = rDecoded;
                    heartbeat = AuditEvent.ACTION_HEARTBEAT.equals(rDecoded);
                }
            }
            case 1 -> {
                int r = raw("event.outcome");
                if (r != NONE_VALUE) {
                    outcome = r == PLAIN ? (equalsBytes(rStart, rLen, SUCCESS) ? AuditEvent.Outcome.SUCCESS
                            : equalsBytes(rStart, rLen, FAILURE) ? AuditEvent.Outcome.FAILURE
                            : equalsBytes(rStart, rLen, DENIED) ? AuditEvent.Outcome.DENIED : null)
                            : switch (rDecoded) {
                                case "success" -> AuditEvent.Outcome.SUCCESS;
                                case "failure" -> AuditEvent.Outcome.FAILURE;
                                case "denied" -> AuditEvent.Outcome.DENIED;
                                default -> null;
                            };
                    if (outcome == null) {
                        problem(FindingCode.FIELD_INVALID,
                                "event.outcome \"" + clip(rawText(r)) + "\" is not success, failure or denied");
                    }
                }
            }
            case 2 -> reason = text("event.reason");
            default -> unknown(path);
        }
    }

    private void userField(int k, String path) throws Malformed {
        switch (k) {
            case 0 -> userName = text("user.name");
            case 1 -> userId = text("user.id");
            case 2 -> roles = stringArray("user.roles");
            default -> unknown(path);
        }
    }

    private void authField(int k, String path) throws Malformed {
        switch (k) {
            case 0 -> authMethod = text("auth.method");
            case 1 -> {
                ws();
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
            case 0 -> ip = text("source.ip");
            case 1 -> {
                long p = integerValue("source.port", 0, 65535);
                port = p < 0 ? null : (int) p;
            }
            case 2 -> userAgent = text("source.user_agent");
            default -> unknown(path);
        }
    }

    private void targetField(int k, String path) throws Malformed {
        switch (k) {
            case 0 -> {
                String s = materialize ? string("target.kind") : kindFast();
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
            case 1 -> targetName = text("target.name");
            case 2 -> account = text("target.account");
            case 3 -> namespace = text("target.namespace");
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
            text("labels." + key);
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
            String s = text(name + "[]");
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

    private static final int NONE_VALUE = 0;
    private static final int PLAIN = 1;
    private static final int DECODED = 2;
    private int rStart;
    private int rLen;
    private String rDecoded;

    /**
     * Reads a string value without decoding it when it has no escapes: {@link #PLAIN} leaves it at
     * rStart/rLen, {@link #DECODED} in rDecoded; {@link #NONE_VALUE} for null or a non-string (reported).
     */
    private int raw(String name) throws Malformed {
        ws();
        if (pos < end && b[pos] == '"') {
            int start = ++pos;
            pos = scanString(pos);
            if (pos < end && b[pos] == '"') {
                rStart = start;
                rLen = pos - start;
                pos++;
                return PLAIN;
            }
            pos = start;
            rDecoded = stringBody();
            return DECODED;
        }
        if (!literal("null")) {
            invalid(name + " must be a string");
        }
        return NONE_VALUE;
    }

    private String rawText(int kind) {
        return kind == PLAIN ? new String(b, rStart, rLen, StandardCharsets.UTF_8) : rDecoded;
    }

    /** An optional text field: decoded when building events, only validated when checking. */
    private String text(String name) throws Malformed {
        if (materialize) {
            return string(name);
        }
        raw(name);
        return null;
    }

    /** target.kind without allocating for the five valid values. */
    private String kindFast() throws Malformed {
        int r = raw("target.kind");
        if (r == PLAIN) {
            for (String k : KINDS) {
                if (rLen == k.length() && equalsAscii(rStart, k)) {
                    return k;
                }
            }
        }
        return r == NONE_VALUE ? null : rawText(r);
    }

    private boolean equalsAscii(int start, String s) {
        for (int i = 0; i < s.length(); i++) {
            if (b[start + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean hexBytes(int start) {
        for (int i = start; i < start + 64; i++) {
            if (!LOWER_HEX[b[i] & 0xff]) {
                return false;
            }
        }
        return true;
    }

    private static final boolean[] LOWER_HEX = new boolean[256];

    static {
        for (char c : "0123456789abcdef".toCharArray()) {
            LOWER_HEX[c] = true;
        }
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /**
     * The first '"', '\\' or control character at or after {@code p} (or {@code end}), eight bytes at a
     * time: per byte, x XOR c is zero where x equals c, and x - 0x20 borrows where x is below 0x20. The
     * lowest flagged byte is always a true match; borrows only ever flag bytes above one.
     */
    private int scanString(int p) {
        while (p + 8 <= end) {
            long x = (long) LONGS.get(b, p);
            long quote = x ^ 0x2222222222222222L;
            long slash = x ^ 0x5c5c5c5c5c5c5c5cL;
            long t = ((quote - ONES) & ~quote) | ((slash - ONES) & ~slash) | ((x - 0x2020202020202020L) & ~x);
            t &= HIGHS;
            if (t != 0) {
                return p + (Long.numberOfTrailingZeros(t) >>> 3);
            }
            p += 8;
        }
        while (p < end) {
            int c = b[p] & 0xff;
            if (c == '"' || c == '\\' || c < 0x20) {
                return p;
            }
            p++;
        }
        return end;
    }

    static boolean hexEquals(String hex, byte[] bytes) {
        if (hex.length() != bytes.length * 2) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            int v = bytes[i] & 0xff;
            if (hex.charAt(2 * i) != HEX[v >>> 4] || hex.charAt(2 * i + 1) != HEX[v & 0xf]) {
                return false;
            }
        }
        return true;
    }

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
            return -1; // null means absent: fine for an optional number, FIELD_MISSING for seq
        }
        int start = pos;
        if (pos < end && (b[pos] == '-' || (b[pos] >= '0' && b[pos] <= '9'))) {
            skipNumber();
            long v = 0;
            boolean integer = true;
            int digits = b[start] == '-' && pos - start == 2 && b[start + 1] == '0' ? start + 1 : start; // -0 is 0
            for (int i = digits; i < pos; i++) {
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
        pos = scanString(pos);
        boolean plain = pos >= end || b[pos] == '"';
        int found = -1;
        if (plain) {
            if (pos >= end) {
                throw new Malformed("unterminated string");
            }
            int len = pos - start;
            // Within each key set, length and first byte already tell the keys apart; confirm the rest.
            byte first = len > 0 ? b[start] : 0;
            for (int i = 0; i < known.length && found < 0; i++) {
                byte[] k = known[i];
                if (k.length == len && k[0] == first && equalsBytes(start, len, k)) {
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
        pos = scanString(pos);
        if (pos < end && b[pos] == '"') {
            String s = new String(b, start, pos - start, StandardCharsets.UTF_8);
            pos++;
            return s;
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

    /**
     * The later value is skipped, so the first one stands for the sequence, chain, time and heartbeat
     * checks: a stated rule (docs/bundle-format.md §4), so another verifier can expect the same findings.
     */
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
        return new ParsedLine(event, seq, prevHex(), time, action, problems);
    }

    private void reset() {
        problems = List.of();
        seq = -1;
        timeText = null;
        time = null;
        prev = null;
        prevStart = -1;
        hasTime = false;
        hasAction = false;
        heartbeat = false;
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
