package io.sealtrail.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.index.TestBundles.Fixture;
import io.sealtrail.index.TestBundles.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pages over two bundles at once: in the one total order, complete, without duplicates. */
class PagingTest {
    @TempDir
    static Path dir;
    private static Fixture first;
    private static Fixture second;
    private static EventSearch search;
    private static List<Row> rows;

    @BeforeAll
    static void open() throws Exception {
        first = TestBundles.shared();
        second = TestBundles.fixture(dir, 11, 3_000); // same start time: its events interleave with the first's
        search = EventSearch.open(List.of(first.index(), second.index()));
        rows = Stream.concat(first.rows().stream(), second.rows().stream()).sorted(Row.ORDER).toList();
    }

    @AfterAll
    static void close() throws Exception {
        search.close();
    }

    private static List<String> keys(List<Hit> hits) {
        return hits.stream().map(h -> h.bundleId() + "/" + h.seq()).toList();
    }

    @Test
    void newestFirstPagesAreTheExactReverseOfTheOneOrder() throws Exception {
        String q = "event.action:command OR event.outcome:denied";
        List<Hit> paged = new ArrayList<>();
        Page page = search.search(EventQuery.of(q), 333, null, true);
        paged.addAll(page.hits());
        while (page.next() != null) {
            page = search.search(EventQuery.of(q), 333, page.next(), true);
            paged.addAll(page.hits());
        }
        List<String> forward = new ArrayList<>(keys(search.search(EventQuery.of(q), EventSearch.MAX_PAGE, null).hits()));
        java.util.Collections.reverse(forward);
        assertThat(keys(paged)).isEqualTo(forward);
    }

    /** Newest first searches windows of the newest times (LuceneEventSearch.newestFirst): sparse, dense, tiny pages. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}, pages of {1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "*:*|1", "*:*|7", "*:*|500", "event.outcome:denied|3", "event.outcome:denied|1000",
            "event.action:login AND event.outcome:failure|2", "event.action:nothing-matches|10"})
    void newestFirstPagesOfAnySizeAreTheReverseOfTheOneOrder(String q, int size) throws Exception {
        List<Hit> paged = new ArrayList<>();
        Page page = search.search(EventQuery.of(q), size, null, true);
        paged.addAll(page.hits());
        for (int i = 0; page.next() != null && i < 400; i++) { // 400 pages of one are enough to show the order
            page = search.search(EventQuery.of(q), size, page.next(), true);
            paged.addAll(page.hits());
        }
        List<String> forward = new ArrayList<>();
        search.export(EventQuery.of(q), h -> forward.add(h.bundleId() + "/" + h.seq()));
        java.util.Collections.reverse(forward);
        assertThat(keys(paged)).isEqualTo(forward.subList(0, paged.size()));
        assertThat(page.next() == null ? paged.size() : forward.size()).isEqualTo(forward.size());
    }

    @Test
    void newestFirstPutsAnEventWithoutATimeFirstAndThenTheNewest() throws Exception {
        Path bundle = TestBundles.generate(dir.resolve("garbled"), 600, 5);
        Path seg = Files.list(bundle.resolve("events")).sorted().findFirst().orElseThrow();
        List<String> lines = new ArrayList<>(Files.readAllLines(seg));
        lines.set(10, "this line is no event, so it has no time");
        Files.write(seg, lines);
        Path index = dir.resolve("garbled-index");
        TestBundles.index(bundle, TestBundles.verify(bundle, 5), index);
        try (EventSearch s = EventSearch.open(List.of(index))) {
            List<Hit> newest = s.search(EventQuery.all(), 3, null, true).hits();
            assertThat(newest.get(0).time()).as("no time sorts first, newest first").isNull();
            List<Hit> all = new ArrayList<>();
            s.export(EventQuery.all(), all::add);
            // oldest first, the event without a time is last: the two before it are the newest
            assertThat(all.get(all.size() - 1).time()).isNull();
            assertThat(keys(newest.subList(1, 3))).containsExactly(keys(all.subList(all.size() - 2, all.size() - 1)).get(0),
                    keys(all.subList(all.size() - 3, all.size() - 2)).get(0));
        }
    }

    @Test
    void aCursorDoesNotPageTheOtherOrder() throws Exception {
        Cursor c = search.search(EventQuery.all(), 10, null).next();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> search.search(EventQuery.all(), 10, c, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pagesConcatenatedEqualOneBigSearchInOrder() throws Exception {
        String q = "event.action:command OR event.outcome:denied"; // fewer than MAX_PAGE, so one page can hold all
        List<Hit> paged = new ArrayList<>();
        Page page = search.search(EventQuery.of(q), 333, null);
        long total = page.total();
        paged.addAll(page.hits());
        while (page.next() != null) {
            page = search.search(EventQuery.of(q), 333, page.next());
            paged.addAll(page.hits());
            assertThat(page.total()).isEqualTo(total);
        }
        List<Hit> big = search.search(EventQuery.of(q), EventSearch.MAX_PAGE, null).hits();

        assertThat(keys(paged)).isEqualTo(keys(big));
        assertThat(new HashSet<>(keys(paged))).hasSize(paged.size());
        assertThat(paged).hasSize((int) total).hasSizeLessThan(EventSearch.MAX_PAGE).hasSizeGreaterThan(1000);
    }

    @Test
    void exportFollowsTheTotalOrderAcrossBundles() throws Exception {
        List<Hit> all = new ArrayList<>();
        search.export(EventQuery.all(), all::add);
        assertThat(keys(all)).isEqualTo(rows.stream().map(Row::key).toList());
    }

    @Test
    void lastPageHasNoNextCursor() throws Exception {
        Page page = search.search(EventQuery.all(), EventSearch.MAX_PAGE, null);
        while (page.next() != null) {
            page = search.search(EventQuery.all(), EventSearch.MAX_PAGE, page.next());
        }
        assertThat(page.hits()).isNotEmpty();
        assertThat(page.total()).isEqualTo(rows.size());
    }

    @Test
    void hitCarriesStoredFieldsAndTheRawLine() throws Exception {
        Row r = first.rows().stream().filter(x -> x.event().command() != null).findFirst().orElseThrow();
        Hit h = search.search(EventQuery.of("bundle.id:\"" + r.bundleId() + "\" AND seq:" + r.seq()), 1, null).hits().get(0);
        assertThat(h.command()).isEqualTo(r.event().command());
        assertThat(h.userName()).isEqualTo(r.event().user().name());
        assertThat(h.entryHash()).isEqualTo(r.hash());
        assertThat(h.time()).isEqualTo(r.event().time());
        assertThat(h.integrity()).isEqualTo(Integrity.VERIFIED);
        assertThat(h.raw()).startsWith("{\"seq\":" + r.seq() + ",");
    }

    @Test
    void aroundInterleavesNeighboursFromBothBundles() throws Exception {
        Row anchor = second.rows().get(1500); // while both logs are running
        int mid = rows.indexOf(anchor);
        List<Hit> hits = search.around(anchor.bundleId(), anchor.seq(), 10);
        assertThat(keys(hits)).isEqualTo(rows.subList(mid - 10, mid + 11).stream().map(Row::key).toList());
        assertThat(hits.stream().map(Hit::bundleId).distinct()).hasSize(2);
    }
}
