package io.sealtrail.sources.hoop;

import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a session's bytes say as text for search: decoded as UTF-8 (a byte that is not becomes U+FFFD), terminal
 * control sequences removed so that {@code ls --color} output is words and not {@code [01;34mdata}, and bounded.
 * The bytes themselves stay exact in the record; only the searchable text is derived.
 */
final class SessionText {
    /** Most of one event's output that is made searchable (UTF-8 bytes); the rest is only in the record. */
    static final int MAX_OUTPUT_BYTES = 64 * 1024;
    /** CSI (ESC [ … final), character set choices (ESC ( B), OSC (ESC ] … BEL or ESC \), two-byte ESC sequences. */
    private static final Pattern TERMINAL_ESCAPE = Pattern.compile("\u001B\\[[0-?]*[ -/]*[@-~]"
            + "|\u001B[()*+][0-9A-Za-z]"
            + "|\u001B\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)?"
            + "|\u001B[@-Z\\\\-_]");
    /** The escape sequences and the other C0 controls but tab, LF and CR. */
    private static final Pattern TERMINAL_CONTROL = Pattern.compile(TERMINAL_ESCAPE.pattern()
            + "|[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]");

    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");

    private SessionText() {
    }

    static String decode(byte[] bytes) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            return d.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException cannotHappenWithReplace) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** Terminal output as searchable text, at most {@link #MAX_OUTPUT_BYTES} of UTF-8, or null when empty. */
    static String searchable(String decoded) {
        String s = withoutControls(decoded);
        if (s.isBlank()) {
            return null;
        }
        return cut(s, MAX_OUTPUT_BYTES);
    }

    /** The text without terminal control sequences; most output (a query's result) has none, and is not copied. */
    private static String withoutControls(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return TERMINAL_CONTROL.matcher(s).replaceAll("");
            }
        }
        return s;
    }

    /**
     * Terminal output for reading: control sequences removed, CR LF as LF, a carriage return that redraws the
     * line dropped; empty when nothing readable is left.
     */
    static String display(byte[] bytes) {
        String s = withoutControls(decode(bytes)).replace("\r\n", "\n").replace("\r", "");
        return s.isBlank() ? "" : s;
    }

    /** An input chunk as a command or query: control sequences removed, trailing line ends dropped. */
    static String input(byte[] bytes) {
        String s = withoutControls(decode(bytes)).stripTrailing();
        return s.isEmpty() ? null : s;
    }

    /**
     * Keystrokes as the line they typed: Backspace (BS or DEL) takes back the character before it, and a
     * cursor or function key (an escape sequence) is dropped, since where it moved the cursor is not known.
     */
    static byte[] edited(byte[] keys) {
        String typed = TERMINAL_ESCAPE.matcher(decode(keys)).replaceAll("");
        StringBuilder line = new StringBuilder(typed.length());
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (c == '\b' || c == 0x7f) {
                if (line.length() > 0) {
                    line.setLength(line.length() - (Character.isLowSurrogate(line.charAt(line.length() - 1))
                            && line.length() > 1 ? 2 : 1));
                }
            } else {
                line.append(c);
            }
        }
        return line.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** At most {@code max} bytes of UTF-8, never inside a character. */
    static String cut(String s, int max) {
        if (s.length() <= max / 3) {
            return s;
        }
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int n = c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
            if (bytes + n > max) {
                return s.substring(0, Character.isLowSurrogate(c) ? i - 1 : i);
            }
            bytes += n;
        }
        return s;
    }

    /**
     * The bytes of a flattened output string: decoded when it is base64 (only the base64 alphabet, whole
     * quartets, and UTF-8 inside), else its UTF-8. Text that passes all three has no blank, line end or
     * punctuation but + and /: not what a terminal or a query prints.
     */
    static byte[] base64Text(String s) {
        if (!s.isEmpty() && s.length() % 4 == 0 && BASE64.matcher(s).matches()) {
            byte[] b = java.util.Base64.getDecoder().decode(s);
            try {
                StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b));
                return b;
            } catch (java.nio.charset.CharacterCodingException notText) {
                // not UTF-8 once decoded: it was text that happened to fit the alphabet
            }
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The SQL of a PostgreSQL frontend message chunk (what hoop.dev records as input of an interactive postgres
     * session, its {@code wire-proto} blob format): the text of each simple Query ('Q') and extended Parse ('P')
     * message (none for a chunk of other messages: Bind, Execute, Sync, the startup or SSL request), or null when
     * the bytes are not whole frontend messages.
     */
    static List<String> postgresQueries(byte[] b) {
        List<String> out = new ArrayList<>();
        if (b.length >= 8 && b[0] == 0 && int32(b, 0) == b.length) {
            return out; // the startup message, SSL or cancel request: a length and no type byte
        }
        int at = 0;
        while (at < b.length) {
            if (at + 5 > b.length) {
                return null;
            }
            byte type = b[at];
            int len = int32(b, at + 1);
            if (len < 4 || at + 1 + len > b.length || !Character.isLetter(type)) {
                return null;
            }
            int body = at + 5;
            int end = at + 1 + len;
            if (type == 'P') {
                int name = nul(b, body, end); // the statement's name comes first
                if (name < 0) {
                    return null;
                }
                body = name + 1;
            }
            if (type == 'Q' || type == 'P') {
                int stop = nul(b, body, end);
                if (stop < 0) {
                    return null;
                }
                out.add(decode(java.util.Arrays.copyOfRange(b, body, stop)));
            }
            at = end;
        }
        return out;
    }

    /**
     * The SQL of a MySQL client packet chunk: the text of each COM_QUERY (0x03) and COM_STMT_PREPARE (0x16)
     * command (none for other commands or the handshake response), or null when the bytes are not whole packets
     * (3-byte little-endian length, sequence number, payload).
     */
    static List<String> mysqlQueries(byte[] b) {
        List<String> out = new ArrayList<>();
        int at = 0;
        while (at < b.length) {
            if (at + 5 > b.length) {
                return null;
            }
            int len = (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16;
            int end = at + 4 + len;
            if (len == 0 || end > b.length) {
                return null;
            }
            if (b[at + 3] == 0 && (b[at + 4] == 0x03 || b[at + 4] == 0x16)) {
                out.add(decode(java.util.Arrays.copyOfRange(b, at + 5, end)));
            }
            at = end;
        }
        return out;
    }

    private static int int32(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    private static int nul(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
