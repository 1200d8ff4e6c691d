package io.sealtrail.sources;

import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * What a recorded terminal's bytes say as text: decoded as UTF-8 (a byte that is not becomes U+FFFD), terminal
 * control sequences removed so that {@code ls --color} output is words and not {@code [01;34mdata}, and bounded
 * for search. The bytes themselves stay exact in the record; only the text is derived. Shared by the readers of
 * recorded sessions (hoop.dev, asciicast).
 */
public final class TerminalText {
    /** Most of one event's output that is made searchable (UTF-8 bytes); the rest is only in the record. */
    public static final int MAX_OUTPUT_BYTES = 64 * 1024;
    /** CSI (ESC [ … final), character set choices (ESC ( B), OSC (ESC ] … BEL or ESC \), two-byte ESC sequences. */
    private static final Pattern TERMINAL_ESCAPE = Pattern.compile("\u001B\\[[0-?]*[ -/]*[@-~]"
            + "|\u001B[()*+][0-9A-Za-z]"
            + "|\u001B\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)?"
            + "|\u001B[@-Z\\\\-_]");
    /** The escape sequences and the other C0 controls but tab, LF and CR. */
    private static final Pattern TERMINAL_CONTROL = Pattern.compile(TERMINAL_ESCAPE.pattern()
            + "|[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]");


    private TerminalText() {
    }

    public static String decode(byte[] bytes) {
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
    public static String searchable(String decoded) {
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
    public static String display(byte[] bytes) {
        String s = withoutControls(decode(bytes)).replace("\r\n", "\n").replace("\r", "");
        return s.isBlank() ? "" : s;
    }

    /** Whether keys typed end a command line: Enter, Ctrl-C or Ctrl-D as their last byte. */
    public static boolean endsLine(byte[] keys) {
        byte last = keys.length == 0 ? 0 : keys[keys.length - 1];
        return last == '\r' || last == '\n' || last == 3 || last == 4;
    }

    /** An input chunk as a command or query: control sequences removed, trailing line ends dropped. */
    public static String input(byte[] bytes) {
        String s = withoutControls(decode(bytes)).stripTrailing();
        return s.isEmpty() ? null : s;
    }

    /**
     * Keystrokes as the line they typed: Backspace (BS or DEL) takes back the character before it, and a
     * cursor or function key (an escape sequence) is dropped, since where it moved the cursor is not known.
     */
    public static byte[] edited(byte[] keys) {
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
    public static String cut(String s, int max) {
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
}
