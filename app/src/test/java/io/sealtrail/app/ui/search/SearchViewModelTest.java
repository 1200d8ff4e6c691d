package io.sealtrail.app.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.ui.ManualExecutor;
import io.sealtrail.index.Bucket;
import io.sealtrail.index.EventQuery;
import io.sealtrail.index.EventSearch;
import io.sealtrail.index.Hit;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Search ViewModel without the FX toolkit: background jobs run when the test says so, on its thread. */
class SearchViewModelTest {
    private static EventSearch index;
    private static Path caseDir;

    /** Background jobs wait here until {@link #drain()} or the test runs them in another order. */
    private final ManualExecutor background = new ManualExecutor();
    private SearchViewModel vm;

    @BeforeAll
    static void openCase() throws Exception {
        caseDir = TestCase.demoCase();
        index = TestCase.openIndex();
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    @BeforeEach
    void setUp() {
        vm = new SearchViewModel(background, Runnable::run);
    }

    private void drain() {
        background.drain();
    }

    private void search(String q) {
        vm.queryProperty().set(q);
        vm.search();
        drain();
    }

    @Test
    void aQueryShowsItsFirstPageAndExactlyTheIndexCount() throws Exception {
        vm.setIndex(index);
        drain();
        long all = index.count(EventQuery.all());
        assertThat(vm.allEventsProperty().get()).isEqualTo(all);

        search("event.outcome:denied");
        long denied = index.count(EventQuery.of("event.outcome:denied"));
        assertThat(denied).isPositive();
        assertThat(vm.matchingProperty().get()).isEqualTo(denied);
        assertThat(vm.rows()).hasSize((int) Math.min(denied, SearchViewModel.PAGE_SIZE))
                .allMatch(h -> h.outcome().equals("denied"));
        assertThat(vm.statusProperty().get()).startsWith(String.format("%,d matching of %,d events", denied, all));
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.facets("event.outcome")).singleElement().satisfies(f -> assertThat(f.count()).isEqualTo(denied));
        assertThat(vm.buckets().stream().mapToLong(Bucket::count).sum()).isEqualTo(denied);
    }

