package io.sealtrail.app.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.ui.search.CaseViewModel;
import io.sealtrail.app.ui.search.SearchViewModel;
import io.sealtrail.app.ui.search.TestCase;
import io.sealtrail.app.ui.shell.WorkbenchWindow;
import io.sealtrail.index.EventQuery;
import io.sealtrail.index.FacetValue;
import io.sealtrail.index.Hit;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
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

/** The real window, headless: open the demo case, look at its timeline, click a session. */
@ExtendWith(ApplicationExtension.class)
class TimelineFlowTest {
    private static Path caseDir;

    @TempDir
    Path tmp;
    private ExecutorService background;
    private CaseViewModel cases;
    private SearchViewModel search;
    private TimelineViewModel timeline;
    private WorkbenchWindow window;

    @BeforeAll
    static void demoCase() {
        caseDir = TestCase.demoCase();
    }

    @Start
    void start(Stage stage) {
        io.sealtrail.app.ui.search.TestWindow w = io.sealtrail.app.ui.search.TestWindow.start(stage, tmp);
        background = w.background();
        search = w.search();
        cases = w.cases();
        timeline = w.timeline();
        window = w.window();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    private void openTimeline(FxRobot robot) throws Exception {
        robot.interact(() -> cases.open(caseDir));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> search.matchingProperty().get() >= 0);
        WaitForAsyncUtils.waitForFxEvents(); // the tabs join the scene on the next pulse
        robot.clickOn("Timeline");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !timeline.lanesProperty().get().isEmpty()
                && !timeline.loadingProperty().get() && timeline.ticksCurrent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<String> facet(String field) throws Exception {
        return search.index().facets(EventQuery.all(), field, 1000).stream().map(FacetValue::value).toList();
    }

    @Test
    void theTimelineHasALaneForEachUserOfTheCaseAndOneForEventsWithoutAUser(FxRobot robot) throws Exception {
        openTimeline(robot);
        List<String> users = facet("user.name");
        assertThat(window.shell().timeline().laneNames()).isEqualTo(users);
        TimelineCanvas canvas = robot.lookup("#timelineCanvas").queryAs(TimelineCanvas.class);
        assertThat(canvas.geometry().lanes()).isEqualTo(users.size() + 1); // the demo's heartbeats name no user
        assertThat(canvas.geometry().visibleLanes()).isGreaterThan(10);
        assertThat(robot.lookup("#timelineStatus").queryAs(Label.class).getText()).startsWith(users.size() + " users");
    }

    @Test
    void theTargetToggleMakesALaneForEachTarget(FxRobot robot) throws Exception {
        openTimeline(robot);
        robot.clickOn("#lanesByTarget");
        List<String> targets = facet("target.name");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.shell().timeline().laneNames().equals(targets));
        assertThat(robot.lookup("#timelineStatus").queryAs(Label.class).getText()).startsWith(targets.size() + " targets");
    }

    @Test
    void clickingASessionShowsItsEventsInTheSearchTab(FxRobot robot) throws Exception {
        openTimeline(robot);
        TimelineCanvas canvas = robot.lookup("#timelineCanvas").queryAs(TimelineCanvas.class);
        Point2D at = WaitForAsyncUtils.asyncFx(() -> widestSessionOnScreen(canvas)).get(10, TimeUnit.SECONDS);
        assertThat(at).isNotNull();
        TimelineLayout.SessionHit expected = (TimelineLayout.SessionHit) canvas.hitAt(at.getX(), at.getY()).orElseThrow();
        String id = expected.bar().session().sessionId();

        robot.clickOn(canvas.localToScreen(at));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> search.contextProperty().get().startsWith("of session") && !search.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        TabPane tabs = robot.lookup("#modeTabs").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("searchTab");
        TableView<Hit> table = robot.lookup("#table").queryTableView();
        assertThat(table.getItems()).hasSize((int) expected.bar().session().events()).allMatch(h -> id.equals(h.sessionId()));
        assertThat(search.selectedProperty().get()).isEqualTo(table.getItems().get(0));
        assertThat(robot.lookup("#statusLabel").queryAs(Label.class).getText()).contains("of session " + id);
        assertThat(timeline.selectedSessionProperty().get()).isEqualTo(expected.bar().session());
    }

