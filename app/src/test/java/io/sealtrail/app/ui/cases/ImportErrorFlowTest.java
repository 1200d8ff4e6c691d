package io.sealtrail.app.ui.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.ui.TestBundles;
import io.sealtrail.app.ui.dialogs.ScriptedDialogs;
import io.sealtrail.app.ui.search.TestWindow;
import io.sealtrail.app.ui.shell.WorkbenchWindow;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.CaseImporter;
import io.sealtrail.verify.VerifyOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Files that are no evidence, given to the real window: the window says what is wrong and nothing is left behind. */
@ExtendWith(ApplicationExtension.class)
class ImportErrorFlowTest {
    @TempDir
    Path tmp;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private ExecutorService background;
    private WorkbenchWindow window;

    @Start
    void start(Stage stage) {
        TestWindow w = TestWindow.start(stage, tmp, s -> dialogs);
        background = w.background();
        window = w.window();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    private ImportViewModel imports() {
        return window.features().imports();
    }

    private String outcomeShown(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !imports().runningProperty().get()
                && !imports().errorProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        Label outcome = robot.lookup("#importOutcome").queryAs(Label.class);
        assertThat(outcome.getScene().getWindow().isShowing()).as("the import dialog stays open").isTrue();
        return outcome.getText();
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void aRandomZipGivenAtStartShowsWhatIsWrongInTheWindowAndLeavesNoCase(FxRobot robot) throws Exception {
        byte[] bytes = new byte[50_000];
        new Random(14).nextBytes(bytes);
        Path random = Files.write(tmp.resolve("random.zip"), bytes);

        // what Workbench.start does with `sealtrail gui random.zip`
        robot.interact(() -> imports().importBundles(null, List.of(random)));

        assertThat(outcomeShown(robot)).isEqualTo("The import failed: " + random + " (50,000 bytes, SHA-256 "
                + sha256(bytes) + "): not a zip file or a bundle directory. No case was made.");
        try (var left = Files.list(tmp.resolve("cases"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void ctrlIOfAGarbageFileIntoTheOpenCaseShowsWhatIsWrongAndLeavesTheCaseUnchanged(FxRobot robot) throws Exception {
        Path caseDir = tmp.resolve("case");
        CaseFolder c = CaseFolder.create(caseDir, "Garbage test", Clock.systemUTC());
        new CaseImporter().importBundle(c, TestBundles.intact(tmp), new VerifyOptions(List.of(TestBundles.key()),
                List.of(), null, 2), TestBundles.signer(), CaseImporter.Progress.NONE, () -> false);
        dialogs.answer(caseDir);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.O).release(KeyCode.O, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.features().session().dir() != null);
        Path journalFile = c.journal().file();
        byte[] journal = Files.readAllBytes(journalFile);
        byte[] bytes = "\u0001\u0002 nothing anyone logs \u0003\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Path garbage = Files.write(tmp.resolve("garbage.log"), bytes);

        dialogs.answer(List.of(garbage));
        robot.press(KeyCode.CONTROL, KeyCode.I).release(KeyCode.I, KeyCode.CONTROL);

        assertThat(outcomeShown(robot)).isEqualTo("The import failed: " + garbage + " (" + bytes.length
                + " bytes, SHA-256 " + sha256(bytes) + "): not a Sealtrail bundle and not a format Sealtrail recognises."
                + " The case is as it was.");
        assertThat(Files.readAllBytes(journalFile)).isEqualTo(journal);
        assertThat(CaseFolder.open(caseDir, Clock.systemUTC()).bundles()).hasSize(1);
        assertThat(window.features().session().dir()).isEqualTo(caseDir.toAbsolutePath());
    }
}
