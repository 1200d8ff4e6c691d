package io.sealtrail.app.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.ui.ManualExecutor;
import io.sealtrail.index.EventQuery;
import io.sealtrail.index.EventSearch;
import io.sealtrail.index.Hit;
import io.sealtrail.index.HitFields;
import io.sealtrail.index.Integrity;
import io.sealtrail.index.SortOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The table's sorting, columns and cell filters as state, on the demo case, without the FX toolkit. */
class ResultColumnsTest {
    private static EventSearch index;
    /** Every event of the demo case, in event order. */
    private static List<Hit> all;

    private final ManualExecutor background = new ManualExecutor();
    private SearchViewModel vm;

    @TempDir
    Path tmp;

    @BeforeAll
    static void openCase() throws Exception {
        index = TestCase.openIndex();
        List<Hit> hits = new ArrayList<>();
        index.export(EventQuery.all(), hits::add);
        all = hits;
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    @BeforeEach
    void setUp() {
        vm = new SearchViewModel(background, Runnable::run);
        vm.setIndex(index);
        background.drain();
    }

    @Test
    void sortingByUserShowsTheCasesAlphabeticallyFirstUserNotTheLoadedPagesFirst() {
        String first = all.stream().map(Hit::userName).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElseThrow();
        String firstLoaded = vm.rows().stream().map(Hit::userName).filter(Objects::nonNull).min(Comparator.naturalOrder())
                .orElseThrow();
        assertThat(all).hasSizeGreaterThan(SearchViewModel.PAGE_SIZE);

        vm.sortBy(ResultColumns.sortOrder("user.name", false));
        background.drain();

        assertThat(vm.rows().get(0).userName()).isEqualTo(first);
        assertThat(first).isLessThanOrEqualTo(firstLoaded);
        assertThat(vm.matchingProperty().get()).isEqualTo(all.size());
    }

    @Test
    void theNextPageOfASortedSearchContinuesInThatOrder() {
        vm.sortBy(new SortOrder("user.name", true));
        background.drain();
        vm.loadMore();
        background.drain();

        List<String> users = vm.rows().stream().map(h -> h.userName() == null ? "" : h.userName()).toList();
        assertThat(users).hasSizeGreaterThan(SearchViewModel.PAGE_SIZE).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void newestFirstIsTimeDescending() {
        vm.setNewestFirst(true);
        background.drain();

        assertThat(vm.sortOrderProperty().get()).isEqualTo(SortOrder.NEWEST_FIRST);
        assertThat(vm.rows().get(0).time()).isEqualTo(all.stream().map(Hit::time).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElseThrow());
    }

    @Test
    void aCombinedColumnSortsByTheFieldItShowsAndATextFieldDoesNotSort() {
        assertThat(ResultColumns.sortOrder(ResultColumns.TARGET, false)).isEqualTo(new SortOrder("target.name", false));
        assertThat(ResultColumns.sortOrder(ResultColumns.COMMAND, true)).isEqualTo(new SortOrder("command.keyword", true));
        assertThat(ResultColumns.sortOrder("event.reason", false)).isNull();
    }

    @Test
    void filterForACellKeepsOnlyTheEventsWithItsValue() {
        Hit h = all.stream().filter(x -> !HitFields.value(x, "source.ip").isEmpty()).findFirst().orElseThrow();
        String ip = HitFields.value(h, "source.ip");

        assertThat(ResultColumns.filter(vm, h, "source.ip", false)).isTrue();
        background.drain();

        assertThat(vm.chips()).containsExactly("source.ip:\"" + ip + "\"");
        assertThat(vm.matchingProperty().get()).isEqualTo(all.stream().filter(x -> HitFields.value(x, "source.ip").equals(ip)).count());
        assertThat(vm.rows()).isNotEmpty().allMatch(x -> HitFields.value(x, "source.ip").equals(ip));
    }

    @Test
    void excludeACellDropsTheEventsWithItsValue() {
        Hit h = all.stream().filter(x -> x.userName() != null).findFirst().orElseThrow();

        ResultColumns.filter(vm, h, "user.name", true);
        background.drain();

        assertThat(vm.matchingProperty().get()).isEqualTo(all.stream().filter(x -> !h.userName().equals(x.userName())).count());
    }

    @Test
    void filterForTheCommandColumnMatchesTheWholeCommand() {
        Hit h = all.stream().filter(x -> x.command() != null && x.command().contains(" ")).findFirst().orElseThrow();

        ResultColumns.filter(vm, h, ResultColumns.COMMAND, false);
        background.drain();

        assertThat(vm.rows()).isNotEmpty().allMatch(x -> h.command().equals(x.command()));
    }

    @Test
    void aSourceRecordsOwnFieldCanBeCopiedButNotFilteredOn() {
        Hit h = new Hit("src", 0, 0, null, "GetObject", null, null, null, null, null, null, null, Integrity.UNSEALED,
                "00", "a.json", 1, "{\"eventSource\":\"s3.amazonaws.com\"}", false, "cloudtrail");

        assertThat(ResultColumns.filterable(h, "cloudtrail.eventSource")).isFalse();
        assertThat(ResultColumns.filter(vm, h, "cloudtrail.eventSource", false)).isFalse();
        assertThat(vm.chips()).isEmpty();
        assertThat(ResultColumns.copyText(h, "cloudtrail.eventSource")).isEqualTo("s3.amazonaws.com");
        assertThat(ResultColumns.choices(List.of(h))).contains("source.ip", "user.roles", "auth.mfa", "event.reason",
                "target.account", "session.id", "cloudtrail.eventSource");
    }

    @Test
    void theChosenColumnsAreRememberedForTheUser() {
        ResultColumns first = new ResultColumns(tmp, Runnable::run);
        first.show("source.ip", true);
        first.show(ResultColumns.TARGET, false);

        ResultColumns later = new ResultColumns(tmp, Runnable::run);

        assertThat(later.visible()).endsWith("source.ip").doesNotContain(ResultColumns.TARGET).startsWith("time");
    }

    @Test
    void theTimeColumnStays() {
        ResultColumns c = new ResultColumns(null, Runnable::run);
        c.show("time", false);

        assertThat(c.visible()).contains("time");
    }

    @Test
    void copyRowHasTheVisibleColumnsTabSeparated() {
        ResultColumns c = new ResultColumns(null, Runnable::run);
        c.visible().setAll(List.of("time", ResultColumns.WHERE, "user.name"));
        Hit h = all.stream().filter(x -> x.userName() != null && x.time() != null).findFirst().orElseThrow();

        assertThat(c.rowText(h)).isEqualTo(h.time() + "\t" + h.bundleId() + ":" + h.seq() + "\t" + h.userName());
    }

    @Test
    void aCsvOfTheVisibleColumnsNamesTheFieldsOfTheCombinedOnes() {
        assertThat(ResultsExport.csvColumns(List.of("time", ResultColumns.WHERE, ResultColumns.TARGET, "source.ip")))
                .containsExactly("time", "bundle.id", "seq", "target.kind", "target.name", "source.ip");
    }
}
