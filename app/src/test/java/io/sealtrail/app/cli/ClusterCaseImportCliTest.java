package io.sealtrail.app.cli;

import static io.sealtrail.app.cli.CliTest.ok;
import static io.sealtrail.app.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.CaseEngine;
import io.sealtrail.app.cli.CliTest.Run;
import io.sealtrail.cases.AuditorKey;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.ImportRecord;
import io.sealtrail.index.EventQuery;
import io.sealtrail.index.EventSearch;
import io.sealtrail.opensearch.ClusterConnection;
import io.sealtrail.opensearch.ClusterImport;
import io.sealtrail.opensearch.ClusterRecord;
import io.sealtrail.opensearch.TestNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A case that lives in OpenSearch stays there when more evidence is imported without {@code --opensearch}: the
 * import sends to the cluster the case's journal names, unless the person says {@code --local-only}, and a cluster
 * that cannot be reached leaves the bundle imported locally with exit code 5 and says where the case is searched
 * now. Against a real node in the test JVM ({@link TestNode}).
 */
class ClusterCaseImportCliTest {
    @TempDir
    static Path dir;
    static Path first;
    static Path second;
    static String url;

    @TempDir
    Path tmp;

    @BeforeAll
    static void generate() {
        System.setProperty("sealtrail.home", dir.resolve("home").toString());
        first = dir.resolve("in/first");
        second = dir.resolve("in/second");
        ok("gen", "--events", "300", "--seed", "51", "--out", first.toString());
        ok("gen", "--events", "200", "--seed", "52", "--out", second.toString());
        url = TestNode.shared().url();
    }

    /** Imports {@code bundle} into {@code caseDir}, trusting both bundles' keys, with {@code more} options. */
    private static Run importInto(Path caseDir, Path bundle, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("import", bundle.toString(), "--case", caseDir.toString(),
                "--trust", first + ".vkey", "--trust", second + ".vkey", "--no-trust-store"));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    /** A case whose one import was sent to the test node: it lives there. */
    private Path caseOnTheNode(String name) {
        Path caseDir = tmp.resolve(name);
        Run r = importInto(caseDir, first, "--opensearch", url, "--index-prefix", "sealtrail-" + name);
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        return caseDir;
    }

    private static CaseEngine.Opened engine(Path caseDir) throws Exception {
        CaseFolder c = CaseFolder.open(caseDir, Clock.systemUTC());
        return CaseEngine.open(c, c.bundles(), ClusterConnection::open, false);
    }

