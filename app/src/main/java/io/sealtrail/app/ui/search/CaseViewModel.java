package io.sealtrail.app.ui.search;

import io.sealtrail.app.ui.jobs.UiTasks;
import io.sealtrail.app.ui.session.CaseSession;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.CaseVerifier;
import io.sealtrail.cases.ImportRecord;
import io.sealtrail.index.EventQuery;
import io.sealtrail.index.EventSearch;
import io.sealtrail.index.IndexException;
import io.sealtrail.model.Finding;
import io.sealtrail.model.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * The open case: reads case.json and the import records, opens every bundle's index together for
 * {@link SearchViewModel}, and hands the evidence copies to the verification view. What is open is the
 * window's {@link CaseSession}, which the other features observe. Opening runs on the background executor;
 * only the newest open's result is applied (a latest-only {@link UiTasks} lane).
 */
public final class CaseViewModel {
    private static final System.Logger LOG = System.getLogger(CaseViewModel.class.getName());

    private final CaseSession session;
    private final SearchViewModel search;
    private final Consumer<List<Path>> verifyBundles;
    private final Executor background;
    private final Executor fxThread;
    private final UiTasks.Latest lane;
    private volatile Preload preload;

    /**
     * @param session       the window's session, which this fills in
     * @param search        the session's search ({@code session.scope()})
     * @param verifyBundles opens bundle files in the verification view (the evidence copies of the case)
     */
    public CaseViewModel(CaseSession session, SearchViewModel search, Consumer<List<Path>> verifyBundles,
                         Executor background, Executor fxThread) {
        if (session.scope() != search) {
            throw new IllegalArgumentException("the case's search must be the session's query scope");
        }
        this.session = session;
        this.search = search;
        this.verifyBundles = verifyBundles;
        this.background = background;
        this.fxThread = fxThread;
        this.lane = new UiTasks(background, fxThread).latest();
    }

    /** A case ViewModel with a session of its own (for tests of this class alone). */
    public CaseViewModel(SearchViewModel search, Consumer<List<Path>> verifyBundles, Executor background,
                         Executor fxThread) {
        this(new CaseSession(search), search, verifyBundles, background, fxThread);
    }

    /** What opening found: the case and, per bundle, its evidence copy and index folder. */
    record Opened(CaseFolder folder, List<Path> evidence, EventSearch index, String answersFrom, String fallback,
                  String damage, io.sealtrail.report.ReportSearch report) {
    }

    /**
     * Opening a case before the window exists: reads it and warms the index up with the first search on a
     * thread of its own, while the toolkit starts and the window is built. The next {@link #open} of the same
     * folder takes the result over; see {@link #usePreload}.
     */
    public static final class Preload {
        private final Path caseDir;
        private final java.util.concurrent.CompletableFuture<Opened> opened = new java.util.concurrent.CompletableFuture<>();

        private Preload(Path caseDir) {
            this.caseDir = caseDir;
        }

        /** @param query the first query the workbench will run (empty for every event) */
        public static Preload start(Path caseDir, String query) {
            Preload p = new Preload(caseDir);
            Thread t = new Thread(() -> {
                try {
                    Opened o = read(caseDir);
                    p.opened.complete(o);
                    warmUp(o.index(), query);
                } catch (IOException | IndexException | RuntimeException e) {
                    p.opened.completeExceptionally(e);
                }
            }, "sealtrail-case-preload");
            t.setDaemon(true);
            t.start();
            return p;
        }

        /**
         * Lucene reads its terms index, doc values and stored fields lazily, and the JIT compiles on use: the first
         * search pays for both. (Warming the facets and histogram too was measured: no better, within the noise,
         * and it competes with building the window.)
         */
        private static void warmUp(EventSearch ix, String query) {
            try {
                String q = query == null || query.isBlank() ? "*" : query;
                ix.search(EventQuery.of(q), SearchViewModel.PAGE_SIZE, null, false);
                ix.count(EventQuery.all());
            } catch (IndexException | RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "warming the case up failed; the search will say why", e);
            }
        }

