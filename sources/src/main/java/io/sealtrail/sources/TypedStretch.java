package io.sealtrail.sources;

import java.io.ByteArrayOutputStream;
import java.time.Instant;

/**
 * The event a reader of a recording taken key by key (asciicast, sudo I/O logs) is building: its action, the keys
 * typed (a {@code command} until Enter) and the output after them. How its raw bytes are kept is the reader's.
 */
public class TypedStretch {
    private final String action;
    private final Instant time;
    private final long firstLine;
    private final ByteArrayOutputStream keys = new ByteArrayOutputStream();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private boolean entered;

    protected TypedStretch(String action, Instant time, long firstLine) {
        this.action = action;
        this.time = time;
        this.firstLine = firstLine;
    }

    public String action() {
        return action;
    }

    public Instant time() {
        return time;
    }

    public long firstLine() {
        return firstLine;
    }

    public void keys(byte[] data) {
        keys.writeBytes(data);
        entered = TerminalText.endsLine(data);
    }

    public void output(byte[] data) {
        output.writeBytes(data);
    }

    /** Still taking keystrokes: a command whose line has not been entered (what prints meanwhile is echo). */
    public boolean typing() {
        return action.equals("command") && !entered;
    }

    /** Output held for search, in UTF-8 bytes. */
    public int outputBytes() {
        return output.size();
    }

    /** The line typed, for a command (Backspace applied, control sequences removed), or null. */
    public String command() {
        return action.equals("command") ? TerminalText.input(TerminalText.edited(keys.toByteArray())) : null;
    }

    /** What came back, as searchable text ({@code session.output}), or null. */
    public String searchableOutput() {
        return output.size() == 0 ? null : TerminalText.searchable(TerminalText.decode(output.toByteArray()));
    }
}
