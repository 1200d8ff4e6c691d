package io.sealtrail.sources.sudoio;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealtrail.model.AuditEvent;
import io.sealtrail.model.AuditEvent.Outcome;
import io.sealtrail.sources.Gzip;
import io.sealtrail.sources.LineReader;
import io.sealtrail.sources.RecordSink;
import io.sealtrail.sources.SourceRecord;
import io.sealtrail.sources.TerminalText;
import io.sealtrail.sources.TypedStretch;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads one I/O log directory: the header as {@code session.start}, then the timing file line by line, taking
 * each line's bytes from its stream file, grouped as asciicast's are (docs/sources.md, "sudo I/O logs").
 */
final class IologReader {
    static final String[] STREAMS = {"stdin", "stdout", "stderr", "ttyin", "ttyout"};
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_RAW = 512 * 1024;

    private final Path dir;
    private final String prefix;
    private final String sessionId;
    private final RecordSink sink;
    private final InputStream[] streams = new InputStream[STREAMS.length];
    private IologHeader header;
    private Instant clock;
    private Pending pending;

    /**
     * @param prefix    the directory's path inside the source with a trailing '/', or "" when it is the source
     * @param sessionId the directory's path as the session's id
     */
    IologReader(Path dir, String prefix, String sessionId, RecordSink sink) {
        this.dir = dir;
        this.prefix = prefix;
        this.sessionId = sessionId;
        this.sink = sink;
    }

    void read() throws IOException {
        try {
            boolean json = Files.isRegularFile(dir.resolve("log.json"));
            String headerName = json ? "log.json" : "log";
            byte[] bytes = Files.readAllBytes(dir.resolve(headerName));
            try {
                header = json ? IologHeader.json(bytes) : IologHeader.legacy(bytes);
            } catch (IOException e) {
                sink.accept(SourceRecord.malformed(prefix + headerName, 1, bytes, e.getMessage()
                        + "; the session has no start time, so its timing file is not read"));
                return;
            }
            clock = header.start();
            sink.accept(SourceRecord.of(prefix + headerName, 1, bytes, event("session.start", clock, Outcome.SUCCESS,
                    header.describe(), null)));
            try (InputStream timing = open(dir.resolve("timing"))) {
                LineReader lines = new LineReader(timing);
                while (lines.next()) {
                    if (!lines.blank()) {
                        line(lines.number(), lines.bytes());
                    }
                }
            }
            flush();
        } finally {
            for (InputStream s : streams) {
                if (s != null) {
                    s.close();
                }
            }
        }
    }

    /** A file as sudo wrote it: gzip when compress_io was on (every member read), else as it is. */
    static InputStream open(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        try {
            return Gzip.isGzip(file) ? new GZIPInputStream(raw, 1 << 16) : new BufferedInputStream(raw, 1 << 16);
        } catch (IOException e) {
            raw.close();
            throw unreadable(file, e);
        }
    }

