package io.sealtrail.app.ui.transcript;

import io.sealtrail.app.ui.jobs.UiTasks;
import io.sealtrail.index.EventSearch;
import io.sealtrail.index.Hit;
import io.sealtrail.index.SessionDetail;
import io.sealtrail.sources.Transcript;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One session opened from an event: its facts (who, where, when, the review decisions, how it ended) and its
 * transcript, with a find that walks the entries whose text has the words. Loaded off the FX thread from the
 * case's index; a recorded session's transcript is read again from its evidence record.
 */
public final class SessionViewModel {
    /** A pause longer than this plays as this long: an idle terminal is not worth waiting for. */
    public static final Duration LONGEST_PAUSE = Duration.ofSeconds(2);
    private final UiTasks.Latest lane;
    private final ObjectProperty<SessionDetail> detail = new SimpleObjectProperty<>();
    private final ObservableList<Transcript.Entry> entries = FXCollections.observableArrayList();
    /** What the window shows: every entry, or during playback those played so far. */
    private final ObservableList<Transcript.Entry> shown = FXCollections.observableArrayList();
    /** When each entry appears in playback, pauses cut to {@link #LONGEST_PAUSE}. */
    private final List<Duration> playAt = new ArrayList<>();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty find = new SimpleStringProperty("");
    private final List<Integer> matches = new ArrayList<>();
    private final IntegerProperty matchCount = new SimpleIntegerProperty();
    /** The entry the find is on, or -1. */
    private final IntegerProperty found = new SimpleIntegerProperty(-1);
    private final ObjectProperty<ZoneId> zone = new SimpleObjectProperty<>(ZoneId.of("UTC"));

    public SessionViewModel(UiTasks tasks) {
        this.lane = tasks.latest();
        find.addListener((o, was, now) -> refind());
    }

    /** Loads the session with this id from the index; a newer load makes this one's result stale. */
    public void load(EventSearch search, String sessionId) {
        loading.set(true);
        error.set("");
        lane.submit(ctx -> SessionDetail.load(search, sessionId), d -> {
            loading.set(false);
            detail.set(d);
            entries.setAll(d.transcript() == null ? List.of() : d.transcript().entries());
            timePlayback();
            shown.setAll(entries);
            refind();
        }, why -> {
            loading.set(false);
            error.set("The session cannot be opened: " + why);
        });
    }