    @Test
    void hoveringASessionShowsItsDetailsInATooltip(FxRobot robot) throws Exception {
        openTimeline(robot);
        TimelineCanvas canvas = robot.lookup("#timelineCanvas").queryAs(TimelineCanvas.class);
        Point2D at = WaitForAsyncUtils.asyncFx(() -> widestSessionOnScreen(canvas)).get(10, TimeUnit.SECONDS);
        TimelineLayout.SessionHit hit = (TimelineLayout.SessionHit) canvas.hitAt(at.getX(), at.getY()).orElseThrow();
        robot.moveTo(canvas.localToScreen(at.add(-3, 0))).moveTo(canvas.localToScreen(at));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".tooltip").tryQuery().isPresent());
        javafx.scene.control.Tooltip tip = (javafx.scene.control.Tooltip) robot.lookup(".tooltip").query().getScene()
                .getWindow();
        assertThat(tip.getText()).contains("Session " + hit.bar().session().sessionId(),
                "User: " + hit.bar().session().user(), "Events: ");
    }

    @Test
    void theWheelZoomsInAroundTheMousePointer(FxRobot robot) throws Exception {
        openTimeline(robot);
        TimelineCanvas canvas = robot.lookup("#timelineCanvas").queryAs(TimelineCanvas.class);
        TimeScale before = timeline.scaleProperty().get();
        double plotX = before.width() * 0.3;
        long under = before.time(plotX);
        // Three notches forward, as GTK reports them (40 per notch); TestFX's robot wheel under Monocle does not.
        javafx.scene.Node drawing = canvas.getChildrenUnmodifiable().get(0);
        double x = canvas.labelWidth() + plotX;
        double y = TimelineLayout.AXIS + 40;
        Point2D screen = canvas.localToScreen(x, y);
        robot.interact(() -> javafx.event.Event.fireEvent(drawing, new javafx.scene.input.ScrollEvent(
                javafx.scene.input.ScrollEvent.SCROLL, x, y, screen.getX(), screen.getY(), false, false, false, false,
                false, false, 0, 120, 0, 120, 40, 40, javafx.scene.input.ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                javafx.scene.input.ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null)));
        WaitForAsyncUtils.waitForFxEvents();
        TimeScale after = timeline.scaleProperty().get();
        assertThat(after.microsPerPixel()).isLessThan(before.microsPerPixel() / 1.5);
        assertThat((double) Math.abs(after.time(plotX) - under)).isLessThan(3 * after.microsPerPixel() + 1);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, timeline::ticksCurrent); // finer ticks follow
    }

    @Test
    void plusZoomsInAndZeroShowsEverythingAgain(FxRobot robot) throws Exception {
        openTimeline(robot);
        TimelineCanvas canvas = robot.lookup("#timelineCanvas").queryAs(TimelineCanvas.class);
        TimeScale fitted = timeline.scaleProperty().get();
        robot.clickOn(canvas.localToScreen(canvas.labelWidth() + 5, 8)); // the axis: nothing to open there
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(canvas.getScene().getFocusOwner()).isSameAs(canvas);
        robot.type(javafx.scene.input.KeyCode.EQUALS); // "+" without Shift
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(timeline.scaleProperty().get().microsPerPixel()).isLessThan(fitted.microsPerPixel());
        robot.type(javafx.scene.input.KeyCode.DIGIT0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(timeline.scaleProperty().get()).isEqualTo(fitted);
    }

    @Test
    void draggingLeftShowsLaterTimes(FxRobot robot) throws Exception {
        openTimeline(robot);
        TimelineCanvas canvas = robot.lookup("#timelineCanvas").queryAs(TimelineCanvas.class);
        robot.interact(() -> timeline.zoom(4)); // room to pan
        TimeScale before = timeline.scaleProperty().get();
        Point2D from = canvas.localToScreen(canvas.labelWidth() + 400, 10);
        robot.drag(from, javafx.scene.input.MouseButton.PRIMARY).dropTo(from.add(-200, 0));
        WaitForAsyncUtils.waitForFxEvents();
        TimeScale after = timeline.scaleProperty().get();
        assertThat(after.microsPerPixel()).isEqualTo(before.microsPerPixel());
        assertThat((double) (after.startMicros() - before.startMicros())).isCloseTo(200 * before.microsPerPixel(),
                org.assertj.core.api.Assertions.within(5 * before.microsPerPixel()));
    }

    @Test
    void aSessionBarsMenuOpensTheSessionsWindow(FxRobot robot) throws Exception {
        openTimeline(robot);
        TimelineCanvas canvas = robot.lookup("#timelineCanvas").queryAs(TimelineCanvas.class);
        Point2D at = WaitForAsyncUtils.asyncFx(() -> widestSessionOnScreen(canvas)).get(10, TimeUnit.SECONDS);
        TimelineLayout.SessionHit hit = (TimelineLayout.SessionHit) canvas.hitAt(at.getX(), at.getY()).orElseThrow();
        String id = hit.bar().session().sessionId();
        Point2D screen = canvas.localToScreen(at);
        Point2D scene = canvas.localToScene(at); // the event's x and y are the scene's; the canvas gets its own

        // headless Monocle sends no context-menu event on a right-click (TestFX #645): send the one a desktop would
        robot.interact(() -> canvas.fireEvent(new javafx.scene.input.ContextMenuEvent(
                javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, scene.getX(), scene.getY(), screen.getX(),
                screen.getY(), false, null)));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Open the session…");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#transcriptList").tryQuery().isPresent()
                && !robot.lookup("#transcriptList").queryListView().getItems().isEmpty());

        javafx.scene.control.ListView<?> transcript = robot.lookup("#transcriptList").queryListView();
        assertThat(((javafx.stage.Stage) transcript.getScene().getWindow()).getTitle()).startsWith("Session " + id);
        assertThat(transcript.getItems()).allMatch(e -> ((io.sealtrail.sources.Transcript.Entry) e).kind()
                == io.sealtrail.sources.Transcript.Kind.INPUT); // a bundle's session: what its events say was typed
    }

    /** The middle of the widest session bar in view, in canvas coordinates. */
    private Point2D widestSessionOnScreen(TimelineCanvas canvas) {
        TimelineLayout lay = canvas.geometry();
        TimeScale scale = timeline.scaleProperty().get();
        double best = 0;
        Point2D widest = null;
        List<Lane> lanes = timeline.lanesProperty().get();
        for (int i = lay.firstLane(); i < lay.firstLane() + lay.visibleLanes(); i++) {
            Lane lane = lanes.get(i);
            for (Lane.Bar b : lane.bars()) {
                double[] s = TimelineLayout.barSpan(b, scale);
                double w = Math.min(s[1], lay.plotWidth()) - Math.max(s[0], 0);
                if (w > best) {
                    double[] row = lay.barRow(i, b.row(), lane.rows());
                    best = w;
                    widest = new Point2D(canvas.labelWidth() + (Math.max(s[0], 0) + Math.min(s[1], lay.plotWidth())) / 2,
                            row[0] + row[1] / 2);
                }
            }
        }
        return widest;
    }
}
