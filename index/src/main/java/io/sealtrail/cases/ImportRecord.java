package io.sealtrail.cases;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.sealtrail.model.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * bundles/&lt;id&gt;/import.json: what an import produced, so {@code case verify} can prove later that
 * nothing changed. {@code bundleSha256} is the SHA-256 of the bundle as received: of the zip file, or
 * of manifest.json for a directory bundle (the signed manifest binds every other file).
 */
public record ImportRecord(String bundleId, String origin, String fileName, String bundleSha256, long bundleSize,
                           String verdict, Instant importedAt, long events, List<FileHash> files, String format) {
    /** The format of our own bundles; records written before other sources existed name none and mean it. */
    public static final String BUNDLE_FORMAT = "sealtrail";
    public static final String FILE = "import.json";
    private static final JsonFactory JSON = new JsonFactory();

    public ImportRecord {
        files = List.copyOf(files);
        format = format == null ? BUNDLE_FORMAT : format;
    }

    /** Whether this import is one of our bundles (else a source: docs/sources.md). */
    /** The verdict the import recorded, or null when the record names none this version knows. */
    public Verdict recordedVerdict() {
        if (verdict == null) {
            return null;
        }
        try {
            return Verdict.valueOf(verdict);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public boolean isBundle() {
        return BUNDLE_FORMAT.equals(format);
    }

    /** One file below the bundle's case folder, as recorded at import. */
    public record FileHash(String path, long size, String sha256) {
    }

    /** The folder holding the evidence copy (a zip file inside it, or the bundle directory). */
    public Path evidence(Path bundleDir) {
        return bundleDir.resolve("evidence").resolve(fileName);
    }

    void write(Path file) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(Files.newOutputStream(file))) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("bundle_id", bundleId);
            g.writeStringField("origin", origin);
            g.writeStringField("file_name", fileName);
            g.writeStringField("bundle_sha256", bundleSha256);
            g.writeNumberField("bundle_size", bundleSize);
            g.writeStringField("verdict", verdict);
            g.writeStringField("imported_at", importedAt.toString());
            g.writeNumberField("events", events);
            if (!isBundle()) {
                g.writeStringField("format", format); // absent for bundles: their records stay byte-identical
            }
            g.writeArrayFieldStart("files");
            for (FileHash f : files) {
                g.writeStartObject();
                g.writeStringField("path", f.path());
                g.writeNumberField("size", f.size());
                g.writeStringField("sha256", f.sha256());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    public static ImportRecord read(Path file) throws IOException {
        String bundleId = null;
        String origin = null;
        String fileName = null;
        String sha = null;
        long size = -1;
        String verdict = null;
        Instant at = null;
        long events = -1;
        String format = null;
        List<FileHash> files = new ArrayList<>();
        try (JsonParser p = JSON.createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException(file + " is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String k = p.currentName();
                p.nextToken();
                switch (k) {
                    case "bundle_id" -> bundleId = p.getText();
                    case "origin" -> origin = p.getText();
                    case "file_name" -> fileName = p.getText();
                    case "bundle_sha256" -> sha = p.getText();
                    case "bundle_size" -> size = p.getLongValue();
                    case "verdict" -> verdict = p.getText();
                    case "imported_at" -> at = Instant.parse(p.getText());
                    case "events" -> events = p.getLongValue();
                    case "format" -> format = p.getText();
                    case "files" -> {
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            String path = null;
                            long fsize = -1;
                            String fsha = null;
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String fk = p.currentName();
                                p.nextToken();
                                switch (fk) {
                                    case "path" -> path = p.getText();
                                    case "size" -> fsize = p.getLongValue();
                                    case "sha256" -> fsha = p.getText();
                                    default -> p.skipChildren();
                                }
                            }
                            files.add(new FileHash(path, fsize, fsha));
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException | java.time.format.DateTimeParseException e) {
            throw new IOException(file + " is not a valid import record: " + e.getMessage(), e);
        }
        return new ImportRecord(bundleId, origin, fileName, sha, size, verdict, at, events, files, format);
    }
}
