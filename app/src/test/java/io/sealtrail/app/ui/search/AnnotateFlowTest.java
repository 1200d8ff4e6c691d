package io.sealtrail.app.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.ui.annotate.AnnotationsViewModel;
import io.sealtrail.cases.Annotation;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.index.Hit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
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

/** The real window, headless, on a copy of the demo case: bookmark an event, find it in the Bookmarks tab. */
@ExtendWith(ApplicationExtension.class)
class AnnotateFlowTest {
    @TempDir
    static Path tmp;
    private ExecutorService background;
    private CaseViewModel cases;
    private SearchViewModel search;
    private AnnotationsViewModel notes;

    @Start
    void start(Stage stage) {
        TestWindow w = TestWindow.start(stage, tmp);
        background = w.background();
        search = w.search();
        cases = w.cases();
        notes = w.notes();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    static Path copyOfDemoCase(Path to) throws IOException {
        Path from = TestCase.demoCase();
        try (Stream<Path> walk = Files.walk(from)) {
            walk.forEach(p -> {
                try {
                    Path t = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(t);
                    } else {
                        Files.copy(p, t);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return to;
    }

    @Test
    void ctrlBBookmarksTheSelectedEventInTheJournalAndTheBookmarksTabLeadsBackToIt(FxRobot robot) throws Exception {
        Path caseDir = copyOfDemoCase(tmp.resolve("case"));
        robot.interact(() -> search.queryProperty().set("event.outcome:denied AND target.kind:kubernetes"));
        robot.interact(() -> cases.open(caseDir));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> search.matchingProperty().get() > 2);
        WaitForAsyncUtils.waitForFxEvents();
        TableView<Hit> table = robot.lookup("#table").queryTableView();
        robot.clickOn(robot.lookup("#table .table-row-cell").<TableRow<?>>match(r -> r.getIndex() == 2)
                .queryAs(TableRow.class));
        Hit chosen = table.getItems().get(2);
        robot.press(KeyCode.CONTROL).press(KeyCode.B).release(KeyCode.B).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> notes.isBookmarked(chosen));
        WaitForAsyncUtils.waitForFxEvents();

        List<Annotation> written = Annotation.all(CaseFolder.open(caseDir, Clock.systemUTC()).journal());
        assertThat(written).singleElement().satisfies(a -> {
            assertThat(a.eventRef()).isEqualTo(chosen.bundleId() + ":" + chosen.seq());
            assertThat(a.entryHash()).isEqualTo(chosen.entryHash());
        });
        assertThat(robot.lookup("#bookmarkButton").queryButton().getText()).contains("Bookmarked");
        assertThat(robot.lookup("#annotationLabel").queryAs(Label.class).getText()).contains("bookmarked");

        robot.clickOn("Bookmarks");
        TableView<Annotation> bookmarks = robot.lookup("#annotationsTable").queryTableView();
        assertThat(bookmarks.getItems()).hasSize(1);
        robot.doubleClickOn(robot.lookup("#annotationsTable .table-row-cell").<TableRow<?>>match(r -> r.getIndex() == 0)
                .queryAs(TableRow.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> search.contextProperty().get().startsWith("around") && !search.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(search.selectedProperty().get().entryHash()).isEqualTo(chosen.entryHash());
        assertThat(robot.lookup("#table").queryTableView().isVisible()).isTrue();
    }
}
