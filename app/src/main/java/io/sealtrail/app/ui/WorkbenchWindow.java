package io.sealtrail.app.ui;

import io.sealtrail.app.ui.bundles.WorkbenchController;
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
        return show(stage, vm, null, null, null, quit);
    }

    /** As below, without a Timeline tab. */
    public static WorkbenchWindow show(Stage stage, WorkbenchViewModel vm, CaseViewModel cases, SearchViewModel search,
                                       Runnable quit) {
        return show(stage, vm, cases, search, null, quit);
    }

    /**
     * The workbench with the Search view of an opened case (File › Open case…); without a case open it
     * looks as above. {@code cases} and {@code search} may be null for no Search view, {@code timeline}
     * for no Timeline tab.
     */
    public static WorkbenchWindow show(Stage stage, WorkbenchViewModel vm, CaseViewModel cases, SearchViewModel search,
                                       TimelineViewModel timeline, Runnable quit) {
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
            searchView = SearchView.load(search, cases);
            searchView.install((BorderPane) root, stage);
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
}
