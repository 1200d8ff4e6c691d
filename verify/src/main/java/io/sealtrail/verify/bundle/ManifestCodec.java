package io.sealtrail.verify.bundle;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.sealtrail.verify.event.Rfc3339;
import io.sealtrail.verify.event.Utf8;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and writes manifest.json strictly: duplicate or unknown keys and wrong types are errors. */
public final class ManifestCodec {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final Set<String> TOP_KEYS = Set.of("format", "format_version", "origin", "bundle_id", "created",
            "producer", "time_range", "leaf_range", "heartbeat_interval_seconds", "checkpoint_interval", "keys",
            "previous", "compact_range", "final_checkpoint", "files");

    // Jackson's streaming core only: the data-binding layer costs a fifth of a second of class loading.
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ManifestCodec() {
    }

    /** Thrown when manifest.json is not a valid manifest; the message says which key and why. */
    public static final class ManifestException extends Exception {
        private static final long serialVersionUID = 1L;

        ManifestException(String message) {
            super(message);
        }

        ManifestException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static Manifest read(byte[] json) throws ManifestException {
        checkEncoding(json);
        Node root;
        try (JsonParser p = FACTORY.createParser(json)) {
            root = Node.read(p, p.nextToken());
            if (p.nextToken() != null) {
                throw new ManifestException("has content after the JSON object");
            }
        } catch (JsonParseException e) {
            throw new ManifestException("not valid JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), e);
        } catch (IOException e) {
            throw new ManifestException("cannot be read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ManifestException("is not a JSON object");
        }
        checkKeys(root, TOP_KEYS, "");
        if (!Manifest.FORMAT.equals(text(root, "format"))) {
            throw new ManifestException("format is not \"" + Manifest.FORMAT + "\"");
        }
        long version = number(root, "format_version");
        if (version != Manifest.FORMAT_VERSION) {
            throw new ManifestException("format_version " + version + " is not supported (this verifier reads "
                    + Manifest.FORMAT_VERSION + ")");
        }
        Node time = object(root, "time_range");
        checkKeys(time, Set.of("from", "to"), "time_range.");
        Node leaves = object(root, "leaf_range");
        checkKeys(leaves, Set.of("start", "end"), "leaf_range.");
        long start = number(leaves, "start");
        long end = number(leaves, "end");
        if (end <= start) {
            throw new ManifestException("leaf_range is empty or reversed: [" + start + ", " + end + ")");
        }
        List<String> keys = new ArrayList<>();
        for (Node k : array(root, "keys").elements()) {
            if (!k.isTextual()) {
                throw new ManifestException("keys must hold strings");
            }
            keys.add(k.asText());
        }
        Manifest.Previous previous = null;
        Node prev = root.get("previous");
        if (prev != null && !prev.isNull()) {
            if (!prev.isObject()) {
                throw new ManifestException("previous must be an object or null");
            }
            checkKeys(prev, Set.of("bundle_id", "tree_size", "root_hash", "last_entry_hash"), "previous.");
            previous = new Manifest.Previous(text(prev, "bundle_id"), number(prev, "tree_size"),
                    hash(prev, "root_hash"), hex(prev, "last_entry_hash"));
        }
        List<byte[]> compact = new ArrayList<>();
        for (Node h : array(root, "compact_range").elements()) {
            compact.add(decodeHash(h, "compact_range[]"));
        }
        Node fin = object(root, "final_checkpoint");
        checkKeys(fin, Set.of("tree_size", "root_hash"), "final_checkpoint.");
        Manifest.TreeHead finalCheckpoint = new Manifest.TreeHead(number(fin, "tree_size"), hash(fin, "root_hash"));
        List<Manifest.FileEntry> files = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Node f : array(root, "files").elements()) {
            if (!f.isObject()) {
                throw new ManifestException("files[] must hold objects");
            }
            checkKeys(f, Set.of("path", "size", "sha256", "first_seq", "count"), "files[].");
            String path = text(f, "path");
            if (!seen.add(path)) {
                throw new ManifestException("files lists " + path + " twice");
            }
            boolean segment = path.startsWith(Manifest.EVENTS_DIR);
            if (!segment && (f.get("first_seq") != null || f.get("count") != null)) {
                throw new ManifestException("files[] entry " + path + " is not an event segment and must not carry"
                        + " first_seq or count");
            }
            files.add(new Manifest.FileEntry(path, number(f, "size"), hex(f, "sha256"),
                    segment ? number(f, "first_seq") : -1, segment ? number(f, "count") : -1));
        }
        return new Manifest(Manifest.FORMAT_VERSION, text(root, "origin"), text(root, "bundle_id"), instant(root, "created"),
                text(root, "producer"), instant(time, "from"), instant(time, "to"), start, end,
                number(root, "heartbeat_interval_seconds"), number(root, "checkpoint_interval"), keys, previous,
                compact, finalCheckpoint, files);
    }

    public static byte[] write(Manifest m) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"));
            g.setPrettyPrinter(pp);
            Base64.Encoder b64 = Base64.getEncoder();
            g.writeStartObject();
            g.writeStringField("format", Manifest.FORMAT);
            g.writeNumberField("format_version", m.formatVersion());
            g.writeStringField("origin", m.origin());
            g.writeStringField("bundle_id", m.bundleId());
            g.writeStringField("created", m.created().toString());
            g.writeStringField("producer", m.producer());
            g.writeObjectFieldStart("time_range");
            g.writeStringField("from", m.timeFrom().toString());
            g.writeStringField("to", m.timeTo().toString());
            g.writeEndObject();
            g.writeObjectFieldStart("leaf_range");
            g.writeNumberField("start", m.start());
            g.writeNumberField("end", m.end());
            g.writeEndObject();
            g.writeNumberField("heartbeat_interval_seconds", m.heartbeatIntervalSeconds());
            g.writeNumberField("checkpoint_interval", m.checkpointInterval());
            g.writeArrayFieldStart("keys");
            for (String k : m.keys()) {
                g.writeString(k);
            }
            g.writeEndArray();
            if (m.previous() == null) {
                g.writeNullField("previous");
            } else {
                Manifest.Previous p = m.previous();
                g.writeObjectFieldStart("previous");
                g.writeStringField("bundle_id", p.bundleId());
                g.writeNumberField("tree_size", p.treeSize());
                g.writeStringField("root_hash", b64.encodeToString(p.rootHash()));
                g.writeStringField("last_entry_hash", p.lastEntryHash());
                g.writeEndObject();
            }
            g.writeArrayFieldStart("compact_range");
            for (byte[] h : m.compactRange()) {
                g.writeString(b64.encodeToString(h));
            }
            g.writeEndArray();
            g.writeObjectFieldStart("final_checkpoint");
            g.writeNumberField("tree_size", m.finalCheckpoint().treeSize());
            g.writeStringField("root_hash", b64.encodeToString(m.finalCheckpoint().rootHash()));
            g.writeEndObject();
            g.writeArrayFieldStart("files");
            for (Manifest.FileEntry f : m.files()) {
                g.writeStartObject();
                g.writeStringField("path", f.path());
                g.writeNumberField("size", f.size());
                g.writeStringField("sha256", f.sha256());
                if (f.firstSeq() >= 0) {
                    g.writeNumberField("first_seq", f.firstSeq());
                    g.writeNumberField("count", f.count());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Just enough of a JSON tree for the manifest; objects keep their key order. */
    private record Node(Object value) {
        static Node read(JsonParser p, JsonToken t) throws IOException {
            if (t == null) {
                return null;
            }
            switch (t) {
                case START_OBJECT -> {
                    java.util.LinkedHashMap<String, Node> m = new java.util.LinkedHashMap<>();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String k = p.currentName();
                        m.put(k, read(p, p.nextToken()));
                    }
                    return new Node(m);
                }
                case START_ARRAY -> {
                    List<Node> a = new ArrayList<>();
                    JsonToken x;
                    while ((x = p.nextToken()) != JsonToken.END_ARRAY) {
                        a.add(read(p, x));
                    }
                    return new Node(a);
                }
                case VALUE_STRING -> {
                    return new Node(p.getText());
                }
                case VALUE_NUMBER_INT -> {
                    return new Node(p.getBigIntegerValue());
                }
                case VALUE_NUMBER_FLOAT -> {
                    return new Node(p.getDecimalValue());
                }
                case VALUE_TRUE, VALUE_FALSE -> {
                    return new Node(t == JsonToken.VALUE_TRUE);
                }
                case VALUE_NULL -> {
                    return new Node(null);
                }
                default -> throw new IOException("unexpected " + t);
            }
        }

        boolean isObject() {
            return value instanceof java.util.Map;
        }

        boolean isArray() {
            return value instanceof List;
        }

        boolean isNull() {
            return value == null;
        }

        boolean isTextual() {
            return value instanceof String;
        }

        String asText() {
            return String.valueOf(value);
        }

        boolean isIntegralNumber() {
            return value instanceof java.math.BigInteger;
        }

        boolean canConvertToLong() {
            return isIntegralNumber() && ((java.math.BigInteger) value).bitLength() < 64;
        }

        long asLong() {
            return ((java.math.BigInteger) value).longValue();
        }

        @SuppressWarnings("unchecked")
        Node get(String key) {
            return isObject() ? ((java.util.Map<String, Node>) value).get(key) : null;
        }

        @SuppressWarnings("unchecked")
        Iterator<String> fieldNames() {
            return ((java.util.Map<String, Node>) value).keySet().iterator();
        }

        @SuppressWarnings("unchecked")
        List<Node> elements() {
            return (List<Node>) value;
        }
    }

    private static void checkKeys(Node node, Set<String> allowed, String prefix) throws ManifestException {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new ManifestException("unknown key " + prefix + k);
            }
        }
    }

