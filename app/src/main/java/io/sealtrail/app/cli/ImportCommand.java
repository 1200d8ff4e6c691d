package io.sealtrail.app.cli;

import io.sealtrail.cases.AuditorKey;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.CaseImporter;
import io.sealtrail.model.Severity;
import io.sealtrail.model.Verdict;
import io.sealtrail.verify.VerifyOptions;
import io.sealtrail.verify.note.NoteSigner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import bundles into a case (created if the folder holds none): copy, verify the copy,",
                "index it, and record it in the signed case journal. The originals are only read.",
                "Exit code as for verify: 0 all verified, 1 integrity findings, 2 unreadable, 3 intact but untrusted."})
final class ImportCommand implements Callable<Integer> {
    /**
     * The workbench's timing switch: with -Dsealtrail.timing=true the import also prints machine-readable timings on
     * stderr, for 'bench import'.
     */
    static final String TIMING_PROPERTY = io.sealtrail.app.AppInfo.TIMING_PROPERTY;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "BUNDLE", arity = "1..*")
    List<Path> bundles;

    @Option(names = "--case", required = true, paramLabel = "DIR")
    Path caseDir;

    @Option(names = "--trust", paramLabel = "VKEY|FILE", description = "A log key you trust, for this import. Repeatable.")
    List<String> trust = new ArrayList<>();

    @Option(names = "--no-trust-store", description = "Ignore your trust store and the checkpoints you verified before.")
    boolean noTrustStore;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        VerifyOptions options = new VerifyOptions(Keys.trusted(trust, !noTrustStore), List.of(), null,
                Runtime.getRuntime().availableProcessors(), Keys.seen(!noTrustStore));
        boolean fresh = !CaseFolder.isCase(caseDir);
        NoteSigner auditor = AuditorKey.loadOrCreate(CliEnvironment.env());
        CaseFolder c = CaseFolder.openOrCreate(caseDir, Clock.systemUTC(), auditor);
        if (fresh) {
            o.println("Created case " + c.name() + " (" + c.id() + ") in " + c.dir());
        }
        int exit = 0;
        boolean terminal = System.console() != null; // progress only where a person watches it
        for (Path b : bundles) {
            AtomicLong last = new AtomicLong();
            CaseImporter.Result r = new CaseImporter().importBundle(c, b, options, auditor, (phase, done, total) -> {
                long now = System.nanoTime();
                if (terminal && now - last.get() > 500_000_000L && total > 0) { // twice a second is enough
                    last.set(now);
                    err.printf("\r%-10s %3d%%", phase, Math.min(100, done * 100 / total));
                    err.flush();
                }
            }, () -> false);
            if (terminal) {
                err.print("\r" + " ".repeat(20) + "\r");
                err.flush();
            }
            Keys.remember(r.report(), r.report().seenIn(b) + ", imported into case " + c.name(),
                    !noTrustStore, err);
            Verdict v = r.report().verdict();
            o.printf("Imported %s as bundle %s: %,d events, %s (%d errors, %d warnings)%n", b, r.record().bundleId(),
                    r.record().events(), v, r.report().count(Severity.ERROR), r.report().count(Severity.WARNING));
            CaseImporter.Phases t = r.phases();
            double seconds = t.total().toNanos() / 1e9;
            o.printf("  %.1f s (copy %.1f s, verify %.1f s, index %.1f s, seal %.1f s): %,.0f events/s%n", seconds,
                    sec(t.copy()), sec(t.verify()), sec(t.index()), sec(t.seal()), r.record().events() / seconds);
            o.flush();
            if (Boolean.getBoolean(TIMING_PROPERTY)) {
                err.printf("timing: import events=%d copy_ms=%d verify_ms=%d index_ms=%d seal_ms=%d%n",
                        r.record().events(), t.copy().toMillis(), t.verify().toMillis(), t.index().toMillis(),
                        t.seal().toMillis());
            }
            exit = worse(exit, v.exitCode());
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

    private static double sec(java.time.Duration d) {
        return d.toNanos() / 1e9;
    }

    /** 1 outranks 3 outranks 0: one tampered bundle makes the import a failure. */
    static int worse(int a, int b) {
        int rank = Math.max(rank(a), rank(b));
        return rank == 2 ? 1 : rank == 1 ? 3 : 0;
    }

    private static int rank(int exit) {
        return exit == 1 ? 2 : exit == 3 ? 1 : 0;
    }
}
