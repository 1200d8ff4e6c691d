package io.sealtrail.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.opensearch.ClusterImport;
import io.sealtrail.opensearch.ClusterSending;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an import into OpenSearch leaves behind when it cannot finish. */
class ClusterImportTest {
    @TempDir
    Path dir;

    @Test
    void anImportThatFailsLocallyLeavesNoIndexSoItCanBeTriedAgain() throws Exception {
        ClusterFixture both = ClusterFixture.shared();
        ClusterSending sending = new ClusterImport(both.client, "sealtrail-failed", 2, 1000).begin("f");
        int[] batches = {0};
        // the import is cancelled after some batches were sent, as a person cancelling it would
        assertThatThrownBy(() -> IndexBuilder.build(both.local.bundle(), both.local.report(), dir.resolve("index"),
                IndexBuilder.Progress.NONE, () -> batches[0]++ > 2, 2, sending))
                .isInstanceOf(java.util.concurrent.CancellationException.class);

        sending.abandon();

        String index = ClusterImport.indexName("sealtrail-failed", both.local.rows().get(0).bundleId());
        assertThat(both.client.indices().exists(e -> e.index(index)).value()).isFalse();
    }

    @Test
    void aBundleIsSentOnce() throws Exception {
        ClusterFixture both = ClusterFixture.shared();

        assertThatThrownBy(() -> ClusterFixture.indexAndSend(new ClusterImport(both.client, ClusterFixture.PREFIX, 2,
                1000), ClusterFixture.CASE_ID, both.local.bundle(), both.local.report(), dir.resolve("index")))
                .isInstanceOf(IOException.class).hasMessageContaining("a bundle is sent once");
    }

    @Test
    void aCaseWhoseAliasTheClusterDoesNotHoldIsNamedAsMissing() throws Exception {
        ClusterFixture both = ClusterFixture.shared();

        // asked with a count, which a reader's role allows (docs/opensearch.md), not with "does it exist"
        assertThatThrownBy(() -> io.sealtrail.opensearch.OpenSearchEventSearch.open(both.client,
                java.util.List.of("sealtrail-case-never-sent"), java.util.Map.of()))
                .isInstanceOf(IndexException.class).hasMessage("OpenSearch has no index sealtrail-case-never-sent");
    }

    @Test
    void prefixesWhereOneStartsTheOtherEachHaveTheirTemplate() throws Exception {
        ClusterFixture both = ClusterFixture.shared();

        new ClusterImport(both.client, "sealtrail-nest", 2, 1000).begin("n").abandon();
        new ClusterImport(both.client, "sealtrail-nest-two", 2, 1000).begin("n").abandon();

        assertThat(both.client.indices().existsIndexTemplate(e -> e.name("sealtrail-nest-two-events-v"
                + IndexSchema.VERSION)).value()).isTrue();
    }
}
