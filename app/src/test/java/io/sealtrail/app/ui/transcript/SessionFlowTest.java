package io.sealtrail.app.ui.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.ui.dialogs.FxDialogService;
import io.sealtrail.app.ui.search.CaseViewModel;
import io.sealtrail.app.ui.search.SearchViewModel;
import io.sealtrail.app.ui.search.TestWindow;
import io.sealtrail.index.Hit;
import io.sealtrail.sources.Transcript;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 15's flow on a 1366 × 768 window: search a statement in a case of hoop.dev sessions, open the session of
 * the event found, and read the statement and what came back in order.
 */
@ExtendWith(ApplicationExtension.class)
class SessionFlowTest {
    @TempDir
    static Path tmp;
    static Path caseDir;
    private ExecutorService background;
    private CaseViewModel cases;
    private SearchViewModel search;
    private io.sealtrail.app.ui.annotate.AnnotationsViewModel notes;

    @BeforeAll
    static void importSessions() throws Exception {
        caseDir = HoopCase.make(tmp).dir();
    }

    @Start
    void start(Stage stage) {
        TestWindow w = TestWindow.onALaptop(stage, tmp.resolve("w" + System.nanoTime()), FxDialogService::new);
        background = w.background();
        search = w.search();
        cases = w.cases();
        notes = w.notes();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    @Test
    void searchDropOpenTheSessionAndReadTheStatementAndItsOutputInOrder(FxRobot robot) throws Exception {
        robot.interact(() -> cases.open(caseDir));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> search.matchingProperty().get() > 0);
        robot.clickOn("#queryField").write("DROP").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> search.matchingProperty().get() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        TableView<Hit> table = robot.lookup("#table").queryTableView();
        String sessionId = table.getItems().get(0).sessionId();
        robot.clickOn(robot.lookup("#table .table-row-cell").<TableRow<?>>match(r -> r.getIndex() == 0)
                .queryAs(TableRow.class));
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn(robot.lookup("#sessionButton").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#transcriptList").tryQuery().isPresent()
                && !robot.lookup("#transcriptList").<Transcript.Entry>queryListView().getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        ListView<Transcript.Entry> transcript = robot.lookup("#transcriptList").queryListView();
        Window window = transcript.getScene().getWindow();
        assertThat(((Stage) window).getTitle()).startsWith("Session " + sessionId);
        assertThat(transcript.getItems().get(0).kind()).isEqualTo(Transcript.Kind.INPUT);
        assertThat(transcript.getItems().get(0).text()).isEqualTo("DROP TABLE audit_archive_2023;");
        assertThat(transcript.getItems().get(1).kind()).isNotEqualTo(Transcript.Kind.INPUT);
        assertThat(window.getWidth()).isLessThanOrEqualTo(1366);
        assertThat(window.getHeight()).isLessThanOrEqualTo(768);
    }

    @Test
    void findWalksTheStretchesThatHaveTheWords(FxRobot robot) throws Exception {
        robot.interact(() -> cases.open(caseDir));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> search.matchingProperty().get() > 0);
        robot.clickOn("#queryField").write("session.output:münchen").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> search.matchingProperty().get() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup("#table .table-row-cell").<TableRow<?>>match(r -> r.getIndex() == 0)
                .queryAs(TableRow.class));
        robot.clickOn(robot.lookup("#sessionButton").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#transcriptList").tryQuery().isPresent()
                && !robot.lookup("#transcriptList").<Transcript.Entry>queryListView().getItems().isEmpty());

        robot.clickOn("#transcriptFind").write("münchen");
        WaitForAsyncUtils.waitForFxEvents();

        ListView<Transcript.Entry> transcript = robot.lookup("#transcriptList").queryListView();
        Transcript.Entry selected = transcript.getSelectionModel().getSelectedItem();
        assertThat(selected).isNotNull();
        assertThat(selected.text()).contains("Grüße aus München");
        assertThat(transcript.getItems().get(transcript.getSelectionModel().getSelectedIndex() - 1).text())
                .isEqualTo("cat /srv/app/shared/config/Grüße.txt");
    }

    @Test
    void aBookmarkedMomentIsASignedAnnotationOfTheEventItBelongsTo(FxRobot robot) throws Exception {
        robot.interact(() -> cases.open(caseDir));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> search.matchingProperty().get() > 0);
        robot.clickOn("#queryField").write("session.output:münchen").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> search.matchingProperty().get() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        Hit cat = robot.lookup("#table").<Hit>queryTableView().getItems().get(0);
        robot.clickOn(robot.lookup("#table .table-row-cell").<TableRow<?>>match(r -> r.getIndex() == 0)
                .queryAs(TableRow.class));
        robot.clickOn(robot.lookup("#sessionButton").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#transcriptList").tryQuery().isPresent()
                && !robot.lookup("#transcriptList").<Transcript.Entry>queryListView().getItems().isEmpty());
        robot.clickOn("#transcriptFind").write("Grüße aus");
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#bookmarkMoment");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> notes.annotations().size() == 1);

        assertThat(notes.annotations()).singleElement().satisfies(a -> {
            assertThat(a.eventRef()).isEqualTo(cat.bundleId() + ":" + cat.seq());
            assertThat(a.comment()).startsWith("transcript of session " + cat.sessionId() + " at +9.800 s: Grüße aus München");
        });
    }
}
