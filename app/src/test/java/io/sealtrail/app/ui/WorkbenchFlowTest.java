package io.sealtrail.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.testfx.api.FxAssert.verifyThat;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

import io.sealtrail.app.demo.DemoBundles;
import io.sealtrail.app.ui.bundles.BundleViewModel;
import io.sealtrail.app.ui.bundles.FindingRow;
import io.sealtrail.app.ui.bundles.WorkbenchViewModel;
import io.sealtrail.app.ui.search.TestWindow;
import io.sealtrail.verify.note.VerifierKey;
import io.sealtrail.verify.trust.TrustStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window, headless (Monocle): the demo's bundles, the banner, the findings, the trust dialog. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchFlowTest {
    private static DemoBundles.Demo demo;
    private static VerifierKey demoKey;

    @TempDir
    Path tmp;
    private ExecutorService background;
    private WorkbenchViewModel vm;
    private TrustStore store;

    @BeforeAll
    static void demoBundles() throws Exception {
        demo = TestBundles.demo();
        demoKey = VerifierKey.parse(Files.readString(demo.vkey()).strip());
    }

    @Start
    void start(Stage stage) {
        TestWindow w = TestWindow.start(stage, tmp); // before a case is opened, the verification view
        background = w.background();
        store = w.store();
        vm = w.vm();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    @Test
    void theVerifiedDemoExportNamesItsKey(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.setDemo(true);
            vm.trust().trustForSession(demoKey);
            vm.open(List.of(demo.first()));
        });
        awaitVerified();

        verifyThat("#bannerHeadline", hasText("Verified: signed by " + demoKey.name() + " (" + demoKey.fingerprint() + ")"));
        verifyThat("#trustNotice", hasText(startsWith("Demo: trusting the demo key")));
        verifyThat("#events", hasText(startsWith(String.format("%,d in 2 segments", DemoBundles.EVENTS_PER_EXPORT))));
        verifyThat("#checkpointCount", hasText("6, all timestamped"));
        assertThat(robot.lookup("#banner").query().getStyleClass()).contains("verdict-verified");
        assertThat(((Stage) robot.lookup("#banner").query().getScene().getWindow()).getTitle())
                .isEqualTo("Sealtrail — export-1.zip");
    }

    @Test
    void theAlteredDemoExportIsRedWithABrokenChain(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.trust().trustForSession(demoKey);
            vm.open(List.of(demo.second()));
        });
        awaitVerified();

        verifyThat("#bannerHeadline", hasText(startsWith("Integrity failure: ")));
        verifyThat("#bannerHeadline", hasText(containsString(" errors")));
        assertThat(robot.lookup("#banner").query().getStyleClass()).contains("verdict-failure");
        TableView<FindingRow> table = robot.lookup("#findingsTable").queryTableView();
        assertThat(table.getItems()).extracting(FindingRow::code).contains("CHAIN_BROKEN");

        // filtering out errors leaves only the warning
        robot.clickOn("#showErrors");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).extracting(FindingRow::code).doesNotContain("CHAIN_BROKEN").isNotEmpty();
    }

    @Test
    void trustingTheKeyInTheDialogTurnsTheVerdictToVerified(FxRobot robot) throws Exception {
        robot.interact(() -> vm.open(List.of(demo.first())));
        awaitVerified();
        verifyThat("#bannerHeadline", hasText("Intact but not signed by a key you trust"));

        robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        TextArea text = robot.lookup("#vkeyText").queryAs(TextArea.class);
        robot.interact(() -> text.setText(demoKey.encode()));
        verifyThat("#candidatePreview", hasText(containsString(demoKey.fingerprint())));
        robot.clickOn("#trustButton");

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.selected().verdict() == io.sealtrail.model.Verdict.VERIFIED);
        WaitForAsyncUtils.waitForFxEvents();
        verifyThat("#bannerHeadline", hasText(startsWith("Verified: signed by " + demoKey.name())));
        assertThat(store.keys()).containsExactly(demoKey);
        Node trusted = robot.lookup("#trustedKeys").query();
        assertThat(((TableView<?>) trusted).getItems()).hasSize(1);
    }

    @Test
    void aBundleVerifiedWithATrustedKeyIsRememberedAndListedBesideTheKeys(FxRobot robot) throws Exception {
        robot.interact(() -> vm.trust().trustForSession(demoKey));
        robot.interact(() -> vm.open(List.of(demo.first())));
        awaitVerified();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.trust().readSeen().isEmpty());

        robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#seenTab");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.trust().seen().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> seen = robot.lookup("#seenCheckpoints").queryAs(TableView.class);
        assertThat(seen.getItems()).isNotEmpty().allSatisfy(row -> assertThat(((io.sealtrail.verify.trust.SeenCheckpoint) row)
                .source()).contains(demo.first().getFileName().toString()));
        assertThat(store.file().resolveSibling(io.sealtrail.verify.trust.SeenCheckpoints.FILE_NAME)).exists();
    }

    private void awaitVerified() throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> vm.selected() != null
                && vm.selected().state() == BundleViewModel.State.DONE);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
