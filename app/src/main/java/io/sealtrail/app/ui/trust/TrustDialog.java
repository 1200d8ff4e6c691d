package io.sealtrail.app.ui.trust;

import io.sealtrail.app.ui.dialogs.DialogService;
import java.util.List;
import io.sealtrail.verify.trust.SeenCheckpoint;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * "Manage trusted keys…": the keys you trust, and adding one by pasting a C2SP verifier key or choosing a
 * .vkey file. What is about to be trusted — its name and fingerprint — is shown before the button that
 * trusts it is enabled. A second tab lists the checkpoints verified before (fork detection). A thin view over
 * {@link TrustViewModel}; built in code because it is small.
 */
public final class TrustDialog {
    private final TrustViewModel vm;
    private final DialogService dialogs;
    private final Stage stage = new Stage();
    private TabPane tabs;

    public TrustDialog(TrustViewModel vm, Window owner, DialogService dialogs) {
        this.vm = vm;
        this.dialogs = dialogs;
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle("Trusted keys");
        Scene scene = new Scene(content(), 1040, 660);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.setMinWidth(700);
        stage.setMinHeight(520);
    }

    public void show() {
        vm.reload();
        stage.show();
    }

    /** Shows the checkpoints verified before instead of the keys. */
    public void showSeen() {
        tabs.getSelectionModel().select(1);
    }

    public Stage stage() {
        return stage;
    }

