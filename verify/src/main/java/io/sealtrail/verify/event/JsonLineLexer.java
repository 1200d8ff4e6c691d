package io.sealtrail.verify.event;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A cursor over the bytes of one JSON text (RFC 8259) that knows the grammar but no schema: it reads keys,
 * strings, numbers and literals in place and reports a syntax error with the position where it found it.
 * It allocates only for what a caller asks to see as a String (an unknown key, an escaped string, a value
 * to keep), because it runs once per event and a general JSON parser cost more than all the hashing
 * (docs/decisions/0003). Not thread-safe.
 */
final class JsonLineLexer {

    /** A JSON syntax error; carries no stack trace, since bad lines are expected input. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    /** What {@link #string()} found. */
    static final int NOT_STRING = 0;
    /** A string without escapes, left in place at {@link #stringStart()}/{@link #stringLength()}. */
    static final int PLAIN = 1;
    /** A string with escapes, decoded into {@link #decoded()}. */
    static final int DECODED = 2;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private byte[] b;
    private int pos;
    private int end;
    private int start;
    private int sStart;
    private int sLen;
    private String sDecoded;
    private int keyStart = -1;
    private int keyLen;
    private String keyDecoded;

    /** Positions the cursor at the first byte of {@code buf[off, off + len)}. */
    void reset(byte[] buf, int off, int len) {
        b = buf;
        pos = off;
        start = off;
        end = off + len;
    }

    byte[] bytes() {
        return b;
    }

    /** The 1-based byte in the line where the cursor stands (where a syntax error was found). */
    int column() {
        return Math.min(pos, end) - start + 1;
    }

    boolean atEnd() {
        return pos >= end;
    }

