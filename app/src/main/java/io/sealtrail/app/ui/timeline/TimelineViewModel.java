package io.sealtrail.app.ui.timeline;

import io.sealtrail.app.ui.jobs.UiTasks;
import io.sealtrail.app.ui.session.QueryScope;
import io.sealtrail.app.ui.session.QueryView;
import io.sealtrail.index.Bucket;
import io.sealtrail.index.EventQuery;
import io.sealtrail.index.EventSearch;
import io.sealtrail.index.FacetValue;
import io.sealtrail.index.IndexException;
import io.sealtrail.index.IndexSchema;
import io.sealtrail.index.SessionSpan;
import io.sealtrail.index.ValueHistogram;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.ObjLongConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;

/**
 * The timeline's state: swimlanes per user or per target for the Search view's current query and time
 * filter, their session bars, the per-lane tick histograms for what is visible, and the time scale.
 *
 * <p>Threading as in docs/decisions/0005-workbench-mvvm.md: public methods run on the FX thread, index
 * calls on the background executor through a latest-only lane ({@link UiTasks#latest()}): a result a newer
 * load made stale is dropped. Zooming and panning only change the scale; ticks for the new
 * view are fetched with at most one request in flight (the newest view wins), so a burst of wheel events
 * costs one or two index passes, and the old ticks are drawn until the new ones arrive. Nothing loads
 * documents: lanes, sessions and ticks all come from doc values.
 */
public final class TimelineViewModel {
    /** At most this many lanes, the busiest first; the rest are counted in the status. */
    public static final int MAX_LANES = 60;
    /** Ticks are fetched at the round bucket width nearest this many pixels, and never under {@link #TICK_MIN_PIXELS}. */
    public static final double TICK_PIXELS = 3;
    public static final double TICK_MIN_PIXELS = 2;

    /** What the lanes are. */
    public enum Grouping {
        USER("user.name", "user", "users"), TARGET("target.name", "target", "targets");

        public final String field;
        public final String one;
        public final String many;

        Grouping(String field, String one, String many) {
            this.field = field;
            this.one = one;
            this.many = many;
        }
    }

    /** What the timeline shows: an index, a query and a time filter, and how the lanes are grouped. */
    record Scope(EventSearch index, String query, Instant from, Instant to, Grouping grouping) {
        /** The events the timeline shows. */
        EventQuery events() {
            return new EventQuery(query, from, to);
        }
    }

    private final QueryScope search;
    private final UiTasks.Latest lane;

    private final ObjectProperty<Grouping> grouping = new SimpleObjectProperty<>(Grouping.USER);
    private final SimpleObjectProperty<List<Lane>> lanes = new SimpleObjectProperty<>(List.of());
    private final SimpleObjectProperty<Ticks> ticks = new SimpleObjectProperty<>(Ticks.NONE);
    private final SimpleObjectProperty<TimeScale> scale = new SimpleObjectProperty<>(new TimeScale(0, 1_000_000, 0));
    private final SimpleObjectProperty<SessionSpan> selectedSession = new SimpleObjectProperty<>();
    private final SimpleIntegerProperty hiddenLanes = new SimpleIntegerProperty();
    private final SimpleStringProperty error = new SimpleStringProperty("");
    private final SimpleBooleanProperty loading = new SimpleBooleanProperty();
    private final SimpleStringProperty status = new SimpleStringProperty("");

    private boolean active;
    private Scope loaded;
    private Scope shown;
    private long extentFrom;
    private long extentTo;
    /** The scale shows everything (after a load or reset, before any zoom or pan). */
    private boolean fitted;
    private long sessions;
    /** Matching events without a lane (no user or target), from the last load. */
    private long unlaned;
    private boolean tickInFlight;
    private ObjLongConsumer<String> timings = (what, nanos) -> { };
    private boolean tickPending;

    public TimelineViewModel(QueryScope search, Executor background, Executor fxThread) {
        this.search = search;
        this.lane = new UiTasks(background, fxThread).latest();
        // Follow the Search view: each run (and each answer) of a search, and a new index, may change the scope.
        search.busyProperty().addListener((o, was, now) -> followSearch());
        grouping.addListener((o, was, now) -> followSearch());
    }

    /** The timeline is on screen: it loads (or reloads) only then, so a hidden timeline costs nothing. */
    public void setActive(boolean active) {
        this.active = active;
        followSearch();
    }

    /** Reloads if the Search view's index, query or time filter, or the grouping, differ from what is shown. */
    public void followSearch() {
        Scope now = new Scope(search.index(), search.effectiveQuery(), search.fromProperty().get(),
                search.toProperty().get(), grouping.get());
        if (active && !now.equals(loaded)) {
            load(now);
        }
    }

