package io.sealtrail.app.cli;

import io.sealtrail.cases.AuditorKey;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.CaseImporter;
import io.sealtrail.model.Severity;
import io.sealtrail.model.Verdict;
import io.sealtrail.verify.VerifyOptions;
import io.sealtrail.verify.note.NoteSigner;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import bundles and other sources into a case: copy, verify, index and record them.",
                "Import bundles and other sources (a CloudTrail tree, Kubernetes audit, Teleport, auditd, syslog:",
                "'sealtrail formats' lists them; the format is told from the content) into a case (created if the",
                "folder holds none): copy, verify the copy by its own evidence, index it, and record it with the SHA-256",
                "of every file in the signed case journal. The originals are only read.",
                "Exit code: 0 all verified, 1 integrity findings, 2 unreadable, 3 intact but untrusted,",
                "4 a source carries no integrity evidence, 5 verified but not sent to OpenSearch (--opensearch, or the",
                "cluster the case lives in).",
                "A case whose every import was sent to OpenSearch lives there: what is imported into it is sent there",
                "too (the recorded URL and login), unless --local-only."})
final class ImportCommand implements Callable<Integer> {
    /**
     * The workbench's timing switch: with -Dsealtrail.timing=true the import also prints machine-readable timings on
     * stderr, for 'bench import'.
     */
    static final String TIMING_PROPERTY = io.sealtrail.app.AppInfo.TIMING_PROPERTY;
    /** The exit code of an import whose bundles all verified but whose events OpenSearch did not take. */
    static final int NOT_SENT = 5;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SOURCE", arity = "1..*", description = "Bundles (zip or folder), source files or folders.")
    List<Path> bundles;

    @Option(names = "--format", paramLabel = "NAME",
            description = "Read every SOURCE as this format instead of telling it from the content ('sealtrail formats').")
    String format;

    @Option(names = "--cloudtrail-keys", paramLabel = "FILE",
            description = {"The saved output of 'aws cloudtrail list-public-keys': the keys you trust for CloudTrail digests",
                    "(default: those stored with 'sealtrail trust cloudtrail-keys', unless --no-trust-store)."})
    Path cloudTrailKeys;

    /** The CloudTrail keys for this run: given, else stored, else none. */
    private Path cloudTrailKeys() {
        return cloudTrailKeys != null || noTrustStore ? cloudTrailKeys
                : io.sealtrail.app.CloudTrailKeyFile.stored(CliEnvironment.env()).orElse(null);
    }

    @Option(names = "--year", paramLabel = "YYYY",
            description = "The year of timestamps that carry none (syslog); default: each file's modification year.")
    Integer year;

    @Option(names = "--zone", paramLabel = "ZONE",
            description = "The zone of timestamps that carry none (syslog), e.g. Europe/Berlin; default: UTC.")
    java.time.ZoneId zone;

    @Option(names = "--mapping", paramLabel = "FILE",
            description = "The mapping of a JSON Lines / CSV export nobody wrote a reader for (--format jsonl-mapped).")
    Path mapping;

    @Option(names = "--case", required = true, paramLabel = "DIR")
    Path caseDir;

    @Option(names = "--trust", paramLabel = "VKEY|FILE", description = "A log key you trust, for this import. Repeatable.")
    List<String> trust = new ArrayList<>();

    @Option(names = "--no-trust-store", description = "Ignore your trust store and the checkpoints you verified before.")
    boolean noTrustStore;

    @Mixin
    ClusterOptions cluster = new ClusterOptions();

    @Option(names = "--local-only",
            description = {"Import into the local index only, also into a case that lives in OpenSearch: the case is",
                    "then searched from its local index, until 'sealtrail case send' sends what is missing."})
    boolean localOnly;

    /** Bundles imported here whose events OpenSearch did not take. */
    private int notSent;
    /** The cluster the case lived in before this import, or null. */
    private java.net.URI home;

