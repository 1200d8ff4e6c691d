package io.sealtrail.app.ui;

import io.sealtrail.app.ui.bundles.WorkbenchController;
import io.sealtrail.app.ui.bundles.WorkbenchViewModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** Puts the workbench view into a stage: FXML, controller, stylesheet, title, sizes. Used by the app and tests. */
public record WorkbenchWindow(Stage stage, Scene scene, WorkbenchController controller) {
    public static final String STYLESHEET = "workbench.css";

    /** @param quit what Ctrl+Q does */
    public static WorkbenchWindow show(Stage stage, WorkbenchViewModel vm, Runnable quit) {
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
        stage.titleProperty().bind(vm.titleProperty());
        stage.setMinWidth(960);
        stage.setMinHeight(640);
        stage.setScene(scene);
        stage.show();
        return new WorkbenchWindow(stage, scene, controller);
    }
}
