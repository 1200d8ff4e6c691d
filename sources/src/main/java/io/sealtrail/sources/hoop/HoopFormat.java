package io.sealtrail.sources.hoop;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.sealtrail.sources.CapturingInputStream;
import io.sealtrail.sources.Head;
import io.sealtrail.sources.LineReader;
import io.sealtrail.sources.ReadContext;
import io.sealtrail.sources.RecordSink;
import io.sealtrail.sources.SourceFile;
import io.sealtrail.sources.SourceFormat;
import io.sealtrail.sources.SourceRecord;
import io.sealtrail.sources.Transcript;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * hoop.dev access gateway exports: sessions as its API returns them ({@code GET /api/sessions}, {@code hoop admin
 * get sessions -o json}) and its admin audit log ({@code GET /api/audit/logs}). A file may be a JSON array of
 * them, the API's list wrapper ({@code {"data":[…], …}}), one object, or JSON Lines; each object is read on its
 * own, one at a time, so a file of any size is read in the memory of its largest session. Mapping:
 * docs/sources.md, "hoop.dev".
 */
public final class HoopFormat implements SourceFormat {
    public static final String NAME = "hoop";
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();
    private static final Set<String> VERBS = Set.of("exec", "connect");
    /** What the API's list wrappers hold besides {@code data} (SessionList, PaginatedResponse). */
    private static final Set<String> LIST_FIELDS = Set.of("pages", "total", "total_is_capped", "has_next_page");

