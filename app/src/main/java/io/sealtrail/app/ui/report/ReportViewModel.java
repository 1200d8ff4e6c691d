package io.sealtrail.app.ui.report;

import io.sealtrail.app.ui.jobs.JobState;
import io.sealtrail.app.ui.jobs.UiTasks;
import io.sealtrail.app.ui.redaction.RedactionChoice;
import io.sealtrail.app.ui.session.QueryScope;
import io.sealtrail.app.ui.zones.ZoneChoices;
import io.sealtrail.app.ui.zones.ZoneViewModel;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.report.BusinessHours;
import io.sealtrail.report.ReportFile;
import io.sealtrail.report.ReportOptions;
import io.sealtrail.report.ReportPreview;
import io.sealtrail.report.ReportSearch;
import io.sealtrail.report.ReportTemplate;
import io.sealtrail.verify.note.NoteSigner;
import io.sealtrail.verify.note.VerifierKey;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
 * ({@link ReportFile}: atomic, never over a file, journaled with its SHA-256), with the same choices (query, period,
 * retention, business hours, zone), then renders its first pages for a preview. The evidence is only read.
 */
public final class ReportViewModel {
    public static final int PREVIEW_PAGES = 2;
    /** Sharp enough to read a preview page's text at the dialog's size (60 dpi was a grey blur). */
    static final float PREVIEW_DPI = 110;
    /** The CLI's default business hours ({@code sealtrail report --business-hours}). */
    public static final String DEFAULT_HOURS = "06:00-20:00";

    /**
     * What the report covers and how it writes times: a query and period (null: open), the required retention
     * (blank: not assessed; {@code 12m}, {@code 90d}, {@code 1y}), business hours ({@code HH:MM-HH:MM}, Monday to
     * Friday) and the zone of its times and business hours.
     */
    public record Choices(String query, Instant from, Instant to, String retention, String businessHours, ZoneId zone) {
    }

    private final UiTasks tasks;
    private final JobState job = new JobState();
    private final Callable<NoteSigner> auditorKey;
    private final Supplier<List<VerifierKey>> sessionKeys;
    private final Callable<List<VerifierKey>> storeKeys;
    private final String version;
    private final SimpleObjectProperty<ReportFile.Written> written = new SimpleObjectProperty<>();
    private final ObservableList<BufferedImage> preview = FXCollections.observableArrayList();
    private final SimpleObjectProperty<ZoneId> zone = new SimpleObjectProperty<>(ZoneOffset.UTC);
    private final ZoneViewModel zones;
    private final RedactionChoice redaction = new RedactionChoice();
    private RedactionChoice window = new RedactionChoice();

    /** @param zoneFiles where the zones chosen lately are kept: the report's zone picker lists them first */
    public ReportViewModel(Executor background, Executor fxThread, Callable<NoteSigner> auditorKey,
                           Supplier<List<VerifierKey>> sessionKeys, Callable<List<VerifierKey>> storeKeys, String version,
                           ZoneChoices zoneFiles) {
        this.tasks = new UiTasks(background, fxThread);
        this.auditorKey = auditorKey;
        this.sessionKeys = sessionKeys;
        this.storeKeys = storeKeys;
        this.version = version;
        this.zones = new ZoneViewModel(background, fxThread, zoneFiles, zone, Clock.systemUTC(), ZoneId.systemDefault());
    }

    /**
     * What the dialog starts with: the whole case (every event, no period), whatever the window's search shows, in
     * the zone the window shows the case in, the CLI's business hours, retention not assessed. A report on the last
     * search is one click away ({@link #fromSearch}), never the silent default.
     */
    public Choices startingChoices(QueryScope window) {
        ZoneId z = window.zoneProperty().get() == null ? ZoneOffset.UTC : window.zoneProperty().get();
        zone.set(z);
        redaction.use(this.window.profile()); // a window that redacts what leaves it redacts its reports too
        return new Choices("*", null, null, "", DEFAULT_HOURS, z);
    }

    /** The window's search as it is now: its query with chips and its time filter. */
    public Choices fromSearch(QueryScope window, Choices now) {
        return new Choices(window.effectiveQuery(), window.fromProperty().get(), window.toProperty().get(), now.retention(),
                now.businessHours(), now.zone());
    }

    /** The zone the report writes its times in; the dialog's zone picker ({@link #zones()}) sets it. */
    public SimpleObjectProperty<ZoneId> zoneProperty() {
        return zone;
    }

