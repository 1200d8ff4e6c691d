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
import io.sealtrail.app.ui.redaction.RedactionChoice;
import io.sealtrail.index.Redaction;
import io.sealtrail.verify.io.AtomicFiles;
import io.sealtrail.verify.note.NoteSigner;
import io.sealtrail.verify.proof.EventProofs;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
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
    private final RedactionChoice redaction = new RedactionChoice();
    private final Callable<NoteSigner> auditor;

    /** Exports that cannot be redacted: without the auditor's key nothing records what a redaction blanked. */
    public ExportViewModel(Executor background, Executor fxThread) {
        this(background, fxThread, null);
    }

    /** @param auditor the auditor's key, for the journal entry of a redacted export; called off the FX thread */
    public ExportViewModel(Executor background, Executor fxThread, Callable<NoteSigner> auditor) {
        this.tasks = new UiTasks(background, fxThread);
        this.auditor = auditor;
    }

    /** Whether, and with which profile, what leaves the window is redacted (docs/redaction.md). */
    public RedactionChoice redaction() {
        return redaction;
    }

    /** Streams every hit of the query into {@code target}; one export at a time. */
    public void exportResults(EventSearch index, EventQuery query, HitFormat format, Path target) {
        exportResults(null, index, query, format, target);
    }

    /**
     * As above; when the window redacts ({@link #redaction()}), every hit is redacted as it is written and the
     * export is recorded in {@code c}'s journal ({@code export.redacted}: profile, SHA-256, counts, query, file).
     */
    public void exportResults(CaseFolder c, EventSearch index, EventQuery query, HitFormat format, Path target) {
        export(c, index, query, format.name().toLowerCase(java.util.Locale.ROOT), format::header,
                (h, w) -> format.print(h, index.standing(h), w), target);
    }

    /**
     * Streams every hit of the query into {@code target} as CSV of these columns (index field names, {@code raw} for
     * the raw record; see {@link io.sealtrail.index.HitFields}), a header row naming them first.
     */
    public void exportCsv(EventSearch index, EventQuery query, java.util.List<String> columns, Path target) {
        exportCsv(null, index, query, columns, target);
    }

    /** As above, redacted and journaled in {@code c} when the window redacts. */
    public void exportCsv(CaseFolder c, EventSearch index, EventQuery query, java.util.List<String> columns, Path target) {
        java.util.List<String> cols = java.util.List.copyOf(columns);
        export(c, index, query, "csv", w -> HitFormat.csvHeader(cols, w),
                (h, w) -> HitFormat.csvRow(h, index.standing(h), cols, w), target);
    }

    private void export(CaseFolder c, EventSearch index, EventQuery query, String format,
                        java.util.function.Consumer<PrintWriter> header,
                        java.util.function.BiConsumer<Hit, PrintWriter> print, Path target) {
        if (index == null) {
            return;
        }
        Redaction profile = redaction.profile();
        Redaction.Counts counts = new Redaction.Counts();
        AtomicLong count = new AtomicLong();
        done.set(0);
        tasks.start(job, "", ctx -> {
            NoteSigner key = null;
            if (profile != null) {
                if (c == null || auditor == null) {
                    throw new IOException("a redacted export needs the open case and the auditor's key to record it");
                }
                key = auditor.call();
                c.journal().requireHolder(key); // the record is part of the export: refuse before writing, not after
            }
            java.util.function.BiConsumer<Hit, PrintWriter> printed = profile == null ? print
                    : (h, w) -> print.accept(profile.apply(h, counts), w);
            AtomicFiles.<IndexException>write(target, AtomicFiles.Existing.REPLACE, out -> {
                try (PrintWriter w = new PrintWriter(new BufferedWriter(new OutputStreamWriter(
                        out, StandardCharsets.UTF_8), 1 << 16))) {
                    header.accept(w);
                    index.export(query, h -> {
                        ctx.checkCancelled();
                        printed.accept(h, w);
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
            if (profile != null) {
                RedactionChoice.record(c, key, profile, counts, java.util.Map.of("query", query.text(), "format", format,
                        "events", Long.toString(count.get()), "file", target.getFileName().toString()));
            }
            return count.get();
        }, new UiTasks.Outcome<Long>() {
            @Override
            public String succeeded(Long n) {
                return String.format("Exported %,d events to %s", n, target) + (profile == null ? ""
                        : String.format(", redacted with profile %s (%s); recorded in the case journal", profile.name(),
                        counts));
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

    /**
     * Records in {@code c}'s journal that a redacted copy of one event left the window (the detail pane's Copy): the
     * clipboard holds only what {@code profile} let through, and the journal says with which profile and what it
     * blanked, as for an export.
     */
    public void recordCopy(CaseFolder c, Hit h, Redaction profile, Redaction.Counts counts, String what) {
        if (c == null || h == null || profile == null || auditor == null) {
            return;
        }
        tasks.start(job, "", ctx -> RedactionChoice.record(c, auditor.call(), profile, counts, java.util.Map.of(
                "format", "clipboard", "what", what, "event", h.bundleId() + ":" + h.seq(), "events", "1")),
                new UiTasks.Outcome<io.sealtrail.cases.JournalEntry>() {
                    @Override
                    public String succeeded(io.sealtrail.cases.JournalEntry e) {
                        return "Copied " + what + " of " + h.bundleId() + ":" + h.seq() + ", redacted with profile "
                                + profile.name() + " (" + counts + "); journal entry #" + e.seq();
                    }

                    @Override
                    public String failed(String why) {
                        return "The redacted copy was not recorded in the case journal: " + why;
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
