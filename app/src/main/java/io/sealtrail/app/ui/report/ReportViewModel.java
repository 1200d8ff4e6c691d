package io.sealtrail.app.ui.report;

import io.sealtrail.app.ui.jobs.JobState;
import io.sealtrail.app.ui.jobs.UiTasks;
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
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
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

    private final UiTasks tasks;
    private final JobState job = new JobState();
    private final Callable<NoteSigner> auditorKey;
    private final Supplier<List<VerifierKey>> sessionKeys;
    private final Callable<List<VerifierKey>> storeKeys;
    private final String version;
    private final SimpleObjectProperty<ReportFile.Written> written = new SimpleObjectProperty<>();
    private final ObservableList<BufferedImage> preview = FXCollections.observableArrayList();

    public ReportViewModel(Executor background, Executor fxThread, Callable<NoteSigner> auditorKey,
                           Supplier<List<VerifierKey>> sessionKeys, Callable<List<VerifierKey>> storeKeys, String version) {
        this.tasks = new UiTasks(background, fxThread);
        this.auditorKey = auditorKey;
        this.sessionKeys = sessionKeys;
        this.storeKeys = storeKeys;
        this.version = version;
    }

    /** Writes the report to {@code target} (which must not exist) and shows its first pages. */
    public void generate(CaseFolder c, ReportTemplate template, String title, String preparer, String query,
                         Instant from, Instant to, Path target) {
        if (c == null || job.isRunning()) {
            return;
        }
        written.set(null);
        preview.clear();
        List<VerifierKey> session = sessionKeys.get();
        record Done(ReportFile.Written written, List<BufferedImage> pages) {
        }
        tasks.start(job, "Writing the report…", ctx -> {
            List<VerifierKey> keys = new ArrayList<>(session);
            keys.addAll(storeKeys.call());
            ReportOptions o = ReportOptions.of(title, preparer, Instant.now(), keys).withPeriod(from, to)
                    .withQuery(query).withVersion(version).withTemplate(template);
            ReportFile.Written w;
            try {
                w = ReportFile.write(c, o, target, auditorKey.call(), ctx::cancelled);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                throw new java.io.IOException(target + " already exists", e);
            }
            return new Done(w, ReportPreview.pages(w.file(), PREVIEW_PAGES, PREVIEW_DPI));
        }, new UiTasks.Outcome<Done>() {
            @Override
            public String succeeded(Done d) {
                ReportFile.Written w = d.written();
                written.set(w);
                preview.setAll(d.pages());
                return String.format("Wrote %s (%,d bytes, %d cited events), journal entry #%d%nSHA-256 %s",
                        w.file(), w.size(), w.cited(), w.journalSeq(), w.sha256());
            }

            @Override
            public String cancelled() {
                return "Cancelled; no report was written";
            }

            @Override
            public String failed(String why) {
                return "The report was not written: " + why;
            }
        });
    }

    public void cancel() {
        job.cancel();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return job.runningProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return job.messageProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return job.errorProperty();
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
