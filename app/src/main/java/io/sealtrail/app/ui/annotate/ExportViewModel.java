package io.sealtrail.app.ui.annotate;

import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.ImportRecord;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;

/**
 * Exports from the workbench: every result of a search as CSV or JSONL (no cap, streamed page by page), and
 * the C2SP tlog-proof of one event. A file is written next to its target and moved into place only when
 * complete, so a failed or cancelled export leaves nothing half-written; the evidence is only read.
 */
public final class ExportViewModel {
    /** How often (in events) the progress count is passed to the FX thread. */
    private static final long PROGRESS_EVERY = 5_000;

    private final Executor background;
    private final Executor fxThread;
    private final SimpleBooleanProperty running = new SimpleBooleanProperty();
    private final SimpleLongProperty done = new SimpleLongProperty();
    private final SimpleStringProperty message = new SimpleStringProperty("");
    private final SimpleStringProperty error = new SimpleStringProperty("");
    private volatile AtomicBoolean cancel = new AtomicBoolean();

    public ExportViewModel(Executor background, Executor fxThread) {
        this.background = background;
        this.fxThread = fxThread;
    }

    /** Streams every hit of the query into {@code target}; one export at a time. */
    public void exportResults(EventSearch index, String query, Instant from, Instant to, HitFormat format, Path target) {
        if (running.get() || index == null) {
            return;
        }
        AtomicBoolean stop = start();
        AtomicLong count = new AtomicLong();
        background.execute(() -> {
            try {
                AtomicFiles.<IndexException>write(target, AtomicFiles.Existing.REPLACE, out -> {
                    try (PrintWriter w = new PrintWriter(new BufferedWriter(new OutputStreamWriter(
                            out, StandardCharsets.UTF_8), 1 << 16))) {
                        format.header(w);
                        index.export(query, from, to, h -> {
                            if (stop.get()) {
                                throw new CancelledException();
                            }
                            format.print(h, w);
                            long n = count.incrementAndGet();
                            if (n % PROGRESS_EVERY == 0) {
                                fxThread.execute(() -> done.set(n));
                            }
                        });
                        if (w.checkError()) {
                            throw new IOException("writing " + target + " failed (disk full?)");
                        }
                    }
                });
                finish(String.format("Exported %,d events to %s", count.get(), target), "");
            } catch (CancelledException e) {
                finish("Export cancelled after " + String.format("%,d", count.get()) + " events; nothing was written", "");
            } catch (Exception e) {
                finish("", "The export failed: " + e.getMessage());
            }
        });
    }

    /** Writes the event's tlog-proof (its inclusion in the smallest signed checkpoint covering it) to {@code target}. */
    public void exportProof(CaseFolder c, Hit h, Path target) {
        if (running.get() || c == null || h == null) {
            return;
        }
        start();
        background.execute(() -> {
            try {
                ImportRecord r = c.bundles().stream().filter(b -> b.bundleId().equals(h.bundleId())).findFirst()
                        .orElseThrow(() -> new IOException("bundle " + h.bundleId() + " is not in the case"));
                EventProofs.ExportedProof p = EventProofs.export(r.evidence(c.bundleDir(r.bundleId())), h.seq());
                AtomicFiles.write(target, AtomicFiles.Existing.REPLACE, p.proof().encode());
                finish("Wrote the proof of " + h.bundleId() + ":" + h.seq() + " (checkpoint " + p.checkpointFile()
                        + ") to " + target + "; check it with: sealtrail proof verify " + target.getFileName()
                        + " --vkey LOG.vkey", "");
            } catch (Exception e) {
                finish("", "The proof could not be exported: " + e.getMessage());
            }
        });
    }

    /** Stops the running export at the next event; its partial file is removed. */
    public void cancel() {
        cancel.set(true);
    }

    private AtomicBoolean start() {
        cancel = new AtomicBoolean();
        running.set(true);
        done.set(0);
        message.set("");
        error.set("");
        return cancel;
    }

    private void finish(String msg, String err) {
        fxThread.execute(() -> {
            running.set(false);
            message.set(msg);
            error.set(err);
        });
    }

    private static final class CancelledException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CancelledException() {
            super(null, null, false, false);
        }
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    /** Events written so far by the running export (updated every few thousand). */
    public ReadOnlyLongProperty doneProperty() {
        return done;
    }

    /** What the last export did; empty while one runs or after a failure. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }
}
