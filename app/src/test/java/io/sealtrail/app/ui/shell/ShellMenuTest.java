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

    @Start
    void start(Stage stage) {
        background = TestWindow.start(stage, tmp).background();
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

        assertThat(menus).extracting(MenuItem::getText).containsExactly("_File", "_Bundle", "_Trust");
        assertThat(items(menus.get(0))).containsExactly("Open bundle… [Shortcut+O]", "Open bundle folder…",
                "Open case… [Shift+Shortcut+O]", "Open recent case", "Import bundle into case… [Shortcut+I]",
                "Import bundle folder into case…", "Report… [Shortcut+R]", "—", "Quit [Shortcut+Q]");
        assertThat(items(menus.get(1))).containsExactly("Verify again [F5]", "Verify all again", "Close bundle [Shortcut+W]");
        assertThat(items(menus.get(2))).containsExactly("Manage trusted keys… [Shortcut+T]");
    }

    @Test
    void reportNeedsAnOpenCase(FxRobot robot) {
        MenuItem report = robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().get(0).getItems().stream()
                .filter(i -> "reportItem".equals(i.getId())).findFirst().orElseThrow();

        assertThat(report.isDisable()).isTrue();
    }
}
