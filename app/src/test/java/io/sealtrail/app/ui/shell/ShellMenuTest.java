package io.sealtrail.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.ui.search.TestWindow;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The whole menu is the shell's, declared once, in the order and with the shortcuts the window always had. */
@ExtendWith(ApplicationExtension.class)
class ShellMenuTest {
    @TempDir
    Path tmp;
    private ExecutorService background;
    private TestWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindow.start(stage, tmp);
        background = window.background();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    private static List<String> items(Menu m) {
        return m.getItems().stream().map(i -> i instanceof SeparatorMenuItem ? "—" : i.getText()
                + (i.getAccelerator() == null ? "" : " [" + i.getAccelerator().getName() + "]")).toList();
    }

    @Test
    void theMenusHoldEveryItemInTheirOrderWithTheirShortcuts(FxRobot robot) {
        List<Menu> menus = robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus();

        assertThat(menus).extracting(MenuItem::getText).containsExactly("_File", "_Bundle", "_Trust", "_Go", "_Help");
        assertThat(items(menus.get(0))).containsExactly("Open bundle… [Shortcut+O]", "Open bundle folder…",
                "Open case… [Shift+Shortcut+O]", "Open recent case", "Import into case… [Shortcut+I]",
                "Import folder into case…", "Report… [Shortcut+R]", "—", "Quit [Shortcut+Q]");
        assertThat(items(menus.get(1))).containsExactly("Verify again [F5]", "Verify all again", "Close bundle [Shortcut+W]");
        assertThat(items(menus.get(2))).containsExactly("Manage trusted keys… [Shortcut+T]", "CloudTrail keys…");
        assertThat(items(menus.get(3))).containsExactly("Back [Alt+Left]", "Forward [Alt+Right]");
        assertThat(items(menus.get(4))).containsExactly("Keys [F1]", "About Sealtrail");
    }

    @Test
    void reportNeedsAnOpenCase(FxRobot robot) {
        MenuItem report = robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().get(0).getItems().stream()
                .filter(i -> "reportItem".equals(i.getId())).findFirst().orElseThrow();

        assertThat(report.isDisable()).isTrue();
    }

    @Test
    void aCaseOpenedJoinsOpenRecentCaseAndTheStartScreen(FxRobot robot) throws Exception {
        Path demo = io.sealtrail.app.ui.search.TestCase.demoCase();
        robot.interact(() -> window.cases().open(demo));
        Menu recent = (Menu) robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().get(0).getItems().stream()
                .filter(i -> "recentMenu".equals(i.getId())).findFirst().orElseThrow();

        org.testfx.util.WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS,
                () -> !recent.getItems().isEmpty());

        assertThat(recent.getItems()).extracting(MenuItem::getText).containsExactly(demo.toString());
        // the start screen is the verification view's, out of the scene while the case's Search tab is shown
        javafx.scene.layout.VBox start = window.window().shell().verification().emptyState();
        assertThat(start.lookupAll(".hyperlink")).extracting(n -> ((javafx.scene.control.Hyperlink) n).getText())
                .containsExactly(demo.getFileName() + "  —  " + demo);
    }
}
