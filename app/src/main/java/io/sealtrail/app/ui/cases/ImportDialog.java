package io.sealtrail.app.ui.cases;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The progress of an import: what is being done to which bundle, a bar, Cancel; then the outcome with
 * Close. Window-modal, so nothing else touches the case meanwhile; shown whenever an import starts.
 */
public final class ImportDialog {
    private ImportDialog() {
    }

    public static void install(Window owner, ImportViewModel vm) {
        vm.runningProperty().addListener((o, was, now) -> {
            if (now) {
                show(owner, vm);
            }
        });
    }

    private static void show(Window owner, ImportViewModel vm) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Importing into a case");
        Label phase = new Label();
        phase.setId("importPhase");
        phase.textProperty().bind(vm.phaseProperty());
        phase.setWrapText(true);
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(vm.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.visibleProperty().bind(vm.runningProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        Label outcome = new Label();
        outcome.setId("importOutcome");
        outcome.setWrapText(true);
        outcome.setMinHeight(Region.USE_PREF_SIZE);
        outcome.textProperty().bind(Bindings.createStringBinding(() -> vm.errorProperty().get().isEmpty()
                ? vm.messageProperty().get() : vm.errorProperty().get(), vm.errorProperty(), vm.messageProperty()));
        outcome.styleProperty().bind(Bindings.when(vm.errorProperty().isEmpty()).then("")
                .otherwise("-fx-text-fill: #b42318;"));
        Label note = new Label("The bundle is copied into the case, verified and indexed there; the original is only"
                + " read. Cancelling leaves the case as it was.");
        note.getStyleClass().add("hint");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> vm.cancel());
        cancel.visibleProperty().bind(vm.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        Button close = new Button("Close");
        close.setDefaultButton(true);
        close.setOnAction(e -> stage.close());
        close.visibleProperty().bind(vm.runningProperty().not());
        close.managedProperty().bind(close.visibleProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, gap, cancel, close);
        VBox box = new VBox(10, phase, bar, outcome, note, buttons);
        box.setPadding(new Insets(16));
        box.setStyle("-fx-background-color: white;");
        box.setPrefWidth(520);
        stage.setOnCloseRequest(e -> {
            if (vm.runningProperty().get()) {
                vm.cancel(); // closing the window is a cancel, never a half-import left running
            }
        });
        ChangeListener<Boolean> finished = (o, was, now) -> {
            if (!now && vm.errorProperty().get().isEmpty() && !vm.messageProperty().get().startsWith("Import cancelled")) {
                stage.close(); // success: the case opens, which says more than a dialog
            } else if (!now) {
                phase.textProperty().unbind();
                phase.setText(vm.errorProperty().get().isEmpty() ? "Import cancelled" : "Import failed");
                stage.sizeToScene(); // room for the whole message, never an ellipsis in the middle of a path
            }
        };
        vm.runningProperty().addListener(finished);
        stage.setOnHidden(e -> vm.runningProperty().removeListener(finished));
        stage.setScene(new Scene(box));
        if (owner != null && owner.getScene() != null) {
            stage.getScene().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        stage.show();
    }
}
