package io.sealtrail.app.ui.zones;

import java.time.ZoneId;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The status bar's zone picker: a search field over every time zone, the recent ones first, each with its offset
 * now. Enter or a double-click chooses; Escape closes without a change. Typing narrows as it goes ("new york",
 * "+05:30").
 */
public final class ZonePicker {
    private final Stage stage = new Stage();
    private final TextField search = new TextField();
    private final ListView<ZoneId> list = new ListView<>();
    private final ZoneViewModel vm;

    private ZonePicker(Window owner, ZoneViewModel vm) {
        this.vm = vm;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Show times in…");
        search.setId("zoneFilter");
        search.setPromptText("Find a zone: city, region or offset (new york, +05:30)");
        search.textProperty().bindBidirectional(vm.filterProperty());
        list.setId("zoneList");
        list.setItems(vm.matches());
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ZoneId z, boolean empty) {
                super.updateItem(z, empty);
                setMnemonicParsing(false);
                setText(empty || z == null ? null : vm.label(z));
                // the recent ones, first in the list, in bold: where the list's own order begins is visible
                setStyle(!empty && z != null && vm.isRecent(z) ? "-fx-font-weight: bold;" : "");
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                choose(list.getSelectionModel().getSelectedItem());
            }
        });
        search.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN) {
                list.requestFocus();
                list.getSelectionModel().selectFirst();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER) {
                ZoneId picked = list.getSelectionModel().getSelectedItem();
                choose(picked != null ? picked : vm.matches().isEmpty() ? null : vm.matches().get(0));
                e.consume();
            }
        });
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                choose(list.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        Label hint = new Label("Times are shown in the zone you choose, with their offset; the case remembers it. "
                + "Queries, the evidence and the journal stay in UTC.");
        hint.setWrapText(true);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        hint.getStyleClass().add("hint");
        VBox box = new VBox(8, search, list, hint);
        box.getStyleClass().add("zone-picker");
        box.setStyle("-fx-padding: 12;");
        VBox.setVgrow(list, Priority.ALWAYS);
        box.setPrefSize(460, 420);
        Scene scene = new Scene(box);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
                e.consume();
            }
        });
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.setOnHidden(e -> search.textProperty().unbindBidirectional(vm.filterProperty()));
    }

    /** Opens the picker over {@code owner}, the search field empty and focused, the zone shown selected. */
    public static ZonePicker show(Window owner, ZoneViewModel vm) {
        vm.filterProperty().set("");
        ZonePicker p = new ZonePicker(owner, vm);
        p.list.getSelectionModel().select(vm.zoneProperty().get());
        p.list.scrollTo(Math.max(0, p.list.getSelectionModel().getSelectedIndex()));
        p.stage.show();
        p.search.requestFocus();
        return p;
    }

    private void choose(ZoneId z) {
        if (z != null) {
            vm.choose(z);
            stage.close();
        }
    }

    public Stage stage() {
        return stage;
    }
}