        /** Waits for the case to be read; what it read, or why it could not be. */
        Opened take() throws IOException, IndexException {
            try {
                return opened.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while opening the case", e);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                if (e.getCause() instanceof IndexException ix) {
                    throw ix;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** The next {@link #open} of {@code p}'s folder uses what it read instead of reading the case again. */
    public void usePreload(Preload p) {
        this.preload = p;
    }

    /** Opens a case folder (one holding case.json); on success its name and bundles show, and search covers them all. */
    public void open(Path caseDir) {
        open(caseDir, null);
    }

    /**
     * Opens a case folder after an import that has something to say of where the case is searched (a cluster that did
     * not take its events): said in the engine's notice, before why the case answers from where it does.
     *
     * @param importNotice null when the import has nothing to say
     */
    public void open(Path caseDir, String importNotice) {
        session.opening();
        Preload p = preload;
        preload = null;
        // A newer open makes this one stale, but it still runs (join after invalidate, not run): what it opened
        // must be closed, and a preload it took over must be too.
        lane.invalidate();
        lane.join(ctx -> {
            if (p != null && !p.caseDir.equals(caseDir)) {
                p.opened.thenAccept(unused -> closeQuietly(unused.index()));
            }
            Opened o = p != null && p.caseDir.equals(caseDir) ? p.take() : read(caseDir);
            ctx.onFxThread(() -> {
                if (!ctx.current()) {
                    closeQuietly(o.index());
                    return;
                }
                EventSearch old = search.index();
                session.opened(o.folder(), o.answersFrom(), importNotice == null ? o.fallback()
                        : o.fallback() == null ? importNotice : importNotice + " " + o.fallback(), o.damage(), o.report());
                search.setIndex(o.index());
                // verifying the evidence copies takes both cores for a while: after the first rows show
                afterFirstResult(() -> {
                    verifyBundles.accept(o.evidence());
                    checkFiles(o.folder());
                });
                if (old != null) {
                    background.execute(() -> closeQuietly(old)); // after searches running on it finish
                }
            });
        }, failure -> session.failed("Cannot open the case " + caseDir + ": " + failure.message()));
    }

    /**
     * The window shows what the index says; `case verify`'s walk from the signed journal to every file (evidence,
     * index, records) says whether that is still what was imported. Run once the case shows, off the FX thread; a
     * difference joins the case's notice.
     */
    private void checkFiles(CaseFolder c) {
        try {
            background.execute(() -> checkFilesNow(c));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.log(System.Logger.Level.DEBUG, "the window is closing: the case's files are not checked", e);
        }
    }

    /** On the background executor: runs the check, then says a difference on the FX thread. */
    private void checkFilesNow(CaseFolder c) {
        String said;
        try {
            said = filesDamage(new CaseVerifier().verify(c, List.of()).findings());
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "checking the case's files failed", e);
            said = "The case's files could not be checked against what their imports recorded: " + e.getMessage();
        }
        String notice = said;
        fxThread.execute(() -> {
            if (session.caseProperty().get() == c && !notice.isEmpty()) {
                session.addDamage(notice);
            }
        });
    }

    /** What the window says of the file findings of `case verify`: empty when none is an error. */
    static String filesDamage(List<Finding> findings) {
        List<String> errors = findings.stream().filter(f -> f.severity() == Severity.ERROR)
                .map(f -> f.location() + ": " + f.message()).toList();
        if (errors.isEmpty()) {
            return "";
        }
        return "Files of this case differ from what their import recorded, so what the window shows may not be what"
                + " the evidence says ('sealtrail case verify' lists them all): " + errors.get(0)
                + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
    }

    private void afterFirstResult(Runnable r) {
        if (!search.busyProperty().get()) {
            r.run();
            return;
        }
        search.busyProperty().addListener(new javafx.beans.value.ChangeListener<Boolean>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (!now) {
                    search.busyProperty().removeListener(this);
                    r.run();
                }
            }
        });
    }

