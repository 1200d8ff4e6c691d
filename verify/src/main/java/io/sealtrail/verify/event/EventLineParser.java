package io.sealtrail.verify.event;

import io.sealtrail.model.AuditEvent;
import io.sealtrail.model.FindingCode;
import io.sealtrail.verify.event.JsonLineLexer.Malformed;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Parses one bundle event line (docs/bundle-format.md) strictly: valid UTF-8, exactly one RFC 8259 JSON
 * object, no duplicate keys at any level, required fields present with the right types, unknown fields
 * reported. The syntax is {@link JsonLineLexer}'s, the fields and their types are {@link EventField}'s
 * table, the values land in {@link EventValues} and the problems in {@link LineProblems}; this class walks
 * the line by the table and checks each value. It runs once per event (docs/decisions/0003), and a
 * differential test holds it to Jackson's reading. Not thread-safe; use one instance per thread.
 */
public final class EventLineParser {
    public static final String SOURCE_FORMAT = "sealtrail";
    private static final String ZERO_HASH = "0".repeat(64);
    private static final int MAX_DEPTH = 64;

    private static final KeyTable NONE = KeyTable.of(new byte[0][]);
    private static final byte[] HEARTBEAT = AuditEvent.ACTION_HEARTBEAT.getBytes(StandardCharsets.US_ASCII);
    private static final AuditEvent.Outcome[] OUTCOMES = AuditEvent.Outcome.values();
    private static final byte[][] OUTCOME_NAMES = ascii(Stream.of(OUTCOMES).map(AuditEvent.Outcome::wireName));
    private static final AuditEvent.TargetKind[] KINDS = AuditEvent.TargetKind.values();
    private static final byte[][] KIND_NAMES = ascii(Stream.of(KINDS).map(AuditEvent.TargetKind::wireName));
    private static final String ROLE_PATH = EventField.ROLES.path + "[]";
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final boolean[] LOWER_HEX = new boolean[256];

    static {
        for (byte c : HEX) {
            LOWER_HEX[c] = true;
        }
    }

    private final JsonLineLexer lex = new JsonLineLexer();
    private final EventValues values = new EventValues();
    private boolean materialize;