    /** The report's own zone picker state: choosing here changes the report's zone, not the window's. */
    public ZoneViewModel zones() {
        return zones;
    }

    /** The dialog starts with the window's redaction choice (its search bar's Redaction menu). */
    public void redactLike(RedactionChoice windowChoice) {
        this.window = windowChoice;
    }

    /** Whether the report is redacted, and with which profile ({@code sealtrail report --redact}). */
    public RedactionChoice redaction() {
        return redaction;
    }

    /**
     * The options {@code sealtrail report} would build from the same choices.
     *
     * @throws IllegalArgumentException when the retention or business hours cannot be read, in words for the dialog
     */
    public ReportOptions options(ReportTemplate template, String title, String preparer, Choices ch, List<VerifierKey> keys) {
        Period retention = ch.retention() == null || ch.retention().isBlank() ? null : ReportOptions.retention(ch.retention());
        BusinessHours hours = BusinessHours.parse(ch.businessHours() == null || ch.businessHours().isBlank() ? DEFAULT_HOURS
                : ch.businessHours().strip(), ch.zone());
        return ReportOptions.of(title, preparer, Instant.now(), keys).withPeriod(ch.from(), ch.to()).withQuery(ch.query())
                .withVersion(version).withTemplate(template).withRetention(retention).withHours(hours);
    }

    /**
     * Writes the report to {@code target} (which must not exist) and shows its first pages.
     *
     * @throws IllegalArgumentException when the retention or business hours cannot be read (nothing is started)
     */
    public void generate(CaseFolder c, ReportTemplate template, String title, String preparer, Choices choices, Path target) {
        generate(c, template, title, preparer, choices, target, ReportSigning.NONE);
    }

    /**
     * As above, redacted as {@link #redaction()} says and signed as {@code signing} says (PAdES B-B, B-T with a
     * time-stamping authority), as {@code sealtrail report --redact --sign-key --tsa} does.
     *
     * @throws IllegalArgumentException when a choice cannot be read or a timestamp is asked without a key
     */
    public void generate(CaseFolder c, ReportTemplate template, String title, String preparer, Choices choices, Path target,
                         ReportSigning signing) {
        generate(c, template, title, preparer, choices, target, signing, null);
    }

    /**
     * As above, searching and counting with {@code engine}: the window's search when it answers from the case's
     * cluster (the report then says so), or null for the case's local index, which the report opens for itself.
     */
    public void generate(CaseFolder c, ReportTemplate template, String title, String preparer, Choices choices, Path target,
                         ReportSigning signing, ReportSearch engine) {
        if (c == null || job.isRunning()) {
            return;
        }
        options(template, title, preparer, choices, List.of()); // a typo in the choices is said now, before anything runs
        signing.check();
        io.sealtrail.index.Redaction profile = redaction.profile();
        written.set(null);
        preview.clear();
        List<VerifierKey> session = sessionKeys.get();
        record Done(ReportFile.Written written, List<BufferedImage> pages, String signed) {
        }
        tasks.start(job, "Writing the report…", ctx -> {
            List<VerifierKey> keys = new ArrayList<>(session);
            keys.addAll(storeKeys.call());
            ReportOptions o = options(template, title, preparer, choices, keys);
            ReportFile.Written w;
            io.sealtrail.report.ReportSigner signer = signing.signer();
            try {
                w = ReportFile.write(c, o, target, auditorKey.call(), signer, profile, engine, ctx::cancelled);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                throw new java.io.IOException(target + " already exists", e);
            }
            return new Done(w, ReportPreview.pages(w.file(), PREVIEW_PAGES, PREVIEW_DPI), signer == null ? ""
                    : "; signed as " + (signer.timestamped() ? "PAdES B-T" : "PAdES B-B") + " by "
                    + signer.key().subject());
        }, new UiTasks.Outcome<Done>() {
            @Override
            public String succeeded(Done d) {
                ReportFile.Written w = d.written();
                written.set(w);
                preview.setAll(d.pages());
                return String.format("Wrote %s (%,d bytes, %d cited events), journal entry #%d%s%s%nSHA-256 %s",
                        w.file(), w.size(), w.cited(), w.journalSeq(), d.signed(), w.redacted() == null ? ""
                                : "; redacted with profile " + w.redacted().profile() + " (" + w.redacted().counts() + ")",
                        w.sha256());
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