    /**
     * Where the events go besides the local index: the cluster named with --opensearch, else the one the case lives
     * in (unless --local-only), else nowhere (null).
     */
    private io.sealtrail.app.ClusterTarget target(CaseFolder c, boolean fresh) throws Exception {
        if (cluster.url != null) {
            io.sealtrail.app.ClusterTarget t = new io.sealtrail.app.ClusterTarget(cluster.connection(cluster.url, c),
                    cluster.prefix, false);
            if (!fresh) {
                refuseSplitting(c, t.url());
            }
            t.connect(); // a login that cannot be used stops the run before anything is imported
            return t;
        }
        if (fresh) {
            return null;
        }
        // logging in as the options say (then recorded in the case), else as the case recorded
        io.sealtrail.opensearch.ClusterLogin login = cluster.login.forCase(c);
        java.util.Optional<io.sealtrail.app.ClusterTarget> t;
        try {
            t = io.sealtrail.app.ClusterTarget.home(c, login::connection);
        } catch (java.io.IOException e) {
            throw new SealtrailCommand.UserException(c.dir() + ": " + e.getMessage(), e);
        }
        home = t.map(io.sealtrail.app.ClusterTarget::url).orElse(null);
        return localOnly ? null : t.orElse(null);
    }

    /**
     * One search never mixes clusters, so an import sent to another cluster than the one the case was sent to would
     * silently take the whole case back to its local index: the person says which cluster, or moves the case first.
     */
    private static void refuseSplitting(CaseFolder c, java.net.URI to) throws Exception {
        java.util.Optional<io.sealtrail.opensearch.ClusterCases.Home> lives;
        try {
            lives = io.sealtrail.opensearch.ClusterCases.home(c, c.bundles());
            if (lives.isEmpty()) {
                lives = io.sealtrail.opensearch.ClusterCases.lastSent(c); // partly sent: where it was going
            }
        } catch (java.io.IOException e) {
            throw new SealtrailCommand.UserException(c.dir() + ": " + e.getMessage(), e);
        }
        if (lives.isPresent() && !sameCluster(lives.get().url(), to)) {
            java.net.URI home = lives.get().url();
            throw new SealtrailCommand.UserException("this case was sent to OpenSearch at " + home + ", not to " + to
                    + ": importing into both would split it, and one search never mixes clusters; import with"
                    + " --opensearch " + home + " (or without --opensearch), or move the whole case first with"
                    + " 'sealtrail case send --case " + c.dir() + " --opensearch " + to + "'. Nothing was imported.");
        }
    }

