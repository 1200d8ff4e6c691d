package io.sealtrail.app.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.ui.bundles.WorkbenchViewModel;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.ImportRecord;
import io.sealtrail.index.EventQuery;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
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
 * A case copied in part (an import's index without its commit file) opens read-only in the window: the rest of it
 * searchable, the evidence verified, and a notice naming what cannot be searched, never an error and an empty screen.
 */
@ExtendWith(ApplicationExtension.class)
class DamagedCaseFlowTest {
    @TempDir
    Path tmp;
    private ExecutorService background;
    private WorkbenchViewModel vm;
    private CaseViewModel cases;
    private SearchViewModel search;

    @Start
    void start(Stage stage) {
        TestWindow w = TestWindow.start(stage, tmp.resolve("home"));
        background = w.background();
        vm = w.vm();
        search = w.search();
        cases = w.cases();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    @Test
    void aCaseWithOneHalfCopiedIndexOpensWithTheOtherImportSearchableAndSaysWhichIsNot(FxRobot robot) throws Exception {
        Path caseDir = TestCase.copyOfDemoCase(tmp.resolve("case"));
        List<ImportRecord> imports = CaseFolder.open(caseDir, Clock.systemUTC()).bundles();
        TestCase.halfCopyIndex(caseDir, imports.get(0).bundleId());

        robot.interact(() -> cases.open(caseDir));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> search.matchingProperty().get() >= 0);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(cases.errorProperty().get()).isEmpty();
        Label notice = robot.lookup("#damageNotice").queryAs(Label.class);
        assertThat(notice.isVisible()).isTrue();
        assertThat(notice.getText()).startsWith("Part of this case cannot be searched: 1 of 2 imports")
                .contains(imports.get(0).fileName() + " (bundles/" + imports.get(0).bundleId() + "): damaged or incomplete:"
                        + " its commit file (segments_N) is missing");
        assertThat(search.index().count(EventQuery.all())).isEqualTo(imports.get(1).events());
        assertThat(vm.bundles()).hasSize(2); // both evidence copies are verified as before
    }

    @Test
    void aCaseWhoseOnlyIndexesAreDamagedOpensWithNoEventsAndTheNoticeInsteadOfAnError(FxRobot robot) throws Exception {
        Path caseDir = TestCase.copyOfDemoCase(tmp.resolve("case"));
        for (ImportRecord r : CaseFolder.open(caseDir, Clock.systemUTC()).bundles()) {
            TestCase.halfCopyIndex(caseDir, r.bundleId());
        }

        robot.interact(() -> cases.open(caseDir));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> search.matchingProperty().get() >= 0);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(cases.errorProperty().get()).isEmpty();
        assertThat(cases.nameProperty().get()).isEqualTo("UI test case");
        assertThat(robot.lookup("#damageNotice").queryAs(Label.class).getText())
                .startsWith("This case cannot be searched: its search index is damaged or incomplete");
        assertThat(search.matchingProperty().get()).isZero();
        assertThat(robot.lookup("#modeTabs").queryAs(TabPane.class).getTabs())
                .extracting(javafx.scene.control.Tab::getText).contains("Search", "Verification", "Bookmarks");
    }

    @Test
    void anIntactCaseShowsNoNotice(FxRobot robot) throws Exception {
        robot.interact(() -> cases.open(TestCase.demoCase()));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> search.matchingProperty().get() >= 0);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#damageNotice").queryAs(Label.class).isVisible()).isFalse();
    }
}
