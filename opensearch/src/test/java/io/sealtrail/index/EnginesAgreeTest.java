package io.sealtrail.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Beyond which events match: the local index and OpenSearch give the same hits field for field, the same pages,
 * facets, histograms, sessions, neighbours and result-set identity for the same case.
 */
class EnginesAgreeTest {
    private static ClusterFixture both;

    @BeforeAll
    static void open() throws Exception {
        both = ClusterFixture.shared();
    }

    @Test
    void theImportSentEveryEventOfTheBundle() throws Exception {
        assertThat(both.sent.events()).isEqualTo(both.local.rows().size());
        assertThat(both.cluster.count(EventQuery.all())).isEqualTo(both.local.rows().size());
    }

    @Test
    void hitsAreEqualFieldForField() throws Exception {
        EventQuery q = EventQuery.of("event.outcome:failure OR integrity:broken OR (NOT user.name:*)");
        List<Hit> local = new ArrayList<>();
        List<Hit> cluster = new ArrayList<>();
        both.lucene.export(q, local::add);
        both.cluster.export(q, cluster::add);

        assertThat(local).isNotEmpty();
        assertThat(cluster).containsExactlyElementsOf(local);
    }

    @Test
    void wordsPhrasesAndHashesMeanTheSame() throws Exception {
        Hit some = both.lucene.search(EventQuery.of("command:*"), 1, null).hits().get(0);
        String word = some.command().split("[^A-Za-z0-9]+")[0].toLowerCase(java.util.Locale.ROOT);
        for (String q : List.of(word, "\"" + some.command() + "\"", "event.hash:" + some.entryHash(),
                "event.hash:" + some.entryHash().substring(0, 5) + "*", "event.hash:" + some.entryHash().substring(0, 20) + "*",
                "time:" + some.time().toString().substring(0, 10), "alice~1", "target.name:[a TO m}",
                "seq:[10 TO 20] OR seq:7", "source.port:[1024 TO *]", "NOT event.action:login", "user.name:*",
                "NOT command:*", "time:[" + some.time() + " TO " + some.time().plusSeconds(3600) + "] OR time:["
                        + some.time().plusSeconds(7200) + " TO " + some.time().plusSeconds(9000) + "}")) {
            assertThat(keys(both.cluster, EventQuery.of(q))).as(q).containsExactlyElementsOf(keys(both.lucene, EventQuery.of(q)));
        }
    }

    @Test
    void pagesFollowTheSameOrderInEverySorting() throws Exception {
        for (SortOrder order : List.of(SortOrder.TIME, SortOrder.NEWEST_FIRST, new SortOrder(IndexSchema.USER_NAME, false),
                new SortOrder(IndexSchema.USER_ROLES, true), new SortOrder(IndexSchema.SEQ, true))) {
            Cursor localAt = null;
            Cursor clusterAt = null;
            for (int page = 0; page < 3; page++) {
                Page l = both.lucene.search(EventQuery.of("event.action:login"), 50, localAt, order);
                Page c = both.cluster.search(EventQuery.of("event.action:login"), 50, clusterAt, order);
                assertThat(c.hits()).as(order + " page " + page).containsExactlyElementsOf(l.hits());
                assertThat(c.total()).isEqualTo(l.total());
                localAt = l.next();
                clusterAt = c.next();
            }
        }
    }

    @Test
    void aPageOfTheLargestSizeIsAnsweredAsLocally() throws Exception {
        for (String q : List.of("*", "event.action:login")) {
            Page l = both.lucene.search(EventQuery.of(q), EventSearch.MAX_PAGE, null, SortOrder.TIME);
            Page c = both.cluster.search(EventQuery.of(q), EventSearch.MAX_PAGE, null, SortOrder.TIME);

            assertThat(c.hits()).as(q).containsExactlyElementsOf(l.hits());
            assertThat(c.next() == null).as(q + ": another page").isEqualTo(l.next() == null);
        }
        Page first = both.cluster.search(EventQuery.all(), EventSearch.MAX_PAGE - 1, null, SortOrder.TIME);
        assertThat(both.cluster.search(EventQuery.all(), EventSearch.MAX_PAGE, first.next(), SortOrder.TIME).hits())
                .containsExactlyElementsOf(both.lucene.search(EventQuery.all(), EventSearch.MAX_PAGE,
                        both.lucene.search(EventQuery.all(), EventSearch.MAX_PAGE - 1, null, SortOrder.TIME).next(),
                        SortOrder.TIME).hits());
    }

    @Test
    void facetsCountTheSameValues() throws Exception {
        for (String field : List.of(IndexSchema.USER_NAME, IndexSchema.USER_ROLES, IndexSchema.ACTION,
                IndexSchema.TARGET_NAME, IndexSchema.INTEGRITY, IndexSchema.COMMAND_KEYWORD, IndexSchema.EVENT_HASH)) {
            EventQuery q = EventQuery.of("NOT event.outcome:success");
            assertThat(both.cluster.facets(q, field, 7)).as(field).containsExactlyElementsOf(both.lucene.facets(q, field, 7));
        }
    }

    @Test
    void histogramsHaveTheSameBuckets() throws Exception {
        for (Duration d : List.of(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofDays(1))) {
            assertThat(both.cluster.histogram(EventQuery.all(), d)).as(d.toString())
                    .containsExactlyElementsOf(both.lucene.histogram(EventQuery.all(), d));
        }
        assertThat(both.cluster.histogramBy(EventQuery.all(), Duration.ofHours(1), IndexSchema.USER_NAME, 5))
                .containsExactlyElementsOf(both.lucene.histogramBy(EventQuery.all(), Duration.ofHours(1), IndexSchema.USER_NAME, 5));
    }

    @Test
    void sessionsHaveTheSameSpans() throws Exception {
        List<SessionSpan> local = both.lucene.sessions(EventQuery.all());

        assertThat(local).isNotEmpty();
        assertThat(both.cluster.sessions(EventQuery.all())).containsExactlyElementsOf(local);
    }

    @Test
    void aroundGivesTheSameNeighbours() throws Exception {
        TestBundles.Row mid = both.local.rows().get(both.local.rows().size() / 2);
        TestBundles.Row first = both.local.rows().get(0);
        assertThat(both.cluster.around(mid.bundleId(), mid.seq(), 5))
                .containsExactlyElementsOf(both.lucene.around(mid.bundleId(), mid.seq(), 5));
        assertThat(both.cluster.around(first.bundleId(), first.seq(), 3))
                .containsExactlyElementsOf(both.lucene.around(first.bundleId(), first.seq(), 3));
    }

    @Test
    void resultSetsCiteTheSameEvents() throws Exception {
        EventQuery q = EventQuery.of("event.outcome:denied");
        assertThat(both.cluster.resultSet(q)).isEqualTo(both.lucene.resultSet(q));
    }

    @Test
    void aQueryErrorIsTheLocalSentence() {
        assertThatThrownBy(() -> both.cluster.count(EventQuery.of("usr.name:alice")))
                .isInstanceOf(IndexException.class).hasMessageContaining("unknown field usr.name");
    }

    private static List<String> keys(EventSearch s, EventQuery q) throws IndexException {
        List<String> out = new ArrayList<>();
        s.export(q, h -> out.add(h.bundleId() + "/" + h.leaf()));
        return out;
    }
}
