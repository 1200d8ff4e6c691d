package io.sealtrail.sources;

import io.sealtrail.model.AuditEvent;
import java.util.Objects;

/**
 * One record of a source as read: where it is, its exact bytes, and what it means. A record that could not be
 * understood still travels ({@code event == null}, {@code problem} says why), so the importer can count and
 * report it with its file and line and keep it searchable, and one bad line never loses the others.
 *
 * @param file    the file's path inside the source, with '/' separators (as the case will keep it)
 * @param line    1-based line of the record's first byte in the (decompressed) file; for records that are not
 *                lines (an element of a CloudTrail {@code Records} array) the line it starts on
 * @param raw     the record's bytes exactly as in the file (several lines joined by LF where one event spans
 *                several, as auditd's records of one event do)
 * @param event   the record in the event model; {@code seq} is -1 (the importer numbers the records) and
 *                {@code sourceFormat} is the format's name
 * @param problem why the record could not be read, or null
 * @param output  what a recorded session printed after this event's input, decoded for search
 *                ({@code session.output}), or null; the event model has no field for it, the index does
 */
public record SourceRecord(String file, long line, byte[] raw, AuditEvent event, String problem, String output) {

    public SourceRecord {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(raw, "raw");
        if ((event == null) == (problem == null)) {
            throw new IllegalArgumentException("a record has either an event or a problem");
        }
        if (output != null && event == null) {
            throw new IllegalArgumentException("only a readable record carries session output");
        }
    }

    public SourceRecord(String file, long line, byte[] raw, AuditEvent event, String problem) {
        this(file, line, raw, event, problem, null);
    }

    public static SourceRecord of(String file, long line, byte[] raw, AuditEvent event) {
        return new SourceRecord(file, line, raw, event, null, null);
    }

    public static SourceRecord malformed(String file, long line, byte[] raw, String problem) {
        return new SourceRecord(file, line, raw, null, problem, null);
    }

    /** The same record with the session output that followed it. */
    public SourceRecord withOutput(String text) {
        return new SourceRecord(file, line, raw, event, problem, text);
    }

    public boolean isMalformed() {
        return event == null;
    }
}
