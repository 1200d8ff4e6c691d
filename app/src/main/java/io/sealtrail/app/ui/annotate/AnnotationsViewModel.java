package io.sealtrail.app.ui.annotate;

import io.sealtrail.app.ui.jobs.UiTasks;
import io.sealtrail.app.ui.session.CaseSession;
import io.sealtrail.cases.Annotation;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.SavedSearch;
import io.sealtrail.index.EventQuery;
import io.sealtrail.index.Hit;
import io.sealtrail.verify.note.NoteSigner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

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
        session.caseProperty().addListener((o, was, now) -> setCase(now));
        setCase(session.caseProperty().get());
    }

    /** Shows this case's annotations and saved searches (null: none open). */
    public void setCase(CaseFolder c) {
        folder = c;
        annotations.clear();
        savedSearches.clear();
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
                annotations.add(written);
                error.set("");
                message.set("Recorded in the case journal as entry #" + written.journalSeq());
            });
        }, failure -> error.set("The annotation was not recorded: " + failure.message()));
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
