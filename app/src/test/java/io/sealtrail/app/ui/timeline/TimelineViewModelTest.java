package io.sealtrail.app.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.ui.ManualExecutor;
import io.sealtrail.app.ui.search.SearchViewModel;
import io.sealtrail.app.ui.search.TestCase;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.ImportRecord;
import io.sealtrail.index.EventQuery;
import io.sealtrail.index.EventSearch;
import io.sealtrail.index.FacetValue;
import io.sealtrail.index.Hit;
import io.sealtrail.index.SessionSpan;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The timeline ViewModel without the FX toolkit, on the demo case: background jobs (the search's and
 * the timeline's) wait in a queue until the test runs them, so ordering and staleness can be tested.
 */
class TimelineViewModelTest {
    private static EventSearch index;

    /** Background jobs wait here until {@link #drain()} or the test runs them in another order. */
    private final ManualExecutor background = new ManualExecutor();
    private SearchViewModel search;
    private TimelineViewModel timeline;

    @BeforeAll
    static void openCase() throws Exception {
        Path caseDir = TestCase.demoCase();
        CaseFolder c = CaseFolder.open(caseDir, Clock.systemUTC());
        List<Path> dirs = new ArrayList<>();
        for (ImportRecord r : c.bundles()) {
            dirs.add(c.bundleDir(r.bundleId()).resolve("index"));
        }
        index = EventSearch.open(dirs);
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    @BeforeEach
    void setUp() {
        search = new SearchViewModel(background, Runnable::run);
        timeline = new TimelineViewModel(search, background, Runnable::run);
        timeline.setPlotWidth(1000);
    }

    private void drain() {
        background.drain();
    }

    private void openOnScreen() {
        timeline.setActive(true);
        search.setIndex(index);
        drain();
    }

    @Test
    void lanesAreTheCasesUsersBusiestFirst() throws Exception {
        openOnScreen();
        List<String> users = index.facets(EventQuery.all(), "user.name", 1000).stream().map(FacetValue::value).toList();
        assertThat(users).hasSizeGreaterThan(10);
        assertThat(timeline.laneNames()).isEqualTo(users);
        assertThat(timeline.lanesProperty().get().get(0).events())
                .isEqualTo(index.facets(EventQuery.all(), "user.name", 1).get(0).count());
    }

    @Test
    void everySessionIsABarInTheLaneOfItsUser() throws Exception {
        openOnScreen();
        List<SessionSpan> spans = index.sessions(EventQuery.all());
        long inLanes = timeline.lanesProperty().get().stream().mapToLong(l -> l.bars().size()).sum();
        assertThat(inLanes).isEqualTo(spans.stream().filter(s -> s.user() != null).count());
        Lane first = timeline.lanesProperty().get().get(0);
        assertThat(first.bars()).allMatch(b -> b.session().user().equals(first.name()));
    }

    @Test
    void eventsWithoutAUserHaveTheLastLaneCountedInTheStatus() throws Exception {
        openOnScreen();
        long withoutUser = index.count(EventQuery.of("NOT user.name:*"));
        assertThat(withoutUser).isPositive(); // the log's heartbeats name no user
        List<Lane> lanes = timeline.lanesProperty().get();
        Lane last = lanes.get(lanes.size() - 1);
        assertThat(last.unnamed()).isTrue();
        assertThat(last.name()).isEqualTo("(no user)");
        assertThat(last.events()).isEqualTo(withoutUser);
        assertThat(last.bars()).isEmpty();
        assertThat(lanes.subList(0, lanes.size() - 1)).noneMatch(Lane::unnamed);
        assertThat(timeline.laneNames()).doesNotContain(last.name());
        assertThat(timeline.statusProperty().get())
                .contains(String.format("%,d events without a user (the last lane)", withoutUser))
                .startsWith(timeline.laneNames().size() + " users");

        search.queryProperty().set("user.name:*");
        search.search();
        drain();
        timeline.followSearch();
        drain();
        assertThat(timeline.lanesProperty().get()).noneMatch(Lane::unnamed);
        assertThat(timeline.statusProperty().get()).doesNotContain("without a user");
    }

    @Test
    void theUnnamedLanesTicksCountTheEventsWithoutAUser() throws Exception {
        openOnScreen();
        Ticks t = timeline.ticksProperty().get();
        Lane last = timeline.lanesProperty().get().get(timeline.lanesProperty().get().size() - 1);
        List<TickBucket> buckets = t.of(last);
        assertThat(buckets).isNotEmpty();
        assertThat(buckets.stream().mapToLong(TickBucket::all).sum())
                .isEqualTo(index.count(new EventQuery("NOT user.name:*", TimeScale.instant(t.from()), TimeScale.instant(t.to()))));
        assertThat(t.of(last.name())).isEmpty(); // not mixed up with a user of that name
    }

    @Test
    void clickingATickOfTheUnnamedLaneShowsTheEventsWithoutAUserInTheBucket() throws Exception {
        openOnScreen();
        Ticks t = timeline.ticksProperty().get();
        Lane last = timeline.lanesProperty().get().get(timeline.lanesProperty().get().size() - 1);
        TickBucket b = t.of(last).get(0);
        timeline.open(new TimelineLayout.BucketHit(last.name(), b, t.intervalMicros(), true));
        drain();
        assertThat(search.rows()).hasSize((int) b.all()).allMatch(h -> h.userName() == null);
        assertThat(search.rows()).allMatch(h -> TimeScale.micros(h.time()) >= b.start()
                && TimeScale.micros(h.time()) < b.start() + t.intervalMicros());
        assertThat(search.statusProperty().get()).contains("without a user");
    }

    @Test
    void groupingByTargetMakesALanePerTarget() throws Exception {
        openOnScreen();
        timeline.groupingProperty().set(TimelineViewModel.Grouping.TARGET);
        drain();
        assertThat(timeline.laneNames()).isEqualTo(
                index.facets(EventQuery.all(), "target.name", 1000).stream().map(FacetValue::value).toList());
        assertThat(timeline.statusProperty().get()).contains("targets");
    }

    @Test
    void theTimelineFollowsTheSearchQueryAndTimeFilter() throws Exception {
        openOnScreen();
        Instant from = Instant.parse("2026-03-03T00:00:00Z");
        Instant to = Instant.parse("2026-03-03T12:00:00Z");
        search.queryProperty().set("event.outcome:denied");
        search.fromProperty().set(from);
        search.toProperty().set(to);
        search.search();
        drain();
        List<FacetValue> denied = index.facets(new EventQuery("event.outcome:denied", from, to), "user.name", 1000);
        assertThat(timeline.laneNames()).isEqualTo(denied.stream().map(FacetValue::value).toList());
        assertThat(timeline.lanesProperty().get()).extracting(Lane::events)
                .isEqualTo(denied.stream().map(FacetValue::count).toList());
        TimeScale s = timeline.scaleProperty().get();
        assertThat(s.startMicros()).isLessThan(TimeScale.micros(from)); // fitted to the filter
        assertThat(s.endMicros()).isGreaterThan(TimeScale.micros(to)).isLessThan(TimeScale.micros(to.plusSeconds(3600)));
    }

    @Test
    void aHiddenTimelineDoesNotTouchTheIndex() {
        search.setIndex(index);
        drain();
        assertThat(timeline.laneNames()).isEmpty();
        search.queryProperty().set("event.outcome:denied");
        search.search();
        assertThat(background.waiting()).isEqualTo(1); // the search's own job, and nothing of the timeline's
    }

    @Test
    void anOlderLoadThatAnswersLastIsDropped() {
        timeline.setActive(true);
        search.setIndex(index);
        List<Runnable> held = background.takeAll(); // the first search and the timeline's load for every event
        search.queryProperty().set("user.name:\"mei.chen\"");
        search.search();
        drain(); // the newer search and its timeline load
        assertThat(timeline.laneNames()).containsExactly("mei.chen");
        held.forEach(Runnable::run); // the older ones answer last
        drain();
        assertThat(timeline.laneNames()).containsExactly("mei.chen");
    }

    @Test
    void ticksForTheViewCountTheIndexsEventsPerLane() throws Exception {
        openOnScreen();
        assertThat(timeline.ticksCurrent()).isTrue();
        Ticks t = timeline.ticksProperty().get();
        String lane = timeline.laneNames().get(0);
        long shown = t.of(lane).stream().mapToLong(TickBucket::all).sum();
        long denied = t.of(lane).stream().mapToLong(TickBucket::denied).sum();
        Instant f = TimeScale.instant(t.from());
        Instant e = TimeScale.instant(t.to());
        String q = EventQuery.term("user.name", lane);
        assertThat(shown).isEqualTo(index.count(new EventQuery(q, f, e)));
        assertThat(denied).isEqualTo(index.count(new EventQuery(q + " AND event.outcome:denied", f, e)));
        assertThat(t.intervalMicros() / timeline.scaleProperty().get().microsPerPixel())
                .isBetween(2.0, 5.0);
    }

    @Test
    void aBurstOfZoomingFetchesTicksOneRequestAtATime() {
        openOnScreen();
        for (int i = 0; i < 30; i++) {
            timeline.zoom(1.25, 300);
        }
        assertThat(background.waiting()).isEqualTo(1); // the first zoom's request; the others wait for it
        assertThat(timeline.ticksCurrent()).isFalse();
        drain(); // it answers, and the newest view's request follows
        assertThat(timeline.ticksCurrent()).isTrue();
        assertThat(timeline.tickInFlight()).isFalse();
    }

    @Test
    void untilTheUserZoomsAResizeKeepsEverythingInView() {
        openOnScreen();
        timeline.setPlotWidth(700);
        assertThat(timeline.scaleProperty().get().width()).isEqualTo(700);
        long[] extent = {timeline.scaleProperty().get().startMicros(), timeline.scaleProperty().get().endMicros()};
        timeline.reset();
        assertThat(timeline.scaleProperty().get().startMicros()).isEqualTo(extent[0]);
        assertThat(timeline.scaleProperty().get().endMicros()).isEqualTo(extent[1]);

        timeline.zoom(2, 100);
        double mpp = timeline.scaleProperty().get().microsPerPixel();
        timeline.setPlotWidth(900); // now the resolution stays and more time shows
        assertThat(timeline.scaleProperty().get().microsPerPixel()).isEqualTo(mpp);
    }

    @Test
    void panningWithinTheFetchedMarginNeedsNoIndexCall() {
        openOnScreen();
        timeline.zoom(8, 500);
        drain();
        timeline.pan(100);
        assertThat(background.waiting()).isZero();
        assertThat(timeline.ticksCurrent()).isTrue();
    }

    @Test
    void clickingASessionShowsItsEventsInTheSearchView() {
        openOnScreen();
        Lane lane = timeline.lanesProperty().get().get(0);
        Lane.Bar bar = lane.bars().get(lane.bars().size() / 2);
        String query = search.effectiveQuery();
        List<String> lanes = timeline.laneNames();
        timeline.open(new TimelineLayout.SessionHit(lane.name(), bar));
        drain();
        assertThat(search.rows()).hasSize((int) bar.session().events())
                .allMatch(h -> bar.session().sessionId().equals(h.sessionId()));
        assertThat(search.selectedProperty().get()).isEqualTo(search.rows().get(0));
        assertThat(search.statusProperty().get()).contains("of session " + bar.session().sessionId());
        // the drill-down is the search now, a chip the person sees; Back returns to the query and its timeline
        assertThat(search.chips()).containsExactly("session.id:\"" + bar.session().sessionId() + "\"");
        assertThat(timeline.selectedSessionProperty().get()).isEqualTo(bar.session());
        search.back();
        drain();
        assertThat(search.effectiveQuery()).isEqualTo(query);
        assertThat(timeline.laneNames()).isEqualTo(lanes);
    }

    @Test
    void clickingATickShowsThatLanesEventsInTheBucket() throws Exception {
        openOnScreen();
        Ticks t = timeline.ticksProperty().get();
        String lane = timeline.laneNames().get(1);
        TickBucket b = t.of(lane).get(0);
        timeline.open(new TimelineLayout.BucketHit(lane, b, t.intervalMicros()));
        drain();
        assertThat(search.rows()).hasSize((int) b.all()).extracting(Hit::userName).containsOnly(lane);
        assertThat(search.rows()).allMatch(h -> TimeScale.micros(h.time()) >= b.start()
                && TimeScale.micros(h.time()) < b.start() + t.intervalMicros());
    }

    @Test
    void aQueryTheIndexRejectsIsShownAsTheTimelinesError() {
        openOnScreen();
        search.queryProperty().set("user.name:(");
        search.search();
        drain();
        assertThat(timeline.errorProperty().get()).isEqualTo("the ( at column 11 is never closed — add a )");
        assertThat(timeline.laneNames()).isEmpty();
        assertThat(timeline.statusProperty().get()).startsWith("Timeline failed");
    }
}
