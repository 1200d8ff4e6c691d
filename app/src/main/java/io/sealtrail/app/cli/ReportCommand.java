package io.sealtrail.app.cli;

import io.sealtrail.app.cli.SealtrailCommand.UserException;
import io.sealtrail.cases.AuditorKey;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.index.EventSearch;
import io.sealtrail.index.EventStanding;
import io.sealtrail.index.IndexException;
import io.sealtrail.report.BusinessHours;
import io.sealtrail.report.ReportFile;
import io.sealtrail.report.ReportOptions;
import io.sealtrail.report.ReportTemplate;
import io.sealtrail.report.ReportVerifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
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
        description = {"Write a PDF/A-3b evidence report of a case.",
                "Write a PDF/A-3b evidence report of a case: provenance, then per template completeness, field",
                "coverage and access summary (access-review), the selected events in time order (incident-timeline) or",
                "every verification finding (integrity); cited events with embedded proofs and every query behind every",
                "figure. Prints the report's SHA-256 and records it in the case journal. With --redact every text from the",
                "evidence is blanked as docs/redaction.md says and the proofs carry no event line. With --sign-key it is",
                "signed as PAdES (B-B; B-T with --tsa), which any PDF reader shows. 'report verify' re-checks a report's",
                "proofs and signature; 'report key' creates a signing key."},
        subcommands = {ReportCommand.Verify.class, ReportSigningCommands.Key.class})
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

    @Option(names = "--title", paramLabel = "T", description = "Engagement title (default: the template's name).")
    String title;

    @Option(names = "--auditor", paramLabel = "NAME", description = "Who prepares the report (default: your user name).")
    String auditor;

    @Option(names = "--query", paramLabel = "Q", defaultValue = "*",
            description = "Narrow every table to the events matching Q (default: all).")
    String query;

    @Option(names = "--template", paramLabel = "NAME", defaultValue = "access-review",
            description = "access-review (default), incident-timeline (the selected events in time order, their sessions)"
                    + " or integrity (every verification finding, checkpoints, continuity, gaps, altered events).")
    String template;

    @Option(names = "--retention", paramLabel = "PERIOD",
            description = "Assess retention coverage against a required period ending at --to (else at the case's last"
                    + " event): 12m, 90d, 1y.")
    String retention;

    @Option(names = "--business-hours", paramLabel = "HH:MM-HH:MM", defaultValue = "06:00-20:00",
            description = "Business hours on Monday to Friday; other times and weekends count as off-hours "
                    + "(default: ${DEFAULT-VALUE}).")
    String businessHours;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "Time zone the report writes times in (with the offset, UTC beside) and of the business hours,"
                    + " e.g. Europe/Zurich (default: ${DEFAULT-VALUE}).")
    String zone;

    @Option(names = "--timeline-cap", paramLabel = "N", defaultValue = "500",
            description = "Most events the incident timeline lists; the true count is always shown (default: ${DEFAULT-VALUE}).")
    int timelineCap;

    @Option(names = "--trust", paramLabel = "VKEY|FILE", description = "A log key you trust, for this report. Repeatable.")
    List<String> trust = new ArrayList<>();

    @Option(names = "--no-trust-store", description = "Ignore your trust store.")
    boolean noTrustStore;

    @Mixin
    RedactionOptions redactionOptions = new RedactionOptions();

    @Option(names = "--sign-key", paramLabel = "PEM",
            description = "Sign the report as PAdES with this key and certificate ('sealtrail report key' makes one).")
    Path signKey;

    @Option(names = "--tsa", paramLabel = "URL",
            description = "Timestamp the signature at this RFC 3161 authority (PAdES B-T); needs --sign-key.")
    java.net.URI tsa;

    @Option(names = "--tsa-chain", paramLabel = "PEM",
            description = "The authority's CA certificates, when its tokens do not carry them. Repeatable.")
    List<Path> tsaChain = new ArrayList<>();

    // a case sent to OpenSearch is reported from there, as the search commands answer from there
    @Mixin
    LoginOptions login = new LoginOptions();

    @Override
    public Integer call() throws Exception {
        if (caseDir == null || out == null) {
            throw new UserException("say which case and where to write: sealtrail report --case DIR --out FILE.pdf");
        }
        if (Files.exists(out)) {
            throw new FileAlreadyExistsException(out.toString());
        }
        ReportTemplate chosen;
        BusinessHours hours;
        Period period;
        try {
            chosen = ReportTemplate.byId(template);
            hours = BusinessHours.parse(businessHours, ZoneId.of(zone));
            period = retention == null ? null : ReportOptions.retention(retention);
            if (timelineCap < 1 || timelineCap > EventSearch.MAX_PAGE) {
                throw new IllegalArgumentException("--timeline-cap must be between 1 and " + EventSearch.MAX_PAGE);
            }
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new UserException(e.getMessage(), e);
        }
        io.sealtrail.index.Redaction redaction = redactionOptions.chosen();
        io.sealtrail.report.ReportSigner signer = ReportSigningCommands.signer(signKey, tsa, tsaChain);
        CaseFolder c = CaseSupport.openCase(caseDir);
        String preparer = auditor != null ? auditor : System.getProperty("user.name", "auditor");
        String engagement = title != null ? title : chosen.title();
        ReportOptions options = ReportOptions.of(engagement, preparer, Instant.now(), Keys.trusted(trust, !noTrustStore))
                .withPeriod(window.from(), window.to()).withQuery(query).withVersion(SealtrailCommand.VERSION)
                .withTemplate(chosen).withRetention(period).withHours(hours).withTimelineCap(timelineCap);
        ReportFile.Written w;
        io.sealtrail.app.CaseEngine.Opened engine = CaseSupport.engine(c, login);
        io.sealtrail.report.ReportSearch searched = engine.forReport();
        try (EventSearch search = searched.search()) {
            w = ReportFile.write(c, options, out, AuditorKey.loadOrCreate(CliEnvironment.env()), signer, redaction,
                    new io.sealtrail.report.ReportSearch(search, searched.answeredBy()), () -> false);
        } catch (IndexException e) {
            throw new UserException(e.getMessage(), e);
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf("Wrote %s (%,d bytes, %d cited events)%n", out, w.size(), w.cited());
        o.println("Searched and counted by " + searched.answeredBy());
        o.println("SHA-256 " + w.sha256());
        if (signer != null) {
            o.printf("Signed as %s by %s (certificate SHA-256 %s)%s%n", signer.timestamped() ? "PAdES B-T" : "PAdES B-B",
                    signer.key().subject(), signer.key().fingerprint(), signer.timestamped() ? ", timestamped by " + tsa : "");
        }
        if (w.redacted() != null) {
            o.printf("Redacted with profile %s (SHA-256 %s): %s; %d proof(s) carry no event line%n",
                    w.redacted().profile(), w.redacted().profileSha256(), w.redacted().counts(),
                    w.redacted().linesWithheld());
        }
        o.printf("Recorded in the case journal as entry #%d%n", w.journalSeq());
        o.flush();
        return 0;
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check every proof a report embeds against the log keys given, without the bundles.",
                    "Each cited event must be proven into a checkpoint signed by one of them. A signed report's",
                    "PAdES signature is checked too: the bytes it covers, nothing appended after it, the signer",
                    "(named with its certificate's SHA-256; compared with --signer) and its timestamp.",
                    "Exit 0: every proof holds under a key given and any signature holds; 1: a proof is broken (event",
                    "line, inclusion path, seq), a cited event has no proof, cited-events.csv disagrees with the proofs,",
                    "or the signature fails (changed or updated after signing, another signer than --signer, an expired",
                    "certificate, a bad timestamp); 3: every proof is intact but no key given signed its checkpoint;",
                    "2: not a readable PDF."})
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "PDF")
        Path pdf;

        @Option(names = "--vkey", required = true, paramLabel = "VKEY|FILE", description = "A log key you trust. Repeatable.")
        List<String> vkeys = new ArrayList<>();

        @Option(names = "--signer", paramLabel = "CERT",
                description = "The certificate (PEM) the report must be signed with, as 'report key' wrote it. Repeatable.")
        List<Path> signers = new ArrayList<>();

        @Option(names = "--trust-tsa", paramLabel = "PEM",
                description = "A timestamp authority root certificate you trust, for the signature's timestamp. Repeatable.")
        List<Path> trustTsa = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            if (!Files.isRegularFile(pdf)) {
                throw new UserException(pdf + ": no such file");
            }
            ReportVerifier.Result r;
            try {
                r = new ReportVerifier().verify(pdf, Keys.verifierKeys(vkeys), ReportSigningCommands.certificates(signers),
                        VerifyCommand.tsaRoots(trustTsa), Instant.now());
            } catch (IOException e) {
                throw new UserException(pdf + ": not a readable PDF (" + e.getMessage() + ")", e);
            }
            PrintWriter o = spec.commandLine().getOut();
            for (ReportVerifier.ProofOutcome p : r.proofs()) {
                // the event's words are the workbench's (EventStanding); a proof that fails to check is FAIL
                String mark = switch (p.status()) {
                    case PROVEN -> EventStanding.PROVEN.label();
                    case UNTRUSTED -> EventStanding.PROVEN_UNTRUSTED.label();
                    case BROKEN -> "FAIL";
                    case NOT_PROVEN -> "no proof";
                };
                List<String> said = new ArrayList<>(p.ok() ? List.of() : p.problems());
                if (p.lineWithheld()) {
                    said.add("line withheld by redaction (the evidence holder checks it against the entry hash)");
                }
                o.printf("%-26s %s%s%n", mark, p.file(), said.isEmpty() ? "" : ": " + String.join("; ", said));
            }
            r.problems().forEach(p -> o.printf("%-26s %s%n", "FAIL", p));
            ReportSigningCommands.print(r, o);
            long good = r.proofs().stream().filter(ReportVerifier.ProofOutcome::ok).count();
            ReportVerifier.Verdict v = r.verdict();
            boolean signatureFails = r.signing().stream().anyMatch(f -> f.severity() == io.sealtrail.model.Severity.ERROR);
            o.printf("Verdict %s: %d of %d cited events proven%s; %s%n", v == ReportVerifier.Verdict.BROKEN ? "FAILED" : v.name(),
                    good, r.proofs().size(), v == ReportVerifier.Verdict.UNTRUSTED
                            ? " (the proofs are intact, but no key given signed their checkpoints)" : "",
                    !r.signed() ? (signatureFails ? "the signature was removed after signing" : "not signed")
                            : signatureFails ? "the signature FAILS" : "the signature holds");
            o.flush();
            return switch (v) {
                case VERIFIED -> SealtrailCommand.EXIT_VERIFIED;
                case BROKEN -> SealtrailCommand.EXIT_INTEGRITY;
                case UNTRUSTED -> SealtrailCommand.EXIT_UNTRUSTED;
            };
        }
    }
}