    // Per-line state, reset by run(); the bitsets hold one bit per EventField.
    private final LineProblems problems = new LineProblems();
    /** Fields whose key was read, so a second occurrence is a duplicate. */
    private long seen;
    /** Fields with a usable value (for the required ones) and objects that were objects. */
    private long present;
    /** Where a plain, valid prev starts in the line's bytes, or -1. */
    private int prevStart;
    private boolean heartbeat;

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
        return problems.list();
    }

    /** The leaf index, or -1 when missing or invalid. */
    public long seq() {
        return values.seq();
    }

    public Instant time() {
        return values.time();
    }

    public boolean heartbeat() {
        return heartbeat;
    }

    public boolean hasPrev() {
        return prevStart >= 0 || values.prev() != null;
    }

    /** The prev hash as hex, or null; valid until the next line is parsed. */
    public String prevHex() {
        String prev = values.prev();
        return prev != null ? prev
                : prevStart >= 0 ? new String(lex.bytes(), prevStart, 64, StandardCharsets.ISO_8859_1) : null;
    }

    /** Whether prev names exactly this entry hash, compared without allocating. */
    public boolean prevMatches(byte[] entryHash) {
        String prev = values.prev();
        if (prev != null) {
            return hexEquals(prev, entryHash);
        }
        if (prevStart < 0) {
            return false;
        }
        byte[] b = lex.bytes();
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
        lex.reset(buf, off, len);
        if (len == 0) {
            problem(null, FindingCode.LINE_MALFORMED, "empty line");
            return;
        }
        if (len >= 3 && (buf[off] & 0xff) == 0xef && (buf[off + 1] & 0xff) == 0xbb && (buf[off + 2] & 0xff) == 0xbf) {
            // Valid UTF-8, but an encoding signature, not JSON text (RFC 8259 §8.1); the spec names it here.
            problem(null, FindingCode.LINE_NOT_UTF8, "the line starts with a UTF-8 byte order mark");
            return;
        }
        int bad = Utf8.firstInvalid(buf, off, len);
        if (bad >= 0) {
            problem(null, FindingCode.LINE_NOT_UTF8, "invalid UTF-8 at byte " + (bad + 1) + " of the line");
            return;
        }
        try {
            lex.ws();
            if (!lex.take('{')) {
                problem(null, FindingCode.LINE_MALFORMED, "not a JSON object");
                return;
            }
            members(null);
            lex.ws();
            if (!lex.atEnd()) {
                throw new Malformed("content after the JSON object");
            }
        } catch (Malformed e) {
            problem(null, FindingCode.LINE_MALFORMED, e.getMessage() + " at byte " + lex.column());
            return;
        }
        for (long missing = EventField.REQUIRED & ~present & ~problems.fields(); missing != 0; missing &= missing - 1) {
            EventField f = EventField.byOrdinal(Long.numberOfTrailingZeros(missing));
            problem(f, FindingCode.FIELD_MISSING, f.path + " is missing");
        }
    }

    // ---- walking the line by the table -------------------------------------------------------------

    /** The members of an object (the line itself when {@code object} is null), after its '{'. */
    private void members(EventField object) throws Malformed {
        EventField[] fields = object == null ? EventField.TOP : object.children();
        KeyTable keys = object == null ? EventField.topKeys() : object.childKeys();
        List<String> others = null;
        if (!lex.firstMember()) {
            return;
        }
        do {
            int k = lex.key(keys);
            if (k >= 0) {
                EventField f = fields[k];
                if ((seen & f.bit) != 0) {
                    duplicateKey(f, f.path);
                } else {
                    seen |= f.bit;
                    value(f);
                }
            } else {
                String key = lex.key();
                String path = object == null ? key : object.path + "." + key;
                if ((others = rememberOther(others, key, path)) != null) {
                    unknown(path);
                }
            }
        } while (lex.nextMember());
    }

    /**
     * Reads and checks the value of {@code f}. A switch on its type rather than a reader object per field:
     * this runs for every field of every event, and one call site with many targets would not be inlined.
     */
    private void value(EventField f) throws Malformed {
        if (f.type.string) {
            stringValue(f);
            return;
        }
        switch (f.type) {
            case SEQ -> {
                long v = integer(f, Long.MAX_VALUE);
                values.seq(v);
                present |= v >= 0 ? f.bit : 0;
            }
            case PORT -> {
                long p = integer(f, 65535);
                if (p >= 0 && materialize) {
                    values.set(f, (int) p);
                }
            }
            case BOOLEAN -> bool(f);
            case TEXT_LIST -> {
                List<String> list = textList(f);
                if (list != null) {
                    values.set(f, list);
                }
            }
            case OBJECT -> {
                if (object(f)) { // not `present |= ...`: that would read present before the members set theirs
                    present |= f.bit;
                }
            }
            case LABELS -> labels(f);
            default -> throw new IllegalStateException(f.type + " is a string");
        }
    }

    /**
     * A field whose value is a JSON string. The string is read here for all of them, so the compiled hot
     * path holds one copy of the scan instead of one per type.
     */
    private void stringValue(EventField f) throws Malformed {
        int r = lex.string();
        if (r == JsonLineLexer.NOT_STRING) {
            notString(f, f.path);
            return;
        }
        switch (f.type) {
            case TEXT -> {
                if (materialize) {
                    values.set(f, lex.stringText(r));
                }
            }
            case TIME -> time(f, r);
            case HASH -> prev(f, r);
            case ACTION -> action(f, r);
            case OUTCOME -> outcome(f, r);
            case KIND -> kind(f, r);
            default -> throw new IllegalStateException(f.type + " is not a string");
        }
    }

    /** A nested object of known keys. @return whether it was an object (not null or invalid) */
    private boolean object(EventField f) throws Malformed {
        lex.ws();
        if (lex.literal("null")) {
            return false;
        }
        if (!lex.take('{')) {
            invalid(f, f.path + " must be an object");
            return false;
        }
        members(f);
        return true;
    }

    /** labels: an object of string values under any keys, for extensions. */
    private void labels(EventField f) throws Malformed {
        lex.ws();
        if (lex.literal("null")) {
            return;
        }
        if (!lex.take('{')) {
            invalid(f, f.path + " must be an object");
            return;
        }
        List<String> others = null;
        if (!lex.firstMember()) {
            return;
        }
        do {
            lex.key(NONE);
            String key = lex.key();
            String path = f.path + "." + key;
            if ((others = rememberOther(others, key, path)) != null) {
                text(f, path);
            }
        } while (lex.nextMember());
    }

    // ---- typed values ------------------------------------------------------------------------------

    private void time(EventField f, int r) {
        Instant t;
        String text;
        if (r == JsonLineLexer.PLAIN) {
            t = Rfc3339.parseUtc(lex.bytes(), lex.stringStart(), lex.stringLength());
            text = materialize || t == null ? lex.stringText(r) : null;
        } else {
            t = Rfc3339.parseUtc(lex.decoded());
            text = lex.decoded();
        }
        values.set(f, t);
        values.timeText(text);
        present |= f.bit; // present, even if unreadable: reported as invalid, not missing
        if (t == null) {
            problem(f, FindingCode.FIELD_INVALID, f.path + " \"" + clip(text)
                    + "\" is not RFC 3339 UTC (YYYY-MM-DDTHH:MM:SS[.f]Z)");
        }
    }

    private void prev(EventField f, int r) {
        if (r == JsonLineLexer.PLAIN && lex.stringLength() == 64 && hexBytes(lex.stringStart())) {
            prevStart = lex.stringStart();
            if (materialize) {
                values.set(f, new String(lex.bytes(), prevStart, 64, StandardCharsets.ISO_8859_1));
            }
            present |= f.bit;
        } else if (r == JsonLineLexer.DECODED && isHex64(lex.decoded())) {
            values.set(f, lex.decoded());
            present |= f.bit;
        } else {
            problem(f, FindingCode.FIELD_INVALID, f.path + " must be 64 lowercase hex digits");
        }
    }

    private void action(EventField f, int r) {
        if (r == JsonLineLexer.PLAIN) {
            heartbeat = lex.stringIs(HEARTBEAT);
            if (materialize) {
                values.set(f, lex.stringText(r));
            }
        } else {
            heartbeat = AuditEvent.ACTION_HEARTBEAT.equals(lex.decoded());
            values.set(f, lex.decoded());
        }
        present |= f.bit;
    }

    private void outcome(EventField f, int r) {
        int i = oneOf(r, OUTCOME_NAMES);
        if (i < 0) {
            problem(f, FindingCode.FIELD_INVALID, f.path + " \"" + clip(lex.stringText(r))
                    + "\" is not success, failure or denied");
            return;
        }
        values.set(f, OUTCOMES[i]);
        present |= f.bit;
    }

    private void kind(EventField f, int r) {
        int i = oneOf(r, KIND_NAMES);
        if (i < 0) {
            problem(f, FindingCode.FIELD_INVALID, f.path + " \"" + clip(lex.stringText(r))
                    + "\" is not host, database, kubernetes, cloud or application");
            return;
        }
        values.set(f, KINDS[i]);
    }

    /** Which of the names the string just read is, compared in place when it has no escapes; or -1. */
    private int oneOf(int kind, byte[][] names) {
        for (int i = 0; i < names.length; i++) {
            if (kind == JsonLineLexer.PLAIN ? lex.stringIs(names[i])
                    : lex.decoded().equals(new String(names[i], StandardCharsets.US_ASCII))) {
                return i;
            }
        }
        return -1;
    }

    private void bool(EventField f) throws Malformed {
        lex.ws();
        if (lex.literal("true")) {
            values.set(f, Boolean.TRUE);
        } else if (lex.literal("false")) {
            values.set(f, Boolean.FALSE);
        } else if (!lex.literal("null")) {
            invalid(f, f.path + " must be true or false");
        }
    }

    /** An integer in [0, max]; -1 for null (absent) or anything else (reported). */
    private long integer(EventField f, long max) throws Malformed {
        lex.ws();
        if (lex.literal("null")) {
            return -1; // null means absent: fine for an optional number, FIELD_MISSING for seq
        }
        if (!lex.atNumber()) {
            invalid(f, f.path + " must be an integer");
            return -1;
        }
        long v = lex.nonNegativeInteger(lex.number());
        if (v >= 0 && v <= max) {
            return v;
        }
        problem(f, FindingCode.FIELD_INVALID, f.path + " must be an integer from 0 to "
                + (max == Long.MAX_VALUE ? "2^63-1" : Long.toString(max)));
        return -1;
    }

    /**
     * A string value: decoded when building events, only validated when checking (then null). Null for
     * JSON null; any other value is reported under {@code path} and skipped.
     */
    private String text(EventField f, String path) throws Malformed {
        int r = lex.string();
        if (r == JsonLineLexer.NOT_STRING) {
            notString(f, path);
            return null;
        }
        return materialize ? lex.stringText(r) : null;
    }

    private List<String> textList(EventField f) throws Malformed {
        lex.ws();
        if (lex.literal("null")) {
            return null;
        }
        if (!lex.take('[')) {
            invalid(f, f.path + " must be an array of strings");
            return null;
        }
        List<String> out = materialize ? new ArrayList<>(4) : null;
        if (!lex.firstElement()) {
            return out;
        }
        do {
            String s = text(f, ROLE_PATH);
            if (s != null) {
                out.add(s);
            }
        } while (lex.nextElement());
        return out;
    }

    private void notString(EventField f, String path) throws Malformed {
        if (!lex.literal("null")) {
            invalid(f, path + " must be a string");
        }
    }

    /** Skips any JSON value, checking its syntax and reporting duplicate keys inside it. */
    private void skip(int depth) throws Malformed {
        if (depth > MAX_DEPTH) {
            throw new Malformed("nested deeper than " + MAX_DEPTH + " levels");
        }
        lex.ws();
        if (lex.atEnd()) {
            throw new Malformed("expected a value");
        }
        switch (lex.peek()) {
            case '"' -> lex.string();
            case '{' -> {
                lex.take('{');
                List<String> others = null;
                if (lex.firstMember()) {
                    do {
                        lex.key(NONE);
                        String key = lex.key();
                        if ((others = rememberOther(others, key, key)) != null) {
                            skip(depth + 1);
                        }
                    } while (lex.nextMember());
                }
            }
            case '[' -> {
                lex.take('[');
                if (lex.firstElement()) {
                    do {
                        skip(depth + 1);
                    } while (lex.nextElement());
                }
            }
            case 't' -> lex.expectLiteral("true");
            case 'f' -> lex.expectLiteral("false");
            case 'n' -> lex.expectLiteral("null");
            default -> {
                if (!lex.atNumber()) {
                    throw lex.unexpected();
                }
                lex.number();
            }
        }
    }

    private boolean hexBytes(int start) {
        byte[] b = lex.bytes();
        for (int i = start; i < start + 64; i++) {
            if (!LOWER_HEX[b[i] & 0xff]) {
                return false;
            }
        }
        return true;
    }

    // ---- problems ----------------------------------------------------------------------------------

    /** Reports a wrongly typed value and skips it. */
    private void invalid(EventField f, String message) throws Malformed {
        problem(f, FindingCode.FIELD_INVALID, message);
        skip(1);
    }

    private void unknown(String path) throws Malformed {
        problem(null, FindingCode.FIELD_UNKNOWN, "unknown field " + clip(path));
        skip(1);
    }

    /**
     * The later value is skipped, so the first one stands for the sequence, chain, time and heartbeat
     * checks: a stated rule (docs/bundle-format.md §4), so another verifier can expect the same findings.
     */
    private void duplicateKey(EventField f, String path) throws Malformed {
        problem(f, FindingCode.JSON_DUPLICATE_KEY, "key " + clip(path) + " appears twice; which value counts is"
                + " ambiguous, so the event cannot be trusted");
        skip(1);
    }

    /**
     * Tracks the keys of an object that are not in the table.
     * @return null (after reporting the duplicate and skipping its value) when {@code key} repeats
     */
    private List<String> rememberOther(List<String> others, String key, String path) throws Malformed {
        List<String> s = others == null ? new ArrayList<>(2) : others;
        if (s.contains(key)) {
            duplicateKey(null, path);
            return null;
        }
        s.add(key);
        return s;
    }

    private void problem(EventField f, FindingCode code, String message) {
        problems.add(f, code, message);
    }

    private ParsedLine result() {
        AuditEvent event = problems.onlyUnknownFields() ? values.build(present) : null;
        return new ParsedLine(event, values.seq(), prevHex(), values.time(), values.action(),
                problems.list());
    }

    private void reset() {
        problems.clear();
        values.clear();
        seen = 0;
        present = 0;
        prevStart = -1;
        heartbeat = false;
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

    private static String clip(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    private static byte[][] ascii(Stream<String> names) {
        return names.map(n -> n.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
    }
}