    /** http://h:9200 and http://H:9200/ are one cluster. */
    private static boolean sameCluster(java.net.URI a, java.net.URI b) {
        java.util.function.Function<java.net.URI, String> key = u -> u.toString().toLowerCase(java.util.Locale.ROOT)
                .replaceAll("/+$", "");
        return key.apply(a).equals(key.apply(b));
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        VerifyOptions options = new VerifyOptions(Keys.trusted(trust, !noTrustStore), List.of(), null,
                Runtime.getRuntime().availableProcessors(), Keys.seen(!noTrustStore));
        if (localOnly && cluster.url != null) {
            throw new SealtrailCommand.UserException("--local-only imports into the local index only: give it or"
                    + " --opensearch, not both");
        }
        boolean fresh = !CaseFolder.isCase(caseDir);
        boolean existed = Files.exists(caseDir);
        NoteSigner auditor = AuditorKey.loadOrCreate(CliEnvironment.env());
        CaseFolder c = CaseFolder.openOrCreate(caseDir, Clock.systemUTC(), auditor);
        if (fresh) {
            o.println("Creating case " + c.name() + " (" + c.id() + ") in " + c.dir());
        }
        int exit = 0;
        boolean terminal = System.console() != null; // progress only where a person watches it
        io.sealtrail.cases.SourceImporter.Options sourceOptions = new io.sealtrail.cases.SourceImporter.Options(format,
                cloudTrailKeys(), year, zone, mapping);
        int imported = 0;
        List<String> kept = new ArrayList<>();
        try (io.sealtrail.app.ClusterTarget target = target(c, fresh)) {
            for (Path b : bundles) {
                exit = worse(exit, importOne(c, b, options, sourceOptions, auditor, terminal, target, o, err));
                kept.add(b.toString());
                imported++;
            }
        } finally {
            if (fresh && imported == 0 && !existed) {
                // nothing went in: the person is left with no empty case to wonder about (all or nothing)
                io.sealtrail.cases.CaseFiles.deleteTree(c.dir());
                err.println("sealtrail: nothing was imported, so no case was left in " + caseDir);
            }
        }
        if (localOnly && home != null && !kept.isEmpty()) {
            err.println("sealtrail: warning: this case lives in OpenSearch at " + home + "; --local-only kept "
                    + String.join(", ", kept) + " out of it, so the case is searched from its local index from now on, "
                    + io.sealtrail.app.CaseEngine.untilSent(c.dir()) + ".");
            err.flush();
        }
        if (exit == 0 && notSent > 0) {
            exit = NOT_SENT; // verified, but not where the person asked for the events
        }
        if (Boolean.getBoolean(TIMING_PROPERTY)) {
            err.printf("timing: process uptime_ms=%d cpu_ms=%d peak_rss_kb=%d%n",
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime(), ProcessStats.cpuMillis(),
                    ProcessStats.peakRssKb());
            err.flush();
        }
        o.flush();
        return exit;
    }

    private int importOne(CaseFolder c, Path b, VerifyOptions options, io.sealtrail.cases.SourceImporter.Options
            sourceOptions, NoteSigner auditor, boolean terminal, io.sealtrail.app.ClusterTarget target, PrintWriter o,
                          PrintWriter err) throws Exception {
        AtomicLong last = new AtomicLong();
        CaseImporter.Progress progress = (phase, done, total) -> {
            long now = System.nanoTime();
            if (terminal && now - last.get() > 500_000_000L && total > 0) { // twice a second is enough
                last.set(now);
                err.printf("\r%-10s %3d%%", phase, Math.min(100, done * 100 / total));
                err.flush();
            }
        };
        if (target == null) {
            return importLocally(c, b, options, sourceOptions, auditor, progress, terminal, io.sealtrail.index.IndexTap.NONE,
                    o, err).exit();
        }
        // the events go to OpenSearch while the import indexes them (one pass, docs/opensearch.md)
        io.sealtrail.app.ClusterTarget.Outcome<Imported> done = target.importInto(c, auditor, Imported::id,
                tap -> importLocally(c, b, options, sourceOptions, auditor, progress, terminal, tap, o, err));
        if (done.sent() == null) {
            notSent++;
            err.println("sealtrail: OpenSearch at " + target.url() + ": " + done.notSent() + " (" + b
                    + " stays imported in the case; its events were not sent" + (target.home()
                    ? ", so the case is searched from its local index from now on, " + io.sealtrail.app.CaseEngine
                    .untilSent(c.dir()) + ")" : ")"));
            err.flush();
            return done.imported().exit();
        }
        double seconds = done.took().toNanos() / 1e9;
        long events = done.sent().events();
        if (target.home()) {
            o.printf("  sent %,d events to OpenSearch at %s, where this case lives (index %s, %.1f s in all): %,.0f"
                    + " events/s%n", events, target.url(), done.sent().index(), seconds, events / seconds);
        } else {
            o.printf("  sent %,d events to OpenSearch index %s while importing (%.1f s in all): %,.0f events/s%n",
                    events, done.sent().index(), seconds, events / seconds);
        }
        o.flush();
        return done.imported().exit();
    }

    /** The bundle or source id an import gave, and its exit code. */
    private record Imported(String id, int exit) {
    }

