package io.sealtrail.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The facets and histogram of every event are counted once per open index and kept: asked again, in another size or
 * interval, they answer what counting again would (a query that matches every event without being "*" is counted).
 */
class EveryEventAggregationsTest {
    private static final EventQuery EVERY = EventQuery.all();
    private static final EventQuery EVERY_COUNTED = EventQuery.of("seq:[0 TO *]");
    private static EventSearch search;

    @BeforeAll
    static void open() throws Exception {
        search = EventSearch.open(List.of(TestBundles.shared().index()));
    }

    @AfterAll
    static void close() throws Exception {
        search.close();
    }

    @Test
    void theQueryThatCountsEveryEventOtherwiseMatchesThemAll() throws Exception {
        assertThat(search.count(EVERY_COUNTED)).isEqualTo(TestBundles.EVENTS);
    }

    @Test
    void facetsOfEveryEventAskedAgainInAnotherSizeAreThoseCountedAgain() throws Exception {
        for (String field : List.of(IndexSchema.USER_NAME, IndexSchema.ACTION, IndexSchema.TARGET_NAME)) {
            assertThat(search.facets(EVERY, field, 3)).isEqualTo(search.facets(EVERY_COUNTED, field, 3));
            assertThat(search.facets(EVERY, field, 50)).isEqualTo(search.facets(EVERY_COUNTED, field, 50));
            assertThat(search.facets(EVERY, field, 1)).isEqualTo(search.facets(EVERY_COUNTED, field, 1));
        }
    }

    @Test
    void histogramsOfEveryEventInEachIntervalAreThoseCountedAgain() throws Exception {
        for (Duration d : List.of(Duration.ofHours(1), Duration.ofMinutes(5), Duration.ofDays(1), Duration.ofHours(1))) {
            assertThat(search.histogram(EVERY, d)).isEqualTo(search.histogram(EVERY_COUNTED, d)).isNotEmpty();
        }
    }

    @Test
    void aTimeWindowIsNotServedFromTheCountsOfEveryEvent() throws Exception {
        List<Bucket> all = search.histogram(EVERY, Duration.ofHours(1));
        EventQuery firstHour = new EventQuery("*", all.get(0).start(), all.get(0).start().plus(Duration.ofHours(1)));
        assertThat(search.histogram(firstHour, Duration.ofHours(1))).singleElement().isEqualTo(all.get(0));
        assertThat(search.facets(firstHour, IndexSchema.USER_NAME, 100).stream().mapToLong(FacetValue::count).sum())
                .isLessThan(search.facets(EVERY, IndexSchema.USER_NAME, 100).stream().mapToLong(FacetValue::count).sum());
    }
}
