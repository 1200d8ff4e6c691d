package io.sealtrail.app.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.sealtrail.app.ui.TestBundles;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.CaseImporter;
import io.sealtrail.opensearch.ClusterLogin;
import io.sealtrail.opensearch.ClusterRecord;
import io.sealtrail.verify.VerifyOptions;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbench takes no login options: it logs in to a case's cluster as the case recorded (the last command given
 * a login), here against a loopback listener that records the Authorization header and then refuses, so that the
 * window falls back to the local index, naming why.
 */
class RecordedLoginTest {
    @TempDir
    Path tmp;

    @Test
    void theWorkbenchLogsInAsTheCaseRecorded() throws Exception {
        List<String> logins = new CopyOnWriteArrayList<>();
        HttpServer cluster = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        cluster.createContext("/", x -> {
            String auth = x.getRequestHeaders().getFirst("Authorization");
            if (auth != null) {
                logins.add(auth);
            }
            x.sendResponseHeaders(403, -1);
            x.close();
        });
        cluster.start();
        try {
            Path caseDir = tmp.resolve("case");
            CaseFolder c = CaseFolder.create(caseDir, "Cluster case", Clock.systemUTC());
            CaseImporter.Result r = new CaseImporter().importBundle(c, TestBundles.intact(tmp.resolve("in")),
                    new VerifyOptions(List.of(TestBundles.key()), List.of(), null, 2), TestBundles.signer(),
                    CaseImporter.Progress.NONE, () -> false);
            new ClusterRecord(r.record().bundleId(), URI.create("http://127.0.0.1:" + cluster.getAddress().getPort()),
                    "sealtrail-events-x", "sealtrail-case-x", r.record().events(), "0".repeat(64))
                    .append(c, TestBundles.signer());
            Path key = tmp.resolve("api-key");
            Files.writeString(key, "id:secret\n");
            Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
            ClusterLogin.of(null, null, key, null).write(caseDir);

            CaseViewModel.Opened o = CaseViewModel.read(caseDir);
            o.index().close();

            assertThat(logins).isNotEmpty().containsOnly("ApiKey "
                    + Base64.getEncoder().encodeToString("id:secret".getBytes(StandardCharsets.UTF_8)));
            assertThat(o.fallback()).contains("cannot be searched");
        } finally {
            cluster.stop(0);
        }
    }
}
