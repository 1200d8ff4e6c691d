package io.sealtrail.app.cli;

import io.sealtrail.app.ClusterTarget;
import io.sealtrail.app.cli.SealtrailCommand.UserException;
import io.sealtrail.cases.AuditorKey;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.CaseImporter;
import io.sealtrail.cases.ImportRecord;
import io.sealtrail.cases.SourceImporter;
import io.sealtrail.index.IndexException;
import io.sealtrail.opensearch.ClusterCases;
import io.sealtrail.opensearch.ClusterRecord;
import io.sealtrail.verify.VerifyOptions;
import io.sealtrail.verify.bundle.BundleFormatException;
import io.sealtrail.verify.note.NoteSigner;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "send", mixinStandardHelpOptions = true,
        description = {"Send a case's imports that are not in OpenSearch yet; the case is then searched there.",
                "Send to OpenSearch the imports of a case that are not there yet (imported without --opensearch, with",
                "--local-only, or while the cluster could not take them), after which a case whose every import is",
                "there is searched there (docs/opensearch.md). Each import's evidence copy is indexed again as its",
                "import did, in a staging folder of the case, its events sent as they are indexed; the events must",
                "come out exactly as the case's index holds them, or the import is not sent. Each sending is recorded",
                "in the signed case journal, as an import with --opensearch records it. Without --opensearch, the",
                "cluster the case was last sent to. Imports already there are not sent again.",
                "Exit code: 0 every import of the case is in the cluster, 5 some are not (each is named, with why)."})
final class CaseSendCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CaseSupport.CaseOption caseOption = new CaseSupport.CaseOption();

    @Mixin
    ClusterOptions cluster = new ClusterOptions();

    @Option(names = "--no-trust-store", description = "Ignore the CloudTrail keys stored with 'sealtrail trust cloudtrail-keys'.")
    boolean noTrustStore;

    @Option(names = "--cloudtrail-keys", paramLabel = "FILE",
            description = "The CloudTrail keys the sources were imported with (default: those stored, unless --no-trust-store).")
    Path cloudTrailKeys;

    @Option(names = "--year", paramLabel = "YYYY", description = "The year a syslog source was imported with.")
    Integer year;

    @Option(names = "--zone", paramLabel = "ZONE", description = "The zone a syslog source was imported with.")
    java.time.ZoneId zone;

    @Option(names = "--mapping", paramLabel = "FILE", description = "The mapping a jsonl-mapped source was imported with.")
    Path mapping;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CaseFolder c = caseOption.open();
        NoteSigner auditor = AuditorKey.loadOrCreate(CliEnvironment.env());
        c.journal().requireHolder(auditor);
        c.removeIncompleteImports(); // what a crash left, as an import does: the replays stage in the case too
        List<ImportRecord> imports = c.bundles();
        if (imports.isEmpty()) {
            throw new UserException(c.dir() + ": the case holds no imports yet; import one with 'sealtrail import'");
        }
        Optional<ClusterCases.Home> last = ClusterCases.lastSent(c);
        if (cluster.url == null && last.isEmpty()) {
            throw new UserException("this case was never sent to OpenSearch: say where with --opensearch URL");
        }
        URI url = cluster.url != null ? cluster.url : last.get().url();
        boolean prefixGiven = spec.commandLine().getParseResult().hasMatchedOption("--index-prefix");
        String prefix = prefixGiven || last.isEmpty() || !last.get().url().equals(url) ? cluster.prefix
                : last.get().prefix();
        Set<String> there = new HashSet<>();
        for (ClusterRecord r : ClusterRecord.of(c)) {
            if (r.url().equals(url)) {
                there.add(r.bundleId());
            }
        }
        List<ImportRecord> todo = imports.stream().filter(i -> !there.contains(i.bundleId())).toList();
        if (todo.isEmpty()) {
            o.printf("Nothing to send: every import of this case (%d) is in OpenSearch at %s already%n", imports.size(),
                    url);
            o.flush();
            return 0;
        }
        // a bundle's events' integrity follows from its own evidence (which checkpoints its events reach), not from
        // whose keys are trusted: that is its verdict, recorded at its import and shown beside the events
        VerifyOptions bundles = new VerifyOptions(List.of(), List.of(), null, Runtime.getRuntime().availableProcessors());
        SourceImporter.Options sources = new SourceImporter.Options(null, cloudTrailKeys != null || noTrustStore
                ? cloudTrailKeys : io.sealtrail.app.CloudTrailKeyFile.stored(CliEnvironment.env()).orElse(null),
                year, zone, mapping);
        int notSent = 0;
        try (ClusterTarget target = new ClusterTarget(cluster.connection(url, c), prefix, false)) {
            target.connect(); // a login that cannot be used stops here, before any evidence is read
            for (ImportRecord r : todo) {
                String what = r.fileName() + " (" + r.bundleId() + ")";
                ClusterTarget.Outcome<ImportRecord> out;
                try {
                    out = target.resend(c, auditor, r, bundles, sources, progress(err));
                } catch (IOException | IndexException | BundleFormatException e) {
                    clearProgress(err);
                    notSent++;
                    err.println("sealtrail: " + e.getMessage() + "; " + what + " was not sent");
                    err.flush();
                    continue;
                }
                clearProgress(err);
                if (out.sent() == null) {
                    notSent++;
                    err.println("sealtrail: OpenSearch at " + url + ": " + out.notSent() + "; " + what
                            + " was not sent");
                    err.flush();
                    continue;
                }
                double seconds = out.took().toNanos() / 1e9;
                o.printf("Sent %s: %,d events to OpenSearch index %s at %s (%.1f s): %,.0f events/s%n", what,
                        out.sent().events(), out.sent().index(), url, seconds, out.sent().events() / seconds);
                o.flush();
            }
        }
        Optional<ClusterCases.Home> home = ClusterCases.home(c, c.bundles());
        if (home.isPresent()) {
            o.println("The case is searched in OpenSearch at " + home.get().url() + " from now on.");
        } else {
            o.println("The case is searched from its local index: not every import of it is in OpenSearch at " + url
                    + " (above).");
        }
        o.flush();
        return notSent > 0 ? ImportCommand.NOT_SENT : 0;
    }

    /** Where a person watches: the phase and its share, twice a second. */
    private static CaseImporter.Progress progress(PrintWriter err) {
        if (System.console() == null) {
            return CaseImporter.Progress.NONE;
        }
        AtomicLong last = new AtomicLong();
        return (phase, done, total) -> {
            long now = System.nanoTime();
            if (now - last.get() > 500_000_000L && total > 0) {
                last.set(now);
                err.printf("\r%-10s %3d%%", phase, Math.min(100, done * 100 / total));
                err.flush();
            }
        };
    }

    private static void clearProgress(PrintWriter err) {
        if (System.console() != null) {
            err.print("\r" + " ".repeat(20) + "\r");
            err.flush();
        }
    }
}
