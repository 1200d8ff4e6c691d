package io.sealtrail.cases;

import java.time.Instant;
import java.util.Map;

/**
 * One line of a case journal. {@code data} holds the entry's own fields as text (for an import: the
 * bundle id, its SHA-256 and the verdict; for an annotation: the event, tags and comment).
 *
 * @param seq   position in the journal, from 0
 * @param prev  hex entry hash of the previous line (64 zeros for the first)
 * @param actor the verifier key of the auditor who wrote it
 */
public record JournalEntry(long seq, Instant time, String prev, String type, String actor, Map<String, String> data) {

    public JournalEntry {
        data = Map.copyOf(data);
    }

    public static final String CASE_CREATED = "case.created";
    public static final String IMPORT = "import";
    public static final String ANNOTATION = "annotation";
    /**
     * An annotation taken back (data: {@code removes}, the annotation's journal seq; {@code event}; {@code reason},
     * may be empty). The annotation's own entry stays in the journal; lists and reports stop showing it.
     */
    public static final String ANNOTATION_REMOVED = "annotation.removed";
    public static final String SAVED_SEARCH = "search.saved";
    public static final String REPORT = "report";
    /** The holder passes the case to another auditor's key (data: to, reason, signed_checkpoint). */
    public static final String HANDOVER = "handover";
}
