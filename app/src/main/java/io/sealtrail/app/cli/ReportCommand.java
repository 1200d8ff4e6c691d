package io.sealtrail.app.cli;

import io.sealtrail.app.cli.SealtrailCommand.UserException;
import io.sealtrail.cases.AuditorKey;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.index.IndexException;
import io.sealtrail.report.ReportFile;
import io.sealtrail.report.ReportOptions;
import io.sealtrail.report.ReportVerifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write a PDF/A-3b evidence report of a case: provenance, completeness, field coverage, access",
                "summary, cited events with embedded proofs, and every query behind every figure. Prints the",
                "report's SHA-256 and records it in the case journal. 'report verify' re-checks a report's proofs."},
        subcommands = ReportCommand.Verify.class)
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    // Not picocli-required: picocli would then demand them for 'report verify' too.
    @Option(names = "--case", paramLabel = "DIR", description = "The case folder (required).")
    Path caseDir;

    @Mixin
    CaseSupport.TimeWindow window = new CaseSupport.TimeWindow();

    @Option(names = "--out", paramLabel = "PDF", description = "The report file (required); it must not exist yet.")
    Path out;

    @Option(names = "--title", paramLabel = "T", defaultValue = "Access review",
            description = "Engagement title (default: ${DEFAULT-VALUE}).")
    String title;

    @Option(names = "--auditor", paramLabel = "NAME", description = "Who prepares the report (default: your user name).")
    String auditor;

    @Option(names = "--query", paramLabel = "Q", defaultValue = "*",
            description = "Narrow every table to the events matching Q (default: all).")
    String query;

    @Option(names = "--trust", paramLabel = "VKEY|FILE", description = "A log key you trust, for this report. Repeatable.")
    List<String> trust = new ArrayList<>();

    @Option(names = "--no-trust-store", description = "Ignore your trust store.")
    boolean noTrustStore;

    @Override
    public Integer call() throws Exception {
        if (caseDir == null || out == null) {
            throw new UserException("say which case and where to write: sealtrail report --case DIR --out FILE.pdf");
        }
        if (Files.exists(out)) {
            throw new FileAlreadyExistsException(out.toString());
        }
        CaseSupport.CaseOption caseOption = new CaseSupport.CaseOption();
        caseOption.dir = caseDir;
        CaseFolder c = caseOption.open();
        String preparer = auditor != null ? auditor : System.getProperty("user.name", "auditor");
        ReportOptions options = ReportOptions.of(title, preparer, Instant.now(), Keys.trusted(trust, !noTrustStore))
                .withPeriod(window.from(), window.to()).withQuery(query).withVersion(SealtrailCommand.VERSION);
        ReportFile.Written w;
        try {
            w = ReportFile.write(c, options, out, AuditorKey.loadOrCreate(CliEnvironment.env()), () -> false);
        } catch (IndexException e) {
            throw new UserException(e.getMessage(), e);
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf("Wrote %s (%,d bytes, %d cited events)%n", out, w.size(), w.cited());
        o.println("SHA-256 " + w.sha256());
        o.printf("Recorded in the case journal as entry #%d%n", w.journalSeq());
        o.flush();
        return 0;
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check every proof a report embeds against the log keys given, without the bundles:",
                    "each cited event must be proven into a checkpoint signed by one of them.",
                    "Exit 0 when every proof holds, 1 when any does not, 2 when the file is not a readable report."})
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "PDF")
        Path pdf;

        @Option(names = "--vkey", required = true, paramLabel = "VKEY|FILE", description = "A log key you trust. Repeatable.")
        List<String> vkeys = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            if (!Files.isRegularFile(pdf)) {
                throw new UserException(pdf + ": no such file");
            }
            ReportVerifier.Result r;
            try {
                r = new ReportVerifier().verify(pdf, Keys.verifierKeys(vkeys));
            } catch (IOException e) {
                throw new UserException(pdf + ": not a readable PDF (" + e.getMessage() + ")", e);
            }
            PrintWriter o = spec.commandLine().getOut();
            for (ReportVerifier.ProofOutcome p : r.proofs()) {
                o.printf("%-4s %s%s%n", p.ok() ? "ok" : "FAIL", p.file(), p.ok() ? "" : ": " + String.join("; ", p.problems()));
            }
            r.problems().forEach(p -> o.println("FAIL " + p));
            long good = r.proofs().stream().filter(ReportVerifier.ProofOutcome::ok).count();
            o.printf("Verdict %s: %d of %d cited events proven%n", r.ok() ? "VERIFIED" : "FAILED", good, r.proofs().size());
            o.flush();
            return r.ok() ? SealtrailCommand.EXIT_VERIFIED : SealtrailCommand.EXIT_INTEGRITY;
        }
    }
}
