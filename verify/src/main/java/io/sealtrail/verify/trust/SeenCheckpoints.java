package io.sealtrail.verify.trust;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.sealtrail.verify.io.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The checkpoints this auditor has verified, per log: what Go's checksum-database client keeps for
 * modules, kept here for audit logs, so that a log that shows one history to one export and another to
 * the next is caught ({@code LOG_FORKED}). A JSON Lines file {@code seen-checkpoints.jsonl} beside the
 * trust store, one tree head per line; written atomically. Only checkpoints signed by a key the auditor
 * trusts for the log, and whose root the bundle's own events reproduced, are remembered: a bundle signed
 * by a stranger must not be able to plant a history that makes the genuine log look forked.
 */
public final class SeenCheckpoints {
    public static final String FILE_NAME = "seen-checkpoints.jsonl";
    private static final JsonFactory JSON = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final Path file;

    public SeenCheckpoints(Path file) {
        this.file = file;
    }

    /** The store of the current user, beside their trusted keys. */
    public static SeenCheckpoints forUser(Map<String, String> env) {
        return new SeenCheckpoints(TrustStore.configDir(env).resolve(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    /** Every remembered checkpoint, in the order they were first seen. */
    public List<SeenCheckpoint> all() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<SeenCheckpoint> out = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            if (!line.isBlank()) {
                out.add(parse(line, n));
            }
        }
        return out;
    }

    /**
     * Adds tree heads not remembered yet (the same origin, size and root is remembered once, with the first
     * time it was seen). @return how many were new
     */
    public int remember(List<SeenCheckpoint> heads) throws IOException {
        List<SeenCheckpoint> all = new ArrayList<>(all());
        int added = 0;
        for (SeenCheckpoint h : heads) {
            if (all.stream().noneMatch(h::sameHead)) {
                all.add(h);
                added++;
            }
        }
        if (added > 0) {
            write(all);
        }
        return added;
    }

    /** Forgets everything remembered of one log. @return how many tree heads were forgotten */
    public int forget(String origin) throws IOException {
        List<SeenCheckpoint> all = all();
        List<SeenCheckpoint> kept = all.stream().filter(c -> !c.origin().equals(origin)).toList();
        if (kept.size() != all.size()) {
            write(kept);
        }
        return all.size() - kept.size();
    }

    private void write(List<SeenCheckpoint> heads) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (SeenCheckpoint h : heads) {
            try (JsonGenerator g = JSON.createGenerator(bytes)) {
                g.writeStartObject();
                g.writeStringField("origin", h.origin());
                g.writeNumberField("tree_size", h.size());
                g.writeStringField("root_hash", h.rootHash());
                g.writeStringField("signed_by", h.signer());
                g.writeStringField("seen_at", h.seenAt().toString());
                g.writeStringField("source", h.source());
                g.writeEndObject();
            }
            bytes.write('\n');
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.write(file, AtomicFiles.Existing.REPLACE, bytes.toByteArray());
    }

    private SeenCheckpoint parse(String line, int n) throws IOException {
        Map<String, String> fields = new HashMap<>();
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw bad(n, "not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (!t.isScalarValue()) {
                    throw bad(n, name + " is not a plain value");
                }
                fields.put(name, p.getText());
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw bad(n, e.getOriginalMessage());
        }
        try {
            return new SeenCheckpoint(required(fields, "origin", n), Long.parseLong(required(fields, "tree_size", n)),
                    required(fields, "root_hash", n), fields.get("signed_by"),
                    Instant.parse(required(fields, "seen_at", n)), fields.get("source"));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw bad(n, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw bad(n, e.getMessage());
        }
    }

    private String required(Map<String, String> fields, String name, int n) throws IOException {
        String v = fields.get(name);
        if (v == null || v.isEmpty()) {
            throw bad(n, name + " is missing");
        }
        return v;
    }

    private IOException bad(int line, String why) {
        return new IOException(file + ", line " + line + ": not a remembered checkpoint (" + why + ")");
    }
}
