package io.sealtrail.app.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.ui.dialogs.FxDialogService;
import io.sealtrail.index.EventQuery;
import io.sealtrail.index.Hit;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
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

/**
 * The real window, headless, on a 1366 × 768 stage: a drill-down is a filter the person sees in the query bar, the
 * facets count the rows it shows, and Alt+Left / Alt+Right walk back and forth between the views.
 */
@ExtendWith(ApplicationExtension.class)
class DrillDownFlowTest {
    private static Path caseDir;

    @TempDir
    Path tmp;
    private ExecutorService background;
    private CaseViewModel cases;
    private SearchViewModel search;

    @BeforeAll
    static void demoCase() {
        caseDir = TestCase.demoCase();
    }

    @Start
    void start(Stage stage) {
        TestWindow w = TestWindow.onALaptop(stage, tmp, FxDialogService::new);
        background = w.background();
        search = w.search();
        cases = w.cases();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    /** The counts the sidebar shows for one field's values, added up. */
    private static long facetTotal(FxRobot robot, String field) {
        return robot.lookup(".facet-row").<HBox>match(r -> r.getId() != null && r.getId().startsWith("facet-" + field + "-"))
                .queryAllAs(HBox.class).stream()
                .mapToLong(r -> Long.parseLong(((Label) r.getChildren().get(1)).getText().replace(",", ""))).sum();
    }

    private List<String> chipTexts(FxRobot robot) {
        return robot.lookup("#chipPane .chip").queryAllAs(Button.class).stream().map(Button::getText).toList();
    }

    /** Waits until the search and its facets and histogram have answered. */
    private void settled(long matching) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !search.busyProperty().get()
                && search.matchingProperty().get() == matching
                && search.facets("event.outcome").stream().mapToLong(f -> f.count()).sum() == matching);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void eventsAroundOneShowAChipTheFacetsCountAndAltLeftReturnsToTheQuery(FxRobot robot) throws Exception {
        robot.interact(() -> cases.open(caseDir));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> search.matchingProperty().get() >= 0);
        robot.clickOn("#queryField").write("event.outcome:denied").type(KeyCode.ENTER);
        long denied = search.index().count(EventQuery.of("event.outcome:denied"));
        settled(denied);
        TableView<Hit> table = robot.lookup("#table").queryTableView();
        robot.clickOn(robot.lookup("#table .table-row-cell").<TableRow<?>>match(r -> r.getIndex() == 2).queryAs(TableRow.class));
        WaitForAsyncUtils.waitForFxEvents();
        Hit chosen = table.getItems().get(2);
        assertThat(chipTexts(robot)).isEmpty();

        robot.clickOn("#aroundButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> search.contextProperty().get().startsWith("around"));
        long shown = search.index().count(EventQuery.of(search.effectiveQuery()));
        settled(shown);

        assertThat(chipTexts(robot)).singleElement().satisfies(c -> assertThat(c).startsWith("time:["));
        assertThat(robot.lookup("#queryField").queryAs(TextField.class).getText()).isEmpty();
        assertThat(table.getItems()).hasSize((int) shown);
        assertThat(facetTotal(robot, "event.outcome")).isEqualTo(shown);
        assertThat(search.selectedProperty().get().entryHash()).isEqualTo(chosen.entryHash());
        assertThat(robot.lookup("#statusLabel").queryAs(Label.class).getText())
                .contains("around " + chosen.bundleId() + ":" + chosen.seq());
        assertThat(robot.lookup("#backButton").queryButton().isDisabled()).isFalse();

        robot.press(KeyCode.ALT, KeyCode.LEFT).release(KeyCode.LEFT, KeyCode.ALT);
        settled(denied);
        assertThat(robot.lookup("#queryField").queryAs(TextField.class).getText()).isEqualTo("event.outcome:denied");
        assertThat(chipTexts(robot)).isEmpty();
        assertThat(facetTotal(robot, "event.outcome")).isEqualTo(denied);
        assertThat(search.selectedProperty().get()).isEqualTo(chosen);
        // the Alt of Alt+Left is not "go to the menu bar": in its keyboard mode, Down would open the File menu; Down
        // also moves the focus out of the search view (to the status bar), where Alt+Right must still go forward
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(javafx.stage.Window.getWindows()).noneMatch(javafx.scene.control.ContextMenu.class::isInstance);

        robot.press(KeyCode.ALT, KeyCode.RIGHT).release(KeyCode.RIGHT, KeyCode.ALT);
        settled(shown);
        assertThat(chipTexts(robot)).singleElement().satisfies(c -> assertThat(c).startsWith("time:["));
        assertThat(robot.lookup("#forwardButton").queryButton().isDisabled()).isTrue();
    }

    @Test
    void theBackButtonReturnsToTheViewBeforeAChipWasAdded(FxRobot robot) throws Exception {
        robot.interact(() -> cases.open(caseDir));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> search.matchingProperty().get() >= 0);
        long all = search.index().count(EventQuery.all());
        settled(all);
        assertThat(robot.lookup("#backButton").queryButton().isDisabled()).isTrue();
        robot.clickOn(robot.lookup(".facet-row").<HBox>match(r -> r.getId() != null && r.getId().equals("facet-event.outcome-denied"))
                .queryAs(HBox.class));
        long denied = search.index().count(EventQuery.of("event.outcome:\"denied\""));
        settled(denied);
        assertThat(chipTexts(robot)).singleElement().satisfies(c -> assertThat(c).startsWith("event.outcome:\"denied\""));

        robot.clickOn("#backButton");
        settled(all);
        assertThat(chipTexts(robot)).isEmpty();
        assertThat(robot.lookup("#forwardButton").queryButton().isDisabled()).isFalse();
    }
}
