package io.sealtrail.app.ui.help;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Help › Keys and Help › About. The keys of the menu are read from the menu bar itself, so the list cannot go stale
 * when a shortcut changes; the keys that work inside a view are listed here, beside the code that handles them
 * (SearchController, FacetSidebar, QueryCompletion, TimelineView, BookmarksView).
 */
public final class HelpWindows {
    /** Keys and mouse gestures inside the views: what, and where. */
    static final List<String[]> VIEW_KEYS = List.of(
            new String[] {"Ctrl+F", "Search: focus the query field"},
            new String[] {"Enter", "Search: run the query"},
            new String[] {"Up / Down", "Search: the queries run before (in the query field)"},
            new String[] {"J / K", "Search: next / previous event"},
            new String[] {"Ctrl+B", "Search: bookmark the selected event"},
            new String[] {"Ctrl+E", "Search: export the results"},
            new String[] {"Right-click a filter", "Search: edit it in the query bar, or exclude instead"},
            new String[] {"Click / Alt+click", "Search fields: filter for a value / exclude it"},
            new String[] {"Click / drag", "Histogram: narrow to a bar / to a range of bars"},
            new String[] {"+ / − / 0", "Timeline: zoom in / out / show all"},
            new String[] {"← → ↑ ↓, Page Up/Down", "Timeline: pan, scroll the lanes"},
            new String[] {"Delete", "Bookmarks: remove the selected one (a signed journal entry)"});

    private HelpWindows() {
    }

    /** Every menu item that has a shortcut, as "File › Open bundle…" and its keys, in menu order. */
    public static List<String[]> menuKeys(MenuBar bar) {
        List<String[]> out = new ArrayList<>();
        for (Menu m : bar.getMenus()) {
            collect(plain(m.getText()), m.getItems(), out);
        }
        return out;
    }

    private static void collect(String path, List<MenuItem> items, List<String[]> out) {
        for (MenuItem i : items) {
            if (i instanceof SeparatorMenuItem) {
                continue;
            }
            if (i instanceof Menu sub) {
                collect(path + " › " + plain(sub.getText()), sub.getItems(), out);
            } else if (i.getAccelerator() != null) {
                out.add(new String[] {i.getAccelerator().getDisplayText(), path + " › " + plain(i.getText())});
            }
        }
    }

    private static String plain(String menuText) {
        return menuText == null ? "" : menuText.replace("_", "");
    }

    /** Help › Keys: the menu's shortcuts, then the keys of the views. */
    public static Alert keys(Window owner, MenuBar bar) {
        GridPane grid = new GridPane();
        grid.setId("helpKeys");
        grid.setHgap(18);
        grid.setVgap(4);
        int row = 0;
        for (String[] k : menuKeys(bar)) {
            grid.addRow(row++, key(k[0]), new Label(k[1]));
        }
        for (String[] k : VIEW_KEYS) {
            grid.addRow(row++, key(k[0]), new Label(k[1]));
        }
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(owner);
        a.setTitle("Keys");
        a.setHeaderText("Keys and mouse gestures of the workbench");
        a.getDialogPane().setContent(grid);
        a.setResizable(true);
        a.show();
        return a;
    }

    private static Label key(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("key-label");
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }

    /** The libraries shipped with the workbench: artifact id, name, licence. */
    public static List<String[]> thirdParty() {
        try (InputStream in = HelpWindows.class.getResourceAsStream("third-party.txt")) {
            if (in == null) {
                throw new IllegalStateException("third-party.txt is missing from the build");
            }
            List<String[]> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.split("\t", 3));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Help › About: the version, the Java and JavaFX it runs on, and the libraries' licences. */
    public static Alert about(Window owner, String version) {
        GridPane libs = new GridPane();
        libs.setHgap(18);
        libs.setVgap(4);
        int row = 0;
        for (String[] l : thirdParty()) {
            libs.addRow(row++, new Label(l[1]), new Label(l[2]));
        }
        Label runtime = new Label("Java " + System.getProperty("java.version") + ", JavaFX "
                + System.getProperty("javafx.runtime.version", "(unknown)"));
        Label shipped = new Label("Sealtrail is built on these libraries, under their licences:");
        VBox box = new VBox(10, runtime, shipped, libs);
        box.setId("aboutBox");
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(owner);
        a.setTitle("About Sealtrail");
        a.setHeaderText("Sealtrail " + version + " — verifies and investigates audit logs, offline");
        a.getDialogPane().setContent(box);
        a.setResizable(true);
        a.show();
        return a;
    }
}
