package io.sealtrail.app.ui.shell;

import io.sealtrail.app.ui.annotate.AnnotationsViewModel;
import io.sealtrail.app.ui.annotate.ExportViewModel;
import io.sealtrail.app.ui.bundles.WorkbenchViewModel;
import io.sealtrail.app.ui.cases.ImportViewModel;
import io.sealtrail.app.ui.cases.RecentCases;
import io.sealtrail.app.ui.jobs.UiTasks;
import io.sealtrail.app.ui.report.ReportViewModel;
import io.sealtrail.app.ui.search.CaseViewModel;
import io.sealtrail.app.ui.search.ResultColumns;
import io.sealtrail.app.ui.search.SearchViewModel;
import io.sealtrail.app.ui.session.CaseSession;
import io.sealtrail.app.ui.timeline.TimelineViewModel;
import io.sealtrail.app.ui.trust.TrustViewModel;
import io.sealtrail.app.ui.zones.ZoneChoices;
import io.sealtrail.app.ui.zones.ZoneViewModel;
import io.sealtrail.verify.note.NoteSigner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The features of one workbench window, every one present, made and wired together in {@link #compose}: the
 * one place the app ({@code Workbench}) and the UI tests build a window's ViewModels, so both get the same
 * window. Each feature observes the window's {@link CaseSession}.
 */
public record WindowFeatures(UiTasks tasks, WorkbenchViewModel verification, CaseSession session, CaseViewModel cases,
                             SearchViewModel search, AnnotationsViewModel notes, ExportViewModel exports,
                             TimelineViewModel timeline, ImportViewModel imports, ReportViewModel reports,
                             RecentCases recent, ZoneViewModel zones, ResultColumns columns,
                             Callable<NoteSigner> auditor) {
    public WindowFeatures {
        List.of(tasks, verification, session, cases, search, notes, exports, timeline, imports, reports, recent, zones,
                        columns, auditor)
                .forEach(Objects::requireNonNull);
    }

    /**
     * What a window is made of besides its ViewModels.
     *
     * @param verification   the verification view's ViewModel (it holds the verifier and the trust)
     * @param verifyEvidence how a case's evidence copies reach the verification view once the case is open
     * @param auditor        the auditor's signing key, for the case journal and reports; called off the FX thread
     * @param casesFolder    where imports make new cases
     * @param configDir      where the recent-cases list and the reader's habits (zones, table columns) are kept
     * @param version        the version reports name
     */
    public record Services(Executor background, Executor fxThread, WorkbenchViewModel verification,
                           Consumer<List<Path>> verifyEvidence, Callable<NoteSigner> auditor, Path casesFolder,
                           Path configDir, String version) {
    }

    public static WindowFeatures compose(Services s) {
        Executor bg = s.background();
        Executor fx = s.fxThread();
        TrustViewModel trust = s.verification().trust();
        SearchViewModel search = new SearchViewModel(bg, fx);
        CaseSession session = new CaseSession(search);
        CaseViewModel cases = new CaseViewModel(session, search, s.verifyEvidence(), bg, fx);
        AnnotationsViewModel notes = new AnnotationsViewModel(bg, fx, s.auditor());
        notes.follow(session);
        ImportViewModel imports = new ImportViewModel(bg, fx, s.auditor(), trust::sessionKeys, trust::readStore,
                s.casesFolder(), cases::open, trust::readSeen, trust::remember);
        imports.keepCloudTrailKeysIn(s.configDir());
        ZoneViewModel zones = new ZoneViewModel(bg, fx, new ZoneChoices(s.configDir()), search.zoneProperty(),
                Clock.systemUTC(), ZoneId.systemDefault());
        zones.follow(session);
        ReportViewModel reports = new ReportViewModel(bg, fx, s.auditor(), trust::sessionKeys, trust::readStore,
                s.version(), new ZoneChoices(s.configDir()));
        ExportViewModel exports = new ExportViewModel(bg, fx, s.auditor());
        reports.redactLike(exports.redaction());
        return new WindowFeatures(new UiTasks(bg, fx), s.verification(), session, cases, search, notes,
                exports, new TimelineViewModel(session.scope(), bg, fx), imports, reports,
                new RecentCases(s.configDir()), zones, new ResultColumns(s.configDir(), bg), s.auditor());
    }
}
