package io.sealtrail.app.cli;

import static io.sealtrail.app.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.cli.CliTest.Run;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.opensearch.ClusterImport;
import io.sealtrail.opensearch.ClusterRecord;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line against a secured cluster (docs/opensearch.md, "A production cluster"): OpenSearch's own
 * distribution with its security plugin, TLS on HTTP with a CA of the test's, logins from its internal users, an
 * import account with the role of secured-cluster/roles.yml and a reader who may read one case's alias
 * ({@link SecuredCluster}). One node for the class; each test imports bundles of its own (a bundle is sent once).
 */
class SecuredClusterCliTest {
    @TempDir
    static Path dir;
    static SecuredCluster cluster;
    static String url;
    static String ca;
    static String importer;
    static String reader;

    /** A case imported by the import account, which the reader is given to read. */
    static Path readable;
    static Run readableImport;
    static String readableIndex;

    @BeforeAll
    static void start() throws Exception {
        System.setProperty("sealtrail.home", dir.resolve("home").toString());
        long t0 = System.nanoTime();
        cluster = SecuredCluster.start(dir.resolve("node"));
        System.out.printf("SecuredClusterCliTest: the secured node answered after %,d ms%n",
                (System.nanoTime() - t0) / 1_000_000);
        url = cluster.url().toString();
        ca = cluster.ca().toString();
        importer = cluster.passwordFile(SecuredCluster.IMPORTER).toString();
        reader = cluster.passwordFile(SecuredCluster.READER).toString();

        readable = dir.resolve("readable");
        readableImport = importAs(bundle(61), readable, "--user", SecuredCluster.IMPORTER, "--password-file", importer,
                "--ca", ca);
        CaseFolder c = CaseFolder.open(readable, Clock.systemUTC());
        if (!ClusterRecord.of(c).isEmpty()) {
            readableIndex = ClusterRecord.of(c).get(0).index();
            cluster.grantCase(SecuredCluster.READER, ClusterImport.caseAlias("sealtrail", c.id()));
        }
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** A generated bundle of 300 events; its key is beside it as {@code .vkey}. */
    private static Path bundle(int seed) {
        Path b = dir.resolve("in/b" + seed);
        assertThat(run("gen", "--events", "300", "--seed", Integer.toString(seed), "--out", b.toString()).exit()).isZero();
        return b;
    }

    private static Run importAs(Path bundle, Path caseDir, String... login) {
        String[] base = {"import", bundle.toString(), "--case", caseDir.toString(), "--trust",
                bundle.resolveSibling(bundle.getFileName() + ".vkey").toString(), "--no-trust-store", "--opensearch",
                url}; // the generated bundles are one log with different histories: no checkpoint is remembered
        String[] args = java.util.Arrays.copyOf(base, base.length + login.length);
        System.arraycopy(login, 0, args, base.length, login.length);
        return run(args);
    }

    @Test
    void theImportAccountSendsEveryEventOverTls() throws Exception {
        assertThat(readableImport.exit()).as(readableImport.err()).isZero();
        assertThat(readableImport.out()).contains("sent 300 events to OpenSearch index " + readableIndex);
        assertThat(cluster.count(readableIndex)).isEqualTo(300);
    }

    @Test
    void theReaderOfTheCaseSearchesItInTheCluster() throws Exception {
        long before = cluster.searches(readableIndex);

        Run search = run("search", "--case", readable.toString(), "--count", "event.action:*", "--user",
                SecuredCluster.READER, "--password-file", reader, "--ca", ca);
        Run facets = run("facets", "--case", readable.toString(), "--field", "event.outcome"); // the recorded login

        assertThat(search.exit()).as(search.err()).isZero();
        assertThat(search.out().strip()).isEqualTo("300");
        assertThat(facets.exit()).as(facets.err()).isZero();
        assertThat(facets.out()).contains("denied");
        assertThat(cluster.searches(readableIndex)).as("searches the node answered").isGreaterThan(before);
    }

    @Test
    void caseVerifyWithTheReadersLoginFindsExactlyWhatWasSent() {
        Run r = run("case", "verify", "--case", readable.toString(), "--user", SecuredCluster.READER, "--password-file",
                reader, "--ca", ca);

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("OpenSearch index " + readableIndex + " holds the 300 events sent");
    }

    @Test
    void caseVerifyWithARefusedLoginSaysTheClusterWasNotCheckedRatherThanChanged() throws Exception {
        Path wrong = cluster.secret("wrong-reader.password", "not-the-password");

        Run r = run("case", "verify", "--case", readable.toString(), "--user", SecuredCluster.READER, "--password-file",
                wrong.toString(), "--ca", ca);

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("UNCHECKED OpenSearch index " + readableIndex + " at " + url
                + " cannot be checked: authentication failed for user reader", "NOT CHECKED").doesNotContain("CHANGED");
    }

    @Test
    void aWrongPasswordIsAnAuthenticationFailureAndTheBundleStaysImportedLocally() throws Exception {
        Path caseDir = dir.resolve("wrong-password");
        Path wrong = cluster.secret("wrong.password", "not-the-password");

        Run r = importAs(bundle(62), caseDir, "--user", SecuredCluster.IMPORTER, "--password-file", wrong.toString(),
                "--ca", ca);

        assertThat(r.exit()).as(r.err()).isEqualTo(ImportCommand.NOT_SENT);
        assertThat(r.err()).contains("OpenSearch at " + url, "authentication failed for user importer", "HTTP 401");
        assertThat(r.out()).contains("300 events, VERIFIED");
        CaseFolder c = CaseFolder.open(caseDir, Clock.systemUTC());
        assertThat(ClusterRecord.of(c)).as("nothing recorded as sent").isEmpty();
        assertThat(run("search", "--case", caseDir.toString(), "--count", "event.action:*").out().strip())
                .isEqualTo("300"); // from the local index
        assertThat(cluster.count(ClusterImport.indexName("sealtrail", c.bundles().get(0).bundleId()))).isEqualTo(-1);
    }

    @Test
    void aCertificateThisMachineDoesNotTrustIsATlsErrorNamingTheUrl() throws Exception {
        Path caseDir = dir.resolve("no-ca");

        Run r = importAs(bundle(63), caseDir, "--user", SecuredCluster.IMPORTER, "--password-file", importer);

        assertThat(r.exit()).as(r.err()).isEqualTo(ImportCommand.NOT_SENT);
        assertThat(r.err()).contains("OpenSearch at " + url, "TLS certificate", "--ca").doesNotContain("Exception",
                "\tat ", "troubleshooting");
        CaseFolder c = CaseFolder.open(caseDir, Clock.systemUTC());
        assertThat(cluster.count(ClusterImport.indexName("sealtrail", c.bundles().get(0).bundleId()))).isEqualTo(-1);
    }

    @Test
    void theReaderCannotImportAndIsToldWhichPermissionItLacks() throws Exception {
        Path caseDir = dir.resolve("reader-imports");

        Run r = importAs(bundle(64), caseDir, "--user", SecuredCluster.READER, "--password-file", reader, "--ca", ca);

        assertThat(r.exit()).as(r.err()).isEqualTo(ImportCommand.NOT_SENT);
        assertThat(r.err()).contains("OpenSearch at " + url, "user reader", "HTTP 403",
                "no permissions for [indices:admin/index_template/put]");
        CaseFolder c = CaseFolder.open(caseDir, Clock.systemUTC());
        assertThat(cluster.count(ClusterImport.indexName("sealtrail", c.bundles().get(0).bundleId()))).isEqualTo(-1);
    }

    @Test
    void theReaderOfOneCaseCannotSearchAnother() {
        Path other = dir.resolve("other-case");
        Run imported = importAs(bundle(65), other, "--user", SecuredCluster.IMPORTER, "--password-file", importer,
                "--ca", ca);
        assertThat(imported.exit()).as(imported.err()).isZero();

        Run r = run("search", "--case", other.toString(), "event.action:*", "--user", SecuredCluster.READER,
                "--password-file", reader, "--ca", ca);

        assertThat(r.exit()).isEqualTo(SealtrailCommand.EXIT_USAGE);
        assertThat(r.err()).contains("OpenSearch at " + url, "user reader", "HTTP 403",
                "no permissions for [indices:data/read/search]");
    }

    @Test
    void anApiKeyIsRefusedByThisSecurityPlugin() throws Exception {
        // the 2.19 security plugin knows no API keys (docs/opensearch.md): any key is an authentication failure
        Path key = cluster.secret("api-key", "key-id:key-secret");

        Run r = run("search", "--case", readable.toString(), "event.action:*", "--api-key-file", key.toString(), "--ca",
                ca);

        assertThat(r.exit()).isEqualTo(SealtrailCommand.EXIT_USAGE);
        assertThat(r.err()).contains("OpenSearch at " + url, "authentication failed for the API key in " + key,
                "HTTP 401");
    }
}
