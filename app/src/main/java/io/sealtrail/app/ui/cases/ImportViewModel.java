package io.sealtrail.app.ui.cases;

import io.sealtrail.app.ClusterTarget;
import io.sealtrail.app.ui.jobs.JobState;
import io.sealtrail.app.ui.jobs.UiTasks;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.CaseImporter;
import io.sealtrail.cases.SourceImporter;
import io.sealtrail.index.IndexTap;
import io.sealtrail.opensearch.ClusterLogin;
import io.sealtrail.verify.VerificationReport;
import io.sealtrail.verify.VerifyOptions;
import io.sealtrail.verify.trust.SeenCheckpoint;
import io.sealtrail.verify.note.NoteSigner;
import io.sealtrail.verify.note.VerifierKey;
import io.sealtrail.verify.trust.UserFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * Imports bundles from the workbench (a bundle given at start, or dropped on the window): into the open case,
 * or into a new case in the cases folder. The same {@link CaseImporter} as {@code sealtrail import}: the
 * bundle is copied, verified, indexed in a staging folder and moved into place, so a cancelled or failed
 * import leaves the case as it was. Progress and the outcome are properties for a dialog to show.
 */
public final class ImportViewModel {
    private final UiTasks tasks;
    private final JobState job = new JobState();
    private final Callable<NoteSigner> auditor;
    private final Supplier<List<VerifierKey>> sessionKeys;
    private final Callable<List<VerifierKey>> storeKeys;
    private final Path casesFolder;
    private final BiConsumer<Path, String> openCase;
    private final Callable<List<SeenCheckpoint>> seen;
    private final BiFunction<VerificationReport, String, String> remember;

    /**
     * @param sessionKeys the log keys trusted for this session; called on the FX thread
     * @param storeKeys   the log keys of the trust store; called off the FX thread (it reads a file)
     * @param casesFolder where a new case is made when none is open
     * @param openCase    opens a case folder in the workbench (after a successful import)
     */
    public ImportViewModel(Executor background, Executor fxThread, Callable<NoteSigner> auditor,
                           Supplier<List<VerifierKey>> sessionKeys, Callable<List<VerifierKey>> storeKeys,
                           Path casesFolder, Consumer<Path> openCase) {
        this(background, fxThread, auditor, sessionKeys, storeKeys, casesFolder, (dir, notice) -> openCase.accept(dir),
                List::of, (r, s) -> null);
    }

    /**
     * @param openCase opens a case folder in the workbench, with what the window must say of where the case is
     *                 searched after this import (its events not sent to the cluster the case lives in), or null
     * @param seen     the checkpoints verified before (to catch a forked log); called off the FX thread
     * @param remember remembers what an import showed of its log, returns null or why it could not
     */
    public ImportViewModel(Executor background, Executor fxThread, Callable<NoteSigner> auditor,
                           Supplier<List<VerifierKey>> sessionKeys, Callable<List<VerifierKey>> storeKeys,
                           Path casesFolder, BiConsumer<Path, String> openCase, Callable<List<SeenCheckpoint>> seen,
                           BiFunction<VerificationReport, String, String> remember) {
        this.seen = seen;
        this.remember = remember;
        this.tasks = new UiTasks(background, fxThread);
        this.auditor = auditor;
        this.sessionKeys = sessionKeys;
        this.storeKeys = storeKeys;
        this.casesFolder = casesFolder;
        this.openCase = openCase;
    }

    /** The config folder that holds the CloudTrail keys the auditor trusts (CloudTrailKeyFile); null: none kept. */
    private volatile Path configDir;

    /** Keep and find the trusted CloudTrail keys in {@code dir} (the trust store's folder). */
    public void keepCloudTrailKeysIn(Path dir) {
        this.configDir = dir;
    }

    /** The trusted CloudTrail keys' file, read at each import; null when none are trusted. */
    Path cloudTrailKeys() {
        Path dir = configDir;
        return dir == null ? null : io.sealtrail.app.CloudTrailKeyFile.storedIn(dir).orElse(null);
    }

    /**
     * Trusts the CloudTrail keys in {@code file} (list-public-keys output) for the imports that follow.
     *
     * @throws java.io.IOException naming the file when it holds no such keys; nothing is stored then
     */
    public io.sealtrail.sources.cloudtrail.CloudTrailKeys trustCloudTrailKeys(Path file) throws java.io.IOException {
        if (configDir == null) {
            throw new java.io.IOException("no folder to keep the CloudTrail keys in");
        }
        return io.sealtrail.app.CloudTrailKeyFile.store(file, configDir);
    }

