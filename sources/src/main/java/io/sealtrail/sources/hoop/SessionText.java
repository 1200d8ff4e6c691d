package io.sealtrail.sources.hoop;

import io.sealtrail.sources.TerminalText;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What only hoop.dev's sessions need of their bytes as text: base64 inside a flattened stream, and the SQL of a
 * database wire protocol; the terminal's text in general is {@link io.sealtrail.sources.TerminalText}.
 */
final class SessionText {
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");

    private SessionText() {
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
                out.add(TerminalText.decode(java.util.Arrays.copyOfRange(b, body, stop)));
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
                out.add(TerminalText.decode(java.util.Arrays.copyOfRange(b, at + 5, end)));
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
