package io.sealtrail.app.cli;

import static io.sealtrail.app.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.cli.CliTest.Run;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import --opensearch} where the cluster cannot be used: the person is told which cluster and why, and the
 * case keeps the verified, locally indexed bundle (the import into OpenSearch itself is tested against a real node
 * in the opensearch module).
 */
class OpenSearchCliTest {
    @TempDir
    static Path dir;
    static Path bundle;
    static Path vkey;

    @BeforeAll
    static void generate() {
        System.setProperty("sealtrail.home", dir.resolve("home").toString());
        bundle = dir.resolve("in/b");
        vkey = dir.resolve("in/b.vkey");
        assertThat(run("gen", "--events", "300", "--seed", "31", "--out", bundle.toString()).exit()).isZero();
    }

    private static String closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + s.getLocalPort();
        }
    }

    @Test
    void anUnreachableClusterIsNamedAndTheLocalImportStays() throws Exception {
        Path caseDir = dir.resolve("case-unreachable");
        String url = closedPort();

        Run r = run("import", bundle.toString(), "--case", caseDir.toString(), "--trust", vkey.toString(),
                "--opensearch", url);

        assertThat(r.exit()).isEqualTo(ImportCommand.NOT_SENT);
        assertThat(r.err()).contains("OpenSearch at " + url);
        assertThat(run("search", "--case", caseDir.toString(), "event.action:*").out()).contains("300 matching events");
    }

    @Test
    void aUserWithoutAPasswordFileIsRefusedBeforeAnythingIsSent() {
        Run r = run("import", bundle.toString(), "--case", dir.resolve("case-user").toString(), "--trust",
                vkey.toString(), "--opensearch", "http://127.0.0.1:9200", "--user", "importer");

        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("a user needs --password-file");
    }
}