    private void line(long no, byte[] bytes) throws IOException {
        Timing t;
        try {
            t = Timing.parse(new String(bytes, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            sink.accept(SourceRecord.malformed(prefix + "timing", no, bytes, e.getMessage()));
            return;
        }
        byte[] data = null;
        if (t.isIo()) {
            data = take(t);
            if (data.length < t.count()) {
                sink.accept(SourceRecord.malformed(prefix + "timing", no, bytes, STREAMS[t.type()] + " holds "
                        + data.length + " of the " + t.count() + " bytes this line takes from it: the file is cut short"
                        + " or missing"));
                return; // its delay is not added: the transcript, rebuilt from the readable lines, agrees
            }
        }
        clock = clock.plusNanos(t.delayNanos());
        if (t.isInput()) {
            if (pending == null || !pending.typing()) {
                flush();
                pending = new Pending("command", clock, no);
            }
            pending.keys(data);
        } else if (t.isIo()) {
            if (pending == null || (!pending.typing() && pending.full())) {
                flush();
                pending = new Pending("terminal.output", clock, no);
            }
            if (!pending.typing()) {
                pending.output(data); // while a line is typed, output is its echo: kept in raw only
            }
        } else if (pending == null) { // a window size change or suspend travels with the stretch it falls in
            pending = new Pending("terminal.output", clock, no);
        }
        pending.add(bytes, t.isIo() ? t.type() : -1, data);
    }

    private byte[] take(Timing t) throws IOException {
        if (streams[t.type()] == null) {
            Path f = dir.resolve(STREAMS[t.type()]);
            if (!Files.isRegularFile(f)) {
                return new byte[0];
            }
            streams[t.type()] = open(f);
        }
        try {
            return streams[t.type()].readNBytes((int) Math.min(t.count(), Integer.MAX_VALUE));
        } catch (IOException e) {
            throw unreadable(dir.resolve(STREAMS[t.type()]), e);
        }
    }

    /**
     * A stream file that cannot be read, named: GZIPInputStream says a header cut short with a bare EOFException,
     * which would reach the person as no message at all (found by fuzzing).
     */
    private static IOException unreadable(Path file, IOException e) {
        String why = e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage()
                : e instanceof java.io.EOFException ? "it ends too soon (a gzip file cut short)"
                : e.getClass().getSimpleName();
        return new IOException(file.getFileName() + " cannot be read: " + why, e);
    }

    private void flush() throws IOException {
        if (pending == null) {
            return;
        }
        Pending p = pending;
        pending = null;
        AuditEvent ev = event(p.action(), p.time(), p.action().equals("command") ? null : Outcome.SUCCESS, null,
                p.command());
        sink.accept(new SourceRecord(prefix + "timing", p.firstLine(), p.raw(), ev, null, p.searchableOutput()));
    }

    private AuditEvent event(String action, Instant t, Outcome outcome, String reason, String command) {
        AuditEvent.Actor user = header.user() == null ? null : new AuditEvent.Actor(header.user(), null, List.of());
        AuditEvent.Target target = header.host() == null && header.runAs() == null ? null
                : new AuditEvent.Target(AuditEvent.TargetKind.HOST, header.host(), header.runAs(), null);
        return new AuditEvent(-1, t, t.toString(), null, action, outcome, reason, user, null, null, target, sessionId,
                command, null, SudoIolog.NAME);
    }

    /** The stretch being read: its timing lines, and the stream bytes they took, in order. */
    private static final class Pending extends TypedStretch {
        final ByteArrayOutputStream timing = new ByteArrayOutputStream();
        final List<Object[]> io = new ArrayList<>();
        long ioBytes;

        Pending(String action, Instant time, long firstLine) {
            super(action, time, firstLine);
        }

        void add(byte[] line, int type, byte[] data) {
            if (timing.size() > 0) {
                timing.write('\n');
            }
            timing.writeBytes(line);
            if (data != null) {
                io.add(new Object[] {type, data});
                ioBytes += data.length;
            }
        }

        boolean full() {
            return outputBytes() > TerminalText.MAX_OUTPUT_BYTES || ioBytes > MAX_RAW;
        }

        /** {"timing": the exact timing lines, "io": [[event type, the stream bytes base64], …]} */
        byte[] raw() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
                g.writeStartObject();
                g.writeStringField("timing", timing.toString(StandardCharsets.UTF_8));
                g.writeArrayFieldStart("io");
                for (Object[] e : io) {
                    g.writeStartArray();
                    g.writeNumber((Integer) e[0]);
                    g.writeBinary((byte[]) e[1]);
                    g.writeEndArray();
                }
                g.writeEndArray();
                g.writeEndObject();
            } catch (IOException cannotHappenInMemory) {
                throw new UncheckedIOException(cannotHappenInMemory);
            }
            return out.toByteArray();
        }
    }
}
