package io.sealtrail.app.ui.search;

import io.sealtrail.app.ui.annotate.AnnotateDialog;
import io.sealtrail.app.ui.annotate.AnnotationsViewModel;
import io.sealtrail.cases.Annotation;
import io.sealtrail.index.EventStanding;
import io.sealtrail.index.Hit;
import io.sealtrail.index.HitFields;
import io.sealtrail.index.IndexSchema;
import io.sealtrail.index.Privileged;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The thin view of detail.fxml: every field of the selected event, grouped ({@link DetailFields}), times in the
 * chosen zone, each value filtered on or copied by a right-click, its integrity and what the
 * live verification says of its checkpoint, its annotations, and its raw line with what the query looked for
 * marked; buttons to bookmark, annotate, export its proof and show the events around it.
 */
public final class EventDetailController {
    private static final String NONE_SELECTED = "Select an event to see it here (J/K: next/previous)";
    private static final String RAW_HEADING = "Raw record, exactly as in the evidence (query terms marked)";

    private final SearchViewModel vm;
    private final AnnotationsViewModel notes;
    private final ResultsExport export;
    /** The bundle's full microseconds, in the zone chosen. */
    private DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS XXX").withZone(ZoneOffset.UTC);
    /** What the verification view says of an event's covering checkpoint; empty when it has nothing yet. */
    private Function<Hit, String> coverage = h -> "";
    /** What Session… does with the selected event; the window shell decides (it opens the session's window). */
    private Consumer<Hit> openSession = h -> { };

    @FXML private VBox detailPane;
    @FXML private Label detailTitle;
    @FXML private Button aroundButton;
    @FXML private Button sessionButton;
    @FXML private Button bookmarkButton;
    @FXML private Button annotateButton;
    @FXML private Button proofButton;
    @FXML private Label annotationLabel;
    @FXML private GridPane fieldGrid;
    @FXML private Label integrityLabel;
    @FXML private Label hashLabel;
    @FXML private TextFlow rawFlow;
    @FXML private Button copyRawButton;
    @FXML private javafx.scene.control.ToggleButton redactedViewButton;
    @FXML private Label rawHeading;

    public EventDetailController(SearchViewModel vm, AnnotationsViewModel notes, ResultsExport export) {
        this.vm = vm;
        this.notes = notes;
        this.export = export;
    }

