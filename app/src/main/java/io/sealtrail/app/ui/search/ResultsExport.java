package io.sealtrail.app.ui.search;

import io.sealtrail.app.ui.annotate.AnnotationsViewModel;
import io.sealtrail.app.ui.annotate.ExportViewModel;
import io.sealtrail.app.ui.dialogs.DialogService;
import io.sealtrail.app.ui.dialogs.DialogService.Filter;
import io.sealtrail.index.Hit;
import io.sealtrail.index.HitFormat;
import java.nio.file.Path;
import java.util.List;

/**
 * Saving from the Search view: every matching event (Ctrl+E, Export…) as CSV or JSONL, or one event's proof.
 * Asks where through the window's {@link DialogService}; the writing is {@link ExportViewModel}'s job.
 */
public final class ResultsExport {
    static final Filter CSV = Filter.of("CSV of the visible columns (spreadsheet)", "*.csv");
    static final Filter CSV_ALL = Filter.of("CSV of every field and the raw record (spreadsheet)", "*.csv");
    static final Filter JSONL = Filter.of("JSONL (the evidence lines, byte for byte)", "*.jsonl");
    static final Filter PROOF = Filter.of("C2SP tlog-proof", "*.tlog-proof");

    private final SearchViewModel vm;
    private final ExportViewModel exports;
    private final AnnotationsViewModel notes;
    private final DialogService dialogs;
    private final ResultColumns columns;

    public ResultsExport(SearchViewModel vm, ExportViewModel exports, AnnotationsViewModel notes, DialogService dialogs,
                         ResultColumns columns) {
        this.vm = vm;
        this.exports = exports;
        this.notes = notes;
        this.dialogs = dialogs;
        this.columns = columns;
    }

    public ExportViewModel job() {
        return exports;
    }

    /**
     * Every matching event, CSV or JSONL by the chosen file's extension (or, without one, the type chosen); a CSV has
     * the table's visible columns or, when that type is chosen, every field and the raw record.
     */
    public void exportResults() {
        if (exports.runningProperty().get() || vm.matchingProperty().get() < 1) {
            return;
        }
        String redacted = exports.redaction().on() ? ", redacted with profile " + exports.redaction().label() : "";
        dialogs.saveFile(String.format("Export %,d matching events%s", vm.matchingProperty().get(), redacted),
                Path.of("events.csv"), List.of(CSV, CSV_ALL, JSONL)).ifPresent(saved -> {
                    String name = saved.path().getFileName().toString();
                    boolean asJsonl = name.endsWith(".jsonl") || JSONL.equals(saved.filter()) && !name.endsWith(".csv");
                    if (asJsonl) {
                        exports.exportResults(notes.caseFolder(), vm.index(), vm.current(), HitFormat.JSONL, saved.path());
                    } else {
                        exports.exportCsv(notes.caseFolder(), vm.index(), vm.current(), CSV_ALL.equals(saved.filter())
                                ? HitFormat.ALL_FIELDS : csvColumns(columns.visible()), saved.path());
                    }
                });
    }

    /** The table's columns as CSV columns: a combined column becomes the fields it shows. */
    static List<String> csvColumns(List<String> visible) {
        List<String> out = new java.util.ArrayList<>();
        for (String c : visible) {
            switch (c) {
                case ResultColumns.WHERE -> out.addAll(List.of("bundle.id", "seq"));
                case ResultColumns.TARGET -> out.addAll(List.of("target.kind", "target.name"));
                case ResultColumns.COMMAND -> out.addAll(List.of("command", "query"));
                default -> out.add(c);
            }
        }
        return out.stream().distinct().toList();
    }

    /** The event's C2SP tlog-proof, which a third party checks with the log's key alone. */
    public void exportProof(Hit h) {
        if (h == null) {
            return;
        }
        dialogs.saveFile("Save the proof of event " + SearchText.shortId(h.bundleId()) + ":" + h.seq(),
                Path.of(h.bundleId() + "-" + h.seq() + ".tlog-proof"), List.of(PROOF))
                .ifPresent(saved -> exports.exportProof(notes.caseFolder(), h, saved.path()));
    }
}