    /**
     * What a session typed and got back, read from its session object's exact bytes (the raw record of its
     * {@code session.start} event).
     *
     * @throws IOException when the bytes are not a hoop.dev session object
     */
    public static Transcript transcript(byte[] sessionObject) throws IOException {
        try {
            return HoopTranscript.of(sessionObject);
        } catch (SessionObject.MalformedException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "hoop.dev gateway sessions (what was typed and what came back, reviews, guardrails) and its admin"
                + " audit log: JSON array, API list, one object or JSON Lines; no integrity evidence";
    }

    @Override
    public boolean recognizes(Head head) {
        int first = head.firstNonBlank();
        if (first != '[' && first != '{') {
            return false;
        }
        String text = head.text();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Map<String, String> f = new HashMap<>();
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_ARRAY) {
                t = p.nextToken();
            }
            if (t != JsonToken.START_OBJECT) {
                return false;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (name.equals("data") && v == JsonToken.START_ARRAY && LIST_FIELDS.containsAll(f.keySet())) {
                    if (p.nextToken() != JsonToken.START_OBJECT) {
                        return false;
                    }
                    f.clear();
                    continue; // the list's first item is what tells
                }
                if (v.isStructStart()) {
                    p.skipChildren();
                    f.put(name, null);
                } else {
                    f.put(name, v == JsonToken.VALUE_NULL ? null : p.getText());
                }
            }
        } catch (IOException cutOrNotJson) {
            // the head ends inside the object: what was read so far decides
        }
        return isSession(f) || isAuditEntry(f);
    }

    /** A session names itself, how it was used and what it reached, before its (perhaps huge) event stream. */
    private static boolean isSession(Map<String, String> f) {
        String verb = f.get("verb");
        return f.get("id") != null && verb != null && VERBS.contains(verb) && f.containsKey("connection")
                && f.containsKey("user");
    }

    private static boolean isAuditEntry(Map<String, String> f) {
        return f.get("actor_email") != null && f.get("http_method") != null && f.get("resource_type") != null;
    }

    @Override
    public void read(InputStream in, SourceFile file, ReadContext context, RecordSink sink) throws IOException {
        CapturingInputStream captured = new CapturingInputStream(in);
        Reader r = new Reader(captured, in, file.name(), sink);
        r.read();
    }

    /** One read of one file. */
    private static final class Reader {
        private final CapturingInputStream captured;
        private final InputStream rest;
        private final String file;
        private final RecordSink sink;
        private final JsonParser p;
        private long records;
        /** Whether the parser is inside a list of records, where a syntax error loses the rest of the list. */
        private boolean inList;

        Reader(CapturingInputStream captured, InputStream rest, String file, RecordSink sink) throws IOException {
            this.captured = captured;
            this.rest = rest;
            this.file = file;
            this.sink = sink;
            this.p = FACTORY.createParser(captured);
        }

        void read() throws IOException {
            long start = 0;
            long line = 1;
            if (p.currentLocation().getByteOffset() < 0) {
                // Jackson took the first bytes for UTF-16 or UTF-32 and reads characters, which have no byte offsets
                // to cut records at (found by fuzzing); hoop.dev writes UTF-8
                sink.accept(SourceRecord.malformed(file, 1, captured.slice(captured.base(), captured.end()),
                        "not UTF-8 JSON (its first bytes read as UTF-16 or UTF-32); the file cannot be read as records"));
                p.close();
                return;
            }
            try {
                JsonToken t = p.nextToken();
                if (t == JsonToken.START_ARRAY) {
                    elements();
                    t = p.nextToken();
                }
                while (t != null) {
                    start = p.currentTokenLocation().getByteOffset();
                    line = p.currentTokenLocation().getLineNr();
                    captured.forgetBefore(start);
                    if (t != JsonToken.START_OBJECT) {
                        p.skipChildren();
                        malformed(start, line, "not a JSON object");
                    } else {
                        rootObject(start, line);
                    }
                    // where reading line by line would start if what follows is broken
                    start = p.currentLocation().getByteOffset();
                    line = p.currentLocation().getLineNr();
                    t = p.nextToken();
                }
            } catch (JsonProcessingException e) {
                if (inList) {
                    // a list's syntax is broken: no later item can be placed, so the rest is one unreadable record
                    long at = e.getLocation() == null ? line : e.getLocation().getLineNr();
                    sink.accept(SourceRecord.malformed(file, Math.max(1, at), captured.slice(captured.base(),
                            captured.end()), "the list is not valid JSON from line " + at + " on ("
                            + e.getOriginalMessage() + "); the rest of the file cannot be read as records"));
                    return;
                }
                // JSON Lines with a bad line: from the object that failed on, each line is read on its own
                lines(start, line);
            } finally {
                p.close();
            }
        }

        /** A top-level object: an API list (its {@code data} items are the records) or one record itself. */
        private void rootObject(long start, long line) throws IOException {
            boolean list = false;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (name.equals("data") && v == JsonToken.START_ARRAY) {
                    list = true;
                    elements();
                } else {
                    p.skipChildren();
                }
            }
            if (t != JsonToken.END_OBJECT) {
                throw new JsonProcessingException("unexpected " + t, p.currentLocation()) { };
            }
            if (!list) {
                record(start, p.currentLocation().getByteOffset(), line);
            }
        }

        /** The items of an array, the parser on its start; each is one record. */
        private void elements() throws IOException {
            inList = true;
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) {
                    throw new JsonProcessingException("the list ends before its ]", p.currentLocation()) { };
                }
                long start = p.currentTokenLocation().getByteOffset();
                long line = p.currentTokenLocation().getLineNr();
                captured.forgetBefore(start);
                p.skipChildren();
                if (t != JsonToken.START_OBJECT) {
                    malformed(start, line, "not a JSON object");
                    continue;
                }
                record(start, p.currentLocation().getByteOffset(), line);
            }
            inList = false;
        }

        private void record(long start, long end, long line) throws IOException {
            byte[] raw = captured.slice(start, end);
            captured.forgetBefore(end);
            emit(raw, line);
        }

        private void emit(byte[] raw, long line) throws IOException {
            records++;
            try {
                SessionObject o = SessionObject.parse(raw);
                if (HoopAuditEntry.looksLikeOne(o.fields())) {
                    sink.accept(SourceRecord.of(file, line, raw, HoopAuditEntry.event(o.fields())));
                    return;
                }
                if (!o.has("id") || !(o.has("start_date") || o.has("event_stream") || o.has("verb"))) {
                    throw new SessionObject.MalformedException("neither a hoop.dev session (id, verb, start_date …)"
                            + " nor an audit log entry (actor_email, http_method, resource_type …)");
                }
                for (SourceRecord r : HoopSession.records(o, file, line)) {
                    sink.accept(r);
                }
            } catch (SessionObject.MalformedException e) {
                sink.accept(SourceRecord.malformed(file, line, raw, "record " + records + ": " + e.getMessage()));
            }
        }

        private void malformed(long start, long line, String problem) throws IOException {
            records++;
            long end = p.currentLocation().getByteOffset();
            byte[] raw = captured.slice(start, end);
            captured.forgetBefore(end);
            sink.accept(SourceRecord.malformed(file, line, raw, "record " + records + ": " + problem));
        }

        /** Reads on line by line from stream offset {@code start}, which is on line {@code firstLine}. */
        private void lines(long start, long firstLine) throws IOException {
            InputStream from = new SequenceInputStream(
                    new ByteArrayInputStream(captured.slice(start, captured.end())), rest);
            LineReader lines = new LineReader(from);
            while (lines.next()) {
                if (lines.blank()) {
                    continue;
                }
                long n = firstLine + lines.number() - 1;
                if (lines.cut()) {
                    records++;
                    sink.accept(SourceRecord.malformed(file, n, lines.bytes(), "record " + records
                            + ": line longer than " + LineReader.MAX_LINE + " bytes, cut there"));
                    continue;
                }
                emit(lines.bytes(), n);
            }
        }
    }
}
