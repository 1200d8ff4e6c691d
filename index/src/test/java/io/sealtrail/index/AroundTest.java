package io.sealtrail.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.index.TestBundles.Fixture;
import io.sealtrail.index.TestBundles.Row;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code around} returns the anchor and its neighbours in event order, cut off at either end. */
class AroundTest {
    private static Fixture fixture;
    private static EventSearch search;

    @BeforeAll
    static void open() throws Exception {
        fixture = TestBundles.shared();
        search = EventSearch.open(List.of(fixture.index()));
    }

    @AfterAll
    static void close() throws Exception {
        search.close();
    }

    private static List<String> expected(int position, int window) {
        List<Row> rows = fixture.rows();
        return rows.subList(Math.max(0, position - window), Math.min(rows.size(), position + window + 1))
                .stream().map(Row::key).toList();
    }

    private static void check(int position, int window) throws Exception {
        Row anchor = fixture.rows().get(position);
        List<Hit> hits = search.around(anchor.bundleId(), anchor.seq(), window);
        assertThat(hits.stream().map(h -> h.bundleId() + "/" + h.seq())).containsExactlyElementsOf(expected(position, window));
        assertThat(hits.stream().filter(Hit::anchor)).singleElement()
                .satisfies(h -> assertThat(h.seq()).isEqualTo(anchor.seq()));
    }

    @Test
    void atTheStartThereIsNothingBefore() throws Exception {
        check(0, 5);
    }

    @Test
    void inTheMiddleBothSidesAreFull() throws Exception {
        check(fixture.rows().size() / 2, 7);
    }

    @Test
    void atTheEndThereIsNothingAfter() throws Exception {
        check(fixture.rows().size() - 1, 5);
    }

    @Test
    void windowZeroIsTheAnchorAlone() throws Exception {
        check(1234, 0);
    }

    @Test
    void unknownAnchorIsAnError() {
        assertThatThrownBy(() -> search.around("no-such-bundle", 1, 3)).isInstanceOf(IndexException.class)
                .hasMessageContaining("no event with seq 1");
    }
}
