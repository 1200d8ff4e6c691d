package io.sealtrail.app.ui.dialogs;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputDialog;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The dialogs of {@link DialogService} as JavaFX shows them. Each is owned by the window the user is working
 * in: the focused one of the application (a report or trust dialog), else the main window.
 */
public final class FxDialogService implements DialogService {
    private final Window main;

    public FxDialogService(Window main) {
        this.main = main;
    }

    private Window owner() {
        return Window.getWindows().stream().filter(Window::isFocused).findFirst().orElse(main);
    }

    @Override
    public List<Path> openFiles(String title, List<Filter> filters) {
        List<File> chosen = chooser(title, filters).showOpenMultipleDialog(owner());
        return chosen == null ? List.of() : chosen.stream().map(File::toPath).toList();
    }

    @Override
    public Optional<Path> openFile(String title, List<Filter> filters) {
        return Optional.ofNullable(chooser(title, filters).showOpenDialog(owner())).map(File::toPath);
    }

    @Override
    public Optional<Path> openFolder(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        return Optional.ofNullable(chooser.showDialog(owner())).map(File::toPath);
    }

    @Override
    public Optional<Saved> saveFile(String title, Path initial, List<Filter> filters) {
        FileChooser chooser = chooser(title, filters);
        if (initial != null) {
            if (initial.getParent() != null && Files.isDirectory(initial.getParent())) {
                chooser.setInitialDirectory(initial.getParent().toFile());
            }
            chooser.setInitialFileName(initial.getFileName().toString());
        }
        File f = chooser.showSaveDialog(owner());
        if (f == null) {
            return Optional.empty();
        }
        FileChooser.ExtensionFilter selected = chooser.getSelectedExtensionFilter();
        Filter filter = selected == null ? null : filters.stream()
                .filter(x -> x.description().equals(selected.getDescription())).findFirst().orElse(null);
        return Optional.of(new Saved(f.toPath(), filter));
    }

    private static FileChooser chooser(String title, List<Filter> filters) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        for (Filter f : filters) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(f.description(), f.patterns()));
        }
        return chooser;
    }

    @Override
    public void showError(String header, String message) {
        alert(Alert.AlertType.ERROR, header, message).show();
    }

    @Override
    public void showWarning(String header, String message) {
        alert(Alert.AlertType.WARNING, header, message).show();
    }

    @Override
    public void showInformation(String header, String message) {
        alert(Alert.AlertType.INFORMATION, header, message).show();
    }

    @Override
    public boolean confirm(String header, String message) {
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, message, ButtonType.CANCEL, ButtonType.OK);
        ask.initOwner(owner());
        ask.setHeaderText(header);
        return ask.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    @Override
    public Optional<String> prompt(String title, String header, String label) {
        TextInputDialog d = new TextInputDialog();
        d.initOwner(owner());
        d.setTitle(title);
        d.setHeaderText(header);
        d.setContentText(label);
        return d.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
    }

    private Alert alert(Alert.AlertType type, String header, String message) {
        Alert a = new Alert(type, message);
        a.initOwner(owner());
        a.setHeaderText(header);
        return a;
    }
}