    @Test
    void aSyntaxErrorIsShownNeverZeroResults() {
        vm.setIndex(index);
        drain();
        search("event.outcome:(denied");
        assertThat(vm.errorProperty().get()).isEqualTo("the ( at column 15 is never closed — add a )");
        assertThat(vm.statusProperty().get()).isEqualTo("Search failed");
        assertThat(vm.matchingProperty().get()).isEqualTo(-1);
        assertThat(vm.rows()).isEmpty();

        search("nosuch.field:x");
        assertThat(vm.errorProperty().get()).contains("nosuch.field");

        search("event.outcome:denied");
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.rows()).isNotEmpty();
    }

    @Test
    void staleResultsAreDropped() throws Exception {
        vm.setIndex(index);
        drain();
        vm.queryProperty().set("event.outcome:denied");
        vm.search();
        vm.queryProperty().set("event.outcome:failure");
        vm.search();
        // the newer search finishes first; the older one's late answer must not replace it
        List<Runnable> pending = background.takeAll();
        pending.get(1).run();
        pending.get(0).run();
        long failures = index.count(EventQuery.of("event.outcome:failure"));
        assertThat(vm.matchingProperty().get()).isEqualTo(failures);
        assertThat(vm.rows()).allMatch(h -> h.outcome().equals("failure"));
    }

    @Test
    void clickingAFacetAddsAChipAndSearchesAgain() throws Exception {
        vm.setIndex(index);
        drain();
        search("target.kind:kubernetes");
        vm.addFilter("event.outcome", "denied", false);
        drain();
        assertThat(vm.chips()).containsExactly("event.outcome:\"denied\"");
        assertThat(vm.effectiveQuery()).isEqualTo("(target.kind:kubernetes) AND event.outcome:\"denied\"");
        assertThat(vm.matchingProperty().get())
                .isEqualTo(index.count(EventQuery.of("target.kind:kubernetes AND event.outcome:denied"))).isPositive();

        vm.removeChip("event.outcome:\"denied\"");
        vm.addFilter("event.outcome", "denied", true); // Alt+click: exclude
        drain();
        assertThat(vm.chips()).containsExactly("NOT event.outcome:\"denied\"");
        assertThat(vm.matchingProperty().get()).isEqualTo(index.count(EventQuery.of("target.kind:kubernetes"))
                - index.count(EventQuery.of("target.kind:kubernetes AND event.outcome:denied")));
        assertThat(vm.rows()).noneMatch(h -> "denied".equals(h.outcome()));

        // excluding alone means "everything except"
        vm.queryProperty().set("");
        vm.search();
        drain();
        assertThat(vm.matchingProperty().get())
                .isEqualTo(index.count(EventQuery.all()) - index.count(EventQuery.of("event.outcome:denied")));
    }

    @Test
    void theNextPageIsAppendedOnceAndNeverDuplicated() throws Exception {
        vm.setIndex(index);
        drain();
        assertThat(vm.rows()).hasSize(SearchViewModel.PAGE_SIZE);
        assertThat(vm.hasMore()).isTrue();
        vm.loadMore();
        vm.loadMore(); // the table asks again while the page is on its way: ignored
        assertThat(background.waiting()).isEqualTo(1);
        drain();
        vm.loadMore();
        drain();
        List<Hit> expected = index.search(EventQuery.all(), 3 * SearchViewModel.PAGE_SIZE, null).hits();
        assertThat(vm.rows()).hasSize(3 * SearchViewModel.PAGE_SIZE).containsExactlyElementsOf(expected);
        Set<String> keys = new HashSet<>();
        vm.rows().forEach(h -> keys.add(h.bundleId() + ":" + h.leaf()));
        assertThat(keys).hasSize(vm.rows().size());

        // a page asked for before a new search arrives after it: dropped
        vm.loadMore();
        search("event.outcome:denied");
        assertThat(vm.rows()).allMatch(h -> h.outcome().equals("denied"));
    }

    /** Waits for every job, then says what the facets and the histogram count in all. */
    private void assertFacetsAndHistogramCountTheRows() {
        long shown = vm.matchingProperty().get();
        assertThat(vm.rows()).hasSize((int) shown);
        assertThat(vm.facets("event.outcome").stream().mapToLong(io.sealtrail.index.FacetValue::count).sum()).isEqualTo(shown);
        assertThat(vm.buckets().stream().mapToLong(Bucket::count).sum()).isEqualTo(shown);
    }

    @Test
    void eventsAroundOneAreAChipOverTheirTimeSpanWithTheAnchorSelected() throws Exception {
        vm.setIndex(index);
        drain();
        search("integrity:broken");
        Hit broken = vm.rows().get(0);
        vm.selectedProperty().set(broken);
        vm.showAround();
        drain();

        List<Hit> around = index.around(broken.bundleId(), broken.seq(), SearchViewModel.AROUND_WINDOW);
        assertThat(vm.queryProperty().get()).isEmpty();
        assertThat(vm.chips()).containsExactly("time:[" + around.get(0).time() + " TO " + around.get(around.size() - 1).time() + "]");
        assertThat(vm.rows()).extracting(Hit::entryHash).containsAll(around.stream().map(Hit::entryHash).toList());
        assertThat(vm.selectedProperty().get().entryHash()).isEqualTo(broken.entryHash());
        assertThat(vm.contextProperty().get()).isEqualTo("around " + broken.bundleId() + ":" + broken.seq());
        assertThat(vm.statusProperty().get()).endsWith(" · around " + broken.bundleId() + ":" + broken.seq());
    }

    @Test
    void theFacetsAndHistogramOfADrillDownCountTheEventsItShows() throws Exception {
        vm.setIndex(index);
        drain();
        search("event.outcome:denied");
        Hit chosen = vm.rows().get(vm.rows().size() / 2);
        vm.selectedProperty().set(chosen);
        vm.showAround();
        drain();

        assertThat(vm.matchingProperty().get()).isEqualTo(index.count(EventQuery.of(vm.effectiveQuery())))
                .isGreaterThanOrEqualTo(index.around(chosen.bundleId(), chosen.seq(), SearchViewModel.AROUND_WINDOW).size());
        assertFacetsAndHistogramCountTheRows();
    }

    @Test
    void theHistogramOfAFewMinutesOfEventsHasBarsOfSecondsNotOneBarADayWide() throws Exception {
        vm.setIndex(index);
        drain();
        search("event.outcome:denied");
        vm.selectedProperty().set(vm.rows().get(vm.rows().size() / 2));
        vm.showAround();
        drain();
        assertThat(vm.intervalProperty().get()).isLessThan(java.time.Duration.ofMinutes(1));
        assertThat(vm.buckets()).hasSizeGreaterThan(1);
    }

    @Test
    void aSessionDrillDownIsAChipThatCanBeRemoved() throws Exception {
        vm.setIndex(index);
        drain();
        String session = index.search(EventQuery.of("session.id:*"), 1, null).hits().get(0).sessionId();
        String chip = SearchViewModel.clause("session.id", session);
        vm.show(io.sealtrail.app.ui.session.QueryView.drill("of session " + session, List.of(chip), null, null));
        drain();
        assertThat(vm.chips()).containsExactly(chip);
        assertThat(vm.rows()).isNotEmpty().allMatch(h -> session.equals(h.sessionId()));
        assertFacetsAndHistogramCountTheRows();

        vm.removeChip(chip);
        drain();
        assertThat(vm.matchingProperty().get()).isEqualTo(index.count(EventQuery.all()));
        assertThat(vm.contextProperty().get()).isEmpty(); // no longer the drill-down
    }

    @Test
    void backReturnsToTheQueryBeforeWithItsSelectionAndForwardToTheDrillDown() throws Exception {
        vm.setIndex(index);
        drain();
        search("event.outcome:denied");
        Hit chosen = vm.rows().get(3);
        vm.selectedProperty().set(chosen);
        vm.showAround();
        drain();
        List<String> aroundChips = List.copyOf(vm.chips());
        Hit inAround = vm.rows().get(0);
        vm.selectedProperty().set(inAround);

        assertThat(vm.canBackProperty().get()).isTrue();
        vm.back();
        drain();
        assertThat(vm.queryProperty().get()).isEqualTo("event.outcome:denied");
        assertThat(vm.chips()).isEmpty();
        assertThat(vm.matchingProperty().get()).isEqualTo(index.count(EventQuery.of("event.outcome:denied")));
        assertThat(vm.selectedProperty().get()).isEqualTo(chosen);
        assertThat(vm.canForwardProperty().get()).isTrue();

        vm.forward();
        drain();
        assertThat(vm.chips()).isEqualTo(aroundChips);
        assertThat(vm.selectedProperty().get()).isEqualTo(inAround);
        assertThat(vm.canForwardProperty().get()).isFalse();
    }

    @Test
    void theViewHistoryIsBoundedAndStartsAgainWithAnotherIndex() {
        vm.setIndex(index);
        drain();
        for (int i = 0; i < 130; i++) {
            search("seq:" + i);
        }
        assertThat(vm.historySize()).isEqualTo(100);
        vm.setIndex(index);
        drain();
        assertThat(vm.historySize()).isEqualTo(1);
        assertThat(vm.canBackProperty().get()).isFalse();
    }

    @Test
    void aChipCanBeMovedIntoTheQueryToBeEditedOrTurnedAround() {
        vm.setIndex(index);
        drain();
        search("event.action:login");
        vm.addFilter("event.outcome", "denied", false);
        drain();
        vm.invertChip("event.outcome:\"denied\"");
        drain();
        assertThat(vm.chips()).containsExactly("NOT event.outcome:\"denied\"");
        assertThat(vm.rows()).noneMatch(h -> "denied".equals(h.outcome()));

        vm.editChip("NOT event.outcome:\"denied\"");
        assertThat(vm.chips()).isEmpty();
        assertThat(vm.queryProperty().get()).isEqualTo("(event.action:login) AND NOT event.outcome:\"denied\"");
    }

    @Test
    void aHistogramBarNarrowsTheTimeRange() throws Exception {
        vm.setIndex(index);
        drain();
        search("event.action:login");
        Bucket b = vm.buckets().get(vm.buckets().size() / 2);
        vm.narrowTo(b);
        drain();
        assertThat(vm.fromProperty().get()).isEqualTo(b.start());
        assertThat(vm.matchingProperty().get()).isEqualTo(b.count())
                .isEqualTo(index.count(new EventQuery("event.action:login", b.start(), vm.toProperty().get())));
        vm.clearTimeRange();
        drain();
        assertThat(vm.matchingProperty().get()).isEqualTo(index.count(EventQuery.of("event.action:login")));
    }

    @Test
    void aCaseFolderNamedWithoutDashDashCaseIsTheCaseToOpen() {
        CaseArgument a = CaseArgument.parse(List.of(caseDir.toString()), new Properties());
        assertThat(a.caseDir()).isEqualTo(caseDir);
        assertThat(a.rest()).isEmpty();
    }

    @Test
    void caseArgumentFromParametersOrProperty() {
        Properties p = new Properties();
        assertThat(CaseArgument.parse(List.of("a.zip", "--case", "/x/case", "--demo"), p))
                .isEqualTo(new CaseArgument(Path.of("/x/case"), "", List.of("a.zip", "--demo")));
        assertThat(CaseArgument.parse(List.of("--query", "integrity:broken"), p).query()).isEqualTo("integrity:broken");
        p.setProperty(CaseArgument.PROPERTY, "/y");
        assertThat(CaseArgument.parse(List.of(), p).caseDir()).isEqualTo(Path.of("/y"));
        assertThat(CaseArgument.parse(List.of("--case=/z"), p).caseDir()).isEqualTo(Path.of("/z"));
        assertThat(CaseArgument.parse(List.of("--import", "b.zip"), p).imports()).containsExactly(Path.of("b.zip"));
    }

    @Test
    void anEventsStandingFollowsTheLiveVerdictOfItsBundle() throws Exception {
        vm.setIndex(index);
        drain();
        io.sealtrail.index.Hit h = index.search(io.sealtrail.index.EventQuery.of("integrity:verified"), 1, null).hits().get(0);
        assertThat(vm.standing(h)).isEqualTo(index.standing(h)); // until the verification view says otherwise

        vm.setLiveVerdicts(id -> id.equals(h.bundleId()) ? io.sealtrail.model.Verdict.INTACT_UNTRUSTED : null);
        assertThat(vm.standing(h)).isEqualTo(io.sealtrail.index.EventStanding.PROVEN_UNTRUSTED);

        vm.setLiveVerdicts(id -> id.equals(h.bundleId()) ? io.sealtrail.model.Verdict.VERIFIED : null);
        assertThat(vm.standing(h)).isEqualTo(io.sealtrail.index.EventStanding.PROVEN);
    }

    @Test
    void newLiveVerdictsTellTheViewsToShowTheStandingsAnew() {
        int before = vm.standingsProperty().get();
        vm.standingsChanged();
        assertThat(vm.standingsProperty().get()).isNotEqualTo(before);
    }
}