    @FXML
    private void initialize() {
        copyRawButton.setOnAction(e -> copyRaw(vm.selectedProperty().get()));
        copyRawButton.setTooltip(new Tooltip("Copy the raw line, byte for byte as the bundle holds it (redacted, and"
                + " recorded in the case journal, in the redacted view)"));
        setUpRedactedView();
        aroundButton.setOnAction(e -> vm.showAround());
        aroundButton.disableProperty().bind(vm.selectedProperty().isNull());
        sessionButton.setOnAction(e -> openSession.accept(vm.selectedProperty().get()));
        sessionButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> vm.selectedProperty().get() == null || vm.selectedProperty().get().sessionId() == null,
                vm.selectedProperty()));
        sessionButton.setTooltip(new Tooltip("Open the event's session: who, where, when, its review decisions, and"
                + " what was typed and what came back"));
        aroundButton.setTooltip(new Tooltip("Show the " + SearchViewModel.AROUND_WINDOW
                + " events before and after this one, from every bundle of the case, in event order"));
        bookmarkButton.setOnAction(e -> notes.bookmark(vm.selectedProperty().get()));
        bookmarkButton.setTooltip(new Tooltip("Bookmark this event in the signed case journal (Ctrl+B)"));
        annotateButton.setOnAction(e -> AnnotateDialog.show(detailPane.getScene().getWindow(),
                vm.selectedProperty().get(), notes));
        annotateButton.setTooltip(new Tooltip("Add tags and a comment; they go to the signed case journal, never to"
                + " the evidence"));
        proofButton.setOnAction(e -> export.exportProof(vm.selectedProperty().get()));
        proofButton.setTooltip(new Tooltip("Save this event's C2SP tlog-proof: a third party checks it with the log's"
                + " key alone (sealtrail proof verify)"));
        annotateButton.disableProperty().bind(vm.selectedProperty().isNull());
        // a record of another source has no inclusion proof; what vouches for its file is in the Verification tab
        proofButton.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.selectedProperty().get() == null || !vm.selectedProperty().get().provable(),
                vm.selectedProperty()));
        bookmarkButton.setDisable(true);
        vm.selectedProperty().addListener((o, was, now) -> showDetail(now));
        notes.annotations().addListener((ListChangeListener<Annotation>) c -> showAnnotations(vm.selectedProperty().get()));
        vm.zoneProperty().addListener((o, was, now) -> {
            time = time.withZone(now);
            showDetail(vm.selectedProperty().get());
        });
        showDetail(null);
    }

    /**
     * Shows, under an event's integrity, what the current verification says of the checkpoint covering it;
     * re-shown whenever {@code changes} fires (a verification finished, a key was trusted).
     */
    public void setCoverage(Function<Hit, String> f, Observable changes) {
        coverage = f;
        changes.addListener(o -> showDetail(vm.selectedProperty().get()));
        showDetail(vm.selectedProperty().get());
    }

    /** What the Session… button does with the selected event (it has a session id). */
    public void setOpenSession(Consumer<Hit> open) {
        openSession = open;
    }

    /**
     * The redacted view follows the window's redaction choice (the search bar's Redaction menu): on, every field, the
     * raw line and the comments are shown redacted, so a screenshot holds no secret, and Copy copies what is shown.
     */
    private void setUpRedactedView() {
        io.sealtrail.app.ui.redaction.RedactionChoice choice = export.job().redaction();
        redactedViewButton.setTooltip(new Tooltip("Show this event redacted (the standard profile unless the Redaction"
                + " menu names another): a screenshot or a copy of the pane shows no secret; the evidence is unchanged"));
        redactedViewButton.setSelected(choice.on());
        redactedViewButton.setOnAction(e -> {
            if (redactedViewButton.isSelected() && !choice.on()) {
                choice.standard();
            } else if (!redactedViewButton.isSelected()) {
                choice.off();
            }
        });
        choice.profileProperty().addListener((o, was, now) -> {
            redactedViewButton.setSelected(now != null);
            showDetail(vm.selectedProperty().get());
        });
    }

    /** The event as the pane shows it: redacted when the window redacts. */
    private Hit shown(Hit h) {
        io.sealtrail.index.Redaction r = export.job().redaction().profile();
        return h == null || r == null ? h : r.apply(h, new io.sealtrail.index.Redaction.Counts());
    }

    /** The raw line to the clipboard; a redacted copy is recorded in the case journal, as an export is. */
    private void copyRaw(Hit h) {
        if (h == null) {
            return;
        }
        io.sealtrail.index.Redaction r = export.job().redaction().profile();
        io.sealtrail.index.Redaction.Counts counts = new io.sealtrail.index.Redaction.Counts();
        ClipboardContent c = new ClipboardContent();
        c.putString(r == null ? h.raw() : r.apply(h.raw(), counts));
        Clipboard.getSystemClipboard().setContent(c);
        if (r != null) {
            export.job().recordCopy(notes.caseFolder(), h, r, counts, "the raw line");
        }
    }

    private void showDetail(Hit original) {
        Hit h = shown(original);
        io.sealtrail.app.ui.redaction.RedactionChoice choice = export.job().redaction();
        rawHeading.setText(choice.on() ? "Raw record, redacted (profile " + choice.label() + ")" : RAW_HEADING);
        fieldGrid.getChildren().clear();
        integrityLabel.getStyleClass().removeIf(k -> k.startsWith("standing-"));
        if (h == null) {
            detailTitle.setText(NONE_SELECTED);
            integrityLabel.setText("");
            hashLabel.setText("");
            showRaw(null);
            showAnnotations(null);
            return;
        }
        detailTitle.setText("Event " + h.bundleId() + ":" + h.seq());
        int r = 0;
        // the zone's offset on the time, and UTC beside it when another zone is shown: the label stays short
        java.time.ZoneId zone = vm.zoneProperty().get();
        for (DetailFields.Group g : DetailFields.groups(h)) {
            r = heading(r, g.title());
            for (String f : g.fields()) {
                String shown = IndexSchema.TIME.equals(f) ? (h.time() == null ? "(unreadable)" : time.format(h.time()))
                        : HitFields.value(h, f);
                r = field(r, h, f, shown);
                if (IndexSchema.TIME.equals(f) && h.time() != null && !java.time.ZoneOffset.UTC.equals(zone)) {
                    r = field(r, h, f, time.withZone(java.time.ZoneOffset.UTC).format(h.time()));
                }
            }
            if (g.title().equals("Target") && Privileged.test(h)) {
                r = field(r, h, "privileged", "yes");
            }
        }
        String covered = coverage.apply(h);
        EventStanding standing = vm.standing(h);
        // "no integrity evidence — this source carries no integrity evidence" would say it twice
        integrityLabel.setText("Integrity: " + (standing == EventStanding.NO_EVIDENCE ? "" : standing.label() + " — ")
                + explain(h, standing)
                + (covered.isEmpty() ? "" : "\n" + covered));
        integrityLabel.getStyleClass().removeIf(k -> k.startsWith("standing-"));
        integrityLabel.getStyleClass().add(standing.styleClass());
        hashLabel.setText("Entry hash " + h.entryHash());
        showRaw(h.raw());
        showAnnotations(original);
    }

    /**
     * What the event's standing means where it came from: a bundle proves lines by checkpoints (the words are the
     * standing's own), a source's evidence proves files.
     */
    static String explain(io.sealtrail.index.Hit h, EventStanding s) {
        if (h.provable()) {
            return s.meaning();
        }
        String listed = "its file is listed, with the SHA-256 it has, in ";
        return switch (s) {
            case PROVEN -> listed + "evidence signed by a key you trust (" + h.sourceFormat() + ")";
            case PROVEN_UNTRUSTED -> listed + "validly signed evidence, but no key you trust signed it (" + h.sourceFormat() + ")";
            case PROVEN_AMID_EDITS -> listed + "validly signed evidence; other files of the export differ from what it lists ("
                    + h.sourceFormat() + ")";
            case ALTERED -> "its file differs from what its signed evidence lists: the evidence was changed";
            case NOT_COVERED -> "no valid signed evidence lists its file: nothing signed vouches for it";
            case NO_EVIDENCE -> io.sealtrail.model.Verdict.NO_EVIDENCE;
        };
    }

    private int heading(int row, String title) {
        Label t = new Label(title);
        t.getStyleClass().add("fact-group");
        fieldGrid.add(t, 0, row, 2, 1);
        return row + 1;
    }

    /** One field: its index name (what a query names) and its value, which right-click filters on or copies. */
    private int field(int row, Hit h, String name, String value) {
        if (value == null || value.isEmpty()) {
            return row;
        }
        Label n = new Label(name);
        n.getStyleClass().add("fact-name");
        if (HitFields.SCHEMA.contains(name)) {
            n.setMinWidth(Region.USE_PREF_SIZE); // a field's name is what a query types: never cut
        } else {
            // a source record's own field: its path can be long (kubernetes-audit.user.extra.…); it wraps, shown
            // without the format the group's title names, and whole in its tooltip
            String format = h.sourceFormat() + ".";
            n.setText(name.startsWith(format) ? name.substring(format.length()) : name);
            n.setWrapText(true);
            n.setMaxWidth(160);
            n.setMinHeight(Region.USE_PREF_SIZE);
            n.setTooltip(new javafx.scene.control.Tooltip(name));
        }
        Label v = new Label(value);
        v.getStyleClass().add("fact-value");
        v.setId("fact-" + name.replace('.', '-')); // a CSS id: no dots
        v.setWrapText(true);
        v.setMinHeight(Region.USE_PREF_SIZE);
        if (!"privileged".equals(name) && !export.job().redaction().on()) { // no filter on, nor copy of, a blanked value
            v.setContextMenu(FieldMenu.of(vm, () -> h, () -> name, "Copy all fields", DetailFields::text));
            n.setContextMenu(v.getContextMenu());
        }
        fieldGrid.addRow(row, n, v);
        return row + 1;
    }

    /** The evidence line as monospaced text, the stretches the query looked for marked. */
    private void showRaw(String raw) {
        rawFlow.getChildren().clear();
        copyRawButton.setDisable(raw == null);
        if (raw == null) {
            return;
        }
        List<String> terms = Highlights.terms(vm.effectiveQuery());
        for (Highlights.Span span : Highlights.spans(raw, terms)) {
            Text t = new Text(raw.substring(span.start(), span.end()));
            t.getStyleClass().addAll("raw-text", span.highlighted() ? "raw-match" : "raw-plain");
            rawFlow.getChildren().add(t);
        }
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
            List<String> parts = new ArrayList<>();
            if (a.bookmark() && a.tags().isEmpty() && a.comment().isEmpty()) {
                parts.add("bookmarked");
            }
            if (!a.tags().isEmpty()) {
                parts.add("tags: " + String.join(", ", a.tags()));
            }
            if (!a.comment().isEmpty()) {
                io.sealtrail.index.Redaction r = export.job().redaction().profile();
                parts.add("“" + (r == null ? a.comment() : r.apply(a.comment(), new io.sealtrail.index.Redaction.Counts()))
                        + "”");
            }
            sb.append(String.join(" · ", parts)).append("  (journal #").append(a.journalSeq()).append(')');
        }
        annotationLabel.setText(sb.toString());
        annotationLabel.setVisible(!mine.isEmpty());
        annotationLabel.setManaged(!mine.isEmpty());
    }
}
