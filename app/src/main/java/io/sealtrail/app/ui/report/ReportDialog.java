package io.sealtrail.app.ui.report;

import io.sealtrail.app.ui.dialogs.DialogService;
import io.sealtrail.app.ui.session.CaseSession;
import io.sealtrail.app.ui.session.QueryScope;
import io.sealtrail.app.ui.session.TimeInput;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.report.ReportTemplate;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * File › Report…: the choices of {@code sealtrail report} (title, preparer, query and period, defaulting to
 * the current search), where to write it, progress and Cancel, then the SHA-256 and a preview of the first
 * pages.
 */
public final class ReportDialog {
    private ReportDialog() {
    }

    /** For the case open in {@code session} (none: nothing happens), its query scope the default. */
    public static void show(Window owner, CaseSession session, ReportViewModel vm, DialogService dialogs) {
        CaseFolder c = session.caseProperty().get();
        if (c == null) {
            return;
        }
        QueryScope search = session.scope();
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Report on " + c.name());
        ZoneId zone = search.zoneProperty().get();
        javafx.scene.control.ComboBox<ReportTemplate> template = new javafx.scene.control.ComboBox<>(
                javafx.collections.FXCollections.observableArrayList(ReportTemplate.values()));
        template.setId("reportTemplate");
        template.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ReportTemplate t) {
                return t == null ? "" : t.title();
            }

            @Override
            public ReportTemplate fromString(String s) {
                return null;
            }
        });
        template.getSelectionModel().select(ReportTemplate.ACCESS_REVIEW);
        TextField title = new TextField(c.name() + " — " + ReportTemplate.ACCESS_REVIEW.title().toLowerCase());
        title.setId("reportTitle");
        template.valueProperty().addListener((o, was, now) -> {
            if (title.getText().equals(c.name() + " — " + was.title().toLowerCase())) {
                title.setText(c.name() + " — " + now.title().toLowerCase()); // only while the user kept the default
            }
        });
        TextField preparer = new TextField(System.getProperty("user.name", ""));
        TextField query = new TextField(search.effectiveQuery());
        query.setId("reportQuery");
        TextField from = new TextField(TimeInput.format(search.fromProperty().get(), zone));
        TextField to = new TextField(TimeInput.format(search.toProperty().get(), zone));
        Path home = Path.of(System.getProperty("user.home"));
        TextField out = new TextField(home.resolve(c.name().replaceAll("[^\\p{L}\\p{N}._-]+", "-") + "-report-"
                + LocalDate.now(zone) + ".pdf").toString());
        out.setId("reportOut");
        Button choose = new Button("Choose…");
        choose.setOnAction(e -> dialogs.saveFile("Write the report to", Path.of(out.getText()),
                List.of(DialogService.Filter.of("PDF", "*.pdf"))).ifPresent(saved -> out.setText(saved.path().toString())));
        HBox outRow = new HBox(6, out, choose);
        HBox.setHgrow(out, Priority.ALWAYS);
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label("Template"), template);
        form.addRow(1, new Label("Title"), title);
        form.addRow(2, new Label("Prepared by"), preparer);
        form.addRow(3, new Label("Events"), query);
        form.addRow(4, new Label("From (" + zone.getId() + ")"), from);
        form.addRow(5, new Label("To"), to);
        form.addRow(6, new Label("Write to"), outRow);
        GridPane.setHgrow(title, Priority.ALWAYS);
        Label note = new Label("Bookmarked and commented events are cited with proofs a third party can check"
                + " (sealtrail report verify). The report's SHA-256 goes into the signed case journal.");
        note.getStyleClass().add("hint");
        note.setWrapText(true);
        Label status = new Label();
        status.setId("reportStatus");
        status.setWrapText(true);
        status.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.errorProperty().get().isEmpty()
                ? vm.messageProperty().get() : vm.errorProperty().get(), vm.messageProperty(), vm.errorProperty()));
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(22, 22);
        spinner.visibleProperty().bind(vm.runningProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());
        Button generate = new Button("Write report");
        generate.setId("writeReport");
        generate.setDefaultButton(true);
        generate.disableProperty().bind(vm.runningProperty());
        Button cancel = new Button("Cancel");
        cancel.visibleProperty().bind(vm.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> vm.cancel());
        Button close = new Button("Close");
        close.setOnAction(e -> stage.close());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, spinner, status, gap, cancel, generate, close);
        HBox.setHgrow(status, Priority.SOMETIMES);
        HBox pages = new HBox(12);
        pages.setPadding(new Insets(8));
        ScrollPane previewPane = new ScrollPane(pages);
        previewPane.setPrefHeight(420);
        previewPane.setFitToHeight(true);
        vm.preview().addListener((javafx.collections.ListChangeListener<java.awt.image.BufferedImage>) ch -> {
            pages.getChildren().clear();
            for (java.awt.image.BufferedImage img : vm.preview()) {
                ImageView v = new ImageView(SwingFXUtils.toFXImage(img, null));
                v.setPreserveRatio(true);
                v.setFitHeight(400);
                v.setStyle("-fx-effect: dropshadow(gaussian, rgba(0,0,0,0.25), 6, 0, 0, 1);");
                pages.getChildren().add(v);
            }
        });
        Label problem = new Label();
        problem.setStyle("-fx-text-fill: #b42318;");
        problem.setWrapText(true);
        generate.setOnAction(e -> {
            problem.setText("");
            try {
                vm.generate(c, template.getValue(), title.getText().strip(), preparer.getText().strip(), query.getText(),
                        TimeInput.parse(from.getText(), zone), TimeInput.parse(to.getText(), zone), Path.of(out.getText().strip()));
            } catch (IllegalArgumentException ex) {
                problem.setText(ex.getMessage());
            }
        });
        VBox box = new VBox(10, form, note, problem, buttons, previewPane);
        box.setPadding(new Insets(16));
        box.setPrefWidth(820);
        stage.setScene(new Scene(box));
        if (owner != null && owner.getScene() != null) {
            stage.getScene().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        stage.setOnCloseRequest(e -> vm.cancel());
        // on a 1366 × 768 screen the preview gives way (it scrolls), so the buttons stay on screen
        javafx.geometry.Rectangle2D usable = javafx.stage.Screen.getPrimary().getVisualBounds();
        VBox.setVgrow(previewPane, Priority.ALWAYS);
        previewPane.setMinHeight(120);
        note.setMinHeight(Region.USE_PREF_SIZE);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        box.applyCss(); // measured in the workbench's fonts
        if (box.prefHeight(820) > usable.getHeight()) {
            stage.setHeight(usable.getHeight());
            stage.setY(usable.getMinY());
        }
        stage.show();
    }
}
