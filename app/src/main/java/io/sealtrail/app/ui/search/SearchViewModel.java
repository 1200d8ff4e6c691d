package io.sealtrail.app.ui.search;

import io.sealtrail.app.ui.jobs.UiTasks;
import io.sealtrail.app.ui.session.QueryScope;
import io.sealtrail.app.ui.session.QueryView;
import io.sealtrail.index.Bucket;
import io.sealtrail.index.Cursor;
import io.sealtrail.index.EventQuery;
import io.sealtrail.index.EventSearch;
import io.sealtrail.index.EventStanding;
import io.sealtrail.index.FacetValue;
import io.sealtrail.index.Hit;
import io.sealtrail.index.IndexException;
import io.sealtrail.index.Page;
import io.sealtrail.index.SortOrder;
import io.sealtrail.model.EventRef;
import io.sealtrail.model.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Search view's state: query text, filter chips, time range, the loaded pages of hits, counts,
 * facets, histogram and the selected event. The only search UI class that calls the index.
 *
 * <p>Threading as in WorkbenchViewModel (docs/decisions/0005-workbench-mvvm.md): public methods are
 * called on the FX thread and every property changes on it; index calls run on the injected background
 * executor through a latest-only lane ({@link UiTasks#latest()}): a result a newer request made stale is
 * dropped. Index errors (a syntax error, a broken index) become {@link #errorProperty()}, never "0 results".
 *
 * <p>Every search is a {@link QueryView} (query, chips, time filter, selection), drill-downs included: the rows,
 * the facets and the histogram always answer the same {@link EventQuery}, and {@link #back()}/{@link #forward()}
 * walk the views shown (docs/decisions/0020-views-and-drill-downs.md).
 */
public final class SearchViewModel implements QueryScope {
    /** Hits fetched per page; the table asks for the next one as the user scrolls near the end. */
    public static final int PAGE_SIZE = 500;
    public static final int FACET_TOP = 8;
    public static final int AROUND_WINDOW = 10;
    /** The facet fields of the sidebar, in display order. */
    public static final List<String> FACET_FIELDS = List.of("event.outcome", "event.action", "user.name",
            "target.kind", "target.name", "integrity");
    private static final List<Duration> INTERVALS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(3), Duration.ofHours(6),
            Duration.ofHours(12), Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30));
    private static final int MAX_BUCKETS = 150;

    private final UiTasks.Latest lane;

    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<String> chips = FXCollections.observableArrayList();
    private final ObjectProperty<Instant> from = new SimpleObjectProperty<>();
    private final ObjectProperty<Instant> to = new SimpleObjectProperty<>();
    private final ObservableList<Hit> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Hit> selected = new SimpleObjectProperty<>();
    private final LongProperty matching = new SimpleLongProperty(-1);
    private final LongProperty allEvents = new SimpleLongProperty(-1);
    private final SimpleStringProperty error = new SimpleStringProperty("");
    private final SimpleBooleanProperty busy = new SimpleBooleanProperty();
    /** What the view is when a drill-down made it ("around b-1:12"); empty for a typed query. */
    private final SimpleStringProperty context = new SimpleStringProperty("");
    private final ViewHistory history = new ViewHistory();
    private final SimpleBooleanProperty canBack = new SimpleBooleanProperty();
    private final javafx.beans.property.SimpleIntegerProperty standings = new javafx.beans.property.SimpleIntegerProperty();
    private Function<String, Verdict> liveVerdicts = id -> null;
    private final SimpleBooleanProperty canForward = new SimpleBooleanProperty();
    private final ObservableList<Bucket> buckets = FXCollections.observableArrayList();
    private final SimpleObjectProperty<Duration> interval = new SimpleObjectProperty<>(Duration.ofHours(1));
    private final Map<String, ObservableList<FacetValue>> facets = new LinkedHashMap<>();
    private final StringBinding status;
    /** The zone times are shown in; UTC unless the auditor chooses another (ui.zones). Queries are always UTC. */
    private final ObjectProperty<ZoneId> zone = new SimpleObjectProperty<>(ZoneOffset.UTC);
    private final BooleanProperty newestFirst = new SimpleBooleanProperty();
    /** The order the index returns the matches in; newest first is time descending. */
    private final ObjectProperty<SortOrder> sortOrder = new SimpleObjectProperty<>(SortOrder.TIME);

    private EventSearch index;
    /** Where the next page starts, null when everything matching is loaded. */
    private Cursor next;
    private boolean loadingMore;
    /** The event to select when the rows of the running search arrive (a drill-down's, or Back's), or null. */
    private EventRef wanted;

    public SearchViewModel(Executor background, Executor fxThread) {
        this.lane = new UiTasks(background, fxThread).latest();
        FACET_FIELDS.forEach(f -> facets.put(f, FXCollections.observableArrayList()));
        status = Bindings.createStringBinding(this::describe, matching, allEvents, error, busy, context,
                Bindings.size(rows));
        selected.addListener((o, was, now) -> history.select(now == null ? null : new EventRef(now.bundleId(), now.seq())));
    }

    // --- inputs ---

    /** Searches this index from now on (null: nothing open), and runs the current query on it. */
    public void setIndex(EventSearch index) {
        this.index = index;
        allEvents.set(-1);
        history.clear();
        search();
    }

    public EventSearch index() {
        return index;
    }

    /**
     * What an auditor may say of the event, in the words the CLI and the PDF use: its integrity with its export's
     * verdict as the window's live verification gives it (the keys trusted now), else as its import recorded it.
     */
    public EventStanding standing(Hit h) {
        Verdict live = liveVerdicts.apply(h.bundleId());
        if (live != null) {
            return EventStanding.of(h.integrity(), live);
        }
        EventSearch ix = index;
        return ix != null ? ix.standing(h) : EventStanding.of(h.integrity(), null);
    }

    /** Where the live verdicts of the case's bundles come from (the verification view), by bundle id; null: none. */
    public void setLiveVerdicts(Function<String, Verdict> verdicts) {
        liveVerdicts = verdicts;
        standings.set(standings.get() + 1);
    }

    /** Says that the live verdicts changed (a verification ended, a key was trusted): standings are shown anew. */
    public void standingsChanged() {
        standings.set(standings.get() + 1);
    }

    /** Changes whenever the events' standings may read differently. */
    public ReadOnlyIntegerProperty standingsProperty() {
        return standings;
    }

    /** The query as the index gets it: the typed text and every chip, all required. */
    public String effectiveQuery() {
        return view().effectiveQuery();
    }

    /** The view as it stands: the typed query, the chips, the time filter, and what a drill-down called it. */
    public QueryView view() {
        Hit h = selected.get();
        return new QueryView(query.get(), chips, from.get(), to.get(), h == null ? null : new EventRef(h.bundleId(), h.seq()),
                context.get());
    }

    /** Adds {@code field:"value"} (or {@code NOT field:"value"}) as a chip and searches again. */
    public void addFilter(String field, String value, boolean exclude) {
        String clause = (exclude ? "NOT " : "") + clause(field, value);
        if (!chips.contains(clause)) {
            chips.add(clause);
        }
        search();
    }

    /** {@code field:"value"}, the value quoted as the query language wants it. */
    public static String clause(String field, String value) {
        return field + ":\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    public void removeChip(String chip) {
        if (chips.remove(chip)) {
            search();
        }
    }

    /** Moves a chip into the typed query, to be changed there; it runs when the person runs the query. */
    public void editChip(String chip) {
        if (chips.remove(chip)) {
            String q = query.get() == null ? "" : query.get().strip();
            query.set(q.isEmpty() || q.equals("*") ? chip : "(" + q + ") AND " + chip);
        }
    }

    /** Turns a chip from "must match" into "must not match", or back, and searches again. */
    public void invertChip(String chip) {
        int i = chips.indexOf(chip);
        if (i >= 0) {
            String inverted = chip.startsWith("NOT ") ? chip.substring(4) : "NOT " + (chip.contains(" ") && !chip.startsWith("(")
                    ? "(" + chip + ")" : chip);
            chips.set(i, inverted);
            search();
        }
    }

    /** Narrows the time range to one histogram bucket and searches again. */
    public void narrowTo(Bucket b) {
        from.set(b.start());
        to.set(b.start().plus(interval.get()));
        search();
    }

    /** Runs a query with this time window from scratch: no chips (a saved search is one query). */
    public void run(EventQuery q) {
        chips.clear();
        query.set(q.text().equals("*") ? "" : q.text());
        from.set(q.from());
        to.set(q.to());
        search();
    }

    /** Narrows to {@code [newFrom, newTo)} (either may be null for open) and searches again. */
    public void narrowTo(Instant newFrom, Instant newTo) {
        if (newFrom != null && newTo != null && !newFrom.isBefore(newTo)) {
            error.set("The time filter's start must be before its end");
            return;
        }
        from.set(newFrom);
        to.set(newTo);
        search();
    }

    public void clearTimeRange() {
        from.set(null);
        to.set(null);
        search();
    }

    // --- running ---

    /** Runs the current query (text, chips, time range) from the first page; a new query is a step in the history. */
    public void search() {
        QueryView now = view();
        if (!now.sameQuery(history.current())) {
            context.set(""); // a query the person changed is no longer the drill-down's
            now = view();
        }
        history.visit(now.selecting(null));
        runView();
    }

    /** Shows a view (a drill-down: its chips, time filter, label and selected event) as a new step in the history. */
    @Override
    public void show(QueryView v) {
        apply(v);
        history.visit(v);
        runView();
    }

    /** Shows the view before this one, as it was left (its selection too). */
    public void back() {
        QueryView v = history.back();
        if (v != null) {
            apply(v);
            runView();
        }
    }

    /** Shows the view after this one, after {@link #back()}. */
    public void forward() {
        QueryView v = history.forward();
        if (v != null) {
            apply(v);
            runView();
        }
    }

    private void apply(QueryView v) {
        query.set(v.text());
        chips.setAll(v.chips());
        from.set(v.from());
        to.set(v.to());
        context.set(v.label());
        wanted = v.selected();
    }

    private void runView() {
        canBack.set(history.canBack());
        canForward.set(history.canForward());
        next = null;
        loadingMore = false;
        EventRef want = wanted;
        wanted = null;
        EventSearch ix = index;
        if (ix == null) {
            lane.invalidate();
            clear();
            return;
        }
        EventQuery q = current();
        boolean needAll = allEvents.get() < 0;
        SortOrder order = sortOrder.get();
        busy.set(true);
        lane.run(ctx -> {
            // the rows first: they are what the person waits for; facets and the histogram follow
            Page page = ix.search(q, PAGE_SIZE, null, order);
            long all = needAll ? ix.count(EventQuery.all()) : -1;
            ctx.deliver(() -> {
                error.set("");
                if (all >= 0) {
                    allEvents.set(all);
                }
                matching.set(page.total());
                rows.setAll(page.hits());
                next = page.next();
                Hit was = want == null ? selected.get() : rows.stream()
                        .filter(h -> h.bundleId().equals(want.bundleId()) && h.seq() == want.seq()).findFirst().orElse(null);
                // keep the selected event if it still matches, else show the first match in the detail
                selected.set(rows.isEmpty() ? null : was != null && rows.contains(was) ? was : rows.get(0));
                busy.set(false);
            });
            Map<String, List<FacetValue>> fv = new LinkedHashMap<>();
            for (String field : FACET_FIELDS) {
                fv.put(field, ix.facets(q, field, FACET_TOP));
            }
            Duration step = chooseInterval(ix, q);
            List<Bucket> hist = ix.histogram(q, step);
            ctx.deliver(() -> {
                fv.forEach((k, v) -> facets.get(k).setAll(v));
                interval.set(step);
                buckets.setAll(hist);
            });
        }, this::fail);
    }

    /** Fetches the page after the loaded rows, if any and not already on its way; appends it. */
    public void loadMore() {
        Cursor after = next;
        EventSearch ix = index;
        if (after == null || loadingMore || ix == null) {
            return;
        }
        loadingMore = true;
        EventQuery q = current();
        lane.join(ctx -> {
            Page page = ix.search(q, PAGE_SIZE, after, after.order());
            ctx.deliver(() -> {
                if (next == after) { // never append the same page twice
                    rows.addAll(page.hits());
                    next = page.next();
                }
                loadingMore = false;
            });
        }, failure -> {
            loadingMore = false;
            fail(failure);
        });
    }

    /** Shows the selected event with {@value #AROUND_WINDOW} events before and after it, in event order. */
    public void showAround() {
        Hit h = selected.get();
        if (h != null) {
            showAround(h.bundleId(), h.seq());
        }
    }

    /**
     * Shows the event {@code bundleId:seq} with the events around it, selected (a bookmark, a finding): a view of
     * every event from the {@value #AROUND_WINDOW}th before it to the {@value #AROUND_WINDOW}th after, in event order,
     * whatever the query was; the chip says which, and Back returns to the query.
     */
    @Override
    public void showAround(String bundleId, long seq) {
        EventSearch ix = index;
        if (ix == null) {
            return;
        }
        busy.set(true);
        lane.run(ctx -> {
            List<Hit> hits = ix.around(bundleId, seq, AROUND_WINDOW);
            ctx.deliver(() -> {
                busy.set(false);
                show(QueryView.drill("around " + bundleId + ":" + seq, List.of(aroundClause(hits)), null, null)
                        .selecting(new EventRef(bundleId, seq)));
            });
        }, this::fail);
    }

    /**
     * The clause that matches the events {@link EventSearch#around} returned: the time span from the first to the
     * last (an event at the same instant as either end matches too: the index cannot tell them apart by time). Events
     * without a readable time sort last; around one of them, its bundle's seqs are the span.
     */
    static String aroundClause(List<Hit> hits) {
        Hit anchor = hits.stream().filter(Hit::anchor).findFirst().orElse(hits.get(0));
        if (anchor.time() == null) {
            List<Long> seqs = hits.stream().filter(h -> h.time() == null && h.bundleId().equals(anchor.bundleId()))
                    .map(Hit::seq).sorted().toList();
            return "(" + clause("bundle.id", anchor.bundleId()) + " AND seq:[" + seqs.get(0) + " TO "
                    + seqs.get(seqs.size() - 1) + "])";
        }
        List<Instant> times = hits.stream().map(Hit::time).filter(java.util.Objects::nonNull).sorted().toList();
        return "time:[" + times.get(0) + " TO " + times.get(times.size() - 1) + "]";
    }

    /** Selects the row {@code delta} away from the selected one (J/K), loading more when near the end. */
    public void move(int delta) {
        if (rows.isEmpty()) {
            return;
        }
        int i = selected.get() == null ? -1 : rows.indexOf(selected.get());
        int j = Math.max(0, Math.min(rows.size() - 1, i < 0 ? 0 : i + delta));
        selected.set(rows.get(j));
        if (j >= rows.size() - 50) {
            loadMore();
        }
    }

    private void fail(UiTasks.Failure failure) {
        error.set(failure.bug() ? "The search failed: " + failure.message() : failure.message());
        rows.clear();
        next = null;
        matching.set(-1);
        buckets.clear();
        facets.values().forEach(List::clear);
        selected.set(null);
        busy.set(false);
    }

    private void clear() {
        rows.clear();
        buckets.clear();
        facets.values().forEach(List::clear);
        matching.set(-1);
        error.set("");
        selected.set(null);
        busy.set(false);
    }


    /** About {@value #MAX_BUCKETS} buckets or fewer over the range (the given one, or where the matches are). */
    private static Duration chooseInterval(EventSearch ix, EventQuery q) throws IndexException {
        Instant start = q.from();
        Instant end = q.to();
        if (start == null || end == null) {
            Duration probe = Duration.ofDays(1);
            List<Bucket> coarse = ix.histogram(q, probe);
            // a few minutes of events (a drill-down: the events around one, a session) would be one bar a day wide
            for (Duration finer : List.of(Duration.ofHours(1), Duration.ofMinutes(1))) {
                if (coarse.size() > 2) {
                    break;
                }
                probe = finer;
                coarse = ix.histogram(q, probe);
            }
            if (coarse.isEmpty()) {
                return Duration.ofHours(1);
            }
            start = start != null ? start : coarse.get(0).start();
            end = end != null ? end : coarse.get(coarse.size() - 1).start().plus(probe);
        }
        Duration span = Duration.between(start, end);
        for (Duration d : INTERVALS) {
            if (span.toMillis() / Math.max(1, d.toMillis()) <= MAX_BUCKETS) {
                return d;
            }
        }
        return INTERVALS.get(INTERVALS.size() - 1);
    }

    private String describe() {
        if (!error.get().isEmpty()) {
            return "Search failed"; // the error itself is under the query bar: saying it twice reads as two problems
        }
        if (matching.get() < 0) {
            return busy.get() ? "Searching…" : index == null ? "Open a case to search its events (File › Open case…)" : "";
        }
        String of = allEvents.get() < 0 ? "" : " of " + String.format("%,d", allEvents.get()) + " events";
        return String.format("%,d", matching.get()) + " matching" + of
                + (rows.size() < matching.get() ? String.format(" · %,d loaded", rows.size()) : "")
                + (context.get().isEmpty() ? "" : " · " + context.get());
    }

    // --- properties ---

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<String> chips() {
        return chips;
    }

    /** Newest events first instead of oldest first (time descending); setting it runs the search again. */
    public void setNewestFirst(boolean b) {
        sortBy(SortOrder.time(b));
    }

    /**
     * Has the index return the matches in {@code order} (ties in event order) and searches again from the first
     * page: the table shows the first rows of every match so ordered, not its loaded rows reordered.
     */
    public void sortBy(SortOrder order) {
        if (!sortOrder.get().equals(order)) {
            sortOrder.set(order);
            newestFirst.set(order.equals(SortOrder.NEWEST_FIRST));
            search();
        }
    }

    public ReadOnlyObjectProperty<SortOrder> sortOrderProperty() {
        return sortOrder;
    }

    public ReadOnlyBooleanProperty newestFirstProperty() {
        return newestFirst;
    }

    public ObjectProperty<ZoneId> zoneProperty() {
        return zone;
    }


    public ObjectProperty<Instant> fromProperty() {
        return from;
    }

    public ObjectProperty<Instant> toProperty() {
        return to;
    }

    /** The loaded hits, in event order; grows page by page through {@link #loadMore()}. */
    public ObservableList<Hit> rows() {
        return rows;
    }

    public ObjectProperty<Hit> selectedProperty() {
        return selected;
    }

    /** Exactly how many events match; -1 before a search has answered, or after an error. */
    public ReadOnlyLongProperty matchingProperty() {
        return matching;
    }

    /** How many events the open case holds; -1 when not known yet. */
    public ReadOnlyLongProperty allEventsProperty() {
        return allEvents;
    }

    /** The index's error for the current query, empty when there is none. */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** What the view is when a drill-down made it ("around b-1:12", "of session s-1f"); empty for a typed query. */
    public ReadOnlyStringProperty contextProperty() {
        return context;
    }

    /** True when {@link #back()} has a view to return to. */
    public ReadOnlyBooleanProperty canBackProperty() {
        return canBack;
    }

    /** True when {@link #forward()} has a view to go to. */
    public ReadOnlyBooleanProperty canForwardProperty() {
        return canForward;
    }

    /** The view Back would show (for its tooltip), or null. */
    public QueryView previousView() {
        return history.previous();
    }

    /** The view Forward would show, or null. */
    public QueryView nextView() {
        return history.following();
    }

    /** How many views the history holds (at most {@value ViewHistory#MAX}). */
    public int historySize() {
        return history.size();
    }

    public boolean hasMore() {
        return next != null;
    }

    public ObservableList<Bucket> buckets() {
        return buckets;
    }

    public ReadOnlyObjectProperty<Duration> intervalProperty() {
        return interval;
    }

    public ObservableList<FacetValue> facets(String field) {
        return facets.get(field);
    }

    /** "N matching of M events", the error, or what the rows are. */
    public StringBinding statusProperty() {
        return status;
    }
}
