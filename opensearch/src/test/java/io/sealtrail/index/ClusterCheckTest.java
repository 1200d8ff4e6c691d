package io.sealtrail.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.CaseJournal;
import io.sealtrail.opensearch.ClusterCheck;
import io.sealtrail.opensearch.ClusterImport;
import io.sealtrail.opensearch.ClusterRecord;
import io.sealtrail.opensearch.TestNode;
import io.sealtrail.verify.note.NoteSigner;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensearch.client.opensearch._types.Refresh;

/** {@code case verify}'s check of the cluster: it holds exactly what the import sent, or the check says what differs. */
class ClusterCheckTest {
    private static final NoteSigner AUDITOR = NoteSigner.fromSeed("auditor/alice@laptop", new byte[32]);
    private static ClusterFixture both;
    private static String bundle;

    @BeforeAll
    static void open() throws Exception {
        both = ClusterFixture.shared();
        bundle = both.local.rows().get(0).bundleId();
    }

    private static ClusterRecord record(ClusterImport.Sent sent, String alias) {
        return new ClusterRecord(bundle, URI.create(TestNode.shared().url()), sent.index(), alias, sent.events(),
                sent.entryHashes());
    }

    /** The shared bundle sent again under its own prefix, for a test to change. */
    private static ClusterRecord sentAgain(String prefix, Path dir) throws Exception {
        ClusterImport.Sent sent = ClusterFixture.indexAndSend(new ClusterImport(both.client, prefix, 2, 1000), "t",
                both.local.bundle(), both.local.report(), dir.resolve("index"));
        return record(sent, ClusterImport.caseAlias(prefix, "t"));
    }

    @Test
    void anUntouchedIndexHoldsWhatWasSent() throws Exception {
        ClusterCheck.Result r = ClusterCheck.check(both.client, record(both.sent, "a"));

        assertThat(r.ok()).as(r.describe()).isTrue();
        assertThat(r.events()).isEqualTo(both.local.rows().size());
    }

    @Test
    void aRemovedEventIsFound(@TempDir Path dir) throws Exception {
        ClusterRecord r = sentAgain("sealtrail-removed", dir);
        TestBundles.Row victim = both.local.rows().get(1234);
        both.client.delete(d -> d.index(r.index()).id(bundle + ":" + victim.leaf()).refresh(Refresh.True));

        ClusterCheck.Result found = ClusterCheck.check(both.client, r);

        assertThat(found.ok()).isFalse();
        assertThat(found.events()).isEqualTo(r.events() - 1);
        assertThat(found.describe()).contains("expected " + r.events() + " events");
    }

    @Test
    void aChangedEntryHashIsFoundWithTheSameCount(@TempDir Path dir) throws Exception {
        ClusterRecord r = sentAgain("sealtrail-changed", dir);
        TestBundles.Row victim = both.local.rows().get(42);
        both.client.update(u -> u.index(r.index()).id(bundle + ":" + victim.leaf())
                .doc(Map.of(IndexSchema.EVENT_HASH, "0".repeat(64))).refresh(Refresh.True), Map.class);

        ClusterCheck.Result found = ClusterCheck.check(both.client, r);

        assertThat(found.events()).isEqualTo(r.events());
        assertThat(found.ok()).isFalse();
    }

    @Test
    void theRecordIsASignedJournalEntryReadBack(@TempDir Path dir) throws Exception {
        CaseFolder c = CaseFolder.create(dir.resolve("case"), "c", Clock.systemUTC(), AUDITOR);
        ClusterRecord r = record(both.sent, "sealtrail-case-x");

        r.append(c, AUDITOR);

        assertThat(ClusterRecord.of(c)).containsExactly(r);
        CaseJournal.Check journal = c.journal().verify(List.of(AUDITOR.verifierKey()));
        assertThat(journal.ok()).as(journal.findings().toString()).isTrue();
    }
}
