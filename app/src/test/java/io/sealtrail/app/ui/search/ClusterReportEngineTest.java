package io.sealtrail.app.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.ClusterCaseFixture;
import io.sealtrail.app.ui.TestBundles;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.CaseImporter;
import io.sealtrail.opensearch.ClusterRecord;
import io.sealtrail.verify.VerifyOptions;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's report asks the engine the window asks: the case's cluster (a real node in this JVM), named with the
 * case's alias; when the window falls back to the local index, the report opens that index for itself.
 */
class ClusterReportEngineTest {
    @TempDir
    Path tmp;

    @Test
    void aCaseSearchedInOpenSearchIsReportedFromTheWindowsSearchThere() throws Exception {
        ClusterCaseFixture f = ClusterCaseFixture.shared();

        CaseViewModel.Opened o = CaseViewModel.read(f.caseDir);
        try {
            assertThat(o.answersFrom()).isEqualTo("OpenSearch at " + f.url);
            assertThat(o.report().search()).isSameAs(o.index());
            assertThat(o.report().answeredBy()).isEqualTo("OpenSearch at " + f.url + " (alias "
                    + ClusterCaseFixture.PREFIX + "-case-" + o.folder().id() + ")");
        } finally {
            o.index().close();
        }
    }

    @Test
    void aCaseWhoseClusterCannotBeReachedIsReportedFromItsLocalIndex() throws Exception {
        Path caseDir = tmp.resolve("case");
        CaseFolder c = CaseFolder.create(caseDir, "Cluster case", Clock.systemUTC());
        CaseImporter.Result r = new CaseImporter().importBundle(c, TestBundles.intact(tmp.resolve("in")),
                new VerifyOptions(List.of(TestBundles.key()), List.of(), null, 2), TestBundles.signer(),
                CaseImporter.Progress.NONE, () -> false);
        new ClusterRecord(r.record().bundleId(), URI.create(closedPort()), "sealtrail-events-x", "sealtrail-case-x",
                r.record().events(), "0".repeat(64)).append(c, TestBundles.signer());

        CaseViewModel.Opened o = CaseViewModel.read(caseDir);
        o.index().close();

        assertThat(o.fallback()).contains("cannot be searched");
        assertThat(o.report()).isNull(); // ReportBuilder opens the whole local index itself
    }

    private static String closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + s.getLocalPort();
        }
    }
}
