package io.sealtrail.index;

import io.sealtrail.index.TestBundles.Fixture;
import io.sealtrail.opensearch.ClusterConnection;
import io.sealtrail.opensearch.ClusterImport;
import io.sealtrail.opensearch.OpenSearchEventSearch;
import io.sealtrail.opensearch.TestNode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.opensearch.client.opensearch.OpenSearchClient;

/**
 * The index module's shared test bundle (10,000 generated events) searched two ways: its local index, and the same
 * events sent to the test OpenSearch node. Built once per test JVM.
 */
final class ClusterFixture {
    static final String PREFIX = "sealtrail-test";
    static final String CASE_ID = "differential";
    private static ClusterFixture shared;

    final Fixture local;
    final ClusterImport.Sent sent;
    final OpenSearchClient client;
    final EventSearch lucene;
    final EventSearch cluster;

    private ClusterFixture(Fixture local, ClusterImport.Sent sent, OpenSearchClient client, EventSearch lucene,
                           EventSearch cluster) {
        this.local = local;
        this.sent = sent;
        this.client = client;
        this.lucene = lucene;
        this.cluster = cluster;
    }

    static synchronized ClusterFixture shared() throws Exception {
        if (shared == null) {
            Fixture f = TestBundles.shared();
            OpenSearchClient client = ClusterConnection.open(URI.create(TestNode.shared().url())).client();
            String bundle = f.rows().get(0).bundleId();
            ClusterImport.Sent sent = new ClusterImport(client, PREFIX, 2, 1000).send(bundle, f.index(), CASE_ID);
            shared = new ClusterFixture(f, sent, client, EventSearch.open(List.of(f.index())),
                    OpenSearchEventSearch.open(client, List.of(ClusterImport.caseAlias(PREFIX, CASE_ID)), Map.of()));
        }
        return shared;
    }
}
