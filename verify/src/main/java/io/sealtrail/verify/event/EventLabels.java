package io.sealtrail.verify.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code labels} of an event line (docs/bundle-format.md §4), which {@link EventLineParser} checks but does not
 * keep: the event model has no place for producer extensions. A sealed source's lines carry the exact record and
 * what a recorded session printed there (docs/decisions/0018-seal.md); whoever needs them reads them here, after the
 * parser has judged the line. Lines without labels, the generator's, cost one byte search.
 */
public final class EventLabels {
    /** The exact record of the source, when it is UTF-8 text (a JSON object, a log line). */
    public static final String RECORD = "record";
    /** The exact record in base64, when it is not valid UTF-8. */
    public static final String RECORD_BASE64 = "record.base64";
    /** The record's identity in its source, by which a later export's copy is known as already sealed. */
    public static final String RECORD_ID = "record.id";
    /** The format the record was read as ({@code sealtrail formats}). */
    public static final String RECORD_FORMAT = "record.format";
    /** The file the record was read from, inside the source, and its 1-based line. */
    public static final String RECORD_FILE = "record.file";
    public static final String RECORD_LINE = "record.line";
    /** The time exactly as the source wrote it, when {@code time} had to be written otherwise. */
    public static final String RECORD_TIME = "record.time";
    /** {@value #NO_OUTCOME} when the source gave the event no outcome (the format requires one). */
    public static final String OUTCOME = "record.outcome";
    public static final String NO_OUTCOME = "none";
    /** What a recorded session printed after this event's input, decoded for search. */
    public static final String SESSION_OUTPUT = "session.output";

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final byte[] KEY = "\"labels\"".getBytes(StandardCharsets.US_ASCII);

    private EventLabels() {
    }

    /** The labels with string values, in line order; empty when the line has none or is not readable JSON. */
    public static Map<String, String> of(byte[] buf, int off, int len) {
        if (!contains(buf, off, len)) {
            return Map.of();
        }
        Map<String, String> labels = new LinkedHashMap<>();
        try (JsonParser p = FACTORY.createParser(buf, off, len)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Map.of();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (!"labels".equals(name) || v != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    if (p.nextToken() == JsonToken.VALUE_STRING) {
                        labels.putIfAbsent(key, p.getText()); // the first occurrence, as the parser reads them
                    } else {
                        p.skipChildren();
                    }
                }
                return labels;
            }
        } catch (IOException notJson) {
            return Map.of();
        }
        return labels;
    }

    /**
     * The event as its source recorded it: without the outcome the format made the line carry when the labels say
     * the source gave none ({@value #OUTCOME} = {@value #NO_OUTCOME}).
     */
    public static io.sealtrail.model.AuditEvent asRecorded(io.sealtrail.model.AuditEvent e, Map<String, String> labels) {
        if (e == null || !NO_OUTCOME.equals(labels.get(OUTCOME))) {
            return e;
        }
        return new io.sealtrail.model.AuditEvent(e.seq(), e.time(), e.timeText(), e.prev(), e.action(), null,
                e.reason(), e.user(), e.auth(), e.source(), e.target(), e.sessionId(), e.command(), e.query(),
                e.sourceFormat());
    }

    private static boolean contains(byte[] buf, int off, int len) {
        outer:
        for (int i = off, end = off + len - KEY.length; i <= end; i++) {
            for (int k = 0; k < KEY.length; k++) {
                if (buf[i + k] != KEY[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
