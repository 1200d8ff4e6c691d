package io.sealtrail.sources;

import io.sealtrail.sources.Transcript.Entry;
import io.sealtrail.sources.Transcript.Kind;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Transcript} built from a terminal recording taken key by key (asciicast, sudo I/O logs): the keys up to
 * Enter are one typed line (Backspace applied), what the terminal prints while a line is being typed is its echo and
 * is left out, and a run of output is one stretch. Feed the chunks in recording order.
 */
public final class TypedTranscript {
    private final List<Entry> entries = new ArrayList<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private Kind kind;
    private Instant at;

    /** One chunk: typed ({@code input}) or printed, at its time. */
    public void add(Instant time, boolean input, byte[] data) {
        Kind k = input ? Kind.INPUT : Kind.OUTPUT;
        boolean entered = TerminalText.endsLine(bytes.toByteArray());
        if (k == Kind.OUTPUT && kind == Kind.INPUT && !entered) {
            return; // the terminal echoing the keys of the line being typed
        }
        if (k != kind || (k == Kind.INPUT && entered)) {
            close();
            kind = k;
            at = time;
        }
        bytes.writeBytes(data);
    }

    private void close() {
        if (kind != null && bytes.size() > 0) {
            String text = kind == Kind.INPUT ? TerminalText.input(TerminalText.edited(bytes.toByteArray()))
                    : TerminalText.display(bytes.toByteArray());
            if (text != null && !text.isEmpty()) {
                entries.add(new Entry(at, kind, text));
            }
        }
        bytes.reset();
        kind = null;
    }

    public Transcript transcript(String sessionId, Instant start) {
        close();
        return new Transcript(sessionId, start, entries, false);
    }
}
