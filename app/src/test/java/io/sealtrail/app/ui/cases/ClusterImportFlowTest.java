package io.sealtrail.app.ui.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.ClusterTarget;
import io.sealtrail.app.ui.TestBundles;
import io.sealtrail.app.ui.search.SearchViewModel;
import io.sealtrail.app.ui.search.TestWindow;
import io.sealtrail.app.ui.shell.WorkbenchWindow;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.CaseImporter;
import io.sealtrail.cases.ImportRecord;
import io.sealtrail.index.EventQuery;
import io.sealtrail.opensearch.ClusterConnection;
import io.sealtrail.opensearch.ClusterImport;
import io.sealtrail.opensearch.ClusterRecord;
import io.sealtrail.opensearch.TestNode;
import io.sealtrail.verify.VerifyOptions;
import io.sealtrail.verify.gen.BundleGenerator;
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
 * File › Import into case on a case that lives in OpenSearch: the bundle is sent there too and the window goes on
 * searching the cluster, the new events included; a cluster that does not take them leaves the bundle imported and
 * the amber notice says that the local index answers now, and why. A real node in the test JVM ({@link TestNode}).
 */
@ExtendWith(ApplicationExtension.class)
class ClusterImportFlowTest {
    private static final VerifyOptions TRUST = new VerifyOptions(List.of(TestBundles.key()), List.of(), null, 2);

    @TempDir
    Path tmp;
    private ExecutorService background;
    private WorkbenchWindow window;
    private SearchViewModel search;

    @Start
    void start(Stage stage) {
        TestWindow w = TestWindow.onALaptop(stage, tmp, io.sealtrail.app.ui.dialogs.FxDialogService::new);
        background = w.background();
        window = w.window();
        search = w.search();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    /** A second bundle, signed by the same key as {@link TestBundles#intact} but of other events (another id). */
    private Path second() throws Exception {
        Path out = tmp.resolve("in2/second.zip");
        java.nio.file.Files.createDirectories(out.getParent());
        new BundleGenerator().generate(out, BundleGenerator.Options.defaults(700, TestBundles.SEED + 1)
                .withSigner(TestBundles.signer()), n -> { });
        return out;
    }

    private Label notice(FxRobot robot) {
        return robot.lookup("#engineNotice").queryAs(Label.class);
    }

    /** Opens the case in the window and waits for its first rows. */
    private void open(FxRobot robot, Path caseDir) throws Exception {
        robot.interact(() -> window.features().cases().open(caseDir));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> search.matchingProperty().get() > 0);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Imports {@code bundle} into the open case as File › Import into case does, and waits for the case to show it. */
    private void importInto(FxRobot robot, Path caseDir, Path bundle, long eventsAfter) throws Exception {
        ImportViewModel imports = window.features().imports();
        robot.interact(() -> imports.importBundles(caseDir, List.of(bundle)));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !imports.runningProperty().get()
                && search.matchingProperty().get() == eventsAfter && !search.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(imports.errorProperty().get()).isEmpty();
    }

    @Test
    void anImportIntoACaseThatLivesInOpenSearchIsSentThereAndTheWindowKeepsSearchingItWithTheNewEvents(FxRobot robot)
            throws Exception {
        String url = TestNode.shared().url();
        Path caseDir = tmp.resolve("on-the-node");
        CaseFolder c = CaseFolder.create(caseDir, "On the node", Clock.systemUTC());
        try (ClusterTarget cluster = new ClusterTarget(ClusterConnection.open(URI.create(url)), "sealtrail-window",
                false)) {
            assertThat(cluster.importInto(c, TestBundles.signer(), (CaseImporter.Result r) -> r.record().bundleId(),
                    tap -> new CaseImporter().importBundle(c, TestBundles.intact(tmp.resolve("in")), TRUST,
                            TestBundles.signer(), CaseImporter.Progress.NONE, () -> false, tap)).sent()).isNotNull();
        }
        open(robot, caseDir);
        assertThat(notice(robot).getText()).startsWith("Searching the case in OpenSearch at " + url);

        importInto(robot, caseDir, second(), 3_700);

        assertThat(notice(robot).getText()).startsWith("Searching the case in OpenSearch at " + url);
        assertThat(notice(robot).getStyleClass()).contains("engine-cluster");
        assertThat(search.index().getClass().getSimpleName()).isEqualTo("OpenSearchEventSearch");
        List<ImportRecord> imports = c.bundles();
        assertThat(ClusterRecord.of(c)).extracting(ClusterRecord::bundleId)
                .containsExactlyElementsOf(imports.stream().map(ImportRecord::bundleId).toList());
        assertThat(search.index().count(EventQuery.of("bundle.id:" + imports.get(1).bundleId()))).isEqualTo(700);
        assertThat(window.features().imports().messageProperty().get())
                .contains("sent 700 events to OpenSearch at " + url + ", where this case lives");
    }

    @Test
    void aClusterThatDoesNotTakeTheEventsLeavesTheImportAndTheNoticeSaysTheLocalIndexAnswersAndWhy(FxRobot robot)
            throws Exception {
        String down = closedPort();
        Path caseDir = tmp.resolve("cluster-gone");
        CaseFolder c = CaseFolder.create(caseDir, "Cluster gone", Clock.systemUTC());
        CaseImporter.Result first = new CaseImporter().importBundle(c, TestBundles.intact(tmp.resolve("in")), TRUST,
                TestBundles.signer(), CaseImporter.Progress.NONE, () -> false);
        String id = first.record().bundleId();
        // as if it had been sent to a cluster that has gone away since
        new ClusterRecord(id, URI.create(down), ClusterImport.indexName("sealtrail", id),
                ClusterImport.caseAlias("sealtrail", c.id()), first.record().events(), "0".repeat(64))
                .append(c, TestBundles.signer());
        open(robot, caseDir);

        importInto(robot, caseDir, second(), 3_700);

        Label notice = notice(robot);
        assertThat(notice.isVisible()).isTrue();
        assertThat(notice.getStyleClass()).contains("engine-fallback");
        assertThat(notice.getText()).startsWith("OpenSearch did not take the events of second.zip: ")
                .contains("1 of 2 imports of this case is not in OpenSearch at " + down + " (second.zip)",
                        "the answers come from this laptop's copy of the case (its local index)");
        assertThat(search.index().getClass().getSimpleName()).isNotEqualTo("OpenSearchEventSearch");
        assertThat(c.bundles()).hasSize(2);
        assertThat(ClusterRecord.of(c)).hasSize(1);
    }

    private static String closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + s.getLocalPort();
        }
    }
}
