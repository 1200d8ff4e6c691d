package io.sealtrail.app.cli;

import static io.sealtrail.app.cli.CliTest.ok;
import static io.sealtrail.app.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.CaseEngine;
import io.sealtrail.app.cli.CliTest.Run;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.ImportRecord;
import io.sealtrail.cases.JournalEntry;
import io.sealtrail.opensearch.ClusterConnection;
import io.sealtrail.opensearch.ClusterImport;
import io.sealtrail.opensearch.ClusterRecord;
import io.sealtrail.opensearch.TestNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code case send}: a local case's imports go to OpenSearch after the fact, built by the import's own code from the
 * case's evidence and held to its index, after which the case is searched there with the same answers; nothing is
 * sent twice, and an import whose evidence gives other events now than its import indexed is not sent. Against a
 * real node in the test JVM ({@link TestNode}).
 */
class ClusterCaseSendCliTest {
    @TempDir
    static Path dir;
    static Path first;
    static Path second;
    static Path syslog;
    static String url;

    @TempDir
    Path tmp;

    @BeforeAll
    static void generate() throws Exception {
        System.setProperty("sealtrail.home", dir.resolve("home").toString());
        first = dir.resolve("in/first");
        second = dir.resolve("in/second");
        ok("gen", "--events", "400", "--seed", "61", "--out", first.toString());
        ok("gen", "--events", "250", "--seed", "62", "--out", second.toString());
        syslog = dir.resolve("in/auth.log");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            lines.append(String.format("Mar  2 06:%02d:00 bastion sshd[%d]: Accepted publickey for %s from 10.0.0.%d"
                    + " port 22 ssh2%n", i, 100 + i, i % 3 == 0 ? "alice" : "bob", i));
        }
        Files.writeString(syslog, lines);
        url = TestNode.shared().url();
    }

    /** A case of both bundles and the syslog file (read as of 2025), imported on this machine only. */
    private Path localCase(String name) {
        Path caseDir = tmp.resolve(name);
        for (Path b : List.of(first, second)) {
            ok("import", b.toString(), "--case", caseDir.toString(), "--trust", first + ".vkey", "--trust",
                    second + ".vkey", "--no-trust-store");
        }
        Run r = run("import", syslog.toString(), "--case", caseDir.toString(), "--year", "2025", "--no-trust-store");
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(SealtrailCommand.EXIT_NO_EVIDENCE);
        return caseDir;
    }

    private static Run send(Path caseDir, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("case", "send", "--case", caseDir.toString(), "--year",
                "2025"));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    private static String answersFrom(Path caseDir) throws Exception {
        CaseFolder c = CaseFolder.open(caseDir, Clock.systemUTC());
        CaseEngine.Opened o = CaseEngine.open(c, c.bundles(), ClusterConnection::open, false);
        o.search().close();
        return o.answersFrom();
    }

    private static List<String> searches(Path caseDir) {
        return List.of(
                ok("search", "--case", caseDir.toString(), "--format", "csv", "--limit", "1000", "*").out(),
                ok("search", "--case", caseDir.toString(), "--format", "jsonl", "event.outcome:denied OR user.name:alice")
                        .out(),
                ok("facets", "--case", caseDir.toString(), "--field", "user.name").out(),
                ok("histogram", "--case", caseDir.toString(), "--interval", "1h").out(),
                ok("sessions", "--case", caseDir.toString()).out());
    }

    @Test
    void aLocalCaseSentIsThenSearchedInOpenSearchWithTheSameAnswers() throws Exception {
        Path caseDir = localCase("sent");
        List<String> local = searches(caseDir);

        Run r = send(caseDir, "--opensearch", url, "--index-prefix", "sealtrail-sent");

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("Sent first", ": 400 events to OpenSearch index", "Sent second", ": 250 events",
                "Sent auth.log", ": 30 events", "The case is searched in OpenSearch at " + url + " from now on.");
        assertThat(answersFrom(caseDir)).isEqualTo("OpenSearch at " + url);
        assertThat(searches(caseDir)).isEqualTo(local);
        CaseFolder c = CaseFolder.open(caseDir, Clock.systemUTC());
        assertThat(ClusterRecord.of(c)).extracting(ClusterRecord::alias)
                .containsOnly(ClusterImport.caseAlias("sealtrail-sent", c.id()));
        Run verify = run("case", "verify", "--case", caseDir.toString());
        assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).contains("holds the 400 events sent", "holds the 250 events sent",
                "holds the 30 events sent");
    }

    @Test
    void aSecondCaseSendSendsNothingTwice() throws Exception {
        Path caseDir = localCase("twice");
        ok("case", "send", "--case", caseDir.toString(), "--opensearch", url, "--index-prefix", "sealtrail-twice",
                "--year", "2025");

        Run again = send(caseDir);

        assertThat(again.exit()).isZero();
        assertThat(again.out()).startsWith("Nothing to send: every import of this case (3) is in OpenSearch at " + url);
        long sendings = CaseFolder.open(caseDir, Clock.systemUTC()).journal().entries().stream()
                .map(JournalEntry::type).filter(ClusterRecord.TYPE::equals).count();
        assertThat(sendings).isEqualTo(3);
    }

    @Test
    void aCaseThatLeftItsClusterWithLocalOnlyGoesBackWithoutNamingTheClusterAgain() throws Exception {
        Path caseDir = tmp.resolve("back");
        ok("import", first.toString(), "--case", caseDir.toString(), "--trust", first + ".vkey", "--no-trust-store",
                "--opensearch", url, "--index-prefix", "sealtrail-back");
        ok("import", second.toString(), "--case", caseDir.toString(), "--trust", second + ".vkey", "--no-trust-store",
                "--local-only");
        assertThat(answersFrom(caseDir)).isEqualTo("the local index");

        Run r = send(caseDir);

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("Sent second").doesNotContain("Sent first");
        assertThat(answersFrom(caseDir)).isEqualTo("OpenSearch at " + url);
        CaseFolder c = CaseFolder.open(caseDir, Clock.systemUTC());
        assertThat(ClusterRecord.of(c)).extracting(ClusterRecord::alias)
                .containsOnly(ClusterImport.caseAlias("sealtrail-back", c.id()));
    }

    @Test
    void anImportWhoseEvidenceGivesOtherEventsNowIsNotSentAndNothingOfItStaysInTheCluster() throws Exception {
        Path caseDir = localCase("other");

        // the syslog file read as of another year than its import: other times, so other documents
        Run r = run("case", "send", "--case", caseDir.toString(), "--opensearch", url, "--index-prefix",
                "sealtrail-other", "--year", "2024");

        assertThat(r.exit()).isEqualTo(ImportCommand.NOT_SENT);
        assertThat(r.err()).contains("auth.log", "gives other events now than its import indexed", "has time 2024-",
                "was not sent");
        assertThat(r.out()).contains("Sent first", "Sent second", "The case is searched from its local index");
        CaseFolder c = CaseFolder.open(caseDir, Clock.systemUTC());
        ImportRecord source = c.bundles().stream().filter(i -> !i.isBundle()).findFirst().orElseThrow();
        assertThat(ClusterRecord.of(c)).extracting(ClusterRecord::bundleId).doesNotContain(source.bundleId());
        try (var client = ClusterConnection.open(URI.create(url)).client()._transport()) {
            var os = new org.opensearch.client.opensearch.OpenSearchClient(client);
            assertThat(os.indices().exists(e -> e.index(ClusterImport.indexName("sealtrail-other",
                    source.bundleId()))).value()).isFalse();
        }
    }
}
