package io.sealtrail.app.ui.search;

import io.sealtrail.app.ui.session.TimeInput;
import io.sealtrail.app.ui.annotate.AnnotateDialog;
import io.sealtrail.app.ui.annotate.AnnotationsViewModel;
import io.sealtrail.app.ui.annotate.ExportViewModel;
import io.sealtrail.cases.Annotation;
import io.sealtrail.index.FacetValue;
import io.sealtrail.index.HitFormat;
import io.sealtrail.index.Privileged;
import io.sealtrail.index.Hit;
import io.sealtrail.index.Integrity;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The thin view of search.fxml: binds controls to {@link SearchViewModel} and turns gestures into its
 * method calls (Enter searches, a facet click adds a chip, Alt+click excludes, a histogram bar narrows the
 * time range, J/K move, scrolling near the end loads the next page). Never calls the index.
 */
public final class SearchController {
    /** The table shows milliseconds; the detail the bundle's full microseconds; both in the chosen zone. */
    private DateTimeFormatter tableTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);
    private DateTimeFormatter minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    /** Rows from the end of the loaded ones at which the next page is fetched. */
    private static final int PREFETCH = 100;

    private final SearchViewModel vm;
    private final AnnotationsViewModel notes;
    private final ExportViewModel exports;

    @FXML private BorderPane root;
    @FXML private VBox facetBox;
    @FXML private TextField queryField;
    @FXML private Button searchButton;
    @FXML private FlowPane chipPane;
    @FXML private Label errorLabel;
    @FXML private Label statusLabel;
    @FXML private Label rangeLabel;
    @FXML private Button clearRangeButton;
    @FXML private Button setRangeButton;
    @FXML private HistogramView histogram;
    @FXML private TableView<Hit> table;
    @FXML private TableColumn<Hit, Instant> timeColumn;
    @FXML private TableColumn<Hit, String> whereColumn;
    @FXML private TableColumn<Hit, String> outcomeColumn;
    @FXML private TableColumn<Hit, String> actionColumn;
    @FXML private TableColumn<Hit, String> userColumn;
    @FXML private TableColumn<Hit, String> targetColumn;
    @FXML private TableColumn<Hit, String> commandColumn;
    @FXML private TableColumn<Hit, Integrity> integrityColumn;
    @FXML private Label detailTitle;
    @FXML private Button aroundButton;
    @FXML private Button bookmarkButton;
    @FXML private Button annotateButton;
    @FXML private Button proofButton;
    @FXML private Label annotationLabel;
    @FXML private Button saveSearchButton;
    @FXML private Button exportButton;
    @FXML private HBox jobBox;
    @FXML private Label jobLabel;
    @FXML private Button cancelJobButton;
    @FXML private TableColumn<Hit, Hit> starColumn;
    @FXML private GridPane fieldGrid;
    @FXML private Label integrityLabel;
    @FXML private Label hashLabel;
    @FXML private javafx.scene.text.TextFlow rawFlow;
    @FXML private Button copyRawButton;

    /** What the verification view says of an event's covering checkpoint; empty when it has nothing yet. */
    private Function<Hit, String> coverage = h -> "";

    public SearchController(SearchViewModel vm, AnnotationsViewModel notes, ExportViewModel exports) {
        this.vm = vm;
        this.notes = notes;
        this.exports = exports;
    }

    @FXML
    private void initialize() {
        queryField.textProperty().bindBidirectional(vm.queryProperty());
        queryField.setOnAction(e -> run());
        searchButton.setOnAction(e -> run());
        setUpQueryAssist();
        errorLabel.textProperty().bind(vm.errorProperty());
        errorLabel.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        statusLabel.textProperty().bind(vm.statusProperty());
        rangeLabel.textProperty().bind(Bindings.createStringBinding(() -> vm.fromProperty().get() == null
                        && vm.toProperty().get() == null ? "Time filter: none (click a bar to narrow)"
                        : "Time filter: " + range(vm.fromProperty().get()) + " – " + range(vm.toProperty().get()) + " "
                        + zoneName(), vm.fromProperty(), vm.toProperty(), vm.zoneProperty()));
        clearRangeButton.visibleProperty().bind(vm.fromProperty().isNotNull().or(vm.toProperty().isNotNull()));
        clearRangeButton.setOnAction(e -> vm.clearTimeRange());
        setRangeButton.setOnAction(e -> askTimeRange());
        setRangeButton.setTooltip(new Tooltip("Type the start and end of the time filter (or drag across the histogram)"));

        vm.chips().addListener((ListChangeListener<String>) c -> showChips());
        showChips();
        vm.buckets().addListener((ListChangeListener<Object>) c -> histogram.show(vm.buckets(), vm.intervalProperty().get()));
        histogram.setOnBucket(vm::narrowTo);
        histogram.setOnRange(vm::narrowTo);
        for (String f : SearchViewModel.FACET_FIELDS) {
            vm.facets(f).addListener((ListChangeListener<FacetValue>) c -> showFacets());
        }
        showFacets();

        setUpTable();
        setUpDetail();
        setUpAnnotations();
        vm.zoneProperty().addListener((o, was, now) -> zoneChanged(now));
        table.setTableMenuButtonVisible(true); // the header's + menu shows and hides columns
    }

    /** Ctrl+F focuses the query field; J/K move through the rows when the field does not have focus. */
    public void installShortcuts() {
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.F) {
                focusQuery();
                e.consume();
            } else if (e.isShortcutDown() && e.getCode() == KeyCode.B) {
                notes.bookmark(vm.selectedProperty().get());
                e.consume();
            } else if (e.isShortcutDown() && e.getCode() == KeyCode.E) {
                exportResults();
                e.consume();
            } else if (!queryField.isFocused() && !e.isShortcutDown() && !e.isAltDown()
                    && (e.getCode() == KeyCode.J || e.getCode() == KeyCode.K)) {
                vm.move(e.getCode() == KeyCode.J ? 1 : -1);
                e.consume();
            }
        });
    }

    /**
     * Shows, under an event's integrity, what the current verification says of the checkpoint covering it;
     * re-shown whenever {@code changes} fires (a verification finished, a key was trusted).
     */
    public void setCoverage(Function<Hit, String> f, javafx.beans.Observable changes) {
        coverage = f;
        changes.addListener(o -> showDetail(vm.selectedProperty().get()));
        showDetail(vm.selectedProperty().get());
    }

    public void focusQuery() {
        queryField.requestFocus();
        queryField.selectAll();
    }

    private void setUpTable() {
        table.setItems(vm.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.placeholderProperty().bind(Bindings.createObjectBinding(() -> hint(
                !vm.errorProperty().get().isEmpty() ? "The query could not run: see the message above"
                        : vm.busyProperty().get() ? "Searching…" : vm.matchingProperty().get() == 0 ? "No event matches"
                        : "Open a case to search its events"), vm.errorProperty(), vm.busyProperty(), vm.matchingProperty()));
        timeColumn.setCellValueFactory(c -> constant(c.getValue().time()));
        timeColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Instant t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty ? null : t == null ? "(unreadable)" : tableTime.format(t));
            }
        });
        timeColumn.getStyleClass().add("mono-column");
        // Only time sorts, and the index does it (the table holds a page, not everything): a click on the
        // Time header flips oldest/newest first and searches again.
        table.getColumns().forEach(c -> c.setSortable(c == timeColumn));
        timeColumn.setSortType(TableColumn.SortType.ASCENDING);
        table.getSortOrder().setAll(List.of(timeColumn));
        table.setSortPolicy(t -> {
            boolean newest = !table.getSortOrder().isEmpty() && timeColumn.getSortType() == TableColumn.SortType.DESCENDING;
            if (table.getSortOrder().isEmpty()) { // a third click would unsort; time order is the only order
                table.getSortOrder().setAll(List.of(timeColumn));
            }
            vm.setNewestFirst(newest);
            return true;
        });
        whereColumn.setCellValueFactory(c -> constant(shortId(c.getValue().bundleId()) + ":" + c.getValue().seq()));
        whereColumn.getStyleClass().add("mono-column");
        text(outcomeColumn, Hit::outcome);
        outcomeColumn.setCellFactory(c -> styled("outcome-cell"));
        text(actionColumn, Hit::action);
        text(userColumn, Hit::userName);
        text(targetColumn, h -> join(h.targetKind(), h.targetName()));
        text(commandColumn, h -> h.command() != null ? h.command() : h.query());
        commandColumn.setCellFactory(c -> styled("command-cell"));
        integrityColumn.setCellValueFactory(c -> constant(c.getValue().integrity()));
        integrityColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Integrity i, boolean empty) {
                super.updateItem(i, empty);
                getStyleClass().removeAll("integrity-broken", "integrity-verified", "integrity-not_covered");
                setText(empty || i == null ? null : i.wireName());
                if (!empty && i != null) {
                    getStyleClass().add("integrity-" + i.wireName());
                }
            }
        });
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Hit h, boolean empty) {
                super.updateItem(h, empty);
                getStyleClass().removeAll("hit-denied", "hit-failure", "hit-broken", "hit-anchor", "hit-privileged");
                if (!empty && h != null) {
                    if ("denied".equals(h.outcome())) {
                        getStyleClass().add("hit-denied");
                    } else if ("failure".equals(h.outcome())) {
                        getStyleClass().add("hit-failure");
                    }
                    if (h.integrity() == Integrity.BROKEN) {
                        getStyleClass().add("hit-broken");
                    }
                    if (Privileged.test(h)) {
                        getStyleClass().add("hit-privileged");
                    }
                    if (h.anchor()) {
                        getStyleClass().add("hit-anchor");
                    }
                    if (getIndex() >= vm.rows().size() - PREFETCH) {
                        vm.loadMore(); // the table shows rows near the end: fetch the next page
                    }
                }
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && now != vm.selectedProperty().get()) {
                vm.selectedProperty().set(now);
            }
        });
        vm.selectedProperty().addListener((o, was, now) -> {
            if (now == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
                table.scrollTo(Math.max(0, vm.rows().indexOf(now) - 5));
            }
            showDetail(now);
        });
    }

    private void setUpDetail() {
        copyRawButton.setOnAction(e -> {
            Hit h = vm.selectedProperty().get();
            if (h != null) {
                javafx.scene.input.ClipboardContent c = new javafx.scene.input.ClipboardContent();
                c.putString(h.raw());
                javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
            }
        });
        copyRawButton.setTooltip(new Tooltip("Copy the raw line, byte for byte as the bundle holds it"));
        aroundButton.setOnAction(e -> vm.showAround());
        aroundButton.disableProperty().bind(vm.selectedProperty().isNull());
        aroundButton.setTooltip(new Tooltip("Show the " + SearchViewModel.AROUND_WINDOW
                + " events before and after this one, from every bundle of the case, in event order"));
        showDetail(null);
    }

    private void showDetail(Hit h) {
        fieldGrid.getChildren().clear();
        integrityLabel.getStyleClass().removeAll("integrity-broken", "integrity-verified", "integrity-not_covered");
        if (h == null) {
            detailTitle.setText("Select an event to see it here (J/K: next/previous)");
            integrityLabel.setText("");
            hashLabel.setText("");
            showRaw(null);
            showAnnotations(null);
            return;
        }
        detailTitle.setText("Event " + h.bundleId() + ":" + h.seq());
        int r = 0;
        r = field(r, "Time (" + zoneName() + ")", h.time() == null ? "(unreadable)" : time.format(h.time()));
        r = field(r, "Action", h.action());
        r = field(r, "Outcome", h.outcome());
        r = field(r, "User", h.userName());
        r = field(r, "Target", join(h.targetKind(), h.targetName()));
        r = field(r, "Session", h.sessionId());
        r = field(r, "Command", h.command());
        r = field(r, "Query", h.query());
        r = field(r, "Privileged", Privileged.test(h) ? "yes" : null);
        r = field(r, "File", h.file() + " line " + h.line());
        field(r, "Leaf", Long.toString(h.leaf()));
        String covered = coverage.apply(h);
        integrityLabel.setText("Integrity: " + h.integrity().wireName() + " — " + explain(h.integrity())
                + (covered.isEmpty() ? "" : "\n" + covered));
        integrityLabel.getStyleClass().add("integrity-" + h.integrity().wireName());
        hashLabel.setText("Entry hash " + h.entryHash());
        showRaw(h.raw());
        showAnnotations(h);
    }

    private final QueryAssist assist = new QueryAssist();
    private final javafx.scene.control.ContextMenu completions = new javafx.scene.control.ContextMenu();

    private void run() {
        completions.hide();
        assist.ran(queryField.getText());
        vm.search();
    }

    /** Field names offered for the word being typed; Up/Down walk the queries run before. */
    private void setUpQueryAssist() {
        completions.setId("completions");
        queryField.textProperty().addListener((o, was, now) -> {
            if (queryField.isFocused()) {
                javafx.application.Platform.runLater(this::offerCompletions); // after the caret has moved
            }
        });
        queryField.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                completions.hide();
            }
        });
        queryField.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (completions.isShowing()) {
                return; // the menu takes Up/Down/Enter itself
            }
            String q = e.getCode() == KeyCode.UP ? assist.previous() : e.getCode() == KeyCode.DOWN ? assist.next() : null;
            if (q != null) {
                queryField.setText(q);
                queryField.end();
                completions.hide();
                e.consume();
            } else if (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN) {
                e.consume();
            }
        });
    }

    private void offerCompletions() {
        QueryAssist.Completion c = QueryAssist.complete(queryField.getText(), queryField.getCaretPosition());
        if (c.fields().isEmpty()) {
            completions.hide();
            return;
        }
        completions.getItems().clear();
        for (String f : c.fields()) {
            javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(f);
            item.setMnemonicParsing(false);
            item.setOnAction(e -> {
                String t = queryField.getText();
                String replaced = t.substring(0, c.start()) + f + ":" + t.substring(c.end());
                queryField.setText(replaced);
                queryField.positionCaret(c.start() + f.length() + 1);
                completions.hide();
            });
            completions.getItems().add(item);
        }
        if (!completions.isShowing()) {
            completions.show(queryField, javafx.geometry.Side.BOTTOM, 0, 0);
        }
    }

    /** From/To typed in the zone shown; either may stay empty for an open end. */
    private void askTimeRange() {
        java.time.ZoneId z = vm.zoneProperty().get();
        javafx.scene.control.Dialog<javafx.scene.control.ButtonType> d = new javafx.scene.control.Dialog<>();
        d.initOwner(root.getScene().getWindow());
        d.setTitle("Time filter");
        d.setHeaderText("Events from (inclusive) to (exclusive), in " + zoneName()
                + ".\n2026-03-02, 2026-03-02 10:00 or 2026-03-02T10:00:00Z; leave one empty for an open end.");
        TextField from = new TextField(TimeInput.format(vm.fromProperty().get(), z));
        from.setId("fromField");
        TextField to = new TextField(TimeInput.format(vm.toProperty().get(), z));
        to.setId("toField");
        Label problem = new Label();
        problem.getStyleClass().add("search-error");
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.addRow(0, new Label("From"), from);
        g.addRow(1, new Label("To"), to);
        g.add(problem, 1, 2);
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().addAll(javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
        Button ok = (Button) d.getDialogPane().lookupButton(javafx.scene.control.ButtonType.OK);
        java.time.Instant[] chosen = new java.time.Instant[2];
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            try {
                chosen[0] = TimeInput.parse(from.getText(), z);
                chosen[1] = TimeInput.parse(to.getText(), z);
                if (chosen[0] != null && chosen[1] != null && !chosen[0].isBefore(chosen[1])) {
                    throw new IllegalArgumentException("the start must be before the end");
                }
            } catch (IllegalArgumentException ex) {
                problem.setText(ex.getMessage());
                e.consume(); // keep the dialog open
            }
        });
        d.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK)
                .ifPresent(b -> vm.narrowTo(chosen[0], chosen[1]));
    }

    private void setUpAnnotations() {
        starColumn.setCellValueFactory(c -> constant(c.getValue()));
        starColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Hit h, boolean empty) {
                super.updateItem(h, empty);
                setText(!empty && notes.isBookmarked(h) ? "★" : null);
            }
        });
        starColumn.getStyleClass().add("star-column");
        notes.annotations().addListener((ListChangeListener<Annotation>) c -> {
            table.refresh();
            showAnnotations(vm.selectedProperty().get());
        });
        bookmarkButton.setOnAction(e -> notes.bookmark(vm.selectedProperty().get()));
        bookmarkButton.setTooltip(new Tooltip("Bookmark this event in the signed case journal (Ctrl+B)"));
        annotateButton.setOnAction(e -> AnnotateDialog.show(root.getScene().getWindow(), vm.selectedProperty().get(),
                notes));
        annotateButton.setTooltip(new Tooltip("Add tags and a comment; they go to the signed case journal, never to"
                + " the evidence"));
        proofButton.setOnAction(e -> exportProof());
        proofButton.setTooltip(new Tooltip("Save this event's C2SP tlog-proof: a third party checks it with the log's"
                + " key alone (sealtrail proof verify)"));
        for (Button b : List.of(annotateButton, proofButton)) {
            b.disableProperty().bind(vm.selectedProperty().isNull());
        }
        bookmarkButton.setDisable(true);
        saveSearchButton.setOnAction(e -> AnnotateDialog.saveSearch(root.getScene().getWindow(), vm, notes));
        saveSearchButton.setTooltip(new Tooltip("Save this query and time filter under a name, in the case journal"));
        exportButton.setOnAction(e -> exportResults());
        exportButton.setTooltip(new Tooltip("Export every matching event as CSV or JSONL, no row cap (Ctrl+E)"));
        exportButton.disableProperty().bind(exports.runningProperty().or(vm.matchingProperty().lessThan(1)));
        jobBox.visibleProperty().bind(exports.runningProperty().or(exports.messageProperty().isNotEmpty())
                .or(exports.errorProperty().isNotEmpty()));
        jobBox.managedProperty().bind(jobBox.visibleProperty());
        jobLabel.textProperty().bind(Bindings.createStringBinding(() -> exports.runningProperty().get()
                        ? String.format("Exporting… %,d events", exports.doneProperty().get())
                        : !exports.errorProperty().get().isEmpty() ? exports.errorProperty().get() : exports.messageProperty().get(),
                exports.runningProperty(), exports.doneProperty(), exports.messageProperty(), exports.errorProperty()));
        cancelJobButton.visibleProperty().bind(exports.runningProperty());
        cancelJobButton.managedProperty().bind(cancelJobButton.visibleProperty());
        cancelJobButton.setOnAction(e -> exports.cancel());
    }

    private void showAnnotations(Hit h) {
        List<Annotation> mine = notes.of(h);
        bookmarkButton.setDisable(h == null || notes.isBookmarked(h));
        bookmarkButton.setText(h != null && notes.isBookmarked(h) ? "★ Bookmarked" : "☆ Bookmark");
        StringBuilder sb = new StringBuilder();
        for (Annotation a : mine) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(a.bookmark() ? "★ " : "• ");
            List<String> parts = new java.util.ArrayList<>();
            if (a.bookmark() && a.tags().isEmpty() && a.comment().isEmpty()) {
                parts.add("bookmarked");
            }
            if (!a.tags().isEmpty()) {
                parts.add("tags: " + String.join(", ", a.tags()));
            }
            if (!a.comment().isEmpty()) {
                parts.add("“" + a.comment() + "”");
            }
            sb.append(String.join(" · ", parts)).append("  (journal #").append(a.journalSeq()).append(')');
        }
        annotationLabel.setText(sb.toString());
        annotationLabel.setVisible(!mine.isEmpty());
        annotationLabel.setManaged(!mine.isEmpty());
    }

    private void exportProof() {
        Hit h = vm.selectedProperty().get();
        if (h == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the proof of event " + shortId(h.bundleId()) + ":" + h.seq());
        chooser.setInitialFileName(h.bundleId() + "-" + h.seq() + ".tlog-proof");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("C2SP tlog-proof", "*.tlog-proof"));
        java.io.File f = chooser.showSaveDialog(root.getScene().getWindow());
        if (f != null) {
            exports.exportProof(notes.caseFolder(), h, f.toPath());
        }
    }

    /** Ctrl+E: every matching event, CSV or JSONL by the chosen file's extension. */
    private void exportResults() {
        if (exports.runningProperty().get() || vm.matchingProperty().get() < 1) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(String.format("Export %,d matching events", vm.matchingProperty().get()));
        FileChooser.ExtensionFilter csv = new FileChooser.ExtensionFilter("CSV (spreadsheet)", "*.csv");
        FileChooser.ExtensionFilter jsonl = new FileChooser.ExtensionFilter("JSONL (the evidence lines, byte for byte)",
                "*.jsonl");
        chooser.getExtensionFilters().addAll(csv, jsonl);
        chooser.setInitialFileName("events.csv");
        java.io.File f = chooser.showSaveDialog(root.getScene().getWindow());
        if (f != null) {
            boolean asJsonl = f.getName().endsWith(".jsonl") || chooser.getSelectedExtensionFilter() == jsonl
                    && !f.getName().endsWith(".csv");
            exports.exportResults(vm.index(), vm.effectiveQuery(), vm.fromProperty().get(), vm.toProperty().get(),
                    asJsonl ? HitFormat.JSONL : HitFormat.CSV, f.toPath());
        }
    }

    /** The evidence line as monospaced text, the stretches the query looked for marked. */
    private void showRaw(String raw) {
        rawFlow.getChildren().clear();
        copyRawButton.setDisable(raw == null);
        if (raw == null) {
            return;
        }
        List<String> terms = vm.aroundProperty().get() ? List.of() : Highlights.terms(vm.effectiveQuery());
        for (Highlights.Span span : Highlights.spans(raw, terms)) {
            javafx.scene.text.Text t = new javafx.scene.text.Text(raw.substring(span.start(), span.end()));
            t.getStyleClass().addAll("raw-text", span.highlighted() ? "raw-match" : "raw-plain");
            rawFlow.getChildren().add(t);
        }
    }

    private int field(int row, String name, String value) {
        if (value == null || value.isEmpty()) {
            return row;
        }
        Label n = new Label(name);
        n.getStyleClass().add("fact-name");
        Label v = new Label(value);
        v.getStyleClass().add("fact-value");
        v.setWrapText(true);
        v.setMinHeight(Region.USE_PREF_SIZE);
        fieldGrid.addRow(row, n, v);
        return row + 1;
    }

    static String explain(Integrity i) {
        return switch (i) {
            case VERIFIED -> "below a signed checkpoint whose root the events reproduce";
            case BROKEN -> "this line or its range does not match what was signed: the evidence was changed";
            case NOT_COVERED -> "after the last verified checkpoint: nothing signed vouches for it";
            case UNSEALED -> io.sealtrail.model.Verdict.NO_EVIDENCE;
        };
    }

    private void showChips() {
        chipPane.getChildren().clear();
        for (String c : vm.chips()) {
            Button b = new Button(c + "  ✕");
            b.getStyleClass().addAll("chip", c.startsWith("NOT ") ? "chip-exclude" : "chip-include");
            b.setTooltip(new Tooltip("Remove this filter"));
            b.setOnAction(e -> vm.removeChip(c));
            chipPane.getChildren().add(b);
        }
        chipPane.setVisible(!vm.chips().isEmpty());
        chipPane.setManaged(chipPane.isVisible());
    }

    private void showFacets() {
        facetBox.getChildren().clear();
        Label title = new Label("FIELDS");
        title.getStyleClass().add("sidebar-title");
        Label how = new Label("Click a value to filter on it, Alt+click to exclude it.");
        how.getStyleClass().add("hint");
        how.setWrapText(true);
        facetBox.getChildren().addAll(title, how);
        for (String f : SearchViewModel.FACET_FIELDS) {
            Label name = new Label(f);
            name.getStyleClass().add("facet-field");
            facetBox.getChildren().add(name);
            List<FacetValue> values = vm.facets(f);
            if (values.isEmpty()) {
                Label none = new Label("—");
                none.getStyleClass().add("hint");
                facetBox.getChildren().add(none);
            }
            for (FacetValue v : values) {
                Label value = new Label(v.value());
                value.getStyleClass().add("facet-value");
                value.setMaxWidth(Double.MAX_VALUE);
                value.setMinWidth(0);
                HBox.setHgrow(value, Priority.ALWAYS);
                Label count = new Label(String.format("%,d", v.count()));
                count.getStyleClass().add("facet-count");
                count.setMinWidth(Region.USE_PREF_SIZE);
                HBox row = new HBox(6, value, count);
                row.getStyleClass().add("facet-row");
                row.setId("facet-" + f + "-" + v.value());
                Tooltip.install(row, new Tooltip(f + ":\"" + v.value() + "\" — click to filter, Alt+click to exclude"));
                row.setOnMouseClicked(e -> vm.addFilter(f, v.value(), e.isAltDown()));
                facetBox.getChildren().add(row);
            }
        }
    }

    // --- helpers ---

    private static void text(TableColumn<Hit, String> col, Function<Hit, String> f) {
        col.setCellValueFactory(c -> constant(f.apply(c.getValue())));
    }

    /** A plain text cell with a style class, for CSS that colours one column of a marked row. */
    private static TableCell<Hit, String> styled(String styleClass) {
        TableCell<Hit, String> cell = new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
            }
        };
        cell.getStyleClass().add(styleClass);
        return cell;
    }

    private static <T> ReadOnlyObjectWrapper<T> constant(T value) {
        return new ReadOnlyObjectWrapper<>(value);
    }

    private static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + " " + b;
    }

    /** Bundle ids are long; the table shows their first 8 characters as the CLI does, the detail the whole id. */
    static String shortId(String id) {
        return id.length() <= 8 ? id : id.substring(0, 8);
    }

    private String range(Instant t) {
        return t == null ? "…" : minutes.format(t);
    }

    private String zoneName() {
        java.time.ZoneId z = vm.zoneProperty().get();
        return ZoneOffset.UTC.equals(z) ? "UTC" : z.getId();
    }

    private void zoneChanged(java.time.ZoneId z) {
        tableTime = tableTime.withZone(z);
        time = time.withZone(z);
        minutes = minutes.withZone(z);
        timeColumn.setText("Time (" + zoneName() + ")");
        histogram.setZone(z);
        table.refresh();
        showDetail(vm.selectedProperty().get());
    }

    private static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("hint");
        return l;
    }

    public SearchViewModel viewModel() {
        return vm;
    }
}
