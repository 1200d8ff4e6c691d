package io.sealtrail.cases;

import io.sealtrail.model.EventRef;
import io.sealtrail.verify.note.NoteSigner;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A bookmark, tags or a comment on one event, as one {@link JournalEntry#ANNOTATION} entry of the case
 * journal (docs/case-format.md). The event is named by bundle id and seq and pinned by its entry hash, so
 * the annotation cannot silently move to another event. The CLI, the workbench and the reports all read
 * and write annotations through this record.
 *
 * @param journalSeq the journal entry's position, -1 before it is written
 * @param tags       in the order given, without blanks
 * @param comment    empty for none
 */
public record Annotation(long journalSeq, Instant time, String actor, String bundleId, long seq, String entryHash,
                         boolean bookmark, List<String> tags, String comment) {
    /** The data key of a removal naming the annotation's journal seq. */
    public static final String REMOVES = "removes";

    public Annotation {
        Objects.requireNonNull(bundleId, "bundleId");
        entryHash = entryHash == null ? "" : entryHash;
        tags = tags.stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
        comment = comment == null ? "" : comment.strip();
    }

    /** A new annotation, to be written with {@link #append}. */
    public static Annotation of(String bundleId, long seq, String entryHash, boolean bookmark, List<String> tags,
                                String comment) {
        return new Annotation(-1, null, null, bundleId, seq, entryHash, bookmark, tags, comment);
    }

    /** True when it says something: a bookmark, a tag or a comment. */
    public boolean isEmpty() {
        return !bookmark && tags.isEmpty() && comment.isEmpty();
    }

    /** {@code BUNDLE_ID:SEQ}, the form the journal and the command line use. */
    public String eventRef() {
        return new EventRef(bundleId, seq).toString();
    }

    /** The journal entry's data. */
    public Map<String, String> data() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("event", eventRef());
        d.put("entry_hash", entryHash);
        if (bookmark) {
            d.put("bookmark", "true");
        }
        if (!tags.isEmpty()) {
            d.put("tags", String.join(",", tags));
        }
        if (!comment.isEmpty()) {
            d.put("comment", comment);
        }
        return d;
    }

    /** Signs and appends it to the journal; returns it as written. */
    public Annotation append(CaseJournal journal, NoteSigner auditor) throws IOException {
        if (isEmpty()) {
            throw new IllegalArgumentException("an annotation needs a bookmark, a tag or a comment");
        }
        JournalEntry e = journal.append(auditor, JournalEntry.ANNOTATION, data());
        return from(e);
    }

    /** The annotation an entry records, or null when the entry is no annotation of an event. */
    public static Annotation from(JournalEntry e) {
        if (!JournalEntry.ANNOTATION.equals(e.type())) {
            return null;
        }
        EventRef ref;
        try {
            ref = EventRef.parse(e.data().get("event"));
        } catch (NumberFormatException ex) {
            return null;
        }
        if (ref == null) {
            return null;
        }
        String tags = e.data().getOrDefault("tags", "");
        return new Annotation(e.seq(), e.time(), e.actor(), ref.bundleId(), ref.seq(), e.data().get("entry_hash"),
                "true".equals(e.data().get("bookmark")), tags.isEmpty() ? List.of() : Arrays.asList(tags.split(",")),
                e.data().get("comment"));
    }

    /** Every annotation of the journal not since removed, oldest first. */
    public static List<Annotation> all(CaseJournal journal) throws IOException {
        List<JournalEntry> entries = journal.entries();
        Set<Long> removed = removed(entries);
        List<Annotation> out = new ArrayList<>();
        for (JournalEntry e : entries) {
            Annotation a = from(e);
            if (a != null && !removed.contains(a.journalSeq())) {
                out.add(a);
            }
        }
        return out;
    }

    /**
     * Takes this annotation back: appends a signed {@link JournalEntry#ANNOTATION_REMOVED} entry naming it. Its own
     * entry stays in the journal, as every entry does; {@link #all} and the reports leave it out from then on.
     *
     * @param reason why, one line; may be empty
     * @return the removal as written
     */
    public JournalEntry remove(CaseJournal journal, NoteSigner auditor, String reason) throws IOException {
        if (journalSeq < 0) {
            throw new IllegalArgumentException("an annotation not yet in the journal cannot be removed");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.contains("\n") || why.contains("\r")) {
            throw new IllegalArgumentException("the reason for a removal is one line");
        }
        List<JournalEntry> entries = journal.entries();
        if (journalSeq >= entries.size() || !refersTo(entries.get((int) journalSeq))) {
            throw new IOException("journal entry #" + journalSeq + " is not this annotation on " + eventRef());
        }
        if (removed(entries).contains(journalSeq)) {
            throw new IOException("the annotation #" + journalSeq + " on " + eventRef() + " is already removed");
        }
        Map<String, String> d = new LinkedHashMap<>();
        d.put(REMOVES, Long.toString(journalSeq));
        d.put("event", eventRef());
        d.put("reason", why);
        return journal.append(auditor, JournalEntry.ANNOTATION_REMOVED, d);
    }

    private boolean refersTo(JournalEntry e) {
        Annotation a = from(e);
        return a != null && a.bundleId().equals(bundleId) && a.seq() == seq;
    }

    /** The journal seqs of the annotations that later entries removed. */
    public static Set<Long> removed(List<JournalEntry> entries) {
        Set<Long> out = new HashSet<>();
        for (JournalEntry e : entries) {
            if (JournalEntry.ANNOTATION_REMOVED.equals(e.type())) {
                try {
                    long n = Long.parseLong(e.data().getOrDefault(REMOVES, ""));
                    // only an annotation written before the removal can be removed by it
                    if (n >= 0 && n < e.seq() && JournalEntry.ANNOTATION.equals(entries.get((int) n).type())) {
                        out.add(n);
                    }
                } catch (NumberFormatException | IndexOutOfBoundsException ex) {
                    // not a removal of anything: journal verify shows the entry as it is
                }
            }
        }
        return out;
    }
}
