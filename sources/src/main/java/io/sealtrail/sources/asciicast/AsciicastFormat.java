package io.sealtrail.sources.asciicast;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealtrail.sources.Head;
import io.sealtrail.sources.LineReader;
import io.sealtrail.sources.ReadContext;
import io.sealtrail.sources.RecordSink;
import io.sealtrail.sources.SourceFile;
import io.sealtrail.sources.SourceFormat;
import io.sealtrail.sources.Transcript;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Terminal recordings in asciinema's asciicast format, version 2 (absolute times) and 3 (intervals, an exit
 * event): what Teleport's and asciinema's players play. One file is one session; what was typed (when the
 * recorder kept input) becomes command events with what came back, the rest output stretches. Mapping:
 * docs/sources.md, "asciicast".
 */
public final class AsciicastFormat implements SourceFormat {
    public static final String NAME = "asciicast";
    static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "asciicast v2/v3 terminal recordings (asciinema, Teleport players): what was typed and what came back;"
                + " no integrity evidence";
    }

    /** A first line that is an object with "version": 2 and width/height, or "version": 3 and a "term" object. */
    @Override
    public boolean recognizes(Head head) {
        if (head.firstNonBlank() != '{') {
            return false;
        }
        List<String> lines = head.lines(2);
        if (lines.isEmpty()) {
            return false;
        }
        try (JsonParser p = JSON.getFactory().createParser(lines.get(0))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            JsonNode header = JSON.readTree(p);
            int version = header.path("version").asInt(-1);
            return version == 2 && header.path("width").isInt() && header.path("height").isInt()
                    || version == 3 && header.path("term").isObject();
        } catch (IOException notJsonOrCut) {
            return false;
        }
    }

    @Override
    public void read(InputStream in, SourceFile file, ReadContext context, RecordSink sink) throws IOException {
        LineReader lines = new LineReader(in);
        CastReader r = new CastReader(file.name(), sink);
        while (lines.next()) {
            if (!lines.blank()) {
                r.line(lines.number(), lines.bytes(), lines.cut());
            }
        }
        r.finish();
    }

    /**
     * The transcript of one recording from the exact bytes of its session's records, in their order (each record's
     * raw holds whole lines of the file; together, the file without the lines no event kept).
     *
     * @throws IOException when the first record is not an asciicast header
     */
    public static Transcript transcript(String sessionId, List<byte[]> rawRecordsInOrder) throws IOException {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (byte[] raw : rawRecordsInOrder) {
            all.write(raw);
            all.write('\n');
        }
        LineReader lines = new LineReader(new ByteArrayInputStream(all.toByteArray()));
        CastTranscript t = null;
        while (lines.next()) {
            if (lines.blank()) {
                continue;
            }
            if (t == null) {
                t = new CastTranscript(CastHeader.parse(lines.bytes()));
            } else {
                t.line(lines.bytes());
            }
        }
        if (t == null) {
            throw new IOException("no asciicast header");
        }
        return t.transcript(sessionId);
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
