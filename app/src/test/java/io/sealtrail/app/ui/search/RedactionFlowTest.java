package io.sealtrail.app.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.ui.dialogs.DialogService;
import io.sealtrail.app.ui.dialogs.ScriptedDialogs;
import io.sealtrail.app.ui.redaction.RedactionChoice;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.JournalEntry;
import io.sealtrail.index.Redaction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ToggleButton;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
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
 * Redaction in the window (docs/redaction.md), on a copy of the demo case: the detail pane's redacted view shows no
 * address, and a results export with the Redaction menu on holds none and is recorded in the case journal.
 */
@ExtendWith(ApplicationExtension.class)
class RedactionFlowTest {
    static final Pattern IPV4 = Pattern.compile("\\b\\d{1,3}(?:\\.\\d{1,3}){3}\\b");

    @TempDir
    static Path tmp;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private ExecutorService background;
    private TestWindow w;
    private Path caseDir;

    @Start
    void start(Stage stage) {
        w = TestWindow.onALaptop(stage, tmp.resolve("w" + System.nanoTime()), s -> dialogs);
        background = w.background();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    private void openCase(FxRobot robot, String name) throws Exception {
        caseDir = AnnotateFlowTest.copyOfDemoCase(tmp.resolve(name));
        robot.interact(() -> w.search().queryProperty().set("source.ip:*"));
        robot.interact(() -> w.cases().open(caseDir));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> w.search().matchingProperty().get() > 2
                && !w.search().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String raw(FxRobot robot) {
        return robot.lookup("#rawFlow").queryAs(TextFlow.class).getChildren().stream().map(n -> ((Text) n).getText())
                .collect(Collectors.joining());
    }

    @Test
    void theRedactedViewShowsTheSelectedEventWithoutItsAddresses(FxRobot robot) throws Exception {
        openCase(robot, "view");
        robot.interact(() -> w.search().selectedProperty().set(w.search().rows().get(0)));
        WaitForAsyncUtils.waitForFxEvents();
        Label ip = robot.lookup("#fact-source-ip").queryAs(Label.class);
        assertThat(ip.getText()).as("the evidence names an address").matches(IPV4);
        String hash = robot.lookup("#hashLabel").queryAs(Label.class).getText();

        robot.interact(() -> robot.lookup("#redactedViewButton").queryAs(ToggleButton.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#fact-source-ip").queryAs(Label.class).getText()).isEqualTo("[REDACTED:ipv4]");
        assertThat(IPV4.matcher(raw(robot)).find()).as(raw(robot)).isFalse();
        assertThat(robot.lookup("#hashLabel").queryAs(Label.class).getText()).as("the entry hash stays").isEqualTo(hash);
        assertThat(robot.lookup("#redactionButton").queryAs(MenuButton.class).getText()).isEqualTo("Redaction: standard");
    }

    @Test
    void aRedactedExportHoldsNoAddressAndTheJournalRecordsIt(FxRobot robot) throws Exception {
        openCase(robot, "export");
        Path out = tmp.resolve("redacted.jsonl");
        dialogs.answer(new DialogService.Saved(out, null));
        MenuButton menu = robot.lookup("#redactionButton").queryAs(MenuButton.class);
        robot.interact(() -> menu.getItems().stream().filter(i -> "redactionStandard".equals(i.getId())).findFirst()
                .orElseThrow().fire());
        robot.interact(() -> robot.lookup("#exportButton").queryAs(Button.class).fire());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> Files.exists(out)
                && !robot.lookup("#exportButton").queryAs(Button.class).isDisabled());
        WaitForAsyncUtils.waitForFxEvents();

        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).hasSize((int) w.search().matchingProperty().get());
        assertThat(lines).noneMatch(l -> IPV4.matcher(l).find()).allMatch(l -> l.contains("[REDACTED:ipv4]"));
        List<JournalEntry> journal = CaseFolder.open(caseDir, Clock.systemUTC()).journal().entries();
        JournalEntry last = journal.get(journal.size() - 1);
        assertThat(last.type()).isEqualTo(RedactionChoice.JOURNAL_TYPE);
        assertThat(last.data()).containsEntry("profile_sha256", Redaction.standard().sha256())
                .containsEntry("format", "jsonl").containsEntry("events", Integer.toString(lines.size()));
        assertThat(dialogs.asked()).anyMatch(t -> t.endsWith("redacted with profile standard"));
    }
}
