package io.sealtrail.app.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.ui.dialogs.ScriptedDialogs;
import io.sealtrail.index.EventQuery;
import io.sealtrail.index.Hit;
import io.sealtrail.index.HitFields;
import io.sealtrail.index.SortOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.ContextMenuEvent;
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
 * The events table as investigators use it, headless on a 1366 × 768 stage with the demo case: a header click sorts
 * the whole case through the index, a cell's right-click filters on its value, any field becomes a column, and the
 * detail pane lists every field.
 */
@ExtendWith(ApplicationExtension.class)
class TableFlowTest {
    private static Path caseDir;
    @TempDir
    Path tmp;
    private ExecutorService background;
    private SearchViewModel search;
    private CaseViewModel cases;

    @BeforeAll
    static void demoCase() {
        caseDir = TestCase.demoCase();
    }

    @Start
    void start(Stage stage) {
        TestWindow w = TestWindow.onALaptop(stage, tmp, s -> new ScriptedDialogs());
        background = w.background();
        search = w.search();
        cases = w.cases();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    private TableView<Hit> open(FxRobot robot) throws Exception {
        robot.interact(() -> cases.open(caseDir));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> search.matchingProperty().get() > 0 && !search.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#table").queryTableView();
    }

    /**
     * A right-click as the platform reports it: Monocle (headless) sends no context-menu request for a secondary
     * click (TestFX issue 645), so the test sends the one a desktop would, at the node's centre.
     */
    private static void rightClick(FxRobot robot, Node n) {
        robot.interact(() -> {
            Bounds b = n.localToScene(n.getBoundsInLocal());
            Bounds s = n.localToScreen(n.getBoundsInLocal());
            n.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, b.getCenterX(), b.getCenterY(),
                    s.getCenterX(), s.getCenterY(), false, null));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The label of a menu item on screen. */
    private static Label menuLabel(FxRobot robot, String text) {
        return robot.lookup(".context-menu .label").<Label>match(l -> text.equals(l.getText()) && l.getScene() != null
                && l.getScene().getWindow() != null && l.getScene().getWindow().isShowing()).queryAs(Label.class);
    }

    private static Label header(FxRobot robot, String text) {
        return robot.lookup("#table .column-header .label").<Label>match(l -> text.equals(l.getText())).queryAs(Label.class);
    }

    /** The cell of the first row in the column of this id. */
    private static TableCell<?, ?> firstCell(FxRobot robot, String columnId) {
        return robot.lookup("#table .table-cell").<TableCell<?, ?>>match(c -> c.getTableRow() != null
                && c.getTableRow().getIndex() == 0 && c.getTableColumn() != null
                && columnId.equals(c.getTableColumn().getId())).queryAs(TableCell.class);
    }

    @Test
    void clickingTheUserHeaderShowsTheAlphabeticallyFirstUserOfTheWholeCaseFirst(FxRobot robot) throws Exception {
        TableView<Hit> table = open(robot);
        List<Hit> all = new ArrayList<>();
        search.index().export(EventQuery.all(), all::add);
        String first = all.stream().map(Hit::userName).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElseThrow();
        assertThat(all.size()).isGreaterThan(table.getItems().size());

        robot.clickOn(header(robot, "User"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> search.sortOrderProperty().get().equals(
                new SortOrder("user.name", false)) && !search.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(table.getItems().get(0).userName()).isEqualTo(first);
        assertThat(table.getSortOrder()).extracting(TableColumn::getId).containsExactly("column-user.name");
    }

    @Test
    void filterForOnACellAddsAChipAndEveryRowHasThatValue(FxRobot robot) throws Exception {
        TableView<Hit> table = open(robot);
        String user = table.getItems().stream().map(Hit::userName).filter(Objects::nonNull).findFirst().orElseThrow();
        int row = table.getItems().indexOf(table.getItems().stream().filter(h -> user.equals(h.userName())).findFirst()
                .orElseThrow());
        assertThat(row).isLessThan(5); // on screen

        rightClick(robot, robot.lookup("#table .table-cell").<TableCell<?, ?>>match(c -> c.getTableRow() != null
                && c.getTableRow().getIndex() == row && c.getTableColumn() != null
                && "column-user.name".equals(c.getTableColumn().getId())).queryAs(TableCell.class));
        robot.clickOn(menuLabel(robot, "Filter for user.name = " + user));
        String chip = "user.name:\"" + user + "\"";
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> search.chips().contains(chip) && !search.busyProperty().get()
                && search.matchingProperty().get() >= 0);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#chipPane .chip").queryAllAs(Button.class)).extracting(Button::getText)
                .containsExactly(chip + "  ✕");
        assertThat(table.getItems()).isNotEmpty().allMatch(h -> user.equals(h.userName()));
        assertThat(search.matchingProperty().get()).isEqualTo(search.index().count(EventQuery.of(chip)));
    }

    @Test
    void anyFieldBecomesAColumnFromTheHeaderMenu(FxRobot robot) throws Exception {
        TableView<Hit> table = open(robot);

        rightClick(robot, header(robot, "User"));
        robot.clickOn(menuLabel(robot, "Columns"));
        WaitForAsyncUtils.waitForFxEvents();
        // across into the submenu first, as a hand does: a diagonal path crosses other items, which close it
        robot.clickOn(menuLabel(robot, "source.ip"), org.testfx.robot.Motion.HORIZONTAL_FIRST);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(table.getColumns()).extracting(TableColumn::getText).endsWith("source.ip");
        Hit h = table.getItems().get(0);
        assertThat(firstCell(robot, "column-source.ip").getText()).isEqualTo(HitFields.value(h, "source.ip"));
    }

    @Test
    void theDetailPaneListsEveryFieldOfTheEventAndFiltersFromOne(FxRobot robot) throws Exception {
        TableView<Hit> table = open(robot);
        Hit h = table.getItems().stream().filter(x -> !HitFields.values(x, "user.roles").isEmpty()
                && !HitFields.value(x, "source.ip").isEmpty()).findFirst().orElseThrow();
        robot.interact(() -> search.selectedProperty().set(h));
        WaitForAsyncUtils.waitForFxEvents();

        for (String f : List.of("user.roles", "source.ip", "auth.method", "target.account", "event.hash")) {
            if (!HitFields.value(h, f).isEmpty()) {
                assertThat(robot.lookup("#fact-" + f.replace('.', '-')).queryAs(Label.class).getText())
                        .as(f).isEqualTo(HitFields.value(h, f));
            }
        }
        rightClick(robot, robot.lookup("#fact-source-ip").queryAs(Label.class));
        robot.clickOn(menuLabel(robot, "Exclude source.ip = " + HitFields.value(h, "source.ip")));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !search.chips().isEmpty() && !search.busyProperty().get());

        assertThat(search.chips()).containsExactly("NOT source.ip:\"" + HitFields.value(h, "source.ip") + "\"");
    }
}