    /** Imports the bundles one after another into {@code caseDir} (null: a new case named after the first bundle). */
    public void importBundles(Path caseDir, List<Path> bundles) {
        if (job.isRunning() || bundles.isEmpty()) {
            return;
        }
        List<VerifierKey> session = sessionKeys.get();
        Run run = new Run();
        tasks.start(job, "", ctx -> {
            ctx.progress("Starting…", -1);
            NoteSigner signer = auditor.call();
            List<VerifierKey> keys = new java.util.ArrayList<>(session);
            keys.addAll(storeKeys.call());
            VerifyOptions options = new VerifyOptions(keys, List.of(), null,
                    Runtime.getRuntime().availableProcessors(), seen.call());
            run.target = caseDir != null ? caseDir : freshCaseDir(bundles.get(0));
            boolean fresh = caseDir == null;
            try {
                CaseFolder c = CaseFolder.openOrCreate(run.target, Clock.systemUTC(), signer);
                // a case that lives in OpenSearch stays there: what is imported into it is sent there too
                try (ClusterTarget cluster = fresh ? null : home(c)) {
                    for (Path b : bundles) {
                        importOne(c, b, bundles.size(), options, signer, cluster, ctx, run);
                    }
                }
            } catch (Exception | Error e) {
                if (fresh && run.done == 0) {
                    removeUnusedCase(run.target); // a failed first import leaves no empty case behind
                }
                throw e;
            }
            return run.target;
        }, new UiTasks.Outcome<Path>() {
            @Override
            public String succeeded(Path opened) {
                openCase.accept(opened, run.notice());
                return run.outcome.toString().strip();
            }

            @Override
            public String cancelled() {
                if (run.done > 0) {
                    openCase.accept(run.target, run.notice());
                }
                return "Import cancelled" + (run.done == 0 ? "; the case is as it was before"
                        : " after " + run.done + " bundle(s); the one in progress was not added");
            }

            @Override
            public String failed(String why) {
                if (run.done > 0) {
                    openCase.accept(run.target, run.notice());
                }
                // what is left matters as much as what went wrong: the person must not go looking for a case
                return "The import failed: " + why + (run.done > 0
                        ? " (the " + run.done + " bundle(s) before it are in the case)"
                        : caseDir == null ? ". No case was made." : ". The case is as it was.");
            }
        });
    }

    /** Imports one bundle or source into {@code c}, sending its events to {@code cluster} too when there is one. */
    private void importOne(CaseFolder c, Path b, int of, VerifyOptions options, NoteSigner signer,
                           ClusterTarget cluster, UiTasks.Context ctx, Run run) throws Exception {
        String name = b.getFileName() + (of > 1 ? " (" + (run.done + 1) + " of " + of + ")" : "");
        CaseImporter.Progress progress = (p, n, total) -> ctx.progress(capitalised(p) + " " + name,
                total <= 0 ? -1 : Math.min(1.0, (double) n / total));
        if (isSource(b)) {
            // another format (docs/sources.md): the same all-or-nothing import, its own evidence rules
            SourceImporter.Options o = new SourceImporter.Options(null, cloudTrailKeys(), null, null, null);
            ClusterTarget.Outcome<SourceImporter.Result> out = send(cluster, c, signer, r -> r.record().bundleId(),
                    tap -> finishing(cluster, name, ctx, new SourceImporter().importSource(c, b, o, signer, progress,
                            ctx::cancelled, tap)));
            SourceImporter.Result r = out.imported();
            run.done++;
            run.outcome.append(String.format("%s (%s): %,d events, %s%s (imported in %.1f s)%n",
                    b.getFileName(), r.record().format(), r.record().events(), r.verification().verdict(),
                    r.malformed() > 0 ? String.format(", %,d unreadable", r.malformed()) : "",
                    r.phases().total().toMillis() / 1000.0));
            run.said(cluster, b, out);
            return;
        }
        ClusterTarget.Outcome<CaseImporter.Result> out = send(cluster, c, signer, r -> r.record().bundleId(),
                tap -> finishing(cluster, name, ctx, new CaseImporter().importBundle(c, b, options, signer, progress,
                        ctx::cancelled, tap)));
        CaseImporter.Result r = out.imported();
        String lost = remember.apply(r.report(), r.report().seenIn(b) + ", imported into case " + c.name());
        if (lost != null) {
            run.outcome.append(lost).append('\n');
        }
        run.done++;
        run.outcome.append(String.format("%s: %,d events, %s (imported in %.1f s)%n", b.getFileName(),
                r.record().events(), r.report().verdict(), r.phases().total().toMillis() / 1000.0));
        run.said(cluster, b, out);
    }

    /** The cluster {@code c} lives in, logging in as the case recorded; null when it lives on this laptop only. */
    private static ClusterTarget home(CaseFolder c) throws java.io.IOException {
        ClusterLogin login = ClusterLogin.read(c.dir()).orElse(ClusterLogin.of(null, null, null, null));
        return ClusterTarget.home(c, login::connection).orElse(null);
    }

