package io.sealtrail.app.ui.annotate;

import io.sealtrail.app.ui.jobs.UiTasks;
import io.sealtrail.app.ui.session.CaseSession;
import io.sealtrail.cases.Annotation;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.SavedSearch;
import io.sealtrail.cases.JournalEntry;
import io.sealtrail.index.EventQuery;
import io.sealtrail.index.EventSearch;
import io.sealtrail.index.Hit;
import io.sealtrail.index.IndexException;
import io.sealtrail.verify.note.NoteSigner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The open case's annotations (bookmarks, tags, comments) and saved searches, as the signed case journal
 * records them. Writing one appends a journal entry signed with the auditor's key; nothing is ever written
 * to the evidence. Threading as in SearchViewModel: called on the FX thread, journal I/O on the background
 * executor, the lists change on the FX thread and only after the journal holds the entry.
 */
public final class AnnotationsViewModel {
    private final UiTasks.Latest lane;
    private final Callable<NoteSigner> auditor;
    private final ObservableList<Annotation> annotations = FXCollections.observableArrayList();
    private final ObservableList<SavedSearch> savedSearches = FXCollections.observableArrayList();
    private final SimpleStringProperty error = new SimpleStringProperty("");
    private final SimpleStringProperty message = new SimpleStringProperty("");
    /** {@code bundle:seq} of every bookmarked event: the table asks for each row it draws. */
    private final java.util.Set<String> bookmarked = new java.util.HashSet<>();
    /** The annotated events as the index holds them ({@code bundle:seq} → hit), for their time, user and action. */
    private final ObservableMap<String, Hit> events = FXCollections.observableHashMap();
    private Supplier<EventSearch> index = () -> null;
    private CaseFolder folder;

    /** @param auditor loads (or on first use creates) the auditor's signing key; called off the FX thread */
    public AnnotationsViewModel(Executor background, Executor fxThread, Callable<NoteSigner> auditor) {
        this.lane = new UiTasks(background, fxThread).latest();
        this.auditor = auditor;
        annotations.addListener((javafx.collections.ListChangeListener<Annotation>) c -> {
            bookmarked.clear();
            annotations.stream().filter(Annotation::bookmark).forEach(a -> bookmarked.add(a.eventRef()));
        });
    }

    /** From now on shows the annotations of whichever case {@code session} has open. */
    public void follow(CaseSession session) {
        index = session.scope()::index;
        session.caseProperty().addListener((o, was, now) -> setCase(now));
        setCase(session.caseProperty().get());
    }

    /** Shows this case's annotations and saved searches (null: none open). */
    public void setCase(CaseFolder c) {
        folder = c;
        annotations.clear();
        savedSearches.clear();
        events.clear();
        if (c == null) {
            lane.invalidate();
            return;
        }
        lane.run(ctx -> {
            List<Annotation> a = Annotation.all(c.journal());
            List<SavedSearch> s = SavedSearch.all(c.journal());
            ctx.deliver(() -> {
                annotations.setAll(a);
                savedSearches.setAll(s);
                lookUp(a);
            });
        }, failure -> error.set("The case journal cannot be read: " + failure.message()));
    }

    /** Bookmarks the event (Ctrl+B). A bookmarked event is not bookmarked twice. */
    public void bookmark(Hit h) {
        if (h != null && !isBookmarked(h)) {
            annotate(h, true, List.of(), "");
        }
    }

    /** Records tags and a comment (and a bookmark, if asked) on the event. Nothing is written when all are empty. */
    public void annotate(Hit h, boolean bookmark, List<String> tags, String comment) {
        CaseFolder c = folder;
        if (h == null || c == null) {
            return;
        }
        Annotation a = Annotation.of(h.bundleId(), h.seq(), h.entryHash(), bookmark, tags, comment);
        if (a.isEmpty()) {
            return;
        }
        // joins the case's lane: it is always written, but shown only while that case is still the open one
        lane.join(ctx -> {
            Annotation written = a.append(c.journal(), auditor.call());
            ctx.deliver(() -> {
                events.put(written.eventRef(), h);
                annotations.add(written);
                error.set("");
                message.set("Recorded in the case journal as entry #" + written.journalSeq());
            });
        }, failure -> error.set("The annotation was not recorded: " + failure.message()));
    }

