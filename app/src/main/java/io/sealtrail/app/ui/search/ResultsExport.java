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
    static final Filter CSV = Filter.of("CSV (spreadsheet)", "*.csv");
    static final Filter JSONL = Filter.of("JSONL (the evidence lines, byte for byte)", "*.jsonl");
    static final Filter PROOF = Filter.of("C2SP tlog-proof", "*.tlog-proof");

    private final SearchViewModel vm;
    private final ExportViewModel exports;
    private final AnnotationsViewModel notes;
    private final DialogService dialogs;

    public ResultsExport(SearchViewModel vm, ExportViewModel exports, AnnotationsViewModel notes, DialogService dialogs) {
        this.vm = vm;
        this.exports = exports;
        this.notes = notes;
        this.dialogs = dialogs;
    }

    public ExportViewModel job() {
        return exports;
    }

    /** Every matching event, CSV or JSONL by the chosen file's extension (or, without one, the type chosen). */
    public void exportResults() {
        if (exports.runningProperty().get() || vm.matchingProperty().get() < 1) {
            return;
        }
        dialogs.saveFile(String.format("Export %,d matching events", vm.matchingProperty().get()), Path.of("events.csv"),
                List.of(CSV, JSONL)).ifPresent(saved -> {
                    String name = saved.path().getFileName().toString();
                    boolean asJsonl = name.endsWith(".jsonl") || JSONL.equals(saved.filter()) && !name.endsWith(".csv");
                    exports.exportResults(vm.index(), vm.current(), asJsonl ? HitFormat.JSONL : HitFormat.CSV, saved.path());
                });
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
