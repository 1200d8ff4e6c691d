package io.sealtrail.app.cli;

import io.sealtrail.app.cli.SealtrailCommand.UserException;
import io.sealtrail.model.Finding;
import io.sealtrail.model.Severity;
import io.sealtrail.verify.BundleVerifier;
import io.sealtrail.verify.VerificationReport;
import io.sealtrail.verify.VerificationReportJson;
import io.sealtrail.verify.VerifyOptions;
import io.sealtrail.verify.bundle.Manifest;
import io.sealtrail.verify.tsa.Pem;
import io.sealtrail.verify.tsa.TimestampFormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify a bundle, or another source by its own evidence, and list every finding.",
                "Verify a bundle (directory or zip), or another source by its own evidence (a CloudTrail tree by",
                "its digest chain; 'sealtrail formats'), completely, and list every finding.",
                "Exit codes: 0 verified (intact and signed by a trusted key), 1 integrity findings,"
                        + " 2 usage error or unreadable input, 3 intact but not signed by a key you trust,"
                        + " 4 a source that carries no integrity evidence."})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "BUNDLE", description = "The bundle: a directory or a .zip; or a source file or folder.")
    Path bundle;

    @Option(names = "--format", paramLabel = "NAME", description = "Read BUNDLE as this format instead of telling it from the content.")
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

    @Option(names = "--trust", paramLabel = "VKEY|FILE", description = "A log key you trust (C2SP verifier key, or a file of them). Repeatable; for this run only (see 'sealtrail trust add').")
    List<String> trust = new ArrayList<>();

    @Option(names = "--no-trust-store", description = {"Ignore the trust store; trust only --trust keys. The checkpoints",
            "you verified before are then neither compared nor remembered."})
    boolean noTrustStore;

    @Option(names = "--trust-tsa", paramLabel = "PEM", description = "A timestamp authority root certificate you trust. Repeatable.")
    List<Path> trustTsa = new ArrayList<>();

    @Option(names = "--previous", paramLabel = "PREV", description = "The previous export of the same log: prove continuity with it.")
    Path previous;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    @Option(names = "--threads", description = "Segments scanned at once (default: number of cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() throws Exception {
        io.sealtrail.sources.SourcePlan plan = io.sealtrail.sources.SourcePlan.of(bundle, format);
        if (plan.kind() != io.sealtrail.sources.SourcePlan.Kind.BUNDLE) {
            return verifySource(plan);
        }
        VerifyOptions options = new VerifyOptions(Keys.trusted(trust, !noTrustStore), tsaRoots(trustTsa), previous,
                threads, Keys.seen(!noTrustStore));
        VerificationReport r = new BundleVerifier().verify(bundle, options);
        Keys.remember(r, r.seenIn(bundle), !noTrustStore, spec.commandLine().getErr());
        if (json) {
            PrintWriter out = spec.commandLine().getOut();
            VerificationReportJson.write(r, out);
            out.flush();
        } else {
            print(r, spec.commandLine().getOut());
        }
        return r.verdict().exitCode();
    }

    /** A source by its own evidence, then every record read, so unreadable ones are findings too. */
    private int verifySource(io.sealtrail.sources.SourcePlan plan) throws Exception {
        long t0 = System.nanoTime();
        io.sealtrail.sources.SourceVerification v = io.sealtrail.sources.SourceCheck.evidence(bundle, plan,
                cloudTrailKeys() == null ? io.sealtrail.sources.cloudtrail.CloudTrailKeys.none()
                        : io.sealtrail.sources.cloudtrail.CloudTrailKeys.read(cloudTrailKeys()));
        io.sealtrail.sources.SourceCheck.Findings reading = new io.sealtrail.sources.SourceCheck.Findings();
        io.sealtrail.sources.SourceCheck.read(bundle, plan, new io.sealtrail.sources.ReadContext(null, null, null,
                reading::note), reading);
        v = reading.addTo(v);
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            o.println(new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(v));
        } else {
            o.println(SourceVerdictText.verdict(v));
            o.printf("Source    %s (%s): %,d records in %d file(s), %,d unreadable%n", bundle, plan.formatName(),
                    reading.records(), plan.parts().size(), reading.malformed());
            o.printf("Findings  %d error(s), %d warning(s), %d note(s)   [%.2f s]%n", v.count(Severity.ERROR),
                    v.count(Severity.WARNING), v.count(Severity.INFO), (System.nanoTime() - t0) / 1e9);
            if (!v.findings().isEmpty()) {
                o.println();
                for (Finding f : v.findings()) {
                    o.printf("%-7s %-34s %s: %s%n", f.severity(), f.code(), f.location(), f.message());
                }
            }
        }
        o.flush();
        return v.verdict().exitCode();
    }

    static List<X509Certificate> tsaRoots(List<Path> files) throws UserException {
        List<X509Certificate> roots = new ArrayList<>();
        for (Path p : files) {
            try {
                roots.addAll(Pem.readCertificates(Files.readAllBytes(p)));
            } catch (IOException | TimestampFormatException e) {
                throw new UserException(p + ": not a PEM certificate file (" + e.getMessage() + ")", e);
            }
        }
        return roots;
    }

    static void print(VerificationReport r, PrintWriter o) {
        Manifest m = r.manifest();
        o.println("Bundle    " + r.bundle());
        o.println("Verdict   " + verdictLine(r));
        if (m != null) {
            o.printf("Log       %s, leaves [%,d, %,d), %s to %s%n", m.origin(), m.start(), m.end(), m.timeFrom(),
                    m.timeTo());
            long stamped = r.checkpoints().stream().filter(c -> c.timestamp() != null).count();
            o.printf("Evidence  %,d events in %d segment(s), %.1f MB; %d checkpoint(s)%s%n", r.events(), r.segments(),
                    r.eventBytes() / 1e6, r.checkpoints().size(), stamped > 0 ? ", " + stamped + " timestamped" : "");
            for (VerificationReport.KeySummary k : r.keys()) {
                o.printf("Key       %s %s  %s%s%n", k.name(), k.fingerprint(),
                        k.trusted() ? "trusted" : "NOT trusted", k.signed() ? ", signed" : ", no valid signature");
            }
        }
        o.printf("Findings  %d error(s), %d warning(s), %d note(s)   [%.2f s]%n", r.count(Severity.ERROR),
                r.count(Severity.WARNING), r.count(Severity.INFO), r.elapsed().toNanos() / 1e9);
        if (!r.findings().isEmpty()) {
            o.println();
            for (Finding f : r.findings()) {
                o.printf("%-7s %-26s %s: %s%n", f.severity(), f.code(), f.location(), f.message());
            }
        }
        o.flush();
    }

    private static String verdictLine(VerificationReport r) {
        String signers = r.keys().stream().filter(k -> k.signed() && k.trusted())
                .map(k -> k.name() + " (" + k.fingerprint() + ")").collect(Collectors.joining(", "));
        return switch (r.verdict()) {
            case VERIFIED -> "VERIFIED: intact, complete, and signed by " + signers + ", a key you trust";
            case INTACT_UNTRUSTED -> "INTACT, NOT TRUSTED: no key you trust signed it (see the keys below)";
            case INTEGRITY_FAILURE -> "INTEGRITY FAILURE: " + r.failureSummary() + " (see the findings)";
            case NO_INTEGRITY_EVIDENCE -> "NO INTEGRITY EVIDENCE: " + io.sealtrail.model.Verdict.NO_EVIDENCE;
        };
    }
}
