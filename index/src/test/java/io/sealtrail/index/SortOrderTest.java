package io.sealtrail.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.index.TestBundles.Fixture;
import io.sealtrail.index.TestBundles.Row;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sorting by a field over two bundles at once: the index sorts, pages stay in that one order, ties in time order. */
class SortOrderTest {
    private static final String QUERY = "event.action:command OR event.outcome:denied"; // fewer than MAX_PAGE
    private static final SortOrder BY_USER = new SortOrder(IndexSchema.USER_NAME, false);

    @TempDir
    static Path dir;
    private static EventSearch search;
    private static List<Row> rows;

    @BeforeAll
    static void open() throws Exception {
        Fixture first = TestBundles.shared();
        Fixture second = TestBundles.fixture(dir, 11, 3_000);
        search = EventSearch.open(List.of(first.index(), second.index()));
        rows = Stream.concat(first.rows().stream(), second.rows().stream()).toList();
    }

    @AfterAll
    static void close() throws Exception {
        search.close();
    }

    private static List<Hit> paged(EventQuery q, int size, SortOrder order) throws IndexException {
        List<Hit> out = new ArrayList<>();
        Page page = search.search(q, size, null, order);
        out.addAll(page.hits());
        while (page.next() != null) {
            page = search.search(q, size, page.next(), order);
            out.addAll(page.hits());
        }
        return out;
    }

    private static List<String> keys(List<Hit> hits) {
        return hits.stream().map(h -> h.bundleId() + "/" + h.seq()).toList();
    }

    private static String user(Row r) {
        return r.event() == null || r.event().user() == null ? null : r.event().user().name();
    }

    @Test
    void pagesSortedByAKeywordFieldAcrossTwoBundlesEqualOneBigSortedSearch() throws Exception {
        List<Hit> paged = paged(EventQuery.of(QUERY), 97, BY_USER);
        List<Hit> big = search.search(EventQuery.of(QUERY), EventSearch.MAX_PAGE, null, BY_USER).hits();

        assertThat(big).hasSizeGreaterThan(97 * 3);
        assertThat(keys(paged)).isEqualTo(keys(big));
    }

    @Test
    void sortingByUserNameOrdersEveryEventOfTheCaseByNameThenTime() throws Exception {
        List<String> expected = rows.stream()
                .sorted(Comparator.comparing(SortOrderTest::user, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Row.ORDER))
                .map(Row::key).toList();

        assertThat(keys(paged(EventQuery.all(), EventSearch.MAX_PAGE, BY_USER))).isEqualTo(expected);
    }

    @Test
    void descendingIsTheExactReverseOnDistinctValues() throws Exception {
        List<String> up = distinctRuns(paged(EventQuery.of(QUERY), 500, BY_USER));
        List<String> down = new ArrayList<>(distinctRuns(paged(EventQuery.of(QUERY), 500, BY_USER.reversed())));
        java.util.Collections.reverse(down);

        assertThat(up).hasSizeGreaterThan(3);
        assertThat(down).isEqualTo(up);
    }

    private static List<String> distinctRuns(List<Hit> hits) {
        List<String> out = new ArrayList<>();
        for (Hit h : hits) {
            if (out.isEmpty() || !out.get(out.size() - 1).equals(h.userName())) {
                out.add(h.userName());
            }
        }
        return out;
    }

    @Test
    void eventsWithoutTheFieldComeLastEitherWay() throws Exception {
        SortOrder bySession = new SortOrder(IndexSchema.SESSION_ID, false);
        for (SortOrder order : List.of(bySession, bySession.reversed())) {
            List<Hit> hits = paged(EventQuery.all(), EventSearch.MAX_PAGE, order);
            int firstMissing = hits.indexOf(hits.stream().filter(h -> h.sessionId() == null).findFirst().orElseThrow());

            assertThat(hits.subList(firstMissing, hits.size())).allMatch(h -> h.sessionId() == null);
        }
    }

    @Test
    void sortingByANumericFieldOrdersByItsValue() throws Exception {
        List<Hit> hits = search.search(EventQuery.of(QUERY), EventSearch.MAX_PAGE, null,
                new SortOrder(IndexSchema.SEQ, true)).hits();

        assertThat(hits).extracting(Hit::seq).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void aCursorOfOneOrderRefusesAnother() throws Exception {
        Cursor byUser = search.search(EventQuery.all(), 10, null, BY_USER).next();

        assertThatThrownBy(() -> search.search(EventQuery.all(), 10, byUser, BY_USER.reversed()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user.name:asc");
        assertThatThrownBy(() -> search.search(EventQuery.all(), 10, byUser))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFieldTheIndexCannotSortByIsAPlainError() {
        assertThatThrownBy(() -> search.search(EventQuery.all(), 10, null, new SortOrder("command", false)))
                .isInstanceOf(IndexException.class).hasMessageStartingWith("cannot sort by \"command\"");
        assertThatThrownBy(() -> search.search(EventQuery.all(), 10, null, new SortOrder("usr.name", false)))
                .isInstanceOf(IndexException.class).hasMessageContaining("no such field");
    }

    @Test
    void theNewestFirstOrderIsTimeDescending() throws Exception {
        assertThat(keys(search.search(EventQuery.of(QUERY), 50, null, SortOrder.NEWEST_FIRST).hits()))
                .isEqualTo(keys(search.search(EventQuery.of(QUERY), 50, null, true).hits()));
    }
}
