package io.sealtrail.app.ui.report;

import io.sealtrail.app.ui.dialogs.DialogService;
import io.sealtrail.app.ui.session.CaseSession;
import io.sealtrail.app.ui.session.QueryScope;
import io.sealtrail.app.ui.session.TimeInput;
import io.sealtrail.app.ui.zones.ZonePicker;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.report.ReportTemplate;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * File › Report…: the choices of {@code sealtrail report} (template, title, preparer, query and period, retention,
 * business hours, zone), starting with the whole case; where to write it; progress and Cancel; then the SHA-256 and
 * the first pages, large enough to read.
 */
public final class ReportDialog {
    static final double WIDTH = 820;

    private ReportDialog() {
    }

    /** For the case open in {@code session} (none: nothing happens), on the primary screen. */
    public static void show(Window owner, CaseSession session, ReportViewModel vm, DialogService dialogs) {
        show(owner, session, vm, dialogs, Screen.getPrimary().getVisualBounds());
    }

    /** As above, fitted into {@code usable} (a test passes a 1366 × 768 laptop's); null when no case is open. */
    static Stage show(Window owner, CaseSession session, ReportViewModel vm, DialogService dialogs, Rectangle2D usable) {
        CaseFolder c = session.caseProperty().get();
        if (c == null) {
            return null;
        }
        QueryScope search = session.scope();
        ReportViewModel.Choices start = vm.startingChoices(search);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Report on " + c.name());
        ComboBox<ReportTemplate> template = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(
                ReportTemplate.values()));
        template.setId("reportTemplate");
        template.setConverter(new StringConverter<>() {
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
        TextField query = new TextField(start.query());
        query.setId("reportQuery");
        query.setPromptText("* for every event of the case");
        TextField from = new TextField(TimeInput.format(start.from(), start.zone()));
        from.setId("reportFrom");
        from.setPromptText("open: the first event");
        TextField to = new TextField(TimeInput.format(start.to(), start.zone()));
        to.setId("reportTo");
        to.setPromptText("open: the last event");
        Button useSearch = button("Use the current search", "reportUseSearch");
        useSearch.setTooltip(new Tooltip("Narrow the report to the query and time filter the window shows now"));
        useSearch.setOnAction(e -> {
            ReportViewModel.Choices s = vm.fromSearch(search, start);
            ZoneId z = vm.zoneProperty().get();
            query.setText(s.query());
            from.setText(TimeInput.format(s.from(), z));
            to.setText(TimeInput.format(s.to(), z));
        });
        Button wholeCase = button("Whole case", "reportWholeCase");
        wholeCase.setOnAction(e -> {
            query.setText("*");
            from.clear();
            to.clear();
        });
        TextField retention = new TextField(start.retention());
        retention.setId("reportRetention");
        retention.setPromptText("not assessed; or 12m, 90d, 1y");
        TextField hours = new TextField(start.businessHours());
        hours.setId("reportHours");
        hours.setPrefColumnCount(9);
        Button zone = button("", "reportZone");
        zone.setMnemonicParsing(false);
        zone.textProperty().bind(Bindings.createStringBinding(() -> vm.zones().label(vm.zoneProperty().get()) + "…",
                vm.zoneProperty()));
        zone.setTooltip(new Tooltip("The zone the report writes its times in (UTC beside them) and of its business hours;"
                + " it starts as the window's"));
        zone.setOnAction(e -> ZonePicker.show(stage, vm.zones()));
        Path home = Path.of(System.getProperty("user.home"));
        TextField out = new TextField(home.resolve(c.name().replaceAll("[^\\p{L}\\p{N}._-]+", "-") + "-report-"
                + LocalDate.now(start.zone()) + ".pdf").toString());
        out.setId("reportOut");
        Button choose = button("Choose…", "reportChoose");
        choose.setOnAction(e -> dialogs.saveFile("Write the report to", Path.of(out.getText()),
                List.of(DialogService.Filter.of("PDF", "*.pdf"))).ifPresent(saved -> out.setText(saved.path().toString())));
        javafx.scene.control.MenuButton redact = io.sealtrail.app.ui.redaction.RedactionMenu.install(
                new javafx.scene.control.MenuButton(), vm.redaction(), dialogs);
        redact.setId("reportRedaction");
        redact.setMinWidth(Region.USE_PREF_SIZE);
        TextField signKey = new TextField();
        signKey.setId("reportSignKey");
        signKey.setPromptText("not signed; or the report-signing.pem 'sealtrail report key' wrote");
        Button chooseKey = button("Sign with key…", "reportChooseKey");
        chooseKey.setTooltip(new Tooltip("Sign the report as PAdES with your report signing key: any PDF reader shows"
                + " who signed it and that it is unchanged"));
        chooseKey.setOnAction(e -> dialogs.openFile("Sign the report with this key", List.of(
                DialogService.Filter.of("Report signing key (PEM)", "*.pem"))).ifPresent(p -> signKey.setText(p.toString())));
        TextField tsa = new TextField();
        tsa.setId("reportTsa");
        tsa.setPromptText("optional: https://… of a time-stamping authority (PAdES B-T)");
        tsa.disableProperty().bind(signKey.textProperty().isEmpty());
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(7);
        Label fromLabel = new Label();
        fromLabel.textProperty().bind(Bindings.createStringBinding(() -> "From (" + zoneName(vm.zoneProperty().get()) + ")",
                vm.zoneProperty()));
        form.addRow(0, new Label("Template"), template);
        form.addRow(1, new Label("Title"), title);
        form.addRow(2, new Label("Prepared by"), preparer);
        form.addRow(3, new Label("Events"), row(query, wholeCase, useSearch));
        form.addRow(4, fromLabel, row(from, new Label("to"), to));
        form.addRow(5, new Label("Retention"), row(retention, new Label("Business hours (Mon–Fri)"), hours));
        form.addRow(6, new Label("Times in"), zone);
        form.addRow(7, new Label("Write to"), row(out, choose));
        form.addRow(8, new Label("Redaction"), row(redact));
        form.addRow(9, new Label("Signature"), row(signKey, chooseKey));
        form.addRow(10, new Label("Timestamp"), tsa);
        GridPane.setHgrow(title, Priority.ALWAYS);
        form.getChildren().filtered(n -> n instanceof Label).forEach(n -> ((Label) n).setMinWidth(Region.USE_PREF_SIZE));
        Label note = new Label("Bookmarked and commented events are cited with proofs a third party can check. The"
                + " report's SHA-256 goes into the signed case journal.");
        note.getStyleClass().add("hint");
        note.setWrapText(true);
        Label status = new Label();
        status.setId("reportStatus");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(Bindings.createStringBinding(() -> vm.errorProperty().get().isEmpty()
                ? vm.messageProperty().get() : vm.errorProperty().get(), vm.messageProperty(), vm.errorProperty()));
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(22, 22);
        spinner.visibleProperty().bind(vm.runningProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());
        Button generate = button("Write report", "writeReport");
        generate.setDefaultButton(true);
        generate.disableProperty().bind(vm.runningProperty());
        Button cancel = button("Cancel", "reportCancel");
        cancel.visibleProperty().bind(vm.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> vm.cancel());
        Button close = button("Close", "reportClose");
        close.setOnAction(e -> stage.close());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        // the message has a row of its own: a long path and SHA-256 never squeeze the buttons to "Writ…"
        HBox buttons = new HBox(8, spinner, gap, cancel, generate, close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox pages = new VBox(12);
        pages.setPadding(new Insets(8));
        ScrollPane previewPane = new ScrollPane(pages);
        previewPane.setId("reportPreview");
        previewPane.setPrefHeight(420);
        previewPane.setFitToWidth(true);
        vm.preview().addListener((javafx.collections.ListChangeListener<java.awt.image.BufferedImage>) ch -> {
            pages.getChildren().clear();
            for (java.awt.image.BufferedImage img : vm.preview()) {
                ImageView v = new ImageView(SwingFXUtils.toFXImage(img, null));
                v.setPreserveRatio(true);
                v.setSmooth(true);
                // page width at the pane's width: body text about 11 px high, readable without a zoom
                v.fitWidthProperty().bind(Bindings.max(200, previewPane.widthProperty().subtract(40)));
                v.setStyle("-fx-effect: dropshadow(gaussian, rgba(0,0,0,0.25), 6, 0, 0, 1);");
                pages.getChildren().add(v);
            }
        });
        status.managedProperty().bind(status.textProperty().isNotEmpty()); // no empty row above the buttons
        Label problem = new Label();
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.setId("reportProblem");
        problem.setStyle("-fx-text-fill: #b42318;");
        problem.setWrapText(true);
        generate.setOnAction(e -> {
            problem.setText("");
            ZoneId z = vm.zoneProperty().get();
            try {
                vm.generate(c, template.getValue(), title.getText().strip(), preparer.getText().strip(),
                        new ReportViewModel.Choices(query.getText(), TimeInput.parse(from.getText(), z),
                                TimeInput.parse(to.getText(), z), retention.getText(), hours.getText(), z),
                        Path.of(out.getText().strip()), new ReportSigning(signKey.getText().isBlank() ? null
                                : Path.of(signKey.getText().strip()), tsa.getText()), session.reportSearch());
            } catch (IllegalArgumentException | java.time.DateTimeException ex) {
                problem.setText(ex.getMessage());
            }
        });
        VBox box = new VBox(10, form, note, problem, status, buttons, previewPane);
        box.setPadding(new Insets(16));
        box.setPrefWidth(WIDTH);
        stage.setScene(new Scene(box));
        if (owner != null && owner.getScene() != null) {
            stage.getScene().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        stage.setOnCloseRequest(e -> vm.cancel());
        // on a 1366 × 768 screen the preview gives way (it scrolls), so the buttons stay on screen
        VBox.setVgrow(previewPane, Priority.ALWAYS);
        previewPane.setMinHeight(120);
        note.setMinHeight(Region.USE_PREF_SIZE);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        box.applyCss(); // measured in the workbench's fonts
        if (box.prefHeight(WIDTH) > usable.getHeight()) {
            stage.setHeight(usable.getHeight());
            stage.setY(usable.getMinY());
        }
        stage.show();
        return stage;
    }

    /** UTC as "UTC" (its id is "Z"), any other zone by its id. */
    private static String zoneName(ZoneId z) {
        return z.normalized().equals(java.time.ZoneOffset.UTC) && z.getRules().isFixedOffset() ? "UTC" : z.getId();
    }

    /** A button that never shows less than its whole label. */
    private static Button button(String text, String id) {
        Button b = new Button(text);
        b.setId(id);
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    private static HBox row(javafx.scene.Node grow, javafx.scene.Node... rest) {
        HBox h = new HBox(6, grow);
        h.getChildren().addAll(rest);
        h.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(grow, Priority.ALWAYS);
        for (javafx.scene.Node n : rest) {
            if (n instanceof Label l) {
                l.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        return h;
    }
}