    @Test
    void aSecondImportWithoutOpenSearchIsSentToTheClusterTheCaseLivesIn() throws Exception {
        Path caseDir = caseOnTheNode("follows");

        Run r = importInto(caseDir, second);

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("sent 200 events to OpenSearch at " + url + ", where this case lives");
        CaseFolder c = CaseFolder.open(caseDir, Clock.systemUTC());
        assertThat(ClusterRecord.of(c)).extracting(ClusterRecord::bundleId)
                .containsExactlyElementsOf(c.bundles().stream().map(ImportRecord::bundleId).toList());
        assertThat(ClusterRecord.of(c)).extracting(ClusterRecord::alias).containsOnly(ClusterImport.caseAlias(
                "sealtrail-follows", c.id()));
        CaseEngine.Opened opened = engine(caseDir);
        try (EventSearch search = opened.search()) {
            assertThat(opened.answersFrom()).isEqualTo("OpenSearch at " + url);
            for (ImportRecord i : c.bundles()) {
                assertThat(search.count(EventQuery.of("bundle.id:" + i.bundleId()))).as(i.fileName())
                        .isEqualTo(i.events());
            }
        }
        assertThat(ok("search", "--case", caseDir.toString(), "--count", "event.action:*").out().strip()).isEqualTo("500");
        Run verify = run("case", "verify", "--case", caseDir.toString());
        assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).contains("holds the 300 events sent", "holds the 200 events sent");
    }

    @Test
    void withLocalOnlyTheBundleStaysOnThisMachineAndThePersonIsWarnedWhereTheCaseIsSearchedNow() throws Exception {
        Path caseDir = caseOnTheNode("stays");

        Run r = importInto(caseDir, second, "--local-only");

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).doesNotContain("sent");
        assertThat(r.err()).contains("warning: this case lives in OpenSearch at " + url, "--local-only kept " + second,
                "searched from its local index", "'sealtrail case send --case " + caseDir + "'");
        CaseFolder c = CaseFolder.open(caseDir, Clock.systemUTC());
        assertThat(ClusterRecord.of(c)).hasSize(1);
        CaseEngine.Opened opened = engine(caseDir);
        opened.search().close();
        assertThat(opened.answersFrom()).isEqualTo("the local index");
        assertThat(opened.fallback()).contains("1 of 2 imports of this case is not in OpenSearch at " + url);
    }

    @Test
    void aSearchOnACaseInOpenSearchSaysOnStandardErrorThatTheClusterAnswered() {
        Path caseDir = caseOnTheNode("says");

        Run r = run("search", "--case", caseDir.toString(), "--count", "*");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().strip()).isEqualTo("300"); // the answer alone, for scripts
        assertThat(r.err()).startsWith("sealtrail: answered by OpenSearch at " + url + " (alias sealtrail-says-case-");
    }

    @Test
    void aSearchOnACasePartlyInOpenSearchSaysWhichImportsKeepItOnTheLocalIndex() {
        Path caseDir = caseOnTheNode("partly");
        ok("import", second.toString(), "--case", caseDir.toString(), "--trust", second + ".vkey", "--no-trust-store",
                "--local-only");

        Run r = run("facets", "--case", caseDir.toString(), "--field", "event.outcome");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("1 of 2 imports of this case is not in OpenSearch at " + url,
                "'sealtrail case send --case " + caseDir + "'");
    }

    @Test
    void anImportSentToAnotherClusterThanTheCaseLivesInIsRefusedAndImportsNothing() throws Exception {
        Path caseDir = caseOnTheNode("split");
        String other = closedPort();

        Run r = importInto(caseDir, second, "--opensearch", other);

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("this case was sent to OpenSearch at " + url + ", not to " + other,
                "would split it", "'sealtrail case send --case " + caseDir + " --opensearch " + other + "'",
                "Nothing was imported");
        assertThat(CaseFolder.open(caseDir, Clock.systemUTC()).bundles()).hasSize(1);
    }

    @Test
    void theClusterTheCaseLivesInMayBeNamedWithATrailingSlash() {
        Path caseDir = caseOnTheNode("slash");

        Run r = importInto(caseDir, second, "--opensearch", url + "/", "--index-prefix", "sealtrail-slash");

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
    }

    @Test
    void localOnlyAndOpenSearchTogetherAreRefused() {
        Run r = importInto(tmp.resolve("both"), first, "--local-only", "--opensearch", url);

        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("--local-only", "not both");
        assertThat(tmp.resolve("both")).doesNotExist();
    }

    @Test
    void aClusterThatCannotBeReachedLeavesTheBundleImportedLocallyWithExitFiveAndSaysWhereTheCaseIsSearched()
            throws Exception {
        Path caseDir = tmp.resolve("down");
        ok("import", first.toString(), "--case", caseDir.toString(), "--trust", first + ".vkey", "--no-trust-store");
        String down = closedPort();
        livesAt(caseDir, down); // as if sent there, and the cluster went away since

        Run r = importInto(caseDir, second);

        assertThat(r.exit()).isEqualTo(ImportCommand.NOT_SENT);
        assertThat(r.err()).contains("OpenSearch at " + down, second + " stays imported in the case",
                "searched from its local index from now on");
        assertThat(ok("search", "--case", caseDir.toString(), "--count", "event.action:*").out().strip()).isEqualTo("500");
        assertThat(ClusterRecord.of(CaseFolder.open(caseDir, Clock.systemUTC()))).hasSize(1);
    }

    @Test
    void theImportLogsInToTheCaseClusterAsTheCaseRecorded() throws Exception {
        Path caseDir = tmp.resolve("login");
        ok("import", first.toString(), "--case", caseDir.toString(), "--trust", first + ".vkey", "--no-trust-store");
        Path password = tmp.resolve("password");
        java.nio.file.Files.writeString(password, "s3cret-pw\n");
        java.nio.file.Files.setPosixFilePermissions(password,
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        io.sealtrail.opensearch.ClusterLogin.of("alice", password, null, null).write(caseDir);
        try (LoginListener secured = new LoginListener()) {
            livesAt(caseDir, secured.url());

            Run r = importInto(caseDir, second);

            assertThat(r.exit()).isEqualTo(ImportCommand.NOT_SENT);
            assertThat(secured.logins()).isNotEmpty().containsOnly("Basic " + java.util.Base64.getEncoder()
                    .encodeToString("alice:s3cret-pw".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
    }

    /** Records in the case's journal that its imports were sent to {@code at}. */
    private static void livesAt(Path caseDir, String at) throws Exception {
        CaseFolder c = CaseFolder.open(caseDir, Clock.systemUTC());
        for (ImportRecord i : c.bundles()) {
            new ClusterRecord(i.bundleId(), URI.create(at), ClusterImport.indexName("sealtrail", i.bundleId()),
                    ClusterImport.caseAlias("sealtrail", c.id()), i.events(), "0".repeat(64))
                    .append(c, AuditorKey.loadOrCreate(CliEnvironment.env()));
        }
    }

    private static String closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + s.getLocalPort();
        }
    }
}