    private Imported importLocally(CaseFolder c, Path b, VerifyOptions options,
                                   io.sealtrail.cases.SourceImporter.Options sourceOptions, NoteSigner auditor,
                                   CaseImporter.Progress progress, boolean terminal, io.sealtrail.index.IndexTap tap,
                                   PrintWriter o, PrintWriter err) throws Exception {
        if (io.sealtrail.cases.SourceImporter.isSource(b, sourceOptions)) {
            return importSource(c, b, sourceOptions, auditor, progress, terminal, tap, o, err);
        }
        CaseImporter.Result r = new CaseImporter().importBundle(c, b, options, auditor, progress, () -> false, tap);
        if (terminal) {
            err.print("\r" + " ".repeat(20) + "\r");
            err.flush();
        }
        Keys.remember(r.report(), r.report().seenIn(b) + ", imported into case " + c.name(),
                !noTrustStore, err);
        Verdict v = r.report().verdict();
        o.printf("Imported %s as bundle %s: %,d events, %s (%d errors, %d warnings)%n", b, r.record().bundleId(),
                r.record().events(), v, r.report().count(Severity.ERROR), r.report().count(Severity.WARNING));
        printTimes(o, err, r.phases(), r.record().events());
        return new Imported(r.record().bundleId(), v.exitCode());
    }

    private Imported importSource(CaseFolder c, Path b, io.sealtrail.cases.SourceImporter.Options options,
                                  NoteSigner auditor, CaseImporter.Progress progress, boolean terminal,
                                  io.sealtrail.index.IndexTap tap, PrintWriter o, PrintWriter err) throws Exception {
        io.sealtrail.cases.SourceImporter.Result r = new io.sealtrail.cases.SourceImporter().importSource(c, b, options,
                auditor, progress, () -> false, tap);
        if (terminal) {
            err.print("\r" + " ".repeat(20) + "\r");
            err.flush();
        }
        io.sealtrail.sources.SourceVerification v = r.verification();
        o.printf("Imported %s (%s) as %s: %,d events%s%n", b, r.record().format(), r.record().bundleId(),
                r.record().events(), r.malformed() > 0 ? String.format(", %,d of them unreadable", r.malformed()) : "");
        o.println("  " + SourceVerdictText.line(v));
        for (io.sealtrail.model.Finding f : v.findings()) {
            o.printf("  %-7s %-34s %s: %s%n", f.severity(), f.code(), f.location(), f.message());
        }
        printTimes(o, err, r.phases(), r.record().events());
        return new Imported(r.record().bundleId(), v.verdict().exitCode());
    }

    private static void printTimes(PrintWriter o, PrintWriter err, CaseImporter.Phases t, long events) {
        double seconds = t.total().toNanos() / 1e9;
        o.printf("  %.1f s (copy %.1f s, verify %.1f s, index %.1f s, seal %.1f s): %,.0f events/s%n", seconds,
                sec(t.copy()), sec(t.verify()), sec(t.index()), sec(t.seal()), events / seconds);
        o.flush();
        if (Boolean.getBoolean(TIMING_PROPERTY)) {
            err.printf("timing: import events=%d copy_ms=%d verify_ms=%d index_ms=%d seal_ms=%d%n",
                    events, t.copy().toMillis(), t.verify().toMillis(), t.index().toMillis(), t.seal().toMillis());
        }
    }

    private static double sec(java.time.Duration d) {
        return d.toNanos() / 1e9;
    }

    /**
     * 1 outranks 4 outranks 3 outranks 0: one tampered source makes the import a failure, and a source with no
     * evidence at all vouches for less than one whose signer is merely untrusted.
     */
    static int worse(int a, int b) {
        int rank = Math.max(rank(a), rank(b));
        return rank == 3 ? 1 : rank == 2 ? 4 : rank == 1 ? 3 : 0;
    }

    private static int rank(int exit) {
        return exit == 1 ? 3 : exit == 4 ? 2 : exit == 3 ? 1 : 0;
    }
}