    /** Runs the import, sending its events to {@code cluster} when there is one. */
    private static <T> ClusterTarget.Outcome<T> send(ClusterTarget cluster, CaseFolder c, NoteSigner signer,
                                                     java.util.function.Function<T, String> idOf,
                                                     ClusterTarget.LocalImport<T> local) throws Exception {
        return cluster == null ? new ClusterTarget.Outcome<>(local.run(IndexTap.NONE), null, null, null)
                : cluster.importInto(c, signer, idOf, local);
    }

    /** The local import is done; what is left is the cluster's (its last requests, the count, the alias). */
    private static <T> T finishing(ClusterTarget cluster, String name, UiTasks.Context ctx, T imported) {
        if (cluster != null) {
            ctx.progress("Sending " + name + " to OpenSearch at " + cluster.url(), -1);
        }
        return imported;
    }

    /**
     * Whether {@code b} is read as a source rather than a bundle; a file that is neither is refused naming it,
     * its size and SHA-256, without the command line's advice (a window has no --format).
     */
    private static boolean isSource(Path b) throws java.io.IOException {
        try {
            return SourceImporter.isSource(b, SourceImporter.Options.DEFAULT);
        } catch (io.sealtrail.sources.SourcePlan.UnrecognizedException e) {
            throw new java.io.IOException(e.reason(), e);
        }
    }

    /** What one import job has done so far; written by the job, read by its outcome after it ended. */
    private static final class Run {
        volatile Path target;
        volatile int done;
        final StringBuffer outcome = new StringBuffer();
        /** What the cluster the case lives in did not take, and why; for the window's notice. */
        final StringBuffer notSent = new StringBuffer();

        /** Says where an import's events went, when the case lives in a cluster. */
        void said(ClusterTarget cluster, Path b, ClusterTarget.Outcome<?> out) {
            if (cluster == null) {
                return;
            }
            if (out.sent() != null) {
                outcome.append(String.format("  sent %,d events to OpenSearch at %s, where this case lives%n",
                        out.sent().events(), cluster.url()));
                return;
            }
            outcome.append("  not sent to OpenSearch at ").append(cluster.url()).append(": ").append(out.notSent())
                    .append(" (it is in the case; the case is now searched from its local index)\n");
            // the engine's notice that follows names the cluster and what the case answers from now
            notSent.append(notSent.length() == 0 ? "" : " ").append("OpenSearch did not take the events of ")
                    .append(b.getFileName()).append(": ").append(out.notSent()).append('.');
        }

        /** What the window says of this run's sending, or null when nothing went wrong there. */
        String notice() {
            return notSent.length() == 0 ? null : notSent.toString();
        }
    }

    /**
     * Removes a case this job made for bundles none of which could be imported: only a case whose journal
     * names no import (its creation only), so nothing an auditor did is ever deleted.
     */
    private static void removeUnusedCase(Path dir) {
        try {
            if (!Files.isDirectory(dir) || (CaseFolder.isCase(dir) && !CaseFolder.open(dir, Clock.systemUTC()).bundles()
                    .isEmpty())) {
                return;
            }
            try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (Exception e) {
            System.getLogger(ImportViewModel.class.getName()).log(System.Logger.Level.WARNING,
                    "the unused case " + dir + " could not be removed", e);
        }
    }

    /** {@code <cases folder>/<bundle name>}, or with -2, -3… when taken. */
    Path freshCaseDir(Path bundle) throws java.io.IOException {
        String base = bundle.getFileName().toString().replaceFirst("\\.(zip|sealtrail)$", "").replaceAll("[^\\p{L}\\p{N}._-]+", "-");
        Files.createDirectories(casesFolder);
        Path p = casesFolder.resolve(base);
        for (int i = 2; Files.exists(p); i++) {
            p = casesFolder.resolve(base + "-" + i);
        }
        return p;
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Stops the import at its next check; the case stays as it was before that bundle. */
    public void cancel() {
        job.cancel();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return job.runningProperty();
    }

    /** 0…1, or -1 while the share is not known. */
    public ReadOnlyDoubleProperty progressProperty() {
        return job.progressProperty();
    }

    /** "Verifying export-1.zip" and the like. */
    public ReadOnlyStringProperty phaseProperty() {
        return job.phaseProperty();
    }

    /** What the finished import did, a line per bundle. */
    public ReadOnlyStringProperty messageProperty() {
        return job.messageProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return job.errorProperty();
    }

    public Path casesFolder() {
        return casesFolder;
    }

    /**
     * Where new cases go: {@code cases} in the user's data folder ({@link UserFolders#data}): {@code $SEALTRAIL_HOME},
     * else on Linux {@code $XDG_DATA_HOME/sealtrail} or {@code ~/.local/share/sealtrail}.
     */
    public static Path defaultCasesFolder(Map<String, String> env) {
        return UserFolders.current(env).data().resolve("cases");
    }
}