    /**
     * Finds the annotated events in the case's index, for their time, user and action. Called once the annotations
     * are read, which is after the window's search has the case's index (it gets it as the case opens).
     */
    private void lookUp(List<Annotation> list) {
        EventSearch idx = index.get();
        if (idx == null || list.isEmpty()) {
            return;
        }
        List<Annotation> todo = List.copyOf(list);
        lane.join(ctx -> {
            Map<String, Hit> found = new HashMap<>();
            for (Annotation a : todo) {
                if (!found.containsKey(a.eventRef())) {
                    try {
                        found.put(a.eventRef(), idx.around(a.bundleId(), a.seq(), 0).get(0));
                    } catch (IndexException e) {
                        // an event the index no longer holds: the row shows its reference only
                    }
                }
            }
            ctx.deliver(() -> events.putAll(found));
        }, failure -> error.set("The bookmarked events cannot be read from the index: " + failure.message()));
    }

    /**
     * Takes an annotation back: a signed removal entry in the case journal (its own entry stays there); it leaves the
     * list, and reports stop citing it, once the journal holds the removal.
     *
     * @param reason why, one line; may be empty
     */
    public void remove(Annotation a, String reason) {
        CaseFolder c = folder;
        if (a == null || c == null) {
            return;
        }
        lane.join(ctx -> {
            JournalEntry written = a.remove(c.journal(), auditor.call(), reason);
            ctx.deliver(() -> {
                annotations.remove(a);
                error.set("");
                message.set("Removed the " + (a.bookmark() ? "bookmark" : "annotation") + " on " + a.eventRef()
                        + " by journal entry #" + written.seq() + "; entry #" + a.journalSeq() + " stays in the journal");
            });
        }, failure -> error.set("The annotation was not removed: " + failure.message()));
    }

    /** The annotated events the index holds, by {@code bundle:seq}; filled in once they are looked up. */
    public ObservableMap<String, Hit> events() {
        return events;
    }

    /** Saves the query and time window under a name; a later save of the same name replaces it in the list. */
    public void saveSearch(String name, EventQuery query) {
        CaseFolder c = folder;
        if (c == null || name == null || name.isBlank()) {
            return;
        }
        SavedSearch s = new SavedSearch(-1, name, query.text(), query.from(), query.to());
        lane.join(ctx -> {
            SavedSearch written = s.append(c.journal(), auditor.call());
            ctx.deliver(() -> {
                savedSearches.removeIf(x -> x.name().equals(written.name()));
                savedSearches.add(written);
                error.set("");
                message.set("Saved search \"" + written.name() + "\" as journal entry #" + written.journalSeq());
            });
        }, failure -> error.set("The search was not saved: " + failure.message()));
    }

    public boolean isBookmarked(Hit h) {
        return h != null && bookmarked.contains(h.bundleId() + ":" + h.seq());
    }

    /** The annotations of one event, oldest first. */
    public List<Annotation> of(Hit h) {
        List<Annotation> out = new ArrayList<>();
        if (h != null) {
            annotations.stream().filter(a -> refers(a, h)).forEach(out::add);
        }
        return out;
    }

    private static boolean refers(Annotation a, Hit h) {
        return a.seq() == h.seq() && a.bundleId().equals(h.bundleId());
    }


    /** Every annotation of the case, oldest first. */
    public ObservableList<Annotation> annotations() {
        return annotations;
    }

    public ObservableList<SavedSearch> savedSearches() {
        return savedSearches;
    }

    /** Why the last read or write failed; empty when it did not. */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    /** What the last write recorded. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public CaseFolder caseFolder() {
        return folder;
    }
}