    private void load(Scope s) {
        loaded = s;
        selectedSession.set(null);
        if (s.index() == null) {
            lane.invalidate();
            shown = s;
            lanes.set(List.of());
            ticks.set(Ticks.NONE);
            loading.set(false);
            updateStatus();
            return;
        }
        loading.set(true);
        lane.run(ctx -> {
            long t0 = System.nanoTime();
            List<FacetValue> values = s.index().facets(s.events(), s.grouping().field, Integer.MAX_VALUE);
            List<SessionSpan> spans = s.index().sessions(s.events());
            List<Bucket> hours = s.index().histogram(s.events(), Duration.ofHours(1));
            List<Lane> named = lanes(values, spans, s.grouping());
            long[] extent = extent(hours, s.from(), s.to());
            long laneless = laneless(hours, values);
            List<Lane> laneList = withUnnamed(named, laneless, s.grouping());
            long took = System.nanoTime() - t0;
            ctx.deliver(() -> {
                timings.accept("load", took);
                shown = s;
                error.set("");
                lanes.set(laneList);
                hiddenLanes.set(Math.max(0, values.size() - named.size()));
                unlaned = laneless;
                sessions = laneList.stream().mapToLong(l -> l.bars().size()).sum();
                ticks.set(Ticks.NONE);
                extentFrom = extent[0];
                extentTo = extent[1];
                scale.set(TimeScale.fit(extentFrom, extentTo, scale.get().width()));
                fitted = true;
                loading.set(false);
                updateStatus();
                requestTicks();
            });
        }, failure -> {
            shown = s;
            lanes.set(List.of());
            ticks.set(Ticks.NONE);
            error.set(failure.message()); // the status says "Timeline failed: " before it
            loading.set(false);
            updateStatus();
        });
    }

    /** The busiest {@link #MAX_LANES} values, each with the sessions whose first event names it. */
    static List<Lane> lanes(List<FacetValue> values, List<SessionSpan> spans, Grouping g) {
        Map<String, List<SessionSpan>> by = new HashMap<>();
        for (SessionSpan s : spans) {
            String key = g == Grouping.USER ? s.user() : s.target();
            if (key != null) {
                by.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
            }
        }
        List<Lane> out = new ArrayList<>();
        for (FacetValue v : values.subList(0, Math.min(MAX_LANES, values.size()))) {
            out.add(TimelineLayout.lane(v.value(), v.count(), by.getOrDefault(v.value(), List.of())));
        }
        return List.copyOf(out);
    }

    /** The named lanes, then the unnamed one (drawn last) when some matching events name no user or target. */
    static List<Lane> withUnnamed(List<Lane> named, long laneless, Grouping g) {
        if (laneless == 0) {
            return named;
        }
        List<Lane> all = new ArrayList<>(named);
        all.add(Lane.unnamed(g.one, laneless));
        return List.copyOf(all);
    }

    /**
     * Matching events that name no user (or target) and so have no named lane, such as the log's own heartbeats: all
     * matches less those counted under a value (a user or target is one value per event).
     */
    static long laneless(List<Bucket> all, List<FacetValue> values) {
        long total = all.stream().mapToLong(Bucket::count).sum();
        long named = values.stream().mapToLong(FacetValue::count).sum();
        return Math.max(0, total - named);
    }

    /** The time filter where given, else where the matches are (hour buckets are close enough to fit a view). */
    static long[] extent(List<Bucket> hours, Instant from, Instant to) {
        long hour = 3_600_000_000L;
        long lo = from != null ? TimeScale.micros(from)
                : hours.isEmpty() ? 0 : TimeScale.micros(hours.get(0).start());
        long hi = to != null ? TimeScale.micros(to)
                : hours.isEmpty() ? lo + hour : TimeScale.micros(hours.get(hours.size() - 1).start()) + hour;
        return new long[] {lo, Math.max(hi, lo + 1_000_000)};
    }

    // --- zoom and pan: only the scale changes here; ticks follow through requestTicks ---

    /** The plot's width in pixels (the canvas minus the lane names). */
    public void setPlotWidth(double width) {
        if (width != scale.get().width()) {
            // Until the user zooms or pans, everything stays in view (the lane names' column settles after a load).
            boolean refit = (fitted || scale.get().width() <= 0) && extentTo > extentFrom;
            scale.set(refit ? TimeScale.fit(extentFrom, extentTo, width) : scale.get().withWidth(width));
            updateStatus();
            requestTicks();
        }
    }

    /** Zooms by {@code factor} (above 1: in) around plot x {@code anchorX}. */
    public void zoom(double factor, double anchorX) {
        fitted = false;
        setScale(scale.get().zoom(factor, anchorX));
    }

    /** Zooms around the middle of the plot (keyboard, buttons). */
    public void zoom(double factor) {
        zoom(factor, scale.get().width() / 2);
    }

