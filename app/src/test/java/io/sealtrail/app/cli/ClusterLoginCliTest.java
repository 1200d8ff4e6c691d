package io.sealtrail.app.cli;

import static io.sealtrail.app.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.cli.CliTest.Run;
import io.sealtrail.cases.AuditorKey;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.ImportRecord;
import io.sealtrail.opensearch.ClusterLogin;
import io.sealtrail.opensearch.ClusterRecord;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading a case on a secured cluster: the login the person gives is sent the way the security plugin asks for it,
 * the case records the method and the secret file's path (never the secret) for the next command, and a secret file
 * others can read is refused before anything is sent. The cluster is a loopback HTTP listener that answers as the
 * security plugin does (401 with a Basic challenge without credentials) and records the Authorization header; the
 * security plugin itself, with TLS and roles, is SecuredClusterCliTest's.
 */
class ClusterLoginCliTest {
    @TempDir
    static Path dir;
    static Path bundle;
    static Path vkey;

    @TempDir
    Path tmp;
    private LoginListener cluster;

    @BeforeAll
    static void generate() {
        System.setProperty("sealtrail.home", dir.resolve("home").toString());
        bundle = dir.resolve("in/b");
        vkey = dir.resolve("in/b.vkey");
        assertThat(run("gen", "--events", "200", "--seed", "41", "--out", bundle.toString()).exit()).isZero();
    }

    @BeforeEach
    void listen() throws Exception {
        cluster = new LoginListener();
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    /** A case of one bundle whose journal says its events are in the listener's cluster. */
    private Path clusterCase() throws Exception {
        Path caseDir = tmp.resolve("case");
        assertThat(run("import", bundle.toString(), "--case", caseDir.toString(), "--trust", vkey.toString()).exit())
                .isZero();
        CaseFolder c = CaseFolder.open(caseDir, Clock.systemUTC());
        ImportRecord r = c.bundles().get(0);
        new ClusterRecord(r.bundleId(), URI.create(cluster.url()),
                "sealtrail-events-x", "sealtrail-case-x", r.events(), "0".repeat(64))
                .append(c, AuditorKey.loadOrCreate(CliEnvironment.env()));
        return caseDir;
    }

    private Path secret(String name, String value, String permissions) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, value + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(permissions));
        return f;
    }

    @Test
    void aUserAndPasswordFileAreSentAsBasicAndRecordedByPathForTheNextCommand() throws Exception {
        Path caseDir = clusterCase();
        Path password = secret("password", "s3cret-pw", "rw-------");

        run("search", "--case", caseDir.toString(), "--user", "alice", "--password-file", password.toString(), "x");
        String recorded = Files.readString(caseDir.resolve(ClusterLogin.FILE));
        run("facets", "--case", caseDir.toString(), "--field", "user.name");

        String basic = "Basic " + Base64.getEncoder().encodeToString("alice:s3cret-pw".getBytes(StandardCharsets.UTF_8));
        assertThat(cluster.logins()).isNotEmpty().containsOnly(basic);
        assertThat(cluster.logins().size()).isGreaterThan(1); // the second command logged in as the case recorded
        assertThat(recorded).contains("\"basic\"", "alice", password.toString()).doesNotContain("s3cret-pw");
    }

    @Test
    void anApiKeyFileIsSentAsItsHeader() throws Exception {
        Path caseDir = clusterCase();
        Path key = secret("api-key", "key-id:key-secret", "r--------");

        run("sessions", "--case", caseDir.toString(), "--api-key-file", key.toString());

        assertThat(cluster.logins()).isNotEmpty().containsOnly("ApiKey "
                + Base64.getEncoder().encodeToString("key-id:key-secret".getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.readString(caseDir.resolve(ClusterLogin.FILE))).contains("api-key", key.toString())
                .doesNotContain("key-secret");
    }

    @Test
    void aSecretFileOthersCanReadIsRefusedBeforeAnythingIsSent() throws Exception {
        Path caseDir = clusterCase();
        Path password = secret("password", "s3cret-pw", "rw-r--r--");

        Run r = run("search", "--case", caseDir.toString(), "--user", "alice", "--password-file", password.toString(),
                "x");

        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("can be read or changed by others", "chmod 600 " + password);
        assertThat(cluster.logins()).isEmpty();
    }
}
