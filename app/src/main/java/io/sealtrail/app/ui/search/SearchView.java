package io.sealtrail.app.ui.search;

import io.sealtrail.app.ui.annotate.AnnotationsViewModel;
import io.sealtrail.app.ui.annotate.BookmarksView;
import io.sealtrail.app.ui.annotate.ExportViewModel;
import io.sealtrail.app.ui.cases.ImportDialog;
import io.sealtrail.app.ui.cases.ImportViewModel;
import io.sealtrail.app.ui.cases.RecentCases;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
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
    private final Parent bookmarks;
    private TabPane tabs;
    private Tab searchTab;
    private Tab verifyTab;
    private BorderPane verification;
    private final List<Tab> extraTabs = new ArrayList<>();

    private SearchView(Parent root, SearchController controller, CaseViewModel cases, Parent bookmarks) {
        this.root = root;
        this.controller = controller;
        this.cases = cases;
        this.bookmarks = bookmarks;
    }

    /** Loads the view for this ViewModel; {@link #install} puts it into a window. */
    public static SearchView load(SearchViewModel vm, CaseViewModel cases, AnnotationsViewModel notes,
                                  ExportViewModel exports) {
        SearchController controller = new SearchController(vm, notes, exports);
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
            SearchView[] view = new SearchView[1];
            BookmarksView bookmarks = new BookmarksView(notes, vm, () -> view[0].showSearch(true));
            view[0] = new SearchView(root, controller, cases, bookmarks.root());
            return view[0];
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
        // the case's layout from the moment it is being opened, so the window is styled and laid out once
        cases.openingProperty().addListener((o, was, now) -> {
            if (now) {
                showTabs(workbench);
            } else if (cases.nameProperty().get().isEmpty()) {
                hideTabs(workbench); // the first case failed to open
            }
        });
        if (cases.openingProperty().get()) {
            showTabs(workbench);
        }
        if (workbench.getBottom() instanceof org.controlsfx.control.StatusBar bar) {
            SearchViewModel vm = controller.viewModel();
            Button zone = new Button();
            zone.setId("zoneToggle");
            zone.getStyleClass().add("small-button");
            zone.textProperty().bind(Bindings.createStringBinding(() -> "Times in "
                    + (java.time.ZoneOffset.UTC.equals(vm.zoneProperty().get()) ? "UTC" : vm.zoneProperty().get().getId()
                    + " (local)"), vm.zoneProperty()));
            zone.setTooltip(new javafx.scene.control.Tooltip("Show times in UTC or in this computer's time zone;"
                    + " queries, reports and the evidence stay in UTC"));
            zone.setOnAction(e -> vm.toggleZone());
            bar.getRightItems().add(0, zone);
        }
        cases.errorProperty().addListener((o, was, now) -> {
            if (!now.isEmpty()) {
                Alert a = new Alert(Alert.AlertType.ERROR, now);
                a.initOwner(stage);
                a.setHeaderText("The case cannot be opened");
                a.show();
            }
        });
    }

    /**
     * Importing from the window: bundles dropped on it, or chosen with File › Import bundle…, go into the open
     * case, or into a new one when none is open; a progress dialog shows meanwhile.
     */
    public void installImports(ImportViewModel imports, BorderPane workbench, Stage stage) {
        ImportDialog.install(stage, imports);
        workbench.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && !imports.runningProperty().get()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        workbench.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
            imports.importBundles(cases.dir(), files.stream().map(File::toPath).toList());
            e.setDropCompleted(!files.isEmpty());
            e.consume();
        });
        MenuItem file = new MenuItem("Import bundle into case…");
        file.setId("importItem");
        file.setAccelerator(KeyCombination.valueOf("Shortcut+I"));
        file.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(cases.dir() == null ? "Import bundles into a new case" : "Import bundles into " + cases.dir());
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Sealtrail bundles", "*.zip"));
            List<File> chosen = chooser.showOpenMultipleDialog(stage);
            if (chosen != null) {
                imports.importBundles(cases.dir(), chosen.stream().map(File::toPath).toList());
            }
        });
        MenuItem folder = new MenuItem("Import bundle folder into case…");
        folder.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Import a bundle folder (one holding manifest.json)");
            File dir = chooser.showDialog(stage);
            if (dir != null) {
                imports.importBundles(cases.dir(), List.of(dir.toPath()));
            }
        });
        List<MenuItem> items = menuBar(workbench).getMenus().get(0).getItems();
        items.add(3, file);
        items.add(4, folder);
    }

    /** File › Report… (Ctrl+R): a PDF report of the open case, as {@code sealtrail report} writes it. */
    public void installReports(io.sealtrail.app.ui.report.ReportViewModel reports, BorderPane workbench, Stage stage) {
        MenuItem report = new MenuItem("Report…");
        report.setId("reportItem");
        report.setAccelerator(KeyCombination.valueOf("Shortcut+R"));
        report.disableProperty().bind(cases.folderProperty().isNull());
        report.setOnAction(e -> io.sealtrail.app.ui.report.ReportDialog.show(stage, cases.folderProperty().get(),
                controller.viewModel(), reports));
        List<MenuItem> items = menuBar(workbench).getMenus().get(0).getItems();
        items.add(items.size() - 2, report); // before the separator and Quit
    }

    /** File › Open recent and, on the empty start screen, the recent cases as links. */
    public void installRecent(RecentCases recent, Executor background, BorderPane workbench) {
        Menu menu = new Menu("Open recent case");
        menu.setId("recentMenu");
        menuBar(workbench).getMenus().get(0).getItems().add(3, menu);
        VBox links = new VBox(4);
        links.setAlignment(javafx.geometry.Pos.CENTER);
        Node empty = workbench.lookup("#emptyState");
        if (empty instanceof VBox v) {
            v.getChildren().add(links);
        }
        Runnable refresh = () -> background.execute(() -> {
            List<Path> list = recent.list(); // reads a file: never on the FX thread
            Platform.runLater(() -> show(list, menu, links));
        });
        cases.folderProperty().addListener((o, was, now) -> {
            if (now != null) {
                background.execute(() -> {
                    try {
                        recent.opened(now.dir());
                    } catch (java.io.IOException e) {
                        System.getLogger(SearchView.class.getName()).log(System.Logger.Level.WARNING,
                                "the recent-cases list cannot be written", e);
                    }
                    refresh.run();
                });
            }
        });
        refresh.run();
    }

    private void show(List<Path> list, Menu menu, VBox links) {
        menu.getItems().clear();
        links.getChildren().clear();
        menu.setDisable(list.isEmpty());
        if (!list.isEmpty()) {
            Label title = new Label("Recent cases");
            title.getStyleClass().add("empty-hint");
            links.getChildren().add(title);
        }
        for (Path p : list) {
            MenuItem item = new MenuItem(p.toString());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> cases.open(p));
            menu.getItems().add(item);
            Hyperlink link = new Hyperlink(p.getFileName() + "  —  " + p);
            link.setOnAction(e -> cases.open(p));
            links.getChildren().add(link);
        }
    }

    private void showTabs(BorderPane workbench) {
        if (tabs == null) {
            Node left = workbench.getLeft();
            Node center = workbench.getCenter();
            workbench.setLeft(null);
            workbench.setCenter(null);
            verification = new BorderPane(center, null, null, null, left);
            verifyTab = lazyTab("Verification", verification);
            verifyTab.setId("verificationTab");
            searchTab = new Tab("Search", root);
            searchTab.setId("searchTab");
            Tab bookmarksTab = lazyTab("Bookmarks", bookmarks);
            bookmarksTab.setId("bookmarksTab");
            tabs = new TabPane(searchTab, verifyTab, bookmarksTab);
            tabs.getTabs().addAll(1, extraTabs);
            tabs.setId("modeTabs");
            tabs.getStyleClass().add("mode-tabs");
            tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
            workbench.setCenter(tabs);
        }
        tabs.getSelectionModel().select(searchTab);
    }

    /**
     * A tab whose content joins the scene when it is first selected: every node in the scene is styled and
     * laid out even when its tab is hidden, and the first window with a case open should only pay for Search.
     */
    public static Tab lazyTab(String title, Node content) {
        Tab tab = new Tab(title);
        if (tab.isSelected()) {
            tab.setContent(content);
        }
        tab.selectedProperty().addListener((o, was, now) -> {
            if (now && tab.getContent() == null) {
                tab.setContent(content);
            }
        });
        return tab;
    }

    private void hideTabs(BorderPane workbench) {
        if (tabs != null) {
            Node left = verification.getLeft();
            Node center = verification.getCenter();
            verification.setLeft(null);
            verification.setCenter(null);
            workbench.setCenter(center);
            workbench.setLeft(left);
            tabs = null;
        }
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
