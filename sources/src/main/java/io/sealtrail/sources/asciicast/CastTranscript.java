package io.sealtrail.sources.asciicast;

import io.sealtrail.sources.TerminalText;
import io.sealtrail.sources.Transcript;
import io.sealtrail.sources.Transcript.Entry;
import io.sealtrail.sources.Transcript.Kind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A recording's lines as a {@link Transcript}: keystrokes up to Enter as one typed line, output runs as one. */
final class CastTranscript {
    private final CastHeader header;
    private final CastClock clock;
    private final List<Entry> entries = new ArrayList<>();
    private Kind kind;
    private Instant at;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    CastTranscript(CastHeader header) {
        this.header = header;
        this.clock = new CastClock(header);
    }

    /** One event line; one that cannot be read is left out (the import named it as malformed). */
    void line(byte[] line) {
        CastEvent e;
        try {
            e = CastEvent.parse(line);
        } catch (IOException unreadable) {
            return;
        }
        Instant t = clock.at(e);
        if (!e.isInput() && !e.isOutput()) {
            return;
        }
        Kind k = e.isInput() ? Kind.INPUT : Kind.OUTPUT;
        if (k == Kind.OUTPUT && kind == Kind.INPUT && !enteredSoFar()) {
            return; // the terminal echoing the keys of the line being typed
        }
        if (k != kind || (k == Kind.INPUT && enteredSoFar())) {
            close();
            kind = k;
            at = t;
        }
        bytes.writeBytes(e.data().getBytes(StandardCharsets.UTF_8));
    }

    private boolean enteredSoFar() {
        byte[] b = bytes.toByteArray();
        return b.length > 0 && (b[b.length - 1] == '\r' || b[b.length - 1] == '\n' || b[b.length - 1] == 3
                || b[b.length - 1] == 4);
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

    Transcript transcript(String sessionId) {
        close();
        return new Transcript(sessionId, header.start(), entries, false);
    }
}
