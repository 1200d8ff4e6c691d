package io.sealtrail.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.opensearch.ClusterCheck;
import io.sealtrail.opensearch.ClusterConnection;
import io.sealtrail.opensearch.ClusterImport;
import io.sealtrail.opensearch.ClusterRecord;
import io.sealtrail.opensearch.ClusterSending;
import io.sealtrail.opensearch.TestNode;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.indices.IndexSettings;

/**
 * How the events are loaded: without refreshes or replicas while the bulk requests run, the index's own settings
 * after; and a node that turns requests away for load (HTTP 429) still ends up with every event exactly once.
 */
class BulkLoadTest {
    @TempDir
    Path dir;

    @Test
    void whileLoadingTheIndexHasNoRefreshAndNoReplicaAndAfterItsOwnSettings() throws Exception {
        ClusterFixture both = ClusterFixture.shared();
        ClusterSending sending = new ClusterImport(both.client, "sealtrail-settings", 2, 1000).begin("s");
        String index = ClusterImport.indexName("sealtrail-settings", both.local.rows().get(0).bundleId());
        List<String> during = new ArrayList<>();
        IndexTap watching = events -> {
            sending.batch(events);
            if (during.isEmpty()) {
                try {
                    during.add(settings(both.client, index));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };

        IndexBuilder.build(both.local.bundle(), both.local.report(), dir.resolve("index"), IndexBuilder.Progress.NONE,
                () -> false, 1, watching);
        sending.finish(both.local.rows().get(0).bundleId(), dir.resolve("index"));

        assertThat(during).containsExactly("refresh -1, replicas 0");
        assertThat(settings(both.client, index)).isEqualTo("refresh 1s, replicas 1");
    }

    private static String settings(OpenSearchClient client, String index) throws java.io.IOException {
        IndexSettings s = client.indices().getSettings(g -> g.index(index).includeDefaults(true)).result().get(index)
                .settings();
        IndexSettings i = s.index() != null ? s.index() : s;
        return "refresh " + (i.refreshInterval() == null ? "1s" : i.refreshInterval().time()) + ", replicas "
                + i.numberOfReplicas();
    }

    @Test
    void aNodeThatTurnsBulkRequestsAwayGetsEveryEventExactlyOnce() throws Exception {
        ClusterFixture both = ClusterFixture.shared();
        // one write thread and a queue of one: more requests at once than that are refused with 429 by the node itself
        TestNode busy = TestNode.startWith("sealtrail-busy", Map.of("thread_pool.write.size", "1",
                "thread_pool.write.queue_size", "1"));
        try (var transport = ClusterConnection.open(URI.create(busy.url())).client()._transport()) {
            OpenSearchClient client = new OpenSearchClient(transport);
            ClusterImport.Sent sent = ClusterFixture.indexAndSend(new ClusterImport(client, "sealtrail-busy", 6, 200),
                    "busy", both.local.bundle(), both.local.report(), dir.resolve("index"));

            long rejected = client.nodes().stats(s -> s.metric("thread_pool")).nodes().values().stream()
                    .mapToLong(n -> n.threadPool().get("write").rejected()).sum();
            assertThat(rejected).as("requests the node turned away").isPositive();
            assertThat(sent.events()).isEqualTo(both.local.rows().size());
            ClusterCheck.Result check = ClusterCheck.check(client, new ClusterRecord(both.local.rows().get(0).bundleId(),
                    URI.create(busy.url()), sent.index(), "a", sent.events(), sent.entryHashes()));
            assertThat(check.ok()).as(check.describe()).isTrue();
            assertThat(check.entryHashes()).isEqualTo(both.sent.entryHashes());
        } finally {
            busy.close();
        }
    }
}