    static Opened read(Path caseDir) throws IOException, IndexException {
        CaseFolder c = CaseFolder.open(caseDir, Clock.systemUTC());
        // a damaged case opens with what can be read, and says what cannot (docs/case-format.md)
        CaseFolder.ReadableImports found = c.readableBundles();
        List<ImportRecord> imports = found.imports();
        if (imports.isEmpty() && found.problems().isEmpty()) {
            throw new IOException("the case has no imported bundles yet (sealtrail import … --case " + caseDir + ")");
        }
        List<Path> evidence = new ArrayList<>();
        for (ImportRecord r : imports) {
            // a source's shows the verdict its import recorded (WorkbenchViewModel)
            evidence.add(r.evidence(c.bundleDir(r.bundleId())));
        }
        List<String> journal = c.journal().verify(List.of()).findings().stream()
                .filter(f -> f.severity() == Severity.ERROR).map(f -> f.location() + ": " + f.message()).toList();
        // a case that lives in OpenSearch is searched there; when it cannot be, its local index answers, and says so
        // logging in as the last command given a login did (the case records how, never the secret)
        io.sealtrail.opensearch.ClusterLogin login = io.sealtrail.opensearch.ClusterLogin.read(caseDir)
                .orElse(io.sealtrail.opensearch.ClusterLogin.of(null, null, null, null));
        io.sealtrail.app.CaseEngine.Opened engine = io.sealtrail.app.CaseEngine.open(c, imports, login::connection, true);
        List<String> unsearchable = new ArrayList<>(found.problems());
        unsearchable.addAll(engine.unsearchable());
        // a report asks the cluster the window asks; the local index it opens whole for itself, as the window's
        // may leave out a damaged import, and a report must fail rather than quietly count without it
        return new Opened(c, evidence, engine.search(), engine.answersFrom(), engine.fallback(),
                damage(imports.size() + found.problems().size(), unsearchable, journal),
                engine.alias() == null ? null : engine.forReport());
    }

    /** What the window says of a damaged case: empty when nothing is. */
    static String damage(int imports, List<String> unsearchable, List<String> journalErrors) {
        List<String> lines = new ArrayList<>();
        if (!journalErrors.isEmpty()) {
            lines.add("This case's journal does not verify, so its record of what was imported and annotated cannot be"
                    + " relied on ('sealtrail case verify' says more): " + journalErrors.get(0)
                    + (journalErrors.size() > 1 ? " (and " + (journalErrors.size() - 1) + " more)" : ""));
        }
        if (!unsearchable.isEmpty()) {
            lines.add((unsearchable.size() >= imports
                    ? "This case cannot be searched: its search index is damaged or incomplete, so no events show."
                    : "Part of this case cannot be searched: " + unsearchable.size() + " of " + imports + " imports"
                    + " have a damaged or incomplete index or record, so their events are not in the results.")
                    + " The evidence is kept apart from the index and is verified as always (Verification tab);"
                    + " 'sealtrail case verify' lists the files that differ, and importing the evidence"
                    + " (bundles/*/evidence) into a new case makes a new index.");
            lines.addAll(unsearchable);
        }
        return String.join("\n", lines);
    }

    private static void closeQuietly(EventSearch s) {
        try {
            s.close();
        } catch (IndexException e) {
            LOG.log(System.Logger.Level.WARNING, "closing an index failed", e);
        }
    }

    /** The window's session this fills in. */
    public CaseSession session() {
        return session;
    }

    /** The case's name, empty while no case is open. */
    public ReadOnlyStringProperty nameProperty() {
        return session.nameProperty();
    }

    /** True from {@link #open} until the case shows or fails to open. */
    public ReadOnlyBooleanProperty openingProperty() {
        return session.openingProperty();
    }

    /** Why the last open failed, empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return session.errorProperty();
    }

    /** The open case, null while none is. */
    public ReadOnlyObjectProperty<CaseFolder> folderProperty() {
        return session.caseProperty();
    }

    public Path dir() {
        return session.dir();
    }
}