    /** The facts above the transcript, as name and value rows; empty until loaded. */
    public List<String[]> facts() {
        SessionDetail d = detail.get();
        if (d == null) {
            return List.of();
        }
        Hit start = d.first("session.start");
        Hit any = start != null ? start : d.events().get(0);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"User", nz(any.userName())});
        rows.add(new String[] {"Target", SessionDetail.where(any)});
        rows.add(new String[] {"When", time(d.from()) + " to " + time(d.to())});
        Hit end = d.first("session.end");
        if (end != null) {
            rows.add(new String[] {"Ended", nz(end.outcome())});
        }
        for (Hit h : d.decisions()) {
            rows.add(new String[] {"Review", time(h.time()) + "  " + h.action() + " by " + nz(h.userName())});
        }
        rows.add(new String[] {"Transcript", d.recorded()
                ? d.recording().describe()
                + (d.transcript() != null && d.transcript().truncated() ? " (the gateway cut the recording short)" : "")
                : "no recording: the commands and queries its " + d.events().size() + " events record"});
        if (d.capped()) {
            rows.add(new String[] {"", "only the first " + String.format(Locale.ROOT, "%,d", SessionDetail.MAX_EVENTS)
                    + " events of the session are shown"});
        }
        return rows;
    }

    /** An entry's time: its offset from the start of the recording, and its clock time in the window's zone. */
    public String when(Transcript.Entry e) {
        SessionDetail d = detail.get();
        if (d == null || d.transcript() == null) {
            return "";
        }
        java.time.Duration off = d.transcript().elapsed(e);
        return String.format(Locale.ROOT, "+%d.%03d s", off.toSeconds(), off.toMillisPart()) + "  "
                + DateTimeFormatter.ofPattern("HH:mm:ss.SSS XXX").withZone(zone.get()).format(e.time());
    }

    /** The transcript as plain text, for the clipboard. */
    public String plainText() {
        SessionDetail d = detail.get();
        return d == null || d.transcript() == null ? "" : d.transcript().plainText();
    }

    private void timePlayback() {
        playAt.clear();
        Duration at = Duration.ZERO;
        java.time.Instant last = null;
        for (Transcript.Entry e : entries) {
            if (last != null) {
                Duration gap = Duration.between(last, e.time());
                at = at.plus(gap.isNegative() ? Duration.ZERO : gap.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : gap);
            }
            playAt.add(at);
            last = e.time();
        }
    }

    /** Shows every entry (the end of a playback, or "instant"). */
    public void showAll() {
        if (shown.size() != entries.size()) {
            shown.setAll(entries);
        }
    }

    /**
     * Playback: shows the entries that appear within {@code played} of playing time (pauses cut to
     * {@link #LONGEST_PAUSE}); the caller advances it by wall time times the speed.
     *
     * @return whether every entry is shown, so the playback is over
     */
    public boolean reveal(Duration played) {
        int n = 0;
        while (n < playAt.size() && playAt.get(n).compareTo(played) <= 0) {
            n++;
        }
        if (n < shown.size()) {
            shown.setAll(entries.subList(0, n));
        } else if (n > shown.size()) {
            shown.addAll(entries.subList(shown.size(), n));
        }
        return n == entries.size();
    }

    /**
     * The session's event a transcript entry belongs to: the last event with a command or query, or the start,
     * at or before it (what was typed is such an event at the same instant; what came back follows it).
     */
    public Hit eventAt(Transcript.Entry e) {
        SessionDetail d = detail.get();
        if (d == null) {
            return null;
        }
        Hit best = null;
        for (Hit h : d.events()) {
            boolean typedOrStart = h.command() != null || h.query() != null || "session.start".equals(h.action());
            if (typedOrStart && h.time() != null && !h.time().isAfter(e.time())) {
                best = h;
            }
        }
        return best != null ? best : d.events().get(0);
    }

    /** The comment a bookmark of this moment carries: where in the transcript, and its first words. */
    public String moment(Transcript.Entry e) {
        String text = e.text().strip().replace('\n', ' ');
        return "transcript of session " + detail.get().sessionId() + " at " + when(e).split("  ")[0] + ": "
                + (e.kind() == Transcript.Kind.INPUT ? "$ " : "") + (text.length() > 120 ? text.substring(0, 119) + "…" : text);
    }

    /** Moves the find to the next entry with the words, wrapping round. */
    public void findNext() {
        step(1);
    }

    public void findPrevious() {
        step(-1);
    }

    private void step(int by) {
        if (matches.isEmpty()) {
            return;
        }
        int at = matches.indexOf(found.get());
        found.set(matches.get(Math.floorMod(at < 0 ? (by > 0 ? 0 : -1) : at + by, matches.size())));
    }

    private void refind() {
        showAll(); // the find walks the whole transcript
        matches.clear();
        String words = find.get() == null ? "" : find.get().strip().toLowerCase(Locale.ROOT);
        if (!words.isEmpty()) {
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).text().toLowerCase(Locale.ROOT).contains(words)) {
                    matches.add(i);
                }
            }
        }
        matchCount.set(matches.size());
        found.set(matches.isEmpty() ? -1 : matches.get(0));
    }

    /** Whether the entry at this index has the words the find looks for. */
    public boolean matches(int index) {
        return matches.contains(index);
    }

    private String time(java.time.Instant t) {
        return t == null ? "—" : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS XXX").withZone(zone.get()).format(t);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    public ObservableList<Transcript.Entry> entries() {
        return entries;
    }

    public ObservableList<Transcript.Entry> shown() {
        return shown;
    }

    public ReadOnlyObjectProperty<SessionDetail> detailProperty() {
        return detail;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public StringProperty findProperty() {
        return find;
    }

    public ReadOnlyIntegerProperty matchCountProperty() {
        return matchCount;
    }

    public ReadOnlyIntegerProperty foundProperty() {
        return found;
    }

    public ObjectProperty<ZoneId> zoneProperty() {
        return zone;
    }
}