    private static Node required(Node node, String key) throws ManifestException {
        Node v = node.get(key);
        if (v == null || v.isNull()) {
            throw new ManifestException("missing key " + key);
        }
        return v;
    }

    private static String text(Node node, String key) throws ManifestException {
        Node v = required(node, key);
        if (!v.isTextual() || v.asText().isEmpty()) {
            throw new ManifestException(key + " must be a non-empty string");
        }
        return v.asText();
    }

    private static long number(Node node, String key) throws ManifestException {
        Node v = required(node, key);
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
            throw new ManifestException(key + " must be a non-negative integer");
        }
        return v.asLong();
    }

    private static Node object(Node node, String key) throws ManifestException {
        Node v = required(node, key);
        if (!v.isObject()) {
            throw new ManifestException(key + " must be an object");
        }
        return v;
    }

    private static Node array(Node node, String key) throws ManifestException {
        Node v = required(node, key);
        if (!v.isArray()) {
            throw new ManifestException(key + " must be an array");
        }
        return v;
    }

    /** The one time grammar of the format, shared with event lines (docs/bundle-format.md §3). */
    private static Instant instant(Node node, String key) throws ManifestException {
        String s = text(node, key);
        Instant t = Rfc3339.parseUtc(s);
        if (t == null) {
            throw new ManifestException(key + " must be an RFC 3339 UTC time YYYY-MM-DDTHH:MM:SS[.f]Z, not \"" + s + "\"");
        }
        return t;
    }

