package io.sealtrail.sources.asciicast;

import io.sealtrail.sources.Transcript;
import io.sealtrail.sources.TypedTranscript;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** A recording's lines as a {@link Transcript}: keystrokes up to Enter as one typed line, output runs as one. */
final class CastTranscript {
    private final CastHeader header;
    private final CastClock clock;
    private final TypedTranscript typed = new TypedTranscript();

    CastTranscript(CastHeader header) {
        this.header = header;
        this.clock = new CastClock(header);
    }

    /** One event line; one that cannot be read is left out (the import named it as malformed). */
    void line(byte[] line) {
        CastEvent e;
        Instant t;
        try {
            e = CastEvent.parse(line);
            t = clock.at(e);
        } catch (IOException unreadable) {
            return;
        }
        if (!e.isInput() && !e.isOutput()) {
            return;
        }
        typed.add(t, e.isInput(), e.data().getBytes(StandardCharsets.UTF_8));
    }

    Transcript transcript(String sessionId) {
        return typed.transcript(sessionId, header.start());
    }
}
