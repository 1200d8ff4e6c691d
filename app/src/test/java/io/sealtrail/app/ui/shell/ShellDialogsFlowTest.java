package io.sealtrail.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.ui.dialogs.DialogService;
import io.sealtrail.app.ui.dialogs.ScriptedDialogs;
import io.sealtrail.app.ui.search.CaseViewModel;
import io.sealtrail.app.ui.search.SearchViewModel;
import io.sealtrail.app.ui.search.TestCase;
import io.sealtrail.app.ui.search.TestWindow;
import io.sealtrail.index.EventQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window, headless, its dialogs answered by the test: the menu and shortcuts reach the features through them. */
@ExtendWith(ApplicationExtension.class)
class ShellDialogsFlowTest {
    @TempDir
    Path tmp;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private ExecutorService background;
    private CaseViewModel cases;
    private SearchViewModel search;
    private WorkbenchWindow window;

    @Start
    void start(Stage stage) {
        TestWindow w = TestWindow.start(stage, tmp, s -> dialogs);
        background = w.background();
        cases = w.cases();
        search = w.search();
        window = w.window();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    private void openCaseFromTheMenu(FxRobot robot, Path dir) {
        dialogs.answer(dir);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.O).release(KeyCode.O, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void fileOpenCaseOpensTheFolderTheDialogServiceChose(FxRobot robot) throws Exception {
        openCaseFromTheMenu(robot, TestCase.demoCase());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> search.matchingProperty().get() >= 0);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(dialogs.asked()).containsExactly("Open a Sealtrail case (a folder with case.json)");
        assertThat(cases.nameProperty().get()).isEqualTo("UI test case");
        TabPane tabs = robot.lookup("#modeTabs").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem()).extracting(Tab::getText).isEqualTo("Search");
        assertThat(window.stage().getTitle()).isEqualTo("Sealtrail — UI test case");
    }

    @Test
    void aCaseThatCannotBeOpenedIsReportedThroughTheDialogServiceNotAnAlertOfItsOwn(FxRobot robot) throws Exception {
        openCaseFromTheMenu(robot, tmp); // no case.json
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !dialogs.shown().isEmpty());

        assertThat(dialogs.shown()).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo("error");
            assertThat(s.header()).isEqualTo("The case cannot be opened");
            assertThat(s.message()).startsWith("Cannot open the case " + tmp);
        });
        assertThat(Window.getWindows()).containsExactly(window.stage());
    }

    @Test
    void ctrlEExportsEveryMatchToTheFileTheDialogServiceChose(FxRobot robot) throws Exception {
        openCaseFromTheMenu(robot, TestCase.demoCase());
        robot.interact(() -> search.queryProperty().set("event.outcome:denied"));
        robot.interact(search::search);
        long denied = TestCase.openIndex().count(EventQuery.of("event.outcome:denied"));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> search.matchingProperty().get() == denied);
        Path out = tmp.resolve("denied.jsonl");
        dialogs.answer(new DialogService.Saved(out, null));

        robot.clickOn("#queryField");
        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !window.features().exports().runningProperty().get()
                && !window.features().exports().messageProperty().get().isEmpty());

        assertThat(dialogs.asked()).last().isEqualTo(String.format("Export %,d matching events", denied));
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize((int) denied).allSatisfy(l -> assertThat(l).contains("\"denied\""));
    }
}
