package io.sealtrail.app.ui.annotate;

import io.sealtrail.app.ui.jobs.JobState;
import io.sealtrail.app.ui.jobs.UiTasks;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.ImportRecord;
import io.sealtrail.index.EventQuery;
import io.sealtrail.index.EventSearch;
import io.sealtrail.index.Hit;
import io.sealtrail.index.HitFormat;
import io.sealtrail.index.IndexException;
import io.sealtrail.verify.io.AtomicFiles;
import io.sealtrail.verify.proof.EventProofs;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleLongProperty;

/**
 * Exports from the workbench: every result of a search as CSV or JSONL (no cap, streamed page by page), and
 * the C2SP tlog-proof of one event. A file is written next to its target and moved into place only when
 * complete, so a failed or cancelled export leaves nothing half-written; the evidence is only read.
 */
public final class ExportViewModel {
    /** How often (in events) the progress count is passed to the FX thread. */
    private static final long PROGRESS_EVERY = 5_000;

    private final UiTasks tasks;
    private final JobState job = new JobState();
    private final SimpleLongProperty done = new SimpleLongProperty();

    public ExportViewModel(Executor background, Executor fxThread) {
        this.tasks = new UiTasks(background, fxThread);
    }

    /** Streams every hit of the query into {@code target}; one export at a time. */
    public void exportResults(EventSearch index, EventQuery query, HitFormat format, Path target) {
        export(index, query, format::header, (h, w) -> format.print(h, index.standing(h), w), target);
    }

    /**
     * Streams every hit of the query into {@code target} as CSV of these columns (index field names, {@code raw} for
     * the raw record; see {@link io.sealtrail.index.HitFields}), a header row naming them first.
     */
    public void exportCsv(EventSearch index, EventQuery query, java.util.List<String> columns, Path target) {
        java.util.List<String> cols = java.util.List.copyOf(columns);
        export(index, query, w -> HitFormat.csvHeader(cols, w), (h, w) -> HitFormat.csvRow(h, index.standing(h), cols, w), target);
    }

    private void export(EventSearch index, EventQuery query, java.util.function.Consumer<PrintWriter> header,
                        java.util.function.BiConsumer<Hit, PrintWriter> print, Path target) {
        if (index == null) {
            return;
        }
        AtomicLong count = new AtomicLong();
        done.set(0);
        tasks.start(job, "", ctx -> {
            AtomicFiles.<IndexException>write(target, AtomicFiles.Existing.REPLACE, out -> {
                try (PrintWriter w = new PrintWriter(new BufferedWriter(new OutputStreamWriter(
                        out, StandardCharsets.UTF_8), 1 << 16))) {
                    header.accept(w);
                    index.export(query, h -> {
                        ctx.checkCancelled();
                        print.accept(h, w);
                        long n = count.incrementAndGet();
                        if (n % PROGRESS_EVERY == 0) {
                            ctx.onFxThread(() -> done.set(n));
                        }
                    });
                    if (w.checkError()) {
                        throw new IOException("writing " + target + " failed (disk full?)");
                    }
                }
            });
            return count.get();
        }, new UiTasks.Outcome<Long>() {
            @Override
            public String succeeded(Long n) {
                return String.format("Exported %,d events to %s", n, target);
            }

            @Override
            public String cancelled() {
                return "Export cancelled after " + String.format("%,d", count.get()) + " events; nothing was written";
            }

            @Override
            public String failed(String why) {
                return "The export failed: " + why;
            }
        });
    }

    /** Writes the event's tlog-proof (its inclusion in the smallest signed checkpoint covering it) to {@code target}. */
    public void exportProof(CaseFolder c, Hit h, Path target) {
        if (c == null || h == null) {
            return;
        }
        done.set(0);
        tasks.start(job, "", ctx -> {
            ImportRecord r = c.bundles().stream().filter(b -> b.bundleId().equals(h.bundleId())).findFirst()
                    .orElseThrow(() -> new IOException("bundle " + h.bundleId() + " is not in the case"));
            EventProofs.ExportedProof p = EventProofs.export(r.evidence(c.bundleDir(r.bundleId())), h.seq());
            AtomicFiles.write(target, AtomicFiles.Existing.REPLACE, p.proof().encode());
            return p;
        }, new UiTasks.Outcome<EventProofs.ExportedProof>() {
            @Override
            public String succeeded(EventProofs.ExportedProof p) {
                return "Wrote the proof of " + h.bundleId() + ":" + h.seq() + " (checkpoint " + p.checkpointFile()
                        + ") to " + target + "; check it with: sealtrail proof verify " + target.getFileName()
                        + " --vkey LOG.vkey";
            }

            @Override
            public String failed(String why) {
                return "The proof could not be exported: " + why;
            }
        });
    }

    /** Stops the running export at the next event; its partial file is removed. */
    public void cancel() {
        job.cancel();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return job.runningProperty();
    }

    /** Events written so far by the running export (updated every few thousand). */
    public ReadOnlyLongProperty doneProperty() {
        return done;
    }

    /** What the last export did; empty while one runs or after a failure. */
    public ReadOnlyStringProperty messageProperty() {
        return job.messageProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return job.errorProperty();
    }
}
