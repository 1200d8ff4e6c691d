package io.sealtrail.app.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.ui.annotate.AnnotationsViewModel;
import io.sealtrail.app.ui.bundles.WorkbenchViewModel;
import io.sealtrail.index.EventQuery;
import io.sealtrail.index.Hit;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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

/** The real window, headless: open the demo case, search for denied events, look at one. */
@ExtendWith(ApplicationExtension.class)
class SearchFlowTest {
    private static Path caseDir;

    @TempDir
    Path tmp;
    private ExecutorService background;
    private WorkbenchViewModel vm;
    private CaseViewModel cases;
    private SearchViewModel search;
    private AnnotationsViewModel notes;

    @BeforeAll
    static void demoCase() {
        caseDir = TestCase.demoCase();
    }

    @Start
    void start(Stage stage) {
        TestWindow w = TestWindow.start(stage, tmp);
        background = w.background();
        vm = w.vm();
        search = w.search();
        cases = w.cases();
        notes = w.notes();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    @Test
    void searchTheDemoCaseForDeniedEventsAndOpenOne(FxRobot robot) throws Exception {
        robot.interact(() -> cases.open(caseDir));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> search.matchingProperty().get() >= 0);
        WaitForAsyncUtils.waitForFxEvents();
        Stage stage = (Stage) robot.lookup("#queryField").query().getScene().getWindow();
        assertThat(stage.getTitle()).isEqualTo("Sealtrail — UI test case");
        assertThat(vm.bundles()).hasSize(2); // the evidence copies, verified as before

        robot.clickOn("#queryField").write("event.outcome:denied").type(KeyCode.ENTER);
        long denied = search.index().count(EventQuery.of("event.outcome:denied"));
        long all = search.index().count(EventQuery.all());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> search.matchingProperty().get() == denied);
        WaitForAsyncUtils.waitForFxEvents();
        Label status = robot.lookup("#statusLabel").queryAs(Label.class);
        assertThat(status.getText()).startsWith(String.format("%,d matching of %,d events", denied, all));

        TableView<Hit> table = robot.lookup("#table").queryTableView();
        assertThat(table.getItems()).isNotEmpty().allMatch(h -> h.outcome().equals("denied"));
        robot.clickOn(robot.lookup("#table .table-row-cell").<javafx.scene.control.TableRow<?>>match(r -> r.getIndex() == 0)
                .queryAs(javafx.scene.control.TableRow.class));
        WaitForAsyncUtils.waitForFxEvents();
        Hit first = table.getItems().get(0);
        assertThat(search.selectedProperty().get()).isEqualTo(first);
        assertThat(robot.lookup("#hashLabel").queryAs(Label.class).getText()).contains(first.entryHash());

        robot.type(KeyCode.J); // next row
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(search.selectedProperty().get()).isEqualTo(table.getItems().get(1));
        assertThat(robot.lookup("#hashLabel").queryAs(Label.class).getText()).contains(table.getItems().get(1).entryHash());