    private VBox content() {
        Label title = new Label("Keys you trust");
        title.getStyleClass().add("dialog-title");
        Label where = new Label("Saved keys live in " + vm.storeFile() + ". Session keys are forgotten when you close Sealtrail.");
        where.getStyleClass().add("hint");
        where.setWrapText(true);
        where.setMinHeight(Region.USE_PREF_SIZE);
        where.setMaxWidth(Double.MAX_VALUE);

        TableView<TrustedKeyRow> table = new TableView<>(vm.keys());
        table.setId("trustedKeys");
        table.setPlaceholder(new Label("You trust no keys yet."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(TrustDialog.<TrustedKeyRow>column("Name", 300, TrustedKeyRow::name, null));
        table.getColumns().add(TrustDialog.<TrustedKeyRow>column("Fingerprint", 470, TrustedKeyRow::fingerprint, "hash-cell"));
        table.getColumns().add(TrustDialog.<TrustedKeyRow>column("Trusted in", 150, TrustedKeyRow::scope, null));
        table.setPrefHeight(180);
        Button remove = new Button("Stop trusting");
        remove.setId("removeKey");
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> vm.remove(table.getSelectionModel().getSelectedItem()));

        Label addTitle = new Label("Trust another key");
        addTitle.getStyleClass().add("section-title");
        Label addHint = new Label("Paste the log's verifier key (name+id+key, as in a .vkey file) or choose the file. "
                + "Trust it only after the producer confirmed its fingerprint to you in person or by another channel.");
        addHint.setWrapText(true);
        addHint.setMinHeight(Region.USE_PREF_SIZE);
        addHint.setMaxWidth(Double.MAX_VALUE);
        addHint.getStyleClass().add("hint");
        TextArea text = new TextArea();
        text.setId("vkeyText");
        text.setPromptText("gateway.example.com/prod-audit+1a2b3c4d+AbCd…");
        text.setPrefRowCount(2);
        text.setWrapText(true);
        text.getStyleClass().add("vkey-text");
        text.textProperty().bindBidirectional(vm.candidateTextProperty());
        Button choose = new Button("Choose .vkey file…");
        choose.setOnAction(e -> dialogs.openFile("Choose a verifier key file", List.of(
                DialogService.Filter.of("Verifier keys (*.vkey, *.pub, *.txt)", "*.vkey", "*.pub", "*.txt"),
                DialogService.Filter.of("All files", "*"))).ifPresent(vm::loadCandidate));

        Label preview = new Label();
        preview.setId("candidatePreview");
        preview.setWrapText(true);
        preview.setMinHeight(Region.USE_PREF_SIZE);
        preview.setMaxWidth(Double.MAX_VALUE);
        preview.textProperty().bind(Bindings.createStringBinding(() -> vm.candidate() != null
                        ? "You are about to trust " + vm.candidate().name() + "\nFingerprint  " + vm.candidate().fingerprint()
                        : vm.candidateProblemProperty().get(),
                vm.candidateProperty(), vm.candidateProblemProperty()));
        preview.getStyleClass().add("candidate-preview");
        preview.visibleProperty().bind(preview.textProperty().isNotEmpty());
        preview.managedProperty().bind(preview.visibleProperty());
        vm.candidateProperty().addListener((o, was, now) -> {
            preview.getStyleClass().removeAll("candidate-ok", "candidate-bad");
            preview.getStyleClass().add(now != null ? "candidate-ok" : "candidate-bad");
        });
        preview.getStyleClass().add("candidate-bad");

        CheckBox sessionOnly = new CheckBox("For this session only (do not save to the trust store)");
        sessionOnly.setId("sessionOnly");
        sessionOnly.selectedProperty().bindBidirectional(vm.sessionOnlyProperty());
        Button trust = new Button("Trust this key");
        trust.setId("trustButton");
        trust.setDefaultButton(true);
        trust.disableProperty().bind(vm.candidateProperty().isNull());
        trust.setOnAction(e -> vm.trustCandidate());

        Label message = new Label();
        message.setId("trustMessage");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.setMaxWidth(Double.MAX_VALUE);
        message.textProperty().bind(vm.messageProperty());
        message.getStyleClass().add("trust-message");

        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox tableActions = new HBox(10, remove);
        HBox addActions = new HBox(12, choose, sessionOnly, spacer, trust);
        addActions.setAlignment(Pos.CENTER_LEFT);
        HBox bottom = new HBox(close);
        bottom.setAlignment(Pos.CENTER_RIGHT);

        VBox keysBox = new VBox(10, title, where, table, tableActions, addTitle, addHint, text, preview, addActions);
        keysBox.setPadding(new Insets(16, 4, 4, 4));
        VBox.setVgrow(table, Priority.SOMETIMES);
        Tab keysTab = new Tab("Keys you trust", keysBox);
        Tab seenTab = new Tab("Checkpoints you verified", seenContent());
        seenTab.setId("seenTab");
        seenTab.textProperty().bind(Bindings.size(vm.seen()).asString("Checkpoints you verified (%d)"));
        tabs = new TabPane(keysTab, seenTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);

        VBox box = new VBox(10, tabs, message, bottom);
        box.setPadding(new Insets(12, 20, 20, 20));
        box.getStyleClass().add("trust-dialog");
        return box;
    }

    /**
     * What the auditor verified before, per log: a later export must show the same roots where it reaches
     * them, or its verdict names a fork (LOG_FORKED).
     */
    private VBox seenContent() {
        Label title = new Label("Checkpoints you verified");
        title.getStyleClass().add("dialog-title");
        Label hint = new Label("Each signed checkpoint a key you trust signed and the events reproduced is remembered"
                + " in " + vm.seenFile() + ". A later export of the same log must show the same root at that size;"
                + " if it shows another, its verdict says the log forked (LOG_FORKED).");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        hint.setMaxWidth(Double.MAX_VALUE);
        TableView<SeenCheckpoint> table = new TableView<>(vm.seen());
        table.setId("seenCheckpoints");
        table.setPlaceholder(new Label("Nothing verified with a key you trust yet."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(TrustDialog.<SeenCheckpoint>column("Log", 250, SeenCheckpoint::origin, null));
        table.getColumns().add(TrustDialog.<SeenCheckpoint>column("Tree size", 100, c -> String.format("%,d", c.size()), "number-cell"));
        table.getColumns().add(TrustDialog.<SeenCheckpoint>column("Root", 150, SeenCheckpoint::rootHash, "hash-cell"));
        table.getColumns().add(TrustDialog.<SeenCheckpoint>column("Seen (UTC)", 150, c -> java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneOffset.UTC).format(c.seenAt()), null));
        table.getColumns().add(TrustDialog.<SeenCheckpoint>column("In", 250, SeenCheckpoint::source, null));
        table.setRowFactory(t -> {
            javafx.scene.control.TableRow<SeenCheckpoint> row = new javafx.scene.control.TableRow<>();
            row.itemProperty().addListener((o, was, now) -> row.setTooltip(now == null ? null
                    : new javafx.scene.control.Tooltip(now.origin() + " at tree size " + String.format("%,d", now.size())
                    + "\nRoot " + now.rootHash() + "\nSigned by " + now.signer() + "\nSeen " + now.seenAt() + " in "
                    + now.source())));
            return row;
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        Button forget = new Button("Forget this log…");
        forget.setId("forgetLog");
        forget.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        forget.setOnAction(e -> {
            String origin = table.getSelectionModel().getSelectedItem().origin();
            if (dialogs.confirm("Forget " + origin + "?", "Forget every checkpoint remembered of " + origin + "? A fork"
                    + " of this log shown before would no longer be caught. Do this only after you resolved it with the"
                    + " log's operator.")) {
                vm.forget(origin);
            }
        });
        VBox box = new VBox(10, title, hint, table, new HBox(10, forget));
        box.setPadding(new Insets(16, 4, 4, 4));
        return box;
    }

    private static <R> TableColumn<R, String> column(String title, double width,
                                                     java.util.function.Function<R, String> value, String styleClass) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(r -> new ReadOnlyStringWrapper(value.apply(r.getValue())));
        if (styleClass != null) {
            c.getStyleClass().add(styleClass);
        }
        return c;
    }
}
