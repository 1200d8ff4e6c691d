package io.sealtrail.app.ui.shell;

import io.sealtrail.app.ui.bundles.CheckpointsController;
import io.sealtrail.app.ui.bundles.FindingsController;
import io.sealtrail.app.ui.bundles.WorkbenchController;
import io.sealtrail.app.ui.cases.ImportDialog;
import io.sealtrail.app.ui.dialogs.DialogService;
import io.sealtrail.app.ui.search.EventDetailController;
import io.sealtrail.app.ui.search.ResultsController;
import io.sealtrail.app.ui.search.ResultsExport;
import io.sealtrail.app.ui.search.SearchController;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCombination;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * A workbench window: loads shell.fxml with its features' views, one controller of each, puts it into the
 * stage with the stylesheets, title and sizes. Used by the app and by the UI tests.
 */
public record WorkbenchWindow(Stage stage, Scene scene, ShellController shell, WindowFeatures features,
                              DialogService dialogs) {
    /** The window's stylesheets: the workbench's, then the case views'. */
    public static final String[] STYLESHEETS = {"/io/sealtrail/app/ui/workbench.css", "/io/sealtrail/app/ui/search/search.css"};

    /**
     * Shows the window for these features; before a case is opened it is the verification view, from then on
     * the case's tabs.
     *
     * @param dialogs the window's dialogs ({@code FxDialogService} on the stage, or a test's)
     * @param quit    what File › Quit (Ctrl+Q) does
     */
    public static WorkbenchWindow show(Stage stage, WindowFeatures features, Function<Stage, DialogService> dialogs,
                                       Runnable quit) {
        DialogService d = dialogs.apply(stage);
        ShellController shell = new ShellController(features, d, quit);
        ResultsExport export = new ResultsExport(features.search(), features.exports(), features.notes(), d,
                features.columns());
        Map<Class<?>, Supplier<Object>> controllers = Map.of(
                ShellController.class, () -> shell,
                SearchController.class, () -> new SearchController(features.search(), features.notes(), export, d),
                ResultsController.class, () -> new ResultsController(features.search(), features.notes(), features.columns()),
                EventDetailController.class, () -> new EventDetailController(features.search(), features.notes(), export),
                WorkbenchController.class, () -> new WorkbenchController(features.verification(), d),
                FindingsController.class, () -> new FindingsController(features.verification()),
                CheckpointsController.class, () -> new CheckpointsController(features.verification()));
        FXMLLoader loader = new FXMLLoader(WorkbenchWindow.class.getResource("shell.fxml"));
        loader.setControllerFactory(type -> {
            Supplier<Object> c = controllers.get(type);
            if (c == null) {
                throw new IllegalArgumentException("the window's FXML asks for an unknown controller " + type);
            }
            return c.get();
        });
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("shell.fxml cannot be loaded", e);
        }
        Scene scene = new Scene(root);
        for (String css : STYLESHEETS) {
            scene.getStylesheets().add(WorkbenchWindow.class.getResource(css).toExternalForm());
        }
        scene.getAccelerators().put(KeyCombination.valueOf("Shortcut+F"), shell::focusSearch);
        AltClickGuard.install(scene);
        var name = features.session().nameProperty();
        var verified = features.verification().titleProperty();
        // with a case open, the window is the case's
        stage.titleProperty().bind(Bindings.createStringBinding(() -> name.get().isEmpty() ? verified.get()
                : "Sealtrail — " + name.get(), name, verified));
        // the mark of installers/src/icon, for the taskbar and the window switcher
        stage.getIcons().add(new Image(WorkbenchWindow.class.getResource("/io/sealtrail/app/ui/sealtrail.png").toExternalForm()));
        stage.setMinWidth(960);
        stage.setMinHeight(640);
        stage.setScene(scene);
        WindowSize size = WindowSize.fit(Screen.getPrimary().getVisualBounds());
        stage.setX(size.x());
        stage.setY(size.y());
        stage.setWidth(size.width());
        stage.setHeight(size.height());
        ImportDialog.install(stage, features.imports());
        stage.show();
        shell.focusFirst();
        return new WorkbenchWindow(stage, scene, shell, features, d);
    }
}
