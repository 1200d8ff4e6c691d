package io.sealtrail.app.ui.search;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;

/**
 * Puts the Search view into the workbench window: loads search.fxml, adds File › Open case…, and once a
 * case is open turns the window's centre into tabs: "Search", any added with {@link #addTab} (the
 * timeline), and "Verification" (the existing view, unchanged). Before a case is open the window looks
 * exactly as without it.
 */
public final class SearchView {
    public static final String STYLESHEET = "search.css";

    private final Parent root;
    private final SearchController controller;
    private final CaseViewModel cases;
    private TabPane tabs;
    private Tab searchTab;
    private Tab verifyTab;
    private final List<Tab> extraTabs = new ArrayList<>();

    private SearchView(Parent root, SearchController controller, CaseViewModel cases) {
        this.root = root;
        this.controller = controller;
        this.cases = cases;
    }

    /** Loads the view for this ViewModel; {@link #install} puts it into a window. */
    public static SearchView load(SearchViewModel vm, CaseViewModel cases) {
        SearchController controller = new SearchController(vm);
        FXMLLoader loader = new FXMLLoader(SearchView.class.getResource("search.fxml"));
        loader.setControllerFactory(type -> {
            if (type == SearchController.class) {
                return controller;
            }
            throw new IllegalArgumentException("search.fxml asks for an unknown controller " + type);
        });
        try {
            Parent root = loader.load();
            controller.installShortcuts();
            return new SearchView(root, controller, cases);
        } catch (IOException e) {
            throw new UncheckedIOException("search.fxml cannot be loaded", e);
        }
    }

    /**
     * Hosts the view in the workbench: {@code workbench} is workbench.fxml's root (menu bar on top, bundle
     * list left, verification view centre).
     */
    public void install(BorderPane workbench, Stage stage) {
        stage.getScene().getStylesheets().add(SearchView.class.getResource(STYLESHEET).toExternalForm());
        MenuItem open = new MenuItem("Open case…");
        open.setId("openCaseItem");
        open.setAccelerator(KeyCombination.valueOf("Shortcut+Shift+O"));
        open.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Open a Sealtrail case (a folder with case.json)");
            File dir = chooser.showDialog(stage);
            if (dir != null) {
                cases.open(dir.toPath());
            }
        });
        menuBar(workbench).getMenus().get(0).getItems().add(2, open);
        stage.getScene().getAccelerators().put(KeyCombination.valueOf("Shortcut+F"), () -> {
            if (searchTab != null) {
                tabs.getSelectionModel().select(searchTab);
                controller.focusQuery();
            }
        });
        cases.nameProperty().addListener((o, was, now) -> {
            if (!now.isEmpty()) {
                showTabs(workbench);
            }
        });
        cases.errorProperty().addListener((o, was, now) -> {
            if (!now.isEmpty()) {
                Alert a = new Alert(Alert.AlertType.ERROR, now);
                a.initOwner(stage);
                a.setHeaderText("The case cannot be opened");
                a.show();
            }
        });
    }

    private void showTabs(BorderPane workbench) {
        if (tabs == null) {
            Node left = workbench.getLeft();
            Node center = workbench.getCenter();
            workbench.setLeft(null);
            workbench.setCenter(null);
            BorderPane verification = new BorderPane(center, null, null, null, left);
            verifyTab = new Tab("Verification", verification);
            verifyTab.setId("verificationTab");
            searchTab = new Tab("Search", root);
            searchTab.setId("searchTab");
            tabs = new TabPane(searchTab, verifyTab);
            tabs.getTabs().addAll(1, extraTabs);
            tabs.setId("modeTabs");
            tabs.getStyleClass().add("mode-tabs");
            tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
            workbench.setCenter(tabs);
        }
        tabs.getSelectionModel().select(searchTab);
    }

    private static MenuBar menuBar(BorderPane workbench) {
        Node top = workbench.getTop();
        if (top instanceof MenuBar m) {
            return m;
        }
        if (top instanceof Pane p) {
            for (Node n : p.getChildren()) {
                if (n instanceof MenuBar m) {
                    return m;
                }
            }
        }
        throw new IllegalStateException("workbench.fxml has no menu bar on top");
    }

    public SearchController controller() {
        return controller;
    }

    /** Adds a tab after "Search" (the timeline), shown once a case is open. */
    public void addTab(Tab tab) {
        extraTabs.add(tab);
        if (tabs != null) {
            tabs.getTabs().add(extraTabs.size(), tab);
        }
    }

    /** Shows the Search or the Verification tab (no-op before a case is open). */
    public void showSearch(boolean search) {
        select(search ? searchTab : verifyTab);
    }

    /** Shows one of the tabs (no-op before a case is open). */
    public void select(Tab tab) {
        if (tabs != null) {
            tabs.getSelectionModel().select(tab);
        }
    }
}
