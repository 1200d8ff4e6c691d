package io.sealtrail.cases;

import io.sealtrail.index.EventQuery;
import io.sealtrail.verify.note.NoteSigner;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A named query with its time window, kept as a {@link JournalEntry#SAVED_SEARCH} entry of the case journal,
 * so the searches behind an investigation are part of its chain of custody. A later entry with the same name
 * replaces an earlier one in {@link #all}.
 *
 * @param from null for open
 * @param to   null for open (exclusive)
 */
public record SavedSearch(long journalSeq, String name, String query, Instant from, Instant to) {

    public SavedSearch {
        Objects.requireNonNull(name, "name");
        name = name.strip();
        query = query == null || query.isBlank() ? "*" : query.strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a saved search needs a name");
        }
    }

    /** The query and time range this search runs. */
    public EventQuery scope() {
        return new EventQuery(query, from, to);
    }

    public Map<String, String> data() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("name", name);
        d.put("query", query);
        d.put("from", from == null ? "" : from.toString());
        d.put("to", to == null ? "" : to.toString());
        return d;
    }

    public SavedSearch append(CaseJournal journal, NoteSigner auditor) throws IOException {
        return from(journal.append(auditor, JournalEntry.SAVED_SEARCH, data()));
    }

    /** The saved search an entry records, or null. */
    public static SavedSearch from(JournalEntry e) {
        if (!JournalEntry.SAVED_SEARCH.equals(e.type()) || e.data().getOrDefault("name", "").isBlank()) {
            return null;
        }
        return new SavedSearch(e.seq(), e.data().get("name"), e.data().get("query"), instant(e.data().get("from")),
                instant(e.data().get("to")));
    }

    private static Instant instant(String s) {
        try {
            return s == null || s.isEmpty() ? null : Instant.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            return null; // an unreadable bound is an open one; the journal entry itself stays as written
        }
    }

    /** The newest search of each name, in the order the names were first saved. */
    public static List<SavedSearch> all(CaseJournal journal) throws IOException {
        Map<String, SavedSearch> byName = new LinkedHashMap<>();
        for (JournalEntry e : journal.entries()) {
            SavedSearch s = from(e);
            if (s != null) {
                byName.put(s.name(), s);
            }
        }
        return new ArrayList<>(byName.values());
    }
}
