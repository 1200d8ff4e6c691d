package io.sealtrail.sources.auditd;

import io.sealtrail.model.AuditEvent;
import io.sealtrail.sources.Head;
import io.sealtrail.sources.LineReader;
import io.sealtrail.sources.ReadContext;
import io.sealtrail.sources.RecordSink;
import io.sealtrail.sources.SourceFile;
import io.sealtrail.sources.SourceFormat;
import io.sealtrail.sources.SourceRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Linux audit.log, raw or ENRICHED: the records of one event (one {@code msg=audit(T:ID)}) become one event.
 * Records of an event are usually adjacent but may interleave with another's; an event is complete at its EOE
 * record, when {@link #WINDOW} records of other events have followed its last one, at {@link #MAX_RECORDS}
 * records, or at the end of the file. Events leave in the order of their first line, so memory stays bounded by
 * the window, never by the file. Mapping: docs/sources.md.
 */
public final class AuditdFormat implements SourceFormat {
    public static final String NAME = "auditd";
    /** Records of other events after which an event without EOE is taken as complete. */
    static final int WINDOW = 64;
    static final int MAX_RECORDS = 512;
    private static final int HEAD_LINES = 20;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Linux auditd audit.log (raw or ENRICHED records, grouped into events by their audit id); "
                + "carries no integrity evidence";
    }

    /** The first line and at least 9 in 10 of the first 20 are audit records. */
    @Override
    public boolean recognizes(Head head) {
        return head.mostlyLines(HEAD_LINES, l -> {
            byte[] b = l.getBytes(StandardCharsets.UTF_8);
            return parse(b, b.length) != null;
        });
    }

    private static AuditRecord parse(byte[] b, int len) {
        try {
            return AuditRecord.parse(b, len);
        } catch (RuntimeException e) {
            return null; // a value that breaks decoding makes the line unreadable, not the file
        }
    }

    @Override
    public void read(InputStream in, SourceFile file, ReadContext context, RecordSink sink) throws IOException {
        new Reading(file.name(), sink).run(new LineReader(in));
    }

    /** One file's reading: the events still open and the queue that keeps file order. */
    private static final class Reading {
        private final String file;
        private final RecordSink sink;
        private final ArrayDeque<Object> queue = new ArrayDeque<>();
        private final Map<String, Group> open = new HashMap<>();
        private long index;

        Reading(String file, RecordSink sink) {
            this.file = file;
            this.sink = sink;
        }

        void run(LineReader lines) throws IOException {
            while (lines.next()) {
                if (lines.blank()) {
                    continue;
                }
                index++;
                if (lines.cut()) {
                    queue.add(SourceRecord.malformed(file, lines.number(), lines.bytes(),
                            "line longer than " + LineReader.MAX_LINE + " bytes"));
                } else {
                    AuditRecord r = parse(lines.buffer(), lines.length());
                    if (r == null) {
                        queue.add(SourceRecord.malformed(file, lines.number(), lines.bytes(),
                                "not an audit record (type=... msg=audit(seconds.millis:serial): ...)"));
                    } else {
                        add(r, lines);
                    }
                }
                drain(false);
            }
            drain(true);
        }

        private void add(AuditRecord r, LineReader lines) {
            String id = r.id();
            Group g = open.get(id);
            if (g == null) {
                g = new Group(lines.number());
                open.put(id, g);
                queue.add(g);
            }
            g.add(r, lines);
            g.last = index;
            if (r.type().equals("EOE") || g.records.size() >= MAX_RECORDS) {
                g.closed = true;
                open.remove(id);
            }
        }

        private void drain(boolean end) throws IOException {
            while (!queue.isEmpty()) {
                Object head = queue.peek();
                if (head instanceof Group g) {
                    if (!g.closed && !end && index - g.last <= WINDOW) {
                        return;
                    }
                    queue.poll();
                    if (!g.closed) {
                        open.remove(g.records.get(0).id());
                    }
                    sink.accept(g.toRecord(file));
                } else {
                    sink.accept((SourceRecord) queue.poll());
                }
            }
        }
    }

    private static final class Group {
        final long line;
        final List<AuditRecord> records = new ArrayList<>(4);
        final ByteArrayOutputStream raw = new ByteArrayOutputStream(512);
        long last;
        boolean closed;

        Group(long line) {
            this.line = line;
        }

        void add(AuditRecord r, LineReader lines) {
            if (raw.size() > 0) {
                raw.write('\n');
            }
            raw.write(lines.buffer(), 0, lines.length());
            records.add(r);
        }

        SourceRecord toRecord(String file) {
            try {
                AuditEvent e = AuditEventMapper.map(records, NAME);
                return SourceRecord.of(file, line, raw.toByteArray(), e);
            } catch (RuntimeException e) {
                return SourceRecord.malformed(file, line, raw.toByteArray(), "audit record not understood: " + e);
            }
        }
    }
}
