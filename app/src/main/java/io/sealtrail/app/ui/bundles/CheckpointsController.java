package io.sealtrail.app.ui.bundles;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The thin view of checkpoints.fxml: the selected bundle's checkpoints, who signed them, their timestamps. */
public final class CheckpointsController {
    private final WorkbenchViewModel vm;

    @FXML private TableView<CheckpointRow> checkpointsTable;
    @FXML private TableColumn<CheckpointRow, Long> sizeColumn;
    @FXML private TableColumn<CheckpointRow, String> rootColumn;
    @FXML private TableColumn<CheckpointRow, String> rootVerifiedColumn;
    @FXML private TableColumn<CheckpointRow, CheckpointRow> signedByColumn;
    @FXML private TableColumn<CheckpointRow, CheckpointRow> genTimeColumn;

    public CheckpointsController(WorkbenchViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        Label none = new Label("No valid checkpoints");
        none.getStyleClass().add("hint");
        checkpointsTable.setPlaceholder(none);
        checkpointsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        sizeColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().treeSize()));
        sizeColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Long n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null : BundleSummary.number(n));
            }
        });
        rootColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().rootHash()));
        rootColumn.setCellFactory(c -> Cells.styled("hash-cell"));
        rootVerifiedColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().rootStatus()));
        rootVerifiedColumn.setCellFactory(c -> new Cells.StatusCell());
        signedByColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        signedByColumn.setCellFactory(c -> new Cells.TwoLine<>(CheckpointRow::signers,
                r -> r.trusted() ? "trusted" : "not trusted", r -> r.trusted() ? "good" : "bad",
                CheckpointRow::signersFull));
        genTimeColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        genTimeColumn.setCellFactory(c -> new Cells.TwoLine<>(CheckpointRow::timestamp, CheckpointRow::authority,
                r -> "muted", CheckpointRow::authorityFull));
        vm.selectedProperty().addListener((o, was, now) -> checkpointsTable.setItems(now == null ? null : now.checkpoints()));
        BundleViewModel b = vm.selected();
        checkpointsTable.setItems(b == null ? null : b.checkpoints());
    }
}
