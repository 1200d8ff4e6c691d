package io.sealtrail.sources.asciicast;

import io.sealtrail.model.AuditEvent;
import io.sealtrail.model.AuditEvent.Outcome;
import io.sealtrail.sources.RecordSink;
import io.sealtrail.sources.SourceRecord;
import io.sealtrail.sources.TerminalText;
import io.sealtrail.sources.TypedStretch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * One recording read line by line into events: {@code session.start} (the header and what was printed before
 * anything was typed), one {@code command} per line typed with what came back after it, {@code terminal.output}
 * stretches where nothing was typed (a recording without input, or past the size an event keeps), and
 * {@code session.end} for a version 3 exit. Every line is in exactly one record's raw bytes, in file order.
 */
final class CastReader {
    /** Output kept searchable per event (as hoop.dev's); past it, a new stretch starts. */
    private static final int MAX_OUTPUT = TerminalText.MAX_OUTPUT_BYTES;
    /** Raw bytes per event before a new stretch starts, so that one record never holds a whole long recording. */
    private static final int MAX_RAW = 512 * 1024;

    private final String file;
    private final RecordSink sink;
    private CastHeader header;
    private CastClock clock;
    private String sessionId;
    private Pending pending;
    /** The header line that could not be read, and why; the lines after it are counted, not read. */
    private byte[] badHeader;
    private long badHeaderLine;
    private String badHeaderWhy;
    private long skipped;

    CastReader(String file, RecordSink sink) {
        this.file = file;
        this.sink = sink;
    }

    void line(long no, byte[] bytes, boolean cut) throws IOException {
        if (badHeader != null) {
            skipped++;
            return;
        }
        if (header == null) {
            try {
                header = CastHeader.parse(bytes);
            } catch (IOException e) {
                badHeader = bytes;
                badHeaderLine = no;
                badHeaderWhy = e.getMessage();
                return;
            }
            clock = new CastClock(header);
            sessionId = file + "@" + header.start();
            pending = new Pending("session.start", header.start(), no);
            pending.raw(bytes);
            return;
        }
        if (cut) {
            sink.accept(SourceRecord.malformed(file, no, bytes, "a line over 1 MiB"));
            return;
        }
        CastEvent e;
        Instant t;
        try {
            e = CastEvent.parse(bytes);
            t = clock.at(e);
        } catch (IOException ex) {
            sink.accept(SourceRecord.malformed(file, no, bytes, ex.getMessage()));
            return;
        }
        switch (e.code()) {
            case 'i' -> {
                if (pending == null || !pending.typing()) {
                    flush();
                    pending = new Pending("command", t, no);
                }
                pending.keys(e.data().getBytes(StandardCharsets.UTF_8));
            }
            case 'o' -> {
                if (pending != null && pending.typing()) {
                    break; // the terminal echoing the keys of a line being typed: kept in the raw bytes only
                }
                if (pending == null || pending.full()) {
                    flush();
                    pending = new Pending("terminal.output", t, no);
                }
                pending.output(e.data().getBytes(StandardCharsets.UTF_8));
            }
            case 'x' -> {
                flush();
                pending = null;
                sink.accept(SourceRecord.of(file, no, bytes, event("session.end", t, exitOutcome(e.data()),
                        "exit status " + e.data().strip(), null)));
                return;
            }
            default -> { // a marker or a resize: kept with the stretch it falls in (docs/sources.md)
                if (pending == null) {
                    pending = new Pending("terminal.output", t, no);
                }
            }
        }
        pending.raw(bytes);
    }

    void finish() throws IOException {
        if (badHeader != null) {
            sink.accept(SourceRecord.malformed(file, badHeaderLine, badHeader, "not an asciicast recording: " + badHeaderWhy
                    + (skipped > 0 ? "; its " + skipped + " event line" + (skipped == 1 ? " is" : "s are") + " not read" : "")));
            return;
        }
        flush();
    }

    private void flush() throws IOException {
        if (pending == null) {
            return;
        }
        Pending p = pending;
        pending = null;
        String reason = p.action().equals("session.start") ? startReason() : null;
        AuditEvent ev = event(p.action(), p.time(), p.action().equals("command") ? null : Outcome.SUCCESS, reason,
                p.command());
        sink.accept(new SourceRecord(file, p.firstLine(), p.raw.toByteArray(), ev, null, p.searchableOutput()));
    }

    private String startReason() {
        StringBuilder b = new StringBuilder("asciicast v" + header.version() + " terminal recording");
        if (header.title() != null) {
            b.append(", title \"").append(header.title()).append('"');
        }
        if (header.command() != null) {
            b.append(", command \"").append(header.command()).append('"');
        }
        return b.toString();
    }

    private AuditEvent event(String action, Instant t, Outcome outcome, String reason, String command) {
        AuditEvent.Actor user = header.user() == null ? null : new AuditEvent.Actor(header.user(), null, List.of());
        AuditEvent.Target target = header.host() == null ? null
                : new AuditEvent.Target(AuditEvent.TargetKind.HOST, header.host(), null, null);
        return new AuditEvent(-1, t, t.toString(), null, action, outcome, reason, user, null, null, target, sessionId,
                command, null, AsciicastFormat.NAME);
    }

    private static Outcome exitOutcome(String status) {
        return status.strip().equals("0") ? Outcome.SUCCESS : Outcome.FAILURE;
    }

    /** The event being read: its lines, the keys typed, the output after them. */
    private static final class Pending extends TypedStretch {
        final ByteArrayOutputStream raw = new ByteArrayOutputStream();

        Pending(String action, Instant time, long firstLine) {
            super(action, time, firstLine);
        }

        void raw(byte[] line) {
            if (raw.size() > 0) {
                raw.write('\n');
            }
            raw.writeBytes(line);
        }

        boolean full() {
            return outputBytes() > MAX_OUTPUT || raw.size() > MAX_RAW;
        }
    }
}
