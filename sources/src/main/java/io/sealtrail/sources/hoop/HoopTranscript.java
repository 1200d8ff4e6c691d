package io.sealtrail.sources.hoop;

import io.sealtrail.sources.TerminalText;
import io.sealtrail.sources.Times;
import io.sealtrail.sources.Transcript;
import io.sealtrail.sources.Transcript.Entry;
import io.sealtrail.sources.Transcript.Kind;
import io.sealtrail.sources.hoop.SessionObject.Chunk;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A hoop.dev session's event stream as a {@link Transcript}: keystrokes joined into the line they typed (up to
 * Enter, as the events are), consecutive output chunks joined, the final error apart. Read from the session
 * object's exact bytes, the same ones the session's events were read from.
 */
final class HoopTranscript {
    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

    private HoopTranscript() {
    }

    static Transcript of(byte[] sessionObject) throws SessionObject.MalformedException {
        SessionObject s = SessionObject.parse(sessionObject);
        String id = SessionObject.text(s.fields(), "id");
        String startText = SessionObject.text(s.fields(), "start_date");
        Instant start = Times.rfc3339(startText);
        if (id == null || start == null) {
            throw new SessionObject.MalformedException("not a hoop.dev session with an id and a start_date");
        }
        List<Entry> entries = new ArrayList<>();
        List<Chunk> chunks = s.chunks();
        int i = 0;
        while (i < chunks.size()) {
            Chunk first = chunks.get(i);
            Kind kind = kind(first);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int j = i;
            // input: keystrokes until one ends the line; output and error: the run of chunks of that kind
            while (j < chunks.size() && kind(chunks.get(j)) == kind) {
                byte[] b = chunks.get(j).bytes();
                bytes.write(b, 0, b.length);
                j++;
                if (kind == Kind.INPUT && TerminalText.endsLine(b)) {
                    break;
                }
            }
            String text = kind == Kind.INPUT ? TerminalText.input(TerminalText.edited(bytes.toByteArray()))
                    : TerminalText.display(bytes.toByteArray());
            if (text != null && !text.isEmpty()) {
                entries.add(new Entry(at(start, first, id), kind, text));
            }
            i = j;
        }
        boolean truncated = s.fields().path("metrics").path("truncated").asBoolean(false);
        return new Transcript(id, start, entries, truncated);
    }

    private static Kind kind(Chunk c) {
        return c.isInput() ? Kind.INPUT : c.type() == 'e' ? Kind.ERROR : Kind.OUTPUT;
    }

    private static Instant at(Instant start, Chunk c, String id) throws SessionObject.MalformedException {
        try {
            return start.plusNanos(c.elapsedSeconds().multiply(NANOS_PER_SECOND).setScale(0, RoundingMode.HALF_UP)
                    .longValueExact());
        } catch (ArithmeticException e) {
            throw new SessionObject.MalformedException("session " + id + ": elapsed time " + c.elapsedSeconds()
                    + " s is out of range");
        }
    }
}
