package io.sealtrail.sources.sudo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of one sudo event record that the mapping uses, read in one streaming pass; the rest (runenv,
 * columns, iolog_path...) is skipped unread.
 *
 * @param type  accept, reject, alert or exit; accept for a bare record (the I/O log's log.json)
 * @param times the record's time objects by name, each as its instant and its compact JSON text
 */
record SudoRecord(String type, Map<String, String> strings, List<String> argv, Long exitValue,
                  Map<String, Time> times) {

    /** A time object: {@code {"seconds": S, "nanoseconds": N, ...}}, null instant when it is not one. */
    record Time(Instant instant, String text) {
    }

    private static final JsonFactory FACTORY = new JsonFactory();

    static SudoRecord read(byte[] bytes, boolean member) throws IOException {
        byte[] json = bytes;
        if (member) {
            json = new byte[bytes.length + 2];
            json[0] = '{';
            System.arraycopy(bytes, 0, json, 1, bytes.length);
            json[json.length - 1] = '}';
        }
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new JsonParseException(p, "a sudo event record is an object");
            }
            SudoRecord r;
            JsonToken t = p.nextToken();
            String first = t == JsonToken.FIELD_NAME ? p.currentName() : null;
            if (first != null && JsonRecordSplitter.CONTAINER_KEYS.contains(first)
                    && p.nextToken() == JsonToken.START_OBJECT) {
                r = body(first, p, p.nextToken());
                if (p.nextToken() != JsonToken.END_OBJECT) {
                    throw new JsonParseException(p, "more than the one record in \"" + first + "\"");
                }
            } else {
                r = body("accept", p, t);
            }
            if (p.nextToken() != null) {
                throw new JsonParseException(p, "content after the record");
            }
            return r;
        }
    }

    /** From the body's first token (a field name or its end) to its END_OBJECT. */
    private static SudoRecord body(String type, JsonParser p, JsonToken t) throws IOException {
        Map<String, String> strings = new HashMap<>();
        List<String> argv = null;
        Long exit = null;
        Map<String, Time> times = new HashMap<>(4);
        for (; t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "submit_time", "server_time", "alert_time", "exit_time", "timestamp" -> {
                    if (v == JsonToken.START_OBJECT) {
                        times.put(name, time(p));
                    } else {
                        p.skipChildren();
                    }
                }
                case "runargv" -> {
                    if (v == JsonToken.START_ARRAY) {
                        argv = new ArrayList<>();
                        for (JsonToken a = p.nextToken(); a != JsonToken.END_ARRAY; a = p.nextToken()) {
                            argv.add(a.isScalarValue() ? p.getText() : null);
                            p.skipChildren();
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                case "exit_value" -> {
                    if (v == JsonToken.VALUE_NUMBER_INT) {
                        exit = p.getLongValue();
                    } else {
                        p.skipChildren();
                    }
                }
                default -> {
                    if (v.isScalarValue() && v != JsonToken.VALUE_NULL) {
                        strings.put(name, p.getText());
                    } else {
                        p.skipChildren();
                    }
                }
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new JsonParseException(p, "a record's body is an object");
        }
        return new SudoRecord(type, strings, argv, exit, times);
    }

    /** Reads a time object, keeping its text in compact JSON (the record spreads it over lines). */
    private static Time time(JsonParser p) throws IOException {
        StringWriter w = new StringWriter(128);
        Long seconds = null;
        long nanos = 0;
        boolean valid = true;
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            g.writeStartObject();
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                g.writeFieldName(name);
                boolean integer = v == JsonToken.VALUE_NUMBER_INT
                        && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER;
                if (name.equals("seconds")) {
                    valid &= integer;
                    seconds = integer ? p.getLongValue() : null;
                } else if (name.equals("nanoseconds")) {
                    valid &= integer;
                    nanos = integer ? p.getLongValue() : 0;
                }
                g.copyCurrentStructure(p);
            }
            g.writeEndObject();
        }
        boolean ok = valid && seconds != null && nanos >= 0 && nanos <= 999_999_999L
                && Math.abs(seconds) <= 31_556_889_864_403_199L;
        return new Time(ok ? Instant.ofEpochSecond(seconds, nanos) : null, w.toString());
    }

    String get(String name) {
        return strings.get(name);
    }
}