        // the verification view is still there, one tab away, listing the case's evidence copies
        robot.clickOn("Verification");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ListView<?> bundles = robot.lookup("#bundleList").queryListView();
        assertThat(bundles.isVisible()).isTrue();
        assertThat(bundles.getItems()).hasSize(2);
    }

    @Test
    void theCaseLayoutShowsWhileACaseOpensAndGoesWhenItCannotBeOpened(FxRobot robot) throws Exception {
        javafx.scene.control.TabPane tabs = robot.lookup("#modeTabs").queryAs(javafx.scene.control.TabPane.class);
        java.util.List<String> tabsWhileOpening = new java.util.ArrayList<>();
        robot.interact(() -> {
            cases.open(tmp); // no case.json
            tabs.getTabs().forEach(t -> tabsWhileOpening.add(t.getText()));
        });
        assertThat(tabsWhileOpening).containsExactly("Search", "Timeline", "Verification", "Bookmarks");

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !cases.errorProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.Button ok = robot.lookup(".dialog-pane .button").queryButton(); // the error's alert
        robot.interact(ok::fire);
        WaitForAsyncUtils.waitForFxEvents();
        // the plain verification view: its tab alone, no tab header
        assertThat(tabs.getTabs()).extracting(javafx.scene.control.Tab::getText).containsExactly("Verification");
        assertThat(tabs.getChildrenUnmodifiable()).filteredOn(n -> n.getStyleClass().contains("tab-header-area"))
                .singleElement().satisfies(header -> assertThat(header.isVisible()).isFalse());
        assertThat(robot.lookup("#bundleList").queryListView().getScene()).isNotNull();
    }

    @Test
    void hiddenTabsJoinTheWindowWhenFirstShown(FxRobot robot) throws Exception {
        robot.interact(() -> cases.open(caseDir));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> search.matchingProperty().get() >= 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#bundleList").tryQuery()).isEmpty();
        assertThat(robot.lookup("#timelineCanvas").tryQuery()).isEmpty();

        robot.clickOn("Verification");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#bundleList").tryQuery()).isPresent();
        robot.clickOn("Timeline");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#timelineCanvas").tryQuery()).isPresent();
    }

    @Test
    void typingAFieldPrefixOffersTheFieldsAndChoosingOneInsertsIt(FxRobot robot) throws Exception {
        robot.interact(() -> cases.open(caseDir));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> search.matchingProperty().get() >= 0);
        WaitForAsyncUtils.waitForFxEvents(); // the tab's content joins the scene on the next pulse
        robot.clickOn("#queryField").write("event.outcome:denied AND targ");
        WaitForAsyncUtils.waitForFxEvents();
        // the completion's item, not the detail pane's field of that name
        robot.clickOn(robot.lookup(".context-menu .label").<Label>match(l -> "target.name".equals(l.getText()))
                .queryAs(Label.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(search.queryProperty().get()).isEqualTo("event.outcome:denied AND target.name:");
        robot.write("\"prod-eu-1\"").type(KeyCode.ENTER);
        long expected = search.index().count(EventQuery.of("event.outcome:denied AND target.name:\"prod-eu-1\""));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> search.matchingProperty().get() == expected);
        robot.clickOn("#queryField").type(KeyCode.UP);
        assertThat(search.queryProperty().get()).isEqualTo("event.outcome:denied AND target.name:\"prod-eu-1\"");
    }

    @Test
    void theStatusBarsZoneOpensThePickerWithUtcAndThisComputersZoneFirstAndEscapeChangesNothing(FxRobot robot)
            throws Exception {
        robot.interact(() -> cases.open(caseDir));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> search.matchingProperty().get() >= 0);
        WaitForAsyncUtils.waitForFxEvents();
        TableView<Hit> table = robot.lookup("#table").queryTableView();
        assertThat(table.getColumns().get(1).getText()).isEqualTo("Time (UTC)");
        robot.clickOn("#zoneToggle");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ListView<java.time.ZoneId> zones = robot.lookup("#zoneList").queryListView();
        assertThat(zones.getItems().get(0)).isEqualTo(java.time.ZoneOffset.UTC);
        assertThat(zones.getItems()).contains(java.time.ZoneId.systemDefault());
        assertThat(zones.getSelectionModel().getSelectedItem()).isEqualTo(java.time.ZoneOffset.UTC);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#zoneList").tryQuery()).isEmpty();
        assertThat(search.zoneProperty().get()).isEqualTo(java.time.ZoneOffset.UTC);
        assertThat(table.getColumns().get(1).getText()).isEqualTo("Time (UTC)");
    }

    @Test
    void draggingAcrossTheHistogramFiltersToThatTimeRange(FxRobot robot) throws Exception {
        robot.interact(() -> cases.open(caseDir));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> search.matchingProperty().get() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        HistogramView h = robot.lookup("#histogram").queryAs(HistogramView.class);
        javafx.geometry.Bounds b = h.localToScreen(h.getBoundsInLocal());
        double y = b.getMinY() + b.getHeight() / 3;
        robot.drag(b.getMinX() + b.getWidth() * 0.2, y).moveTo(b.getMinX() + b.getWidth() * 0.5, y).drop();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> search.fromProperty().get() != null);
        java.time.Instant from = search.fromProperty().get();
        java.time.Instant to = search.toProperty().get();
        assertThat(from).isBefore(to);
        long expected = search.index().count(new EventQuery("*", from, to));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> search.matchingProperty().get() == expected);
        assertThat(expected).isPositive().isLessThan(search.allEventsProperty().get());
    }

    @Test
    void clickingTheTimeHeaderShowsTheNewestEventsFirstFromTheIndex(FxRobot robot) throws Exception {
        robot.interact(() -> cases.open(caseDir));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> search.matchingProperty().get() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        TableView<Hit> table = robot.lookup("#table").queryTableView();
        java.time.Instant oldest = table.getItems().get(0).time();
        robot.clickOn(robot.lookup("#table .column-header .label")
                .<javafx.scene.control.Label>match(l -> l.getText().startsWith("Time")).queryAs(javafx.scene.control.Label.class));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> search.newestFirstProperty().get() && !search.busyProperty().get()
                && !table.getItems().isEmpty() && table.getItems().get(0).time().isAfter(oldest));
        Hit newest = search.index().search(EventQuery.all(), 1, null, true).hits().get(0);
        assertThat(table.getItems().get(0).entryHash()).isEqualTo(newest.entryHash());
        assertThat(table.getItems().get(0).time()).isAfterOrEqualTo(table.getItems().get(1).time());
    }

    @Test
    void doubleClickingTheAlteredEventsFindingShowsThatEventInSearch(FxRobot robot) throws Exception {
        robot.interact(() -> cases.open(caseDir));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.bundles().size() == 2
                && vm.bundles().stream().allMatch(b -> b.state() == io.sealtrail.app.ui.bundles.BundleViewModel.State.DONE));
        io.sealtrail.app.ui.bundles.BundleViewModel altered = vm.bundles().stream()
                .filter(b -> b.verdict() == io.sealtrail.model.Verdict.INTEGRITY_FAILURE).findFirst().orElseThrow();
        robot.clickOn("Verification");
        robot.interact(() -> vm.selectedProperty().set(altered));
        WaitForAsyncUtils.waitForFxEvents();
        TableView<io.sealtrail.app.ui.bundles.FindingRow> findings = robot.lookup("#findingsTable").queryTableView();
        int index = -1;
        for (int i = 0; i < findings.getItems().size(); i++) {
            if (findings.getItems().get(i).finding().code() == io.sealtrail.model.FindingCode.EVENT_ALTERED) {
                index = i;
            }
        }
        assertThat(index).isNotNegative();
        long seq = findings.getItems().get(index).finding().location().seq();
        int row = index;
        robot.interact(() -> findings.scrollTo(row));
        robot.doubleClickOn(robot.lookup("#findingsTable .table-row-cell")
                .<javafx.scene.control.TableRow<?>>match(r -> r.getIndex() == row).queryAs(javafx.scene.control.TableRow.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> search.contextProperty().get().startsWith("around") && !search.busyProperty().get() && search.selectedProperty().get() != null);
        assertThat(search.selectedProperty().get().seq()).isEqualTo(seq);
        assertThat(search.selectedProperty().get().integrity()).isEqualTo(io.sealtrail.index.Integrity.BROKEN);
        assertThat(robot.lookup("#table").queryTableView().isVisible()).isTrue();
    }
}
