package io.sealtrail.app.cli;

import io.sealtrail.app.cli.SealtrailCommand.UserException;
import io.sealtrail.app.seal.SealException;
import io.sealtrail.app.seal.SourceSealer;
import io.sealtrail.sources.ReadContext;
import io.sealtrail.verify.bundle.Manifest;
import io.sealtrail.verify.bundle.Timestamping;
import io.sealtrail.verify.note.NoteSigner;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sealtrail seal}: parses, then hands over to {@link SourceSealer}. Exit codes: README, "seal". */
@Command(name = "seal", mixinStandardHelpOptions = true,
        description = {"Seal the records of any source Sealtrail reads (hoop.dev, CloudTrail, syslog, JSON Lines, ...)"
                + " into a signed bundle that 'sealtrail verify' checks: each record an event line, with its exact bytes.",
                "With --previous the bundle continues that export's log, and records it sealed already are skipped.",
                "Exit codes: 0 sealed, 1 the previous export does not verify, 2 bad input or nothing new,"
                        + " 5 key problem, 6 time-stamping authority failure."})
final class SealCommand implements Callable<Integer> {
    static final int EXIT_KEY = 5;
    static final int EXIT_TSA = 6;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SOURCE", arity = "1..*", description = "Source files or folders ('sealtrail formats').")
    List<Path> sources;

    @Option(names = "--key", required = true, paramLabel = "KEY",
            description = "The log's signing key (PRIVATE+KEY+... file, as 'gen' writes); its name is the log's origin.")
    Path key;

    @Option(names = "--out", required = true, paramLabel = "BUNDLE",
            description = "The bundle to write: X.zip or X.sealtrail for a zip, anything else for a folder. Never overwritten.")
    Path out;

    @Option(names = "--previous", paramLabel = "PREV_BUNDLE",
            description = "The log's previous export, which this one continues; its records are not sealed again.")
    Path previous;

    @Option(names = "--tsa", paramLabel = "URL",
            description = "Timestamp each checkpoint at this RFC 3161 authority (HTTP POST, application/timestamp-query).")
    URI tsa;

    @Option(names = "--tsa-chain", paramLabel = "PEM",
            description = "The authority's CA certificates, when its tokens do not carry them. Repeatable.")
    List<Path> tsaChain = new ArrayList<>();

    @Option(names = "--format", paramLabel = "NAME",
            description = "Read every SOURCE as this format instead of telling it from the content.")
    String format;

    @Option(names = "--year", paramLabel = "YYYY", description = "The year of timestamps that carry none (syslog).")
    Integer year;

    @Option(names = "--zone", paramLabel = "ZONE", description = "The zone of timestamps that carry none (syslog).")
    java.time.ZoneId zone;

    @Option(names = "--mapping", paramLabel = "FILE", description = "The mapping of a JSON Lines / CSV export.")
    Path mapping;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        NoteSigner signer;
        try {
            signer = Keys.signer(key);
        } catch (UserException e) {
            return fail(err, e.getMessage(), EXIT_KEY);
        }
        long t0 = System.nanoTime();
        try {
            Timestamping timestamping = null;
            if (tsa != null) {
                timestamping = SourceSealer.timestamping(tsa, VerifyCommand.tsaRoots(tsaChain));
            }
            ReadContext context = new ReadContext(year, zone, mapping, f -> err.println("note: " + f.message()));
            SourceSealer.Result r = new SourceSealer().seal(new SourceSealer.Request(sources, format, signer, out,
                    previous, timestamping, context), n -> { });
            Manifest m = r.manifest();
            double s = (System.nanoTime() - t0) / 1e9;
            o.printf("Sealed %s: %,d records of %s as leaves [%d, %d) of %s, %s to %s, in %.1f s%n", out, r.sealed(),
                    r.format(), m.start(), m.end(), m.origin(), m.timeFrom(), m.timeTo(), s);
            if (previous != null) {
                o.printf("Continues %s (bundle %s); skipped %,d records already sealed in %s%n", previous,
                        m.previousExport().map(Manifest.Previous::bundleId).orElse("?"), r.skipped(), previous);
            }
            if (timestamping != null) {
                o.printf("Checkpoints timestamped by %s%n", tsa);
            }
            o.printf("Signed by %s (%s)%n", signer.verifierKey().encode(), signer.verifierKey().fingerprint());
            o.flush();
            return 0;
        } catch (SealException e) {
            return fail(err, e.getMessage(), switch (e.kind()) {
                case BAD_INPUT -> SealtrailCommand.EXIT_USAGE;
                case PREVIOUS_BROKEN -> SealtrailCommand.EXIT_INTEGRITY;
                case KEY -> EXIT_KEY;
                case TSA -> EXIT_TSA;
            });
        }
    }

    private static int fail(PrintWriter err, String message, int code) {
        err.println("sealtrail: " + message);
        err.flush();
        return code;
    }
}
