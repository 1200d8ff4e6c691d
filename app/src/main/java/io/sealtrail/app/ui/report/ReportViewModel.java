package io.sealtrail.app.ui.report;

import io.sealtrail.cases.CaseFolder;
import io.sealtrail.report.ReportFile;
import io.sealtrail.report.ReportOptions;
import io.sealtrail.report.ReportPreview;
import io.sealtrail.report.ReportTemplate;
import io.sealtrail.verify.note.NoteSigner;
import io.sealtrail.verify.note.VerifierKey;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The report dialog's state: writes a report of the open case exactly as {@code sealtrail report} does
 * ({@link ReportFile}: atomic, never over a file, journaled with its SHA-256), then renders its first pages
 * for a preview. The evidence is only read.
 */
public final class ReportViewModel {
    public static final int PREVIEW_PAGES = 2;
    private static final float PREVIEW_DPI = 60;

    private final Executor background;
    private final Executor fxThread;
    private final Callable<NoteSigner> auditorKey;
    private final Supplier<List<VerifierKey>> sessionKeys;
    private final Callable<List<VerifierKey>> storeKeys;
    private final String version;
    private final SimpleBooleanProperty running = new SimpleBooleanProperty();
    private final SimpleStringProperty message = new SimpleStringProperty("");
    private final SimpleStringProperty error = new SimpleStringProperty("");
    private final SimpleObjectProperty<ReportFile.Written> written = new SimpleObjectProperty<>();
    private final ObservableList<BufferedImage> preview = FXCollections.observableArrayList();
    private volatile AtomicBoolean cancel = new AtomicBoolean();

    public ReportViewModel(Executor background, Executor fxThread, Callable<NoteSigner> auditorKey,
                           Supplier<List<VerifierKey>> sessionKeys, Callable<List<VerifierKey>> storeKeys, String version) {
        this.background = background;
        this.fxThread = fxThread;
        this.auditorKey = auditorKey;
        this.sessionKeys = sessionKeys;
        this.storeKeys = storeKeys;
        this.version = version;
    }

    /** Writes the report to {@code target} (which must not exist) and shows its first pages. */
    public void generate(CaseFolder c, ReportTemplate template, String title, String preparer, String query,
                         Instant from, Instant to, Path target) {
        if (running.get() || c == null) {
            return;
        }
        AtomicBoolean stop = new AtomicBoolean();
        cancel = stop;
        running.set(true);
        message.set("Writing the report…");
        error.set("");
        written.set(null);
        preview.clear();
        List<VerifierKey> session = sessionKeys.get();
        background.execute(() -> {
            try {
                List<VerifierKey> keys = new ArrayList<>(session);
                keys.addAll(storeKeys.call());
                ReportOptions o = ReportOptions.of(title, preparer, Instant.now(), keys).withPeriod(from, to)
                        .withQuery(query).withVersion(version).withTemplate(template);
                ReportFile.Written w = ReportFile.write(c, o, target, auditorKey.call(), stop::get);
                List<BufferedImage> pages = ReportPreview.pages(w.file(), PREVIEW_PAGES, PREVIEW_DPI);
                fxThread.execute(() -> {
                    running.set(false);
                    written.set(w);
                    preview.setAll(pages);
                    message.set(String.format("Wrote %s (%,d bytes, %d cited events), journal entry #%d%nSHA-256 %s",
                            w.file(), w.size(), w.cited(), w.journalSeq(), w.sha256()));
                });
            } catch (CancellationException e) {
                fxThread.execute(() -> {
                    running.set(false);
                    message.set("Cancelled; no report was written");
                });
            } catch (Exception e) {
                String why = e instanceof java.nio.file.FileAlreadyExistsException ? target + " already exists"
                        : e.getMessage() == null ? e.toString() : e.getMessage();
                fxThread.execute(() -> {
                    running.set(false);
                    message.set("");
                    error.set("The report was not written: " + why);
                });
            }
        });
    }

    public void cancel() {
        cancel.set(true);
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    /** The report written last, null before one is. */
    public ReadOnlyObjectProperty<ReportFile.Written> writtenProperty() {
        return written;
    }

    /** Its first pages, for the preview. */
    public ObservableList<BufferedImage> preview() {
        return preview;
    }
}
