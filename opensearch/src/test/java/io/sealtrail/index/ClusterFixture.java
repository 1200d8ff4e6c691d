package io.sealtrail.index;

import io.sealtrail.index.TestBundles.Fixture;
import io.sealtrail.opensearch.ClusterConnection;
import io.sealtrail.opensearch.ClusterImport;
import io.sealtrail.opensearch.ClusterSending;
import io.sealtrail.opensearch.OpenSearchEventSearch;
import io.sealtrail.opensearch.TestNode;
import io.sealtrail.verify.VerificationReport;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.opensearch.client.opensearch.OpenSearchClient;

/**
 * The index module's shared test bundle (10,000 generated events) searched two ways: a local index, and the same
 * events sent to the test OpenSearch node by the import that built that index (one pass). Built once per test JVM.
 */
final class ClusterFixture {
    static final String PREFIX = "sealtrail-test";
    static final String CASE_ID = "differential";
    private static ClusterFixture shared;

    final Fixture local;
    final Path localIndex;
    final ClusterImport.Sent sent;
    final OpenSearchClient client;
    final EventSearch lucene;
    final EventSearch cluster;

    private ClusterFixture(Fixture local, Path localIndex, ClusterImport.Sent sent, OpenSearchClient client,
                           EventSearch lucene, EventSearch cluster) {
        this.local = local;
        this.localIndex = localIndex;
        this.sent = sent;
        this.client = client;
        this.lucene = lucene;
        this.cluster = cluster;
    }

    static synchronized ClusterFixture shared() throws Exception {
        if (shared == null) {
            Fixture f = TestBundles.shared();
            OpenSearchClient client = ClusterConnection.open(URI.create(TestNode.shared().url())).client();
            Path index = Files.createTempDirectory("sealtrail-cluster-fixture-").resolve("index");
            ClusterImport.Sent sent = indexAndSend(new ClusterImport(client, PREFIX, 2, 1000), CASE_ID, f.bundle(),
                    f.report(), index);
            shared = new ClusterFixture(f, index, sent, client, EventSearch.open(List.of(index)),
                    OpenSearchEventSearch.open(client, List.of(ClusterImport.caseAlias(PREFIX, CASE_ID)), Map.of()));
        }
        return shared;
    }

    /** Indexes a bundle into {@code target} as an import does, sending its events to the cluster in the same pass. */
    static ClusterImport.Sent indexAndSend(ClusterImport sender, String caseId, Path bundle, VerificationReport report,
                                           Path target) throws IOException, IndexException {
        ClusterSending sending = sender.begin(caseId);
        try {
            IndexBuilder.build(bundle, report, target, IndexBuilder.Progress.NONE, () -> false, 2, sending);
        } catch (IOException | IndexException | RuntimeException e) {
            sending.abandon();
            throw e;
        }
        return sending.finish(report.manifest().bundleId(), target);
    }
}