    /**
     * RFC 8259 §8.1: JSON exchanged between systems is UTF-8 without a byte order mark. Jackson would
     * skip a BOM and detect UTF-16 or UTF-32 by itself, so "the bytes that are signed" could mean
     * different text to another reader; any NUL byte also betrays UTF-16/32, as JSON text never holds one.
     */
    private static void checkEncoding(byte[] json) throws ManifestException {
        if (json.length >= 3 && (json[0] & 0xff) == 0xef && (json[1] & 0xff) == 0xbb && (json[2] & 0xff) == 0xbf) {
            throw new ManifestException("starts with a UTF-8 byte order mark, which RFC 8259 forbids");
        }
        int bad = Utf8.firstInvalid(json, 0, json.length);
        if (bad >= 0) {
            throw new ManifestException("is not valid UTF-8 (byte " + (bad + 1) + ")");
        }
        for (int i = 0; i < json.length; i++) {
            if (json[i] == 0) {
                throw new ManifestException("holds a NUL byte at byte " + (i + 1) + " (UTF-16 or UTF-32 is not UTF-8)");
            }
        }
    }

    private static String hex(Node node, String key) throws ManifestException {
        String s = text(node, key);
        if (!HEX64.matcher(s).matches()) {
            throw new ManifestException(key + " must be 64 lowercase hex digits");
        }
        return s;
    }

    private static byte[] hash(Node node, String key) throws ManifestException {
        return decodeHash(required(node, key), key);
    }

    private static byte[] decodeHash(Node v, String key) throws ManifestException {
        byte[] h;
        try {
            h = v.isTextual() ? Base64.getDecoder().decode(v.asText()) : null;
        } catch (IllegalArgumentException e) {
            h = null;
        }
        if (h == null || h.length != 32 || !Base64.getEncoder().encodeToString(h).equals(v.asText())) {
            throw new ManifestException(key + " must be a padded standard base64 SHA-256 hash (32 bytes)");
        }
        return h;
    }
}
