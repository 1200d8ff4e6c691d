package io.sealtrail.index;

import io.sealtrail.model.AuditEvent;
import java.time.Instant;
import java.util.List;

/**
 * Sees every event as an import indexes it, with the very values its local document is built from, so that another
 * engine can be filled in the same pass (docs/opensearch.md) instead of reading the index back and parsing every line
 * again. Called on the indexing threads, one batch at a time, several batches at once and in no particular order; a
 * slow tap slows the import (that is its back-pressure). A tap that throws fails the import.
 */
@FunctionalInterface
public interface IndexTap {
    /** No tap: the import indexes locally only. */
    IndexTap NONE = events -> { };

    /**
     * One event as indexed.
     *
     * @param at        bundle (or source) id, file, line and leaf
     * @param event     the parsed event, or null for a line that did not parse
     * @param seq       the seq the index holds (the leaf for an unreadable line)
     * @param time      the time the index holds, or null
     * @param action    for an unparsed line, the action that could be read, else null
     * @param raw       the line as the line store keeps it (cut when longer than it keeps)
     * @param entryHash the full entry hash, 64 hex digits
     * @param format    the source format an unparsed line is kept under
     * @param output    what a recorded session printed after this event, or null
     */
    record Event(IndexSchema.LinePosition at, AuditEvent event, long seq, Instant time, String action, String raw,
                 String entryHash, Integrity integrity, String format, String output) {
    }

    /** The events of one batch, in read order. */
    void batch(List<Event> events);

    /** Whether this tap wants the events at all (building them costs a string per line). */
    default boolean active() {
        return this != NONE;
    }
}
