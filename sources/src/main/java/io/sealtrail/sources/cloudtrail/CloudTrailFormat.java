package io.sealtrail.sources.cloudtrail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealtrail.sources.CapturingInputStream;
import io.sealtrail.sources.Head;
import io.sealtrail.sources.LineReader;
import io.sealtrail.sources.ReadContext;
import io.sealtrail.sources.RecordSink;
import io.sealtrail.sources.SourceFile;
import io.sealtrail.sources.SourceFormat;
import io.sealtrail.sources.SourceRecord;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.regex.Pattern;

/**
 * AWS CloudTrail log files: a JSON object whose {@code Records} array holds the events, as CloudTrail delivers
 * them to S3, or JSON Lines of such records (what many exports and SIEMs write). The digest chain that can
 * vouch for delivered files is checked by {@link CloudTrailVerifier}; this class reads records.
 */
public final class CloudTrailFormat implements SourceFormat {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Closing the parser must not close the stream: JSON Lines are read on from the same stream. */
    private static final JsonFactory FACTORY = JsonFactory.builder().disable(com.fasterxml.jackson.core.StreamReadFeature.AUTO_CLOSE_SOURCE).build();
    /** A CloudTrail record names its version, source and event; no other supported format has all three. */
    private static final Pattern RECORD_KEYS = Pattern.compile(
            "(?s)(?=.*\"eventVersion\"\\s*:)(?=.*\"eventSource\"\\s*:)(?=.*\"eventName\"\\s*:).*");
    private static final Pattern RECORDS_START = Pattern.compile("(?s)^\\s*\\{\\s*\"Records\"\\s*:\\s*\\[.*");

    @Override
    public String name() {
        return CloudTrailMapping.FORMAT;
    }

    @Override
    public String description() {
        return "AWS CloudTrail: an S3 tree (AWSLogs/…/CloudTrail and CloudTrail-Digest) verified by its digest chain;"
                + " bare log files (.json, .json.gz) or JSON Lines of records carry no integrity evidence";
    }

    @Override
    public boolean recognizes(Head head) {
        String text = head.text();
        if (RECORDS_START.matcher(text).matches()) {
            return true;
        }
        List<String> lines = head.lines(1);
        return !lines.isEmpty() && lines.get(0).stripLeading().startsWith("{")
                && RECORD_KEYS.matcher(lines.get(0)).matches();
    }

    @Override
    public void read(InputStream in, SourceFile file, ReadContext context, RecordSink sink) throws IOException {
        CapturingInputStream captured = new CapturingInputStream(in);
        JsonParser p = FACTORY.createParser(captured);
        try {
            if (p.nextToken() == JsonToken.START_OBJECT && isRecordsDocument(p)) {
                readRecords(p, captured, file, sink);
                return;
            }
        } catch (JsonProcessingException e) {
            // not one JSON document: perhaps JSON Lines with a bad first line, which the line reader reports
        }
        p.close();
        // JSON Lines: start again from the first byte, which the capture still holds
        readLines(new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(captured.slice(0, captured.end())),
                in), file, sink);
    }

    /** Whether the object's first field is the Records array; leaves the parser on the array's start. */
    private static boolean isRecordsDocument(JsonParser p) throws IOException {
        try {
            return p.nextToken() == JsonToken.FIELD_NAME && "Records".equals(p.currentName())
                    && p.nextToken() == JsonToken.START_ARRAY;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static void readRecords(JsonParser p, CapturingInputStream captured, SourceFile file, RecordSink sink)
            throws IOException {
        while (true) {
            JsonToken t;
            long start;
            long line;
            try {
                t = p.nextToken();
                if (t == JsonToken.END_ARRAY || t == null) {
                    return;
                }
                start = p.currentTokenLocation().getByteOffset();
                line = p.currentTokenLocation().getLineNr();
                captured.forgetBefore(start);
                JsonNode node = JSON.readTree(p);
                long end = p.currentLocation().getByteOffset();
                byte[] raw = captured.slice(start, end);
                captured.forgetBefore(end);
                sink.accept(record(file, line, raw, node));
            } catch (JsonProcessingException e) {
                // The array's syntax is broken: no later record can be placed, so the rest is one unreadable record.
                long at = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
                byte[] rest = captured.slice(captured.base(), captured.end());
                sink.accept(SourceRecord.malformed(file.name(), Math.max(1, at), rest,
                        "the Records array is not valid JSON from line " + at + " on (" + e.getOriginalMessage()
                                + "); the rest of the file cannot be read as records"));
                return;
            }
        }
    }

    private static SourceRecord record(SourceFile file, long line, byte[] raw, JsonNode node) {
        try {
            return SourceRecord.of(file.name(), line, raw, CloudTrailMapping.event(node));
        } catch (IllegalArgumentException e) {
            return SourceRecord.malformed(file.name(), line, raw, e.getMessage());
        }
    }

    private static void readLines(InputStream in, SourceFile file, RecordSink sink) throws IOException {
        LineReader lines = new LineReader(in);
        while (lines.next()) {
            if (lines.blank()) {
                continue;
            }
            byte[] raw = lines.bytes();
            if (lines.cut()) {
                sink.accept(SourceRecord.malformed(file.name(), lines.number(), raw,
                        "the line is longer than " + LineReader.MAX_LINE + " bytes"));
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(raw);
            } catch (JsonProcessingException e) {
                sink.accept(SourceRecord.malformed(file.name(), lines.number(), raw,
                        "not a JSON object: " + e.getOriginalMessage()));
                continue;
            }
            sink.accept(record(file, lines.number(), raw, node));
        }
    }
}
