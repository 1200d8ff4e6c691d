package io.sealtrail.app.ui;

import io.sealtrail.app.ui.annotate.AnnotationsViewModel;
import io.sealtrail.app.ui.annotate.ExportViewModel;
import io.sealtrail.app.ui.bundles.CheckpointRow;
import io.sealtrail.app.ui.bundles.WorkbenchController;
import io.sealtrail.app.ui.cases.ImportViewModel;
import io.sealtrail.app.ui.cases.RecentCases;
import java.util.concurrent.Executor;
import io.sealtrail.app.ui.bundles.WorkbenchViewModel;
import io.sealtrail.app.ui.search.CaseViewModel;
import io.sealtrail.app.ui.search.SearchView;
import io.sealtrail.app.ui.search.SearchViewModel;
import io.sealtrail.app.ui.timeline.TimelineView;
import io.sealtrail.app.ui.timeline.TimelineViewModel;
import javafx.beans.binding.Bindings;
import javafx.scene.layout.BorderPane;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** Puts the workbench view into a stage: FXML, controller, stylesheet, title, sizes. Used by the app and tests. */
public record WorkbenchWindow(Stage stage, Scene scene, WorkbenchController controller, SearchView search,
                              TimelineView timeline) {
    public static final String STYLESHEET = "workbench.css";

    /** @param quit what Ctrl+Q does */
    public static WorkbenchWindow show(Stage stage, WorkbenchViewModel vm, Runnable quit) {
        return show(stage, vm, null, null, null, null, null, quit);
    }

    /**
     * The workbench with the Search view of an opened case (File › Open case…); without a case open it
     * looks as above. {@code cases}, {@code search}, {@code notes} and {@code exports} may all be null for no
     * Search view; {@code timeline} may be null for no Timeline tab.
     */
    public static WorkbenchWindow show(Stage stage, WorkbenchViewModel vm, CaseViewModel cases, SearchViewModel search,
                                       AnnotationsViewModel notes, ExportViewModel exports, TimelineViewModel timeline,
                                       Runnable quit) {
        WorkbenchController controller = new WorkbenchController(vm, quit);
        FXMLLoader loader = new FXMLLoader(WorkbenchController.class.getResource("workbench.fxml"));
        loader.setControllerFactory(type -> {
            if (type == WorkbenchController.class) {
                return controller;
            }
            throw new IllegalArgumentException("workbench.fxml asks for an unknown controller " + type);
        });
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("workbench.fxml cannot be loaded", e);
        }
        Scene scene = new Scene(root, 1280, 820);
        scene.getStylesheets().add(WorkbenchWindow.class.getResource(STYLESHEET).toExternalForm());
        if (cases == null) {
            stage.titleProperty().bind(vm.titleProperty());
        } else { // with a case open, the window is the case's
            stage.titleProperty().bind(Bindings.createStringBinding(() -> cases.nameProperty().get().isEmpty()
                    ? vm.titleProperty().get() : "Sealtrail — " + cases.nameProperty().get(),
                    cases.nameProperty(), vm.titleProperty()));
        }
        stage.setMinWidth(960);
        stage.setMinHeight(640);
        stage.setScene(scene);
        SearchView searchView = null;
        if (cases != null && search != null) {
            cases.folderProperty().addListener((o, was, now) -> notes.setCase(now));
            searchView = SearchView.load(search, cases, notes, exports);
            searchView.controller().setCoverage(h -> describeCoverage(vm.covering(h.bundleId(), h.leaf())),
                    vm.statusProperty());
            searchView.install((BorderPane) root, stage);
            SearchView sv = searchView;
            controller.setShowEvent((bundleId, seq) -> {
                search.showAround(bundleId, seq);
                sv.showSearch(true);
            });
        }
        TimelineView timelineView = null;
        if (searchView != null && timeline != null) {
            SearchView sv = searchView;
            timelineView = new TimelineView(timeline, () -> sv.showSearch(true));
            searchView.addTab(timelineView.tab());
        }
        stage.show();
        return new WorkbenchWindow(stage, scene, controller, searchView, timelineView);
    }

    /** Bundles dropped on the window, or chosen with File › Import bundle…, are imported (needs the Search view). */
    public void offerImports(ImportViewModel imports) {
        if (search != null) {
            search.installImports(imports, (BorderPane) scene.getRoot(), stage);
        }
    }

    /** File › Report… (needs the Search view). */
    public void offerReports(io.sealtrail.app.ui.report.ReportViewModel reports) {
        if (search != null) {
            search.installReports(reports, (BorderPane) scene.getRoot(), stage);
        }
    }

    /** File › Open recent, and the recent cases on the start screen (needs the Search view). */
    public void offerRecent(RecentCases recent, Executor background) {
        if (search != null) {
            search.installRecent(recent, background, (BorderPane) scene.getRoot());
        }
    }

    /** One line on the checkpoint that vouches for an event, as the live verification sees it. */
    static String describeCoverage(CheckpointRow c) {
        if (c == null) {
            return "";
        }
        return "Checkpoint at tree size " + String.format("%,d", c.treeSize()) + " (root " + c.rootStatus() + "), signed by "
                + c.signersFull() + (c.trusted() ? ", a key you trust" : ", no key you trust")
                + (c.timestamp().equals("—") ? "" : "; timestamped " + c.timestamp() + " by " + c.authority());
    }
}