    /** Skips JSON whitespace: space, tab, CR, LF. */
    void ws() {
        while (pos < end) {
            byte c = b[pos];
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return;
            }
            pos++;
        }
    }

    /** Consumes {@code c} if it is the next byte (no whitespace skipped). */
    boolean take(char c) {
        if (pos < end && b[pos] == c) {
            pos++;
            return true;
        }
        return false;
    }

    /** The next byte, or -1 at the end. */
    int peek() {
        return pos < end ? b[pos] : -1;
    }

    // ---- objects and arrays ------------------------------------------------------------------------

    /** After '{': @return false if the object is empty (and consumes the '}') */
    boolean firstMember() {
        ws();
        return !take('}');
    }

    /** After a member's value: @return true if another member follows (consumes ',' or '}') */
    boolean nextMember() throws Malformed {
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

    /** After '[': @return false if the array is empty (and consumes the ']') */
    boolean firstElement() {
        ws();
        return !take(']');
    }

    /** After an element: @return true if another element follows (consumes ',' or ']') */
    boolean nextElement() throws Malformed {
        ws();
        if (pos >= end) {
            throw new Malformed("unterminated array");
        }
        byte c = b[pos++];
        if (c == ']') {
            return false;
        }
        if (c == ',') {
            return true;
        }
        throw new Malformed("expected ',' or ']' in an array");
    }

    /**
     * Reads {@code "key":} and positions before the value. @return the index of the key in {@code known},
     * or -1 for any other key (then {@link #key()} names it)
     */
    int key(KeyTable known) throws Malformed {
        ws();
        if (pos >= end || b[pos] != '"') {
            throw new Malformed("expected a key in double quotes");
        }
        int s = ++pos;
        pos = scanString(pos);
        int found = -1;
        if (pos < end && b[pos] == '"') {
            int len = pos - s;
            if (len > 0) {
                int i = known.indexOf(len, b[s]);
                if (i >= 0 && equalsBytes(s, len, known.name(i))) {
                    found = i;
                }
            }
            keyStart = s;
            keyLen = len;
            keyDecoded = null;
            pos++;
        } else {
            if (pos >= end) {
                throw new Malformed("unterminated string");
            }
            pos = s;
            keyDecoded = stringBody();
            found = known.indexOf(keyDecoded);
        }
        ws();
        if (pos >= end || b[pos] != ':') {
            throw new Malformed("expected ':' after a key");
        }
        pos++;
        return found;
    }

    /** The key last read by {@link #key}, decoded. */
    String key() {
        return keyDecoded != null ? keyDecoded : new String(b, keyStart, keyLen, StandardCharsets.UTF_8);
    }

    // ---- strings -----------------------------------------------------------------------------------

    /**
     * Skips whitespace and reads a string value without decoding it when it has no escapes.
     * @return {@link #PLAIN}, {@link #DECODED}, or {@link #NOT_STRING} (nothing consumed)
     */
    int string() throws Malformed {
        ws();
        if (pos >= end || b[pos] != '"') {
            return NOT_STRING;
        }
        int s = ++pos;
        pos = scanString(pos);
        if (pos < end && b[pos] == '"') {
            sStart = s;
            sLen = pos - s;
            pos++;
            return PLAIN;
        }
        pos = s;
        sDecoded = stringBody();
        return DECODED;
    }

    int stringStart() {
        return sStart;
    }

    int stringLength() {
        return sLen;
    }

    String decoded() {
        return sDecoded;
    }

    /** The string last read by {@link #string()} as text; {@code kind} is what it returned. */
    String stringText(int kind) {
        return kind == PLAIN ? new String(b, sStart, sLen, StandardCharsets.UTF_8) : sDecoded;
    }

    /** Whether the plain string last read is exactly these ASCII bytes. */
    boolean stringIs(byte[] ascii) {
        return equalsBytes(sStart, sLen, ascii);
    }

    /** After the opening quote: the decoded string, positioned after the closing quote. */
    String stringBody() throws Malformed {
        int s = pos;
        pos = scanString(pos);
        if (pos < end && b[pos] == '"') {
            String text = new String(b, s, pos - s, StandardCharsets.UTF_8);
            pos++;
            return text;
        }
        StringBuilder sb = new StringBuilder(pos - s + 16);
        sb.append(new String(b, s, pos - s, StandardCharsets.UTF_8));
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
                int run = pos;
                pos = scanString(pos);
                sb.append(new String(b, run, pos - run, StandardCharsets.UTF_8));
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

    /**
     * The first '"', '\\' or control character at or after {@code p} (or {@code end}), eight bytes at a
     * time: per byte, x XOR c is zero where x equals c, and x - 0x20 borrows where x is below 0x20. The
     * lowest flagged byte is always a true match; borrows only ever flag bytes above one.
     */
    int scanString(int p) {
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

    // ---- numbers and literals ----------------------------------------------------------------------

    /** Whether a number starts here ('-' or a digit). */
    boolean atNumber() {
        return pos < end && (b[pos] == '-' || digit(b[pos]));
    }

    /**
     * Reads a number by the RFC 8259 grammar, -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, which must
     * end at a delimiter. @return the offset of its first byte; it ends at the cursor
     */
    int number() throws Malformed {
        int s = pos;
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
            digits();
        }
        if (pos < end && b[pos] == '.') {
            pos++;
            requireDigit();
            digits();
        }
        if (pos < end && (b[pos] == 'e' || b[pos] == 'E')) {
            pos++;
            if (pos < end && (b[pos] == '+' || b[pos] == '-')) {
                pos++;
            }
            requireDigit();
            digits();
        }
        if (pos < end && !delimiter(b[pos])) {
            throw new Malformed("invalid number");
        }
        return s;
    }

    /** The number last read by {@link #number()} as a long, or -1 if it is not an integer in [0, 2^63-1]. */
    long nonNegativeInteger(int s) {
        // -0 is 0; any other sign or a fraction or exponent is not a non-negative integer
        int from = b[s] == '-' && pos - s == 2 && b[s + 1] == '0' ? s + 1 : s;
        long v = 0;
        for (int i = from; i < pos; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9 || v > (Long.MAX_VALUE - d) / 10) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    private void requireDigit() throws Malformed {
        if (pos >= end || !digit(b[pos])) {
            throw new Malformed("invalid number");
        }
    }

    private void digits() {
        while (pos < end && digit(b[pos])) {
            pos++;
        }
    }

    /** Consumes {@code word} (true, false, null) if it stands here, followed by a delimiter or the end. */
    boolean literal(String word) {
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

    void expectLiteral(String word) throws Malformed {
        if (!literal(word)) {
            throw new Malformed("invalid literal (expected " + word + ")");
        }
    }

    /** A syntax error naming the byte at the cursor. */
    Malformed unexpected() {
        byte c = b[pos];
        String shown = c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\x%02x", c & 0xff);
        return new Malformed("unexpected character '" + shown + "'");
    }

    boolean equalsBytes(int s, int len, byte[] ascii) {
        if (len != ascii.length) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (b[s + i] != ascii[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean delimiter(byte c) {
        return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static boolean digit(byte c) {
        return c >= '0' && c <= '9';
    }
}
