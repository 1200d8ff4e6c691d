package io.sealtrail.sources;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test samples: read a resource or a text with a format, and look at the heads of shared data files. */
public final class Samples {
    private Samples() {
    }

    public static List<SourceRecord> read(SourceFormat format, String resource) throws IOException {
        return read(format, resource, ReadContext.defaults());
    }

    public static List<SourceRecord> read(SourceFormat format, String resource, ReadContext context)
            throws IOException {
        try (InputStream in = Samples.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IOException("no test resource " + resource);
            }
            List<SourceRecord> out = new ArrayList<>();
            format.read(in, new SourceFile(resource, Instant.EPOCH), context, out::add);
            return out;
        }
    }

    public static List<SourceRecord> readText(SourceFormat format, String text) throws IOException {
        return readText(format, text, ReadContext.defaults());
    }

    public static List<SourceRecord> readText(SourceFormat format, String text, ReadContext context)
            throws IOException {
        List<SourceRecord> out = new ArrayList<>();
        format.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                new SourceFile("test.jsonl", Instant.EPOCH), context, out::add);
        return out;
    }

    public static String resourceText(String resource) {
        try (InputStream in = Samples.class.getResourceAsStream("/" + resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The head of a file as import would take it: at most {@link Head#MAX_BYTES}. */
    public static Head head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(Head.MAX_BYTES);
            boolean complete = in.read() < 0;
            return new Head(b, b.length, complete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Head headOfResource(String resource) {
        byte[] b = resourceText(resource).getBytes(StandardCharsets.UTF_8);
        byte[] h = Arrays.copyOf(b, Math.min(b.length, Head.MAX_BYTES));
        return new Head(h, h.length, b.length <= Head.MAX_BYTES);
    }

    /** The shared data folder (../shared/data from the repository), or null where it is not there. */
    public static Path sharedData() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path d = p.resolve("shared/data");
            if (Files.isDirectory(d)) {
                return d;
            }
            Path e = p.resolve("../shared/data").normalize();
            if (Files.isDirectory(e)) {
                return e;
            }
        }
        return null;
    }
}
