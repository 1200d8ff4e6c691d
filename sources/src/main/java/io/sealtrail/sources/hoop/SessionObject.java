package io.sealtrail.sources.hoop;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One hoop.dev object (a session or an audit log entry) read from its exact bytes: every top-level member but
 * {@code event_stream} as a tree, where each member lies in the bytes, and the event stream as decoded chunks
 * that keep their own place. Reading the stream token by token keeps the tree small and lets each chunk's event
 * carry its tuple exactly as written.
 */
public final class SessionObject {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    /** One {@code [elapsed_seconds, type, base64]} tuple, decoded. */
    public record Chunk(BigDecimal elapsedSeconds, char type, byte[] bytes, int from, int to, int line) {
        public boolean isInput() {
            return type == 'i';
        }
    }

    /** Where a top-level member ({@code "name": value}) lies in the object's bytes, and its 0-based line. */
    record Member(int from, int to, int line) {
    }

    private final byte[] raw;
    private final ObjectNode fields;
    private final Map<String, Member> members;
    private final List<Chunk> chunks;

    private SessionObject(byte[] raw, ObjectNode fields, Map<String, Member> members, List<Chunk> chunks) {
        this.raw = raw;
        this.fields = fields;
        this.members = members;
        this.chunks = chunks;
    }

    /**
     * Reads one object.
     *
     * @throws MalformedException when the bytes are not one JSON object, or the event stream is not a list of
     *                            well-formed tuples
     */
    public static SessionObject parse(byte[] raw) throws MalformedException {
        ObjectNode fields = JSON.createObjectNode();
        Map<String, Member> members = new HashMap<>();
        List<Chunk> chunks = new ArrayList<>();
        try (JsonParser p = FACTORY.createParser(raw)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedException("not a JSON object");
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                int from = (int) p.currentTokenLocation().getByteOffset();
                int line = p.currentTokenLocation().getLineNr() - 1;
                if (fields.has(name)) {
                    throw new MalformedException("the member \"" + name + "\" appears twice");
                }
                JsonToken v = p.nextToken();
                if (name.equals("event_stream") && v == JsonToken.START_ARRAY) {
                    readStream(p, chunks);
                    fields.putArray(name);
                } else {
                    fields.set(name, JSON.readTree(p));
                }
                members.put(name, new Member(from, (int) p.currentLocation().getByteOffset(), line));
            }
            if (t != JsonToken.END_OBJECT) {
                throw new MalformedException("not a JSON object");
            }
            if (p.nextToken() != null) {
                throw new MalformedException("more after the object");
            }
        } catch (JsonProcessingException e) {
            throw new MalformedException("not JSON: " + e.getOriginalMessage() + " (line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + " of the object)");
        } catch (IOException e) {
            throw new MalformedException("cannot be read: " + e.getMessage());
        }
        return new SessionObject(raw, fields, Map.copyOf(members), List.copyOf(chunks));
    }

    private static void readStream(JsonParser p, List<Chunk> out) throws IOException, MalformedException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_STRING) {
            flattened(p, out);
            return;
        }
        for (; t == JsonToken.START_ARRAY; t = p.nextToken()) {
            int from = (int) p.currentTokenLocation().getByteOffset();
            int line = p.currentTokenLocation().getLineNr() - 1;
            int index = out.size();
            JsonToken e = p.nextToken();
            if (e != JsonToken.VALUE_NUMBER_FLOAT && e != JsonToken.VALUE_NUMBER_INT) {
                throw new MalformedException("event_stream[" + index + "]: the elapsed time is not a number");
            }
            BigDecimal elapsed = p.getDecimalValue();
            if (elapsed.signum() < 0) {
                throw new MalformedException("event_stream[" + index + "]: negative elapsed time " + elapsed);
            }
            if (p.nextToken() != JsonToken.VALUE_STRING || p.getTextLength() != 1) {
                throw new MalformedException("event_stream[" + index + "]: the type is not one letter");
            }
            char type = p.getTextCharacters()[p.getTextOffset()];
            if (type != 'i' && type != 'o' && type != 'e') {
                throw new MalformedException("event_stream[" + index + "]: unknown type \"" + type
                        + "\" (i input, o output, e error)");
            }
            if (p.nextToken() != JsonToken.VALUE_STRING) {
                throw new MalformedException("event_stream[" + index + "]: the content is not a base64 string");
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(p.getText());
            } catch (IllegalArgumentException bad) {
                throw new MalformedException("event_stream[" + index + "]: the content is not base64 ("
                        + bad.getMessage() + ")");
            }
            if (p.nextToken() != JsonToken.END_ARRAY) {
                throw new MalformedException("event_stream[" + index + "]: more than three items");
            }
            out.add(new Chunk(elapsed, type, bytes, from, (int) p.currentLocation().getByteOffset(), line));
        }
        if (t != JsonToken.END_ARRAY) {
            throw new MalformedException("event_stream[" + out.size() + "] is not a [time, type, content] list");
        }
    }

    /**
     * A stream the API flattened ({@code GET /api/sessions/{id}?event_stream=utf8} or {@code =base64}): one string
     * of all output and errors, without times or input. It is one output chunk at the start; base64 is told
     * from text by its alphabet and padding, and by decoding to UTF-8.
     */
    private static void flattened(JsonParser p, List<Chunk> out) throws IOException, MalformedException {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        int from = (int) p.currentTokenLocation().getByteOffset();
        int line = p.currentTokenLocation().getLineNr() - 1;
        for (JsonToken t = p.currentToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.VALUE_STRING) {
                throw new MalformedException("event_stream mixes strings and [time, type, content] lists");
            }
            byte[] b = SessionText.base64Text(p.getText());
            all.write(b, 0, b.length);
        }
        out.add(new Chunk(BigDecimal.ZERO, 'o', all.toByteArray(), from, (int) p.currentLocation().getByteOffset(),
                line));
    }

    /** The object's bytes as given. */
    public byte[] raw() {
        return raw;
    }

    /** The object's members, the event stream as an empty list. */
    public ObjectNode fields() {
        return fields;
    }

    /** The decoded event stream, in its order. */
    public List<Chunk> chunks() {
        return chunks;
    }

    public boolean has(String member) {
        return members.containsKey(member);
    }

    /** The bytes of these members ({@code "name": value}) as written, joined by LF, in the object's order. */
    byte[] members(String... names) {
        List<Member> found = new ArrayList<>();
        for (String n : names) {
            Member m = members.get(n);
            if (m != null) {
                found.add(m);
            }
        }
        found.sort((a, b) -> Integer.compare(a.from(), b.from()));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Member m : found) {
            if (out.size() > 0) {
                out.write('\n');
            }
            out.write(raw, m.from(), m.to() - m.from());
        }
        return out.toByteArray();
    }

    /** The 0-based line, within the object, where the first of these members starts, or 0. */
    int lineOf(String... names) {
        int line = Integer.MAX_VALUE;
        for (String n : names) {
            Member m = members.get(n);
            if (m != null) {
                line = Math.min(line, m.line());
            }
        }
        return line == Integer.MAX_VALUE ? 0 : line;
    }

    byte[] bytes(Chunk c) {
        return Arrays.copyOfRange(raw, c.from(), c.to());
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    /** Why an object could not be read. */
    public static final class MalformedException extends Exception {
        public MalformedException(String message) {
            super(message);
        }
    }
}
