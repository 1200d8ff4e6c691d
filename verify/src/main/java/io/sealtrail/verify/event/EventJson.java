package io.sealtrail.verify.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.sealtrail.model.AuditEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Writes an event as one bundle line: the canonical key order of docs/bundle-format.md, absent values
 * omitted, no whitespace, terminated by LF. Verifiers never re-serialize: the written bytes are the
 * evidence.
 */
public final class EventJson {
    private final JsonFactory factory = new JsonFactory();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);

    /** Serializes {@code e}; the returned array is fresh and ends with '\n'. */
    public byte[] line(AuditEvent e) {
        return line(e, Map.of());
    }

    /**
     * As {@link #line(AuditEvent)}, with {@code labels} last (docs/bundle-format.md: producer extensions, string
     * values), in the map's order; an empty map writes no {@code labels}.
     */
    public byte[] line(AuditEvent e, Map<String, String> labels) {
        buffer.reset();
        try (JsonGenerator g = factory.createGenerator(buffer)) {
            g.writeStartObject();
            g.writeNumberField("seq", e.seq());
            g.writeStringField("time", e.timeText() != null ? e.timeText() : e.time().toString());
            g.writeStringField("prev", e.prev());
            g.writeObjectFieldStart("event");
            g.writeStringField("action", e.action());
            g.writeStringField("outcome", e.outcome().wireName());
            optional(g, "reason", e.reason());
            g.writeEndObject();
            if (e.user() != null) {
                g.writeObjectFieldStart("user");
                optional(g, "name", e.user().name());
                optional(g, "id", e.user().id());
                if (!e.user().roles().isEmpty()) {
                    g.writeArrayFieldStart("roles");
                    for (String r : e.user().roles()) {
                        g.writeString(r);
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            if (e.auth() != null) {
                g.writeObjectFieldStart("auth");
                optional(g, "method", e.auth().method());
                if (e.auth().mfa() != null) {
                    g.writeBooleanField("mfa", e.auth().mfa());
                }
                g.writeEndObject();
            }
            if (e.source() != null) {
                g.writeObjectFieldStart("source");
                optional(g, "ip", e.source().ip());
                if (e.source().port() != null) {
                    g.writeNumberField("port", e.source().port());
                }
                optional(g, "user_agent", e.source().userAgent());
                g.writeEndObject();
            }
            if (e.target() != null) {
                g.writeObjectFieldStart("target");
                if (e.target().kind() != null) {
                    g.writeStringField("kind", e.target().kind().wireName());
                }
                optional(g, "name", e.target().name());
                optional(g, "account", e.target().account());
                optional(g, "namespace", e.target().namespace());
                g.writeEndObject();
            }
            if (e.sessionId() != null) {
                g.writeObjectFieldStart("session");
                g.writeStringField("id", e.sessionId());
                g.writeEndObject();
            }
            optional(g, "command", e.command());
            optional(g, "query", e.query());
            if (!labels.isEmpty()) {
                g.writeObjectFieldStart("labels");
                for (Map.Entry<String, String> l : labels.entrySet()) {
                    g.writeStringField(l.getKey(), l.getValue());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        buffer.write('\n');
        return buffer.toByteArray();
    }

    private static void optional(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }
}
