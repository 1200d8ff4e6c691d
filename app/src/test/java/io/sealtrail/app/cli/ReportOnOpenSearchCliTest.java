package io.sealtrail.app.cli;

import static io.sealtrail.app.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.ClusterCaseFixture;
import io.sealtrail.app.cli.CliTest.Run;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.opensearch.ClusterRecord;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report} on a case that lives in OpenSearch (a real node in this JVM): the cluster searches and counts, the
 * report says so, its proofs still verify; a cluster that cannot be reached stops the report as it stops a search.
 */
class ReportOnOpenSearchCliTest {
    @TempDir
    static Path dir;
    static ClusterCaseFixture fixture;

    static String home;

    @BeforeAll
    static void cluster() throws Exception {
        fixture = ClusterCaseFixture.shared();
        home = System.getProperty("sealtrail.home");
        System.setProperty("sealtrail.home", fixture.home.toString()); // a report is journaled by the case's holder
    }

    @AfterAll
    static void restore() {
        if (home == null) {
            System.clearProperty("sealtrail.home");
        } else {
            System.setProperty("sealtrail.home", home);
        }
    }

    @Test
    void theReportOfAClusterCaseSaysOpenSearchSearchedAndCountedIt() throws Exception {
        Path pdf = dir.resolve("cluster.pdf");

        Run r = CliTest.ok("report", "--case", fixture.caseDir.toString(), "--out", pdf.toString(), "--trust",
                fixture.vkey.toString(), "--no-trust-store");

        String alias = ClusterCaseFixture.PREFIX + "-case-" + CaseFolder.open(fixture.caseDir, Clock.systemUTC()).id();
        assertThat(r.out()).contains("Searched and counted by OpenSearch at " + fixture.url + " (alias " + alias + ")");
        assertThat(text(pdf)).contains("The events were searched and counted by OpenSearch at " + fixture.url
                + " (alias " + alias + "), to which every bundle of the case was sent")
                .contains("every cited event's proof comes from the case's own evidence");
    }

    @Test
    void theReportOfAClusterCaseStillVerifiesWithTheLogKey() {
        Path pdf = dir.resolve("verify.pdf");
        CliTest.ok("report", "--case", fixture.caseDir.toString(), "--out", pdf.toString(), "--trust",
                fixture.vkey.toString(), "--no-trust-store");

        Run v = run("report", "verify", pdf.toString(), "--vkey", fixture.vkey.toString());

        assertThat(v.exit()).as(v.out() + v.err()).isEqualTo(SealtrailCommand.EXIT_VERIFIED);
        assertThat(v.out()).contains("3 of 3 cited events proven");
    }

    @Test
    void aClusterThatCannotBeReachedStopsTheReportAsItStopsASearchAndWritesNothing() throws Exception {
        String url = closedPort();
        Path caseDir = unreachableCase(url);
        Path out = dir.resolve("down/report.pdf");
        Files.createDirectories(out.getParent());

        Run search = run("search", "--case", caseDir.toString(), "*");
        Run r = run("report", "--case", caseDir.toString(), "--out", out.toString(), "--trust",
                fixture.vkey.toString(), "--no-trust-store");

        assertThat(search.exit()).isEqualTo(SealtrailCommand.EXIT_USAGE);
        assertThat(r.exit()).isEqualTo(search.exit());
        assertThat(r.err().strip()).contains("OpenSearch at " + url).contains("cannot be searched")
                .doesNotContain("Exception").doesNotContain("\n");
        try (Stream<Path> left = Files.list(out.getParent())) {
            assertThat(left).isEmpty(); // no report, no temporary file beside it
        }
    }

    /** A case of one bundle imported locally, whose signed journal says its events were sent to {@code url}. */
    private static Path unreachableCase(String url) throws Exception {
        CliTest.CitedCase cited = CliTest.citedCase(dir.resolve("unreachable"), 300, 17, 100);
        CaseFolder c = CaseFolder.open(cited.caseDir(), Clock.systemUTC());
        String id = c.bundles().get(0).bundleId();
        new ClusterRecord(id, URI.create(url), "sealtrail-events-" + id, "sealtrail-case-" + c.id(),
                c.bundles().get(0).events(), "0".repeat(64)).append(c, fixture.auditor());
        return cited.caseDir();
    }

    private static String closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + s.getLocalPort();
        }
    }

    private static String text(Path pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }
}
