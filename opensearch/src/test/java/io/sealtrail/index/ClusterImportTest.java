package io.sealtrail.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.opensearch.ClusterImport;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** What an import into OpenSearch leaves behind when it cannot finish. */
class ClusterImportTest {

    @Test
    void aFailedImportLeavesNoIndexSoItCanBeTriedAgain() throws Exception {
        ClusterFixture both = ClusterFixture.shared();
        ClusterImport sender = new ClusterImport(both.client, "sealtrail-failed", 2, 1000);

        assertThatThrownBy(() -> sender.send("not-this-bundle", both.local.index(), "f"))
                .isInstanceOf(IOException.class).hasMessageContaining("not not-this-bundle");

        String index = ClusterImport.indexName("sealtrail-failed", "not-this-bundle");
        assertThat(both.client.indices().exists(e -> e.index(index)).value()).isFalse();
    }

    @Test
    void aBundleIsSentOnce() throws Exception {
        ClusterFixture both = ClusterFixture.shared();
        String bundle = both.local.rows().get(0).bundleId();

        assertThatThrownBy(() -> new ClusterImport(both.client, ClusterFixture.PREFIX, 2, 1000)
                .send(bundle, both.local.index(), ClusterFixture.CASE_ID))
                .isInstanceOf(IOException.class).hasMessageContaining("a bundle is sent once");
    }
}
