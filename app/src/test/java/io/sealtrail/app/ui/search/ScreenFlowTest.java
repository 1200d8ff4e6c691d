package io.sealtrail.app.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.AppInfo;
import io.sealtrail.app.ui.TestBundles;
import io.sealtrail.app.ui.annotate.AnnotationsViewModel;
import io.sealtrail.app.ui.dialogs.ScriptedDialogs;
import io.sealtrail.cases.Annotation;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.JournalEntry;
import io.sealtrail.index.EventQuery;
import io.sealtrail.index.EventSearch;
import io.sealtrail.index.Hit;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Cell;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
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

/**
 * The real window, headless, on a 1366 × 768 stage (the laptop screen of issue 14) with a copy of the demo case:
 * nothing is cut, any time zone can be chosen and the case keeps it, bookmarks can be taken back, Alt+click stays a
 * click, and Help lists the keys.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenFlowTest {
    @TempDir
    static Path tmp;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private ExecutorService background;
    private CaseViewModel cases;
    private SearchViewModel search;
    private AnnotationsViewModel notes;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        TestWindow w = TestWindow.onALaptop(stage, tmp.resolve("w" + System.nanoTime()), s -> dialogs);
        background = w.background();
        search = w.search();
        cases = w.cases();
        notes = w.notes();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    /** A copy of the demo case with one bookmark, opened in the window. */
    private Path openCaseWithABookmark(FxRobot robot, String name) throws Exception {
        Path caseDir = AnnotateFlowTest.copyOfDemoCase(tmp.resolve(name));
        CaseFolder c = CaseFolder.open(caseDir, Clock.systemUTC());
        try (EventSearch s = c.openSearch(c.bundles())) {
            Hit h = s.search(EventQuery.of("event.outcome:denied"), 1, null).hits().get(0);
            Annotation.of(h.bundleId(), h.seq(), h.entryHash(), true, List.of(), "set in error").append(c.journal(),
                    TestBundles.signer());
        }
        robot.interact(() -> cases.open(caseDir));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> search.matchingProperty().get() > 0);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> notes.annotations().size() == 1
                && notes.events().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        return caseDir;
    }

    /** The text a label or button shows: its text, or that cut short with an ellipsis. */
    private static String shown(Labeled l) {
        Node t = l.lookup(".text");
        return t instanceof Text text ? text.getText() : l.getText();
    }

    /** Its text as it should show: a menu's "_File" shows as "File". */
    private static String whole(Labeled l) {
        return l.isMnemonicParsing() ? l.getText().replaceFirst("_(?=.)", "") : l.getText();
    }

    /** Every label, button and header on screen whose text is cut (table and list cells have tooltips instead). */
    private static List<String> cut(Parent root) {
        List<String> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, List<String> out) {
        if (!n.isVisible() || n instanceof Cell<?>) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty() && !shown(l).equals(whole(l))) {
            out.add(l.getClass().getSimpleName() + " \"" + l.getText() + "\" shown as \"" + shown(l) + "\"");
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
    }

    private void showTab(FxRobot robot, String name) {
        robot.clickOn(robot.lookup(".tab-pane > .tab-header-area .tab-label").<Labeled>match(l -> name.equals(l.getText()))
                .queryLabeled());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void atTheDefaultSizeNoLabelButtonOrColumnHeaderIsCutInAnyTab(FxRobot robot) throws Exception {
        openCaseWithABookmark(robot, "layout");
        robot.interact(() -> search.zoneProperty().set(ZoneId.of("America/Argentina/ComodRivadavia")));
        List<String> cut = new ArrayList<>();
        for (String tab : List.of("Search", "Timeline", "Verification", "Bookmarks")) {
            showTab(robot, tab);
            if (tab.equals("Verification")) {
                robot.clickOn("export-2.zip");
                WaitForAsyncUtils.waitForFxEvents();
            }
            if (tab.equals("Timeline")) {
                WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup("#timelineStatus").queryLabeled()
                        .getText().isEmpty());
                WaitForAsyncUtils.waitForFxEvents();
            }
            // a label whose text just changed (the timeline's status gains its tick size when the ticks arrive) shows
            // its old text until the next pulse lays it out: lay the scene out now, as that pulse would
            robot.interact(() -> {
                stage.getScene().getRoot().applyCss();
                stage.getScene().getRoot().layout();
            });
            cut(stage.getScene().getRoot()).forEach(c -> cut.add(tab + ": " + c));
        }
        assertThat(stage.getWidth()).isEqualTo(1366);
        assertThat(cut).isEmpty();
    }

    @Test
    void anyZoneCanBeChosenByTypingItsCityRowsShowTheOffsetAndTheCaseKeepsTheZone(FxRobot robot) throws Exception {
        Path caseDir = openCaseWithABookmark(robot, "zones");
        robot.clickOn("#zoneToggle");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#zoneFilter").write("new york").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        ZoneId ny = ZoneId.of("America/New_York");
        assertThat(search.zoneProperty().get()).isEqualTo(ny);
        TableView<Hit> table = robot.lookup("#table").queryTableView();
        TableColumn<Hit, ?> time = table.getColumns().get(1);
        assertThat(time.getText()).isEqualTo("Time (America/New_York)");
        Labeled header = robot.lookup("#table .column-header .label").<Labeled>match(l -> l.getText().equals(time.getText()))
                .queryLabeled();
        assertThat(shown(header)).isEqualTo("Time (America/New_York)");
        Button toggle = robot.lookup("#zoneToggle").queryButton();
        assertThat(shown(toggle)).as("the underscore is no mnemonic, and nothing is cut")
                .matches("Times in America/New_York \\(UTC-0[45]:00\\)");
        Labeled firstTime = robot.lookup("#table .table-row-cell .table-cell").<Labeled>match(c -> c.getText() != null
                && c.getText().startsWith("20")).queryLabeled();
        assertThat(firstTime.getText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} -0[45]:00");

        robot.interact(() -> search.zoneProperty().set(ZoneOffset.UTC));
        robot.interact(() -> cases.open(caseDir));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ny.equals(search.zoneProperty().get()));
        assertThat(time.getText()).isEqualTo("Time (America/New_York)");
    }

    @Test
    void aBookmarkShowsTheEventsTimeUserAndActionAndRemovingItSignsAnEntryAndKeepsTheOriginal(FxRobot robot)
            throws Exception {
        Path caseDir = openCaseWithABookmark(robot, "remove");
        Hit h = notes.events().values().iterator().next();
        showTab(robot, "Bookmarks");
        TableView<Annotation> bookmarks = robot.lookup("#annotationsTable").queryTableView();
        List<String> row = new ArrayList<>();
        robot.lookup("#annotationsTable .table-row-cell").<TableRow<?>>match(r -> r.getIndex() == 0).queryAs(TableRow.class)
                .getChildrenUnmodifiable().forEach(c -> row.add(((Labeled) c).getText()));
        assertThat(row).contains(h.userName(), h.action()).anySatisfy(t -> assertThat(t).startsWith(
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC).format(h.time())));

        robot.clickOn(robot.lookup("#annotationsTable .table-row-cell").<TableRow<?>>match(r -> r.getIndex() == 0)
                .queryAs(TableRow.class));
        dialogs.answer(Boolean.TRUE).answer("wrong event");
        robot.clickOn("#removeAnnotation");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bookmarks.getItems().isEmpty());

        List<JournalEntry> journal = CaseFolder.open(caseDir, Clock.systemUTC()).journal().entries();
        JournalEntry removal = journal.get(journal.size() - 1);
        assertThat(removal.type()).isEqualTo(JournalEntry.ANNOTATION_REMOVED);
        assertThat(removal.data()).containsEntry("reason", "wrong event");
        assertThat(journal.get(Integer.parseInt(removal.data().get(Annotation.REMOVES))).type())
                .isEqualTo(JournalEntry.ANNOTATION);
        assertThat(notes.isBookmarked(h)).isFalse();
    }

    @Test
    void altClickOnAFacetExcludesTheValueAndLeavesTheMenuBarAlone(FxRobot robot) throws Exception {
        openCaseWithABookmark(robot, "alt");
        robot.press(KeyCode.ALT);
        robot.clickOn(robot.lookup(".facet-value").<Labeled>match(l -> "denied".equals(l.getText())).queryLabeled());
        robot.release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(search.effectiveQuery()).contains("NOT").contains("denied");
        // in the menu bar's keyboard mode, Down would open the File menu
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Window.getWindows()).as("the menu bar took the Alt of the click").noneMatch(ContextMenu.class::isInstance);
    }

    @Test
    void helpListsTheMenusShortcutsAndAboutNamesTheVersionAndLicences(FxRobot robot) throws Exception {
        robot.type(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> keys = new ArrayList<>();
        robot.lookup("#helpKeys .label").queryAllAs(Labeled.class).forEach(l -> keys.add(l.getText()));
        assertThat(keys).contains("F1", "Help › Keys", "Ctrl+Shift+O", "File › Open case…", "Click / Alt+click");
        robot.type(KeyCode.ENTER);
        robot.clickOn("Help").clickOn("About Sealtrail");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> about = new ArrayList<>();
        robot.lookup("#aboutBox .label").queryAllAs(Labeled.class).forEach(l -> about.add(l.getText()));
        assertThat(about).contains("Apache License 2.0", "GPL v2 with the Classpath Exception", "ControlsFX");
        assertThat(robot.lookup(".dialog-pane .header-panel .label").queryLabeled().getText())
                .startsWith("Sealtrail " + AppInfo.version());
        robot.type(KeyCode.ENTER);
    }
}
