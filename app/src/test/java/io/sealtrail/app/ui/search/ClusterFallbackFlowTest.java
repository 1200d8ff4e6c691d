package io.sealtrail.app.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.ui.TestBundles;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.CaseImporter;
import io.sealtrail.index.EventQuery;
import io.sealtrail.opensearch.ClusterRecord;
import io.sealtrail.verify.VerifyOptions;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A case whose events live in OpenSearch, opened while the cluster cannot be reached: the window names the cluster
 * and the error, and the laptop's copy (the local index) answers, with a banner saying so; never an empty screen.
 */
@ExtendWith(ApplicationExtension.class)
class ClusterFallbackFlowTest {
    @TempDir
    Path tmp;
    private ExecutorService background;
    private CaseViewModel cases;
    private SearchViewModel search;

    @Start
    void start(Stage stage) {
        TestWindow w = TestWindow.onALaptop(stage, tmp, io.sealtrail.app.ui.dialogs.FxDialogService::new);
        background = w.background();
        cases = w.cases();
        search = w.search();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    @Test
    void anUnreachableClusterIsNamedAndTheLocalIndexAnswersUnderABanner(FxRobot robot) throws Exception {
        String url = closedPort();
        Path caseDir = clusterCase(url);

        robot.interact(() -> cases.open(caseDir));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> search.matchingProperty().get() > 0);
        WaitForAsyncUtils.waitForFxEvents();

        Label notice = robot.lookup("#engineNotice").queryAs(Label.class);
        assertThat(notice.isVisible()).isTrue();
        assertThat(notice.getText()).contains("OpenSearch at " + url).contains("cannot be searched")
                .contains("this laptop's copy");
        assertThat(notice.getStyleClass()).contains("engine-fallback");
        assertThat(search.matchingProperty().get()).isEqualTo(search.index().count(EventQuery.all()));
    }

    /** A case of one bundle whose journal says its events were sent to {@code url}. */
    private Path clusterCase(String url) throws Exception {
        Path dir = tmp.resolve("cluster-case");
        CaseFolder c = CaseFolder.create(dir, "Cluster case", Clock.systemUTC());
        VerifyOptions trust = new VerifyOptions(List.of(TestBundles.key()), List.of(), null, 2);
        CaseImporter.Result r = new CaseImporter().importBundle(c, TestBundles.intact(tmp.resolve("in")), trust,
                TestBundles.signer(), CaseImporter.Progress.NONE, () -> false);
        String id = r.record().bundleId();
        new ClusterRecord(id, URI.create(url), "sealtrail-events-" + id, "sealtrail-case-" + c.id(),
                r.record().events(), "0".repeat(64)).append(c, TestBundles.signer());
        return dir;
    }

    private static String closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + s.getLocalPort();
        }
    }
}