    /** Moves the content {@code dx} pixels right. */
    public void pan(double dx) {
        fitted = false;
        setScale(scale.get().pan(dx));
    }

    /** Shows everything that matches again. */
    public void reset() {
        if (extentTo > extentFrom) {
            setScale(TimeScale.fit(extentFrom, extentTo, scale.get().width()));
            fitted = true;
        }
    }

    private void setScale(TimeScale s) {
        scale.set(extentTo > extentFrom ? s.within(extentFrom, extentTo) : s);
        updateStatus();
        requestTicks();
    }

    /**
     * Fetches per-lane ticks for the view and a screen either side of it (so short pans need nothing),
     * unless the ticks on hand already cover it at the right bucket width. One request at a time: while
     * one runs, later views only mark that another is wanted.
     */
    void requestTicks() {
        Scope s = shown;
        TimeScale sc = scale.get();
        if (s == null || s.index() == null || lanes.get().isEmpty() || sc.width() <= 0) {
            return;
        }
        if (tickInFlight) {
            tickPending = true;
            return;
        }
        long interval = sc.bucketMicros(TICK_PIXELS, TICK_MIN_PIXELS);
        long span = sc.endMicros() - sc.startMicros();
        long from = clip(sc.startMicros(), s.from(), true);
        long to = clip(sc.endMicros(), s.to(), false);
        if (ticks.get().covers(from, to, interval)) {
            return;
        }
        long fetchFrom = Math.floorDiv(clip(sc.startMicros() - span, s.from(), true), interval) * interval;
        long fetchTo = Math.floorDiv(clip(sc.endMicros() + span, s.to(), false), interval) * interval + interval;
        Set<String> names = new LinkedHashSet<>();
        lanes.get().stream().filter(l -> !l.unnamed()).forEach(l -> names.add(l.name()));
        boolean unnamed = lanes.get().stream().anyMatch(Lane::unnamed);
        tickInFlight = true;
        lane.join(ctx -> {
            long t0 = System.nanoTime();
            Ticks t;
            try {
                Duration d = Duration.ofNanos(interval * 1000);
                Instant f = TimeScale.instant(fetchFrom);
                Instant e = TimeScale.instant(fetchTo);
                String field = s.grouping().field;
                List<ValueHistogram> all = s.index().histogramBy(s.events().within(f, e), d, field, Integer.MAX_VALUE);
                List<ValueHistogram> failed = s.index().histogramBy(s.events().within(f, e).withText(and(s.query(), "event.outcome:failure")), d,
                        field, Integer.MAX_VALUE);
                List<ValueHistogram> denied = s.index().histogramBy(s.events().within(f, e).withText(and(s.query(), "event.outcome:denied")), d,
                        field, Integer.MAX_VALUE);
                List<TickBucket> none = List.of();
                if (unnamed) {
                    String without = and(s.query(), withoutLane(s.grouping()));
                    none = Ticks.joinUnnamed(s.index().histogram(new EventQuery(without, f, e), d),
                            s.index().histogram(new EventQuery(and(without, "event.outcome:failure"), f, e), d),
                            s.index().histogram(new EventQuery(and(without, "event.outcome:denied"), f, e), d));
                }
                t = new Ticks(fetchFrom, fetchTo, interval, Ticks.join(all, failed, denied, names), none);
            } catch (IndexException ex) {
                t = null; // the lanes' own load reports index errors; ticks are simply not drawn
            } catch (RuntimeException ex) {
                ctx.logUnexpected("the timeline's ticks failed", ex); // a bug: logged, and no ticks drawn
                t = null;
            }
            Ticks result = t;
            long took = System.nanoTime() - t0;
            ctx.onFxThread(() -> { // always: the in-flight flag must fall even for a stale request
                timings.accept("ticks", took);
                tickInFlight = false;
                if (ctx.current() && result != null) {
                    ticks.set(result);
                    updateStatus();
                }
                if (tickPending) {
                    tickPending = false;
                    requestTicks();
                }
            });
        }, failure -> { });
    }

    private static long clip(long t, Instant bound, boolean lower) {
        if (bound == null) {
            return t;
        }
        long b = TimeScale.micros(bound);
        return lower ? Math.max(t, b) : Math.min(t, b);
    }

    static String and(String query, String clause) {
        String q = query == null ? "" : query.strip();
        return q.isEmpty() || q.equals("*") ? clause : "(" + q + ") AND " + clause;
    }

    // --- selection: a click shows the session or the bucket's events in the Search view ---

