package io.sealtrail.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.ui.TestBundles;
import io.sealtrail.app.ui.bundles.BundleViewModel;
import io.sealtrail.app.ui.dialogs.ScriptedDialogs;
import io.sealtrail.app.ui.search.TestCase;
import io.sealtrail.app.ui.search.TestWindow;
import io.sealtrail.verify.bundle.ReceivedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window on a 1366 × 768 stage with the demo case open: Ctrl+O of a bundle file shows it apart from the
 * case's bundles, the status bar still counts the case's, and the file's size and SHA-256 show first, to copy.
 */
@ExtendWith(ApplicationExtension.class)
class OpenForALookFlowTest {
    @TempDir
    Path tmp;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private TestWindow w;
    private ExecutorService background;

    @Start
    void start(Stage stage) {
        w = TestWindow.start(stage, tmp, s -> dialogs);
        stage.setWidth(1366);
        stage.setHeight(768);
        background = w.background();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    private boolean settled(int bundles) {
        return w.vm().bundles().size() == bundles && w.vm().bundles().stream().noneMatch(BundleViewModel::isRunning)
                && w.vm().bundles().stream().allMatch(b -> b.received() != null);
    }

    @Test
    void aBundleOpenedForALookIsListedApartAndTheStatusBarStillCountsTheCasesBundles(FxRobot robot) throws Exception {
        robot.interact(() -> w.cases().open(TestCase.demoCase()));
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> settled(2));
        WaitForAsyncUtils.waitForFxEvents();
        StatusBar status = robot.lookup("#statusBar").queryAs(StatusBar.class);
        String caseCount = status.getText();
        assertThat(caseCount).startsWith("The case's 2 bundles: ");

        Path look = TestBundles.altered(Files.createDirectories(tmp.resolve("received")));
        dialogs.answer(List.of(look));
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> settled(3));
        WaitForAsyncUtils.waitForFxEvents();

        TabPane tabs = robot.lookup("#modeTabs").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo("Verification");
        ListView<BundleViewModel> list = robot.lookup("#bundleList").queryListView();
        assertThat(list.getItems()).extracting(BundleViewModel::inCase).containsExactly(true, true, false);
        List<String> headings = robot.lookup("#bundleList .bundle-group").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertThat(headings).containsExactly("IN THE CASE", "OPENED FOR A LOOK");
        assertThat(robot.lookup("#bundleList .bundle-group-note").queryLabeled().getText())
                .isEqualTo("not part of the case");
        assertThat(robot.lookup("#bundleList .list-cell").<ListCell<?>>match(c -> c.getIndex() == 2).queryAs(ListCell.class)
                .lookup(".bundle-group")).isNotNull();
        assertThat(status.getText()).startsWith(caseCount).contains("Opened for a look, not in the case: 1 bundle");

        String sha = ReceivedFile.sha256(look);
        Label received = robot.lookup("#receivedLabel").queryAs(Label.class);
        assertThat(received.getText()).isEqualTo(look.getFileName() + " · " + String.format("%,d", Files.size(look))
                + " bytes · SHA-256 " + sha);
        robot.clickOn("#copyReceivedButton");
        WaitForAsyncUtils.waitForFxEvents();
        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get(5, TimeUnit.SECONDS);
        assertThat(copied).isEqualTo(ReceivedFile.describe(look.toAbsolutePath().normalize(), Files.size(look), sha));
    }
}
