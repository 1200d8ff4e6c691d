package io.sealtrail.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.opensearch.ClusterImport;
import io.sealtrail.opensearch.OpenSearchEventSearch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A case of two bundles: two indices behind the case's alias (two shards) answer as the local search over both
 * indexes does, in one order across bundles, with exact facets however the counts split between shards.
 */
class TwoBundlesAgreeTest {
    private static final String PREFIX = "sealtrail-two";
    @TempDir
    static Path dir;
    private static EventSearch local;
    private static EventSearch cluster;

    @BeforeAll
    static void sendBoth() throws Exception {
        ClusterFixture first = ClusterFixture.shared();
        TestBundles.Fixture second = TestBundles.fixture(dir, 9, 3000);
        ClusterImport sender = new ClusterImport(first.client, PREFIX, 2, 1000);
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        ClusterFixture.indexAndSend(sender, "two", first.local.bundle(), first.local.report(), one);
        ClusterFixture.indexAndSend(sender, "two", second.bundle(), second.report(), two);
        local = EventSearch.open(List.of(one, two));
        cluster = OpenSearchEventSearch.open(first.client, List.of(ClusterImport.caseAlias(PREFIX, "two")), Map.of());
    }

    @AfterAll
    static void close() throws Exception {
        local.close();
        cluster.close();
    }

    @Test
    void everyEventComesInTheSameOrderAcrossBundles() throws Exception {
        List<Hit> l = new ArrayList<>();
        List<Hit> c = new ArrayList<>();
        local.export(EventQuery.of("event.action:login OR event.outcome:denied"), l::add);
        cluster.export(EventQuery.of("event.action:login OR event.outcome:denied"), c::add);

        assertThat(l.stream().map(Hit::bundleId).distinct()).hasSize(2);
        assertThat(c).containsExactlyElementsOf(l);
    }

    @Test
    void newestFirstPagesAgree() throws Exception {
        Page l = local.search(EventQuery.all(), 200, null, true);
        Page c = cluster.search(EventQuery.all(), 200, null, true);
        assertThat(c.hits()).containsExactlyElementsOf(l.hits());
        assertThat(cluster.search(EventQuery.all(), 200, c.next(), true).hits())
                .containsExactlyElementsOf(local.search(EventQuery.all(), 200, l.next(), true).hits());
    }

    @Test
    void facetsAreExactOverTwoShards() throws Exception {
        for (String f : List.of(IndexSchema.USER_NAME, IndexSchema.TARGET_NAME, IndexSchema.BUNDLE_ID, IndexSchema.SOURCE_IP)) {
            assertThat(cluster.facets(EventQuery.all(), f, 3)).as(f).containsExactlyElementsOf(local.facets(EventQuery.all(), f, 3));
        }
    }

    @Test
    void histogramsAndSessionsAgree() throws Exception {
        assertThat(cluster.histogram(EventQuery.all(), Duration.ofMinutes(10)))
                .containsExactlyElementsOf(local.histogram(EventQuery.all(), Duration.ofMinutes(10)));
        assertThat(cluster.histogramBy(EventQuery.all(), Duration.ofHours(1), IndexSchema.TARGET_NAME, 4))
                .containsExactlyElementsOf(local.histogramBy(EventQuery.all(), Duration.ofHours(1), IndexSchema.TARGET_NAME, 4));
        assertThat(cluster.sessions(EventQuery.of("event.outcome:failure")))
                .containsExactlyElementsOf(local.sessions(EventQuery.of("event.outcome:failure")));
    }
}