    /**
     * Shows this session's events (all of them, whatever the query), or the lane's events in the bucket, in the Search
     * view: a drill-down whose chip and time filter become the search there (Back returns to the query before).
     */
    public void open(TimelineLayout.Hit hit) {
        if (hit instanceof TimelineLayout.SessionHit s) {
            SessionSpan span = s.bar().session();
            search.show(QueryView.drill("of session " + span.sessionId(),
                    List.of(EventQuery.term(IndexSchema.SESSION_ID, span.sessionId())), null, null));
            selectedSession.set(span); // after: the timeline follows the new search, and a reload forgets the selection
        } else if (hit instanceof TimelineLayout.BucketHit b) {
            Scope sc = shown;
            if (sc == null) {
                return;
            }
            String field = sc.grouping().field;
            long start = b.bucket().start();
            long end = start + b.intervalMicros();
            Instant from = TimeScale.instant(sc.from() == null ? start : Math.max(start, TimeScale.micros(sc.from())));
            Instant to = TimeScale.instant(sc.to() == null ? end : Math.min(end, TimeScale.micros(sc.to())));
            String label = (b.unnamed() ? "without a " + sc.grouping().one : "of " + b.lane()) + " from "
                    + TimeScale.label(start, 1_000_000, zone()) + " for " + TimeScale.human(b.intervalMicros())
                    + " (" + TimeScale.zoneName(zone()) + ")";
            String query = sc.query() == null || sc.query().strip().equals("*") ? "" : sc.query();
            search.show(new QueryView(query, List.of(b.unnamed() ? withoutLane(sc.grouping()) : EventQuery.term(field, b.lane())),
                    from, to, null, label));
        }
    }

    /** The clause for the matching events that name no user (or target): the unnamed lane's. */
    static String withoutLane(Grouping g) {
        return "NOT " + g.field + ":*";
    }

    private void updateStatus() {
        String text;
        if (!error.get().isEmpty()) {
            text = "Timeline failed: " + error.get();
        } else if (loading.get()) {
            text = "Loading the timeline…";
        } else if (shown == null || shown.index() == null) {
            text = "Open a case to see its timeline";
        } else if (lanes.get().isEmpty()) {
            text = "No events match the search";
        } else {
            Grouping g = shown.grouping();
            int named = laneNames().size();
            text = String.format("%d %s", named, named == 1 ? g.one : g.many)
                    + (hiddenLanes.get() > 0 ? String.format(" (and %,d less busy ones not shown)", hiddenLanes.get()) : "")
                    + String.format(" · %,d sessions", sessions)
                    + (unlaned > 0 ? String.format(" · %,d events without a %s (the last lane)", unlaned, g.one) : "")
                    + (ticks.get() == Ticks.NONE ? "" : " · a tick per " + TimeScale.human(ticks.get().intervalMicros()));
        }
        status.set(text);
    }

    /** Receives how long each load ("load") and tick fetch ("ticks") took on the background thread (the pulse log). */
    public void setTimings(ObjLongConsumer<String> timings) {
        this.timings = timings;
    }

    // --- properties ---

    public ObjectProperty<Grouping> groupingProperty() {
        return grouping;
    }

    /** The lanes, busiest first; replaced as a whole when a load finishes. */
    public ReadOnlyObjectProperty<List<Lane>> lanesProperty() {
        return lanes;
    }

    /** The names of the lanes of users or targets (not the unnamed lane's label). */
    public List<String> laneNames() {
        return lanes.get().stream().filter(l -> !l.unnamed()).map(Lane::name).toList();
    }

    public ReadOnlyObjectProperty<Ticks> ticksProperty() {
        return ticks;
    }

    public ReadOnlyObjectProperty<TimeScale> scaleProperty() {
        return scale;
    }

    /** The session last clicked, outlined on the canvas. */
    public ReadOnlyObjectProperty<SessionSpan> selectedSessionProperty() {
        return selectedSession;
    }

    public ReadOnlyIntegerProperty hiddenLanesProperty() {
        return hiddenLanes;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    /** "26 users · 1,234 sessions · a tick per 5 min", or what is wrong. */
    /** The zone the window shows times in (the search's): the axis, the range and the tooltips follow it. */
    public javafx.beans.value.ObservableValue<java.time.ZoneId> zoneProperty() {
        return search.zoneProperty();
    }

    java.time.ZoneId zone() {
        return search.zoneProperty().get();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** Whether the current view's ticks are on hand (for tests and the pulse log). */
    public boolean ticksCurrent() {
        TimeScale sc = scale.get();
        Scope s = shown;
        return s != null && ticks.get().covers(clip(sc.startMicros(), s.from(), true), clip(sc.endMicros(), s.to(), false),
                sc.bucketMicros(TICK_PIXELS, TICK_MIN_PIXELS));
    }

    /** Whether a tick fetch is running (for tests and the screenshot tour). */
    public boolean tickInFlight() {
        return tickInFlight;
    }
}
