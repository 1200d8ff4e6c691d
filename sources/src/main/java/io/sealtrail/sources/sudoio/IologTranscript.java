package io.sealtrail.sources.sudoio;

import io.sealtrail.sources.TerminalText;
import io.sealtrail.sources.Transcript;
import io.sealtrail.sources.Transcript.Entry;
import io.sealtrail.sources.Transcript.Kind;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An I/O log's stream chunks as a {@link Transcript}: keys up to Enter as one typed line, output runs as one. */
final class IologTranscript {
    private final List<Entry> entries = new ArrayList<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private Kind kind;
    private Instant at;

    /** @param type the timing line's event type, 0 to 4 */
    void add(Instant time, int type, byte[] data) {
        Kind k = type == 0 || type == 3 ? Kind.INPUT : Kind.OUTPUT;
        if (k == Kind.OUTPUT && kind == Kind.INPUT && !entered()) {
            return; // the terminal echoing the keys of the line being typed
        }
        if (k != kind || (k == Kind.INPUT && entered())) {
            close();
            kind = k;
            at = time;
        }
        bytes.writeBytes(data);
    }

    private boolean entered() {
        byte[] b = bytes.toByteArray();
        byte last = b.length == 0 ? 0 : b[b.length - 1];
        return last == '\r' || last == '\n' || last == 3 || last == 4;
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

    Transcript transcript(String sessionId, Instant start) {
        close();
        return new Transcript(sessionId, start, entries, false);
    }
}
