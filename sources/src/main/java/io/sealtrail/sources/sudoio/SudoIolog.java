package io.sealtrail.sources.sudoio;

import io.sealtrail.sources.TypedTranscript;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealtrail.sources.RecordSink;
import io.sealtrail.sources.Transcript;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * sudo's I/O logs (sudoers' iolog(5), sudo 1.8 and 1.9): a directory per session holding {@code log} or
 * {@code log.json}, {@code timing}, and the stream files the timing lines point into. Unlike the other formats
 * it is a directory, not a file, so it is a kind of {@link io.sealtrail.sources.SourcePlan}, not a
 * {@link io.sealtrail.sources.SourceFormat}. The mapping is in docs/sources.md ("sudo I/O logs").
 */
public final class SudoIolog {
    public static final String NAME = "sudo-iolog";
    /** The line {@code sealtrail formats} prints for it. */
    public static final String DESCRIPTION = "sudo I/O log folders (log or log.json, timing, ttyin/ttyout…, gzip or"
            + " not): what was typed and what came back; no integrity evidence";
    /** sudo's sequence file at the top of /var/log/sudo-io, which is no session's. */
    private static final String SEQ = "seq";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SudoIolog() {
    }

    /** Whether the directory is one session's I/O log: a timing file and a log or log.json beside it. */
    public static boolean isLogDirectory(Path dir) {
        return Files.isRegularFile(dir.resolve("timing"))
                && (Files.isRegularFile(dir.resolve("log")) || Files.isRegularFile(dir.resolve("log.json")));
    }

    /**
     * The I/O log directories of a source, as '/'-separated paths inside it ("" for the source itself), in name
     * order; empty when the source holds a file that belongs to none of them (it is then some other source).
     */
    public static List<String> logDirectories(Path source) throws IOException {
        if (isLogDirectory(source)) {
            return List.of("");
        }
        List<Path> dirs;
        try (Stream<Path> walk = Files.walk(source)) {
            dirs = walk.filter(Files::isDirectory).filter(SudoIolog::isLogDirectory).sorted().toList();
        }
        if (dirs.isEmpty()) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String rel = source.relativize(f).toString().replace('\\', '/');
                boolean hidden = rel.startsWith(".") || rel.contains("/.");
                if (!hidden && !rel.equals(SEQ) && dirs.stream().noneMatch(d -> f.getParent().equals(d))) {
                    return List.of();
                }
            }
        }
        return dirs.stream().map(d -> source.relativize(d).toString().replace('\\', '/')).toList();
    }

    /** The files of one I/O log directory that its records are named by: its header and its timing file. */
    public static List<String> recordFiles(Path source, String dir) {
        Path d = dir.isEmpty() ? source : source.resolve(dir);
        String prefix = dir.isEmpty() ? "" : dir + "/";
        return List.of(prefix + (Files.isRegularFile(d.resolve("log.json")) ? "log.json" : "log"), prefix + "timing");
    }

    /**
     * Reads one I/O log directory of a source and passes each record on, a malformed one too.
     *
     * @param dir the directory's path inside the source ("" for the source itself)
     */
    public static void read(Path source, String dir, RecordSink sink) throws IOException {
        Path d = dir.isEmpty() ? source : source.resolve(dir);
        // the chosen folder's name leads, so that two hosts' /var/log/sudo-io trees (00/00/01 each) do not meet
        String sessionId = dir.isEmpty() ? source.getFileName().toString() : source.getFileName() + "/" + dir;
        new IologReader(d, dir.isEmpty() ? "" : dir + "/", sessionId, sink).read();
    }

    /** One timing record of a session as the index returns it: its event time and its raw bytes. */
    public record Stretch(Instant time, byte[] raw) {
    }

    /**
     * A session's transcript, rebuilt from its timing records (each raw {@code {"timing":…,"io":[[type, base64]…]}})
     * in file order: a record's first timing line is at the record's time, each later line its delay after.
     *
     * @throws IOException when a record is not one this reader wrote
     */
    public static Transcript transcript(String sessionId, Instant start, List<Stretch> records) throws IOException {
        TypedTranscript t = new TypedTranscript();
        for (Stretch r : records) {
            JsonNode n = JSON.readTree(r.raw());
            if (n == null || !n.path("io").isArray() || !n.path("timing").isTextual()) {
                throw new IOException("a record of the session is not a stretch of the I/O log");
            }
            java.util.Iterator<JsonNode> io = n.get("io").iterator();
            Instant at = r.time();
            boolean first = true;
            for (String line : n.get("timing").asText().split("\n")) {
                Timing timing;
                try {
                    timing = Timing.parse(line);
                } catch (IllegalArgumentException e) {
                    throw new IOException("a timing line of the session cannot be read: " + e.getMessage(), e);
                }
                at = first ? at : at.plusNanos(timing.delayNanos());
                first = false;
                if (timing.isIo()) {
                    if (!io.hasNext()) {
                        throw new IOException("a record of the session has fewer stream chunks than timing lines");
                    }
                    JsonNode e = io.next();
                    t.add(at, Timing.isInput(e.get(0).asInt()), e.get(1).binaryValue());
                }
            }
        }
        return t.transcript(sessionId, start);
    }
}
