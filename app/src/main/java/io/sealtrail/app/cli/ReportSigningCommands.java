package io.sealtrail.app.cli;

import io.sealtrail.app.cli.SealtrailCommand.UserException;
import io.sealtrail.app.seal.SealException;
import io.sealtrail.app.seal.SourceSealer;
import io.sealtrail.model.Finding;
import io.sealtrail.report.ReportSigner;
import io.sealtrail.report.ReportVerifier;
import io.sealtrail.verify.bundle.Timestamping;
import io.sealtrail.verify.io.AtomicFiles;
import io.sealtrail.verify.pades.ReportSigningKey;
import io.sealtrail.verify.pades.SigningKeyException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The signing side of 'sealtrail report' (docs/reports.md): the key, signing a report, printing a signature's check. */
final class ReportSigningCommands {
    static final String KEY_FILE = "report-signing.pem";
    static final String CERT_FILE = "report-signing.crt";

    private ReportSigningCommands() {
    }

    @Command(name = "key", mixinStandardHelpOptions = true,
            description = {"Create an ECDSA P-256 key and a self-signed certificate for signing reports.",
                    "Writes DIR/" + KEY_FILE + " (the private key and the certificate, owner-only: pass it to",
                    "'sealtrail report --sign-key') and DIR/" + CERT_FILE + " (the certificate alone: hand it to whoever",
                    "checks your reports, 'sealtrail report verify --signer'). Never overwrites a key."})
    static final class Key implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write the key and certificate to.")
        Path dir;

        @Option(names = "--name", required = true, paramLabel = "NAME",
                description = "Who signs, as PDF readers will show it, e.g. \"Zoë Müller, Example Audit AG\".")
        String name;

        @Option(names = "--days", paramLabel = "N", defaultValue = "730",
                description = "How long the certificate is valid (default: ${DEFAULT-VALUE} days).")
        int days;

        @Override
        public Integer call() throws Exception {
            if (days < 1) {
                throw new UserException("--days must be at least 1");
            }
            Path keyFile = dir.resolve(KEY_FILE);
            if (Files.exists(keyFile)) {
                throw new UserException(keyFile + " already exists: a signing key is never replaced (choose another --out)");
            }
            // an hour early: a time-stamping authority whose clock is behind ours would otherwise date a report signed
            // right away before the certificate's start, and its B-T signature would fail as "not yet valid"
            Instant from = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
            ReportSigningKey key;
            try {
                key = ReportSigningKey.generate(name, from, from.plus(Duration.ofDays(days)), new SecureRandom());
            } catch (IllegalArgumentException e) {
                throw new UserException(e.getMessage(), e);
            }
            Files.createDirectories(dir);
            // owner-only from the start: AtomicFiles creates its temporary file with mode 0600
            AtomicFiles.write(keyFile, AtomicFiles.Existing.REFUSE, key.encode().getBytes(StandardCharsets.US_ASCII));
            AtomicFiles.write(dir.resolve(CERT_FILE), AtomicFiles.Existing.REPLACE,
                    key.certificatePem().getBytes(StandardCharsets.US_ASCII));
            PrintWriter o = spec.commandLine().getOut();
            o.println("Signing key  " + keyFile + " (private: keep it to yourself)");
            o.println("Certificate  " + dir.resolve(CERT_FILE));
            o.println("Subject      " + key.subject());
            o.println("SHA-256      " + key.fingerprint());
            o.println("Valid        " + key.certificate().getNotBefore().toInstant() + " to "
                    + key.certificate().getNotAfter().toInstant());
            o.flush();
            return SealtrailCommand.EXIT_VERIFIED;
        }
    }

    /** The signer for 'report --sign-key F [--tsa URL]', or null without --sign-key. */
    static ReportSigner signer(Path keyFile, URI tsa, List<Path> tsaChain) throws UserException {
        if (keyFile == null) {
            if (tsa != null) {
                throw new UserException("--tsa timestamps the report's signature: give the signing key with --sign-key");
            }
            return null;
        }
        ReportSigningKey key;
        try {
            key = ReportSigningKey.parse(Files.readString(keyFile, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UserException(keyFile + ": cannot read the signing key (" + e.getMessage() + ")", e);
        } catch (SigningKeyException e) {
            throw new UserException(keyFile + ": not a report signing key: " + e.getMessage()
                    + " (create one with 'sealtrail report key')", e);
        }
        if (!key.certificate().getNotAfter().toInstant().isAfter(Instant.now())) {
            throw new UserException(keyFile + ": its certificate expired on " + key.certificate().getNotAfter().toInstant()
                    + "; every reader would reject the signature (create a new key with 'sealtrail report key')");
        }
        Timestamping timestamping = null;
        if (tsa != null) {
            try {
                timestamping = SourceSealer.timestamping(tsa, VerifyCommand.tsaRoots(tsaChain));
            } catch (SealException e) {
                throw new UserException(e.getMessage(), e);
            }
        }
        return new ReportSigner(key, timestamping);
    }

    /** Each signature, its signer and level, then every finding about signing (or that the report is not signed). */
    static void print(ReportVerifier.Result r, PrintWriter o) {
        for (ReportVerifier.SignatureOutcome s : r.signatures()) {
            var c = s.check();
            String mark = s.ok() ? "SIGNED" : "FAIL";
            if (c == null || c.signer() == null) {
                o.printf("%-26s %s: no signer could be read%n", mark, s.label());
                continue;
            }
            StringBuilder line = new StringBuilder(s.label() + ": " + c.level() + " by " + c.signer() + ", certificate SHA-256 "
                    + c.fingerprint());
            if (c.timestamp() != null && c.timestamp().ok()) {
                line.append(", timestamped ").append(c.timestamp().genTime()).append(" by ").append(c.timestamp().tsaName());
            } else if (s.claimedTime() != null) {
                line.append(", signing time claimed ").append(s.claimedTime()).append(" (no timestamp)");
            }
            o.printf("%-26s %s%n", mark, line);
        }
        for (Finding f : r.signing()) {
            String mark = switch (f.severity()) {
                case ERROR -> "FAIL";
                case WARNING -> "WARNING";
                case INFO -> "not signed";
            };
            o.printf("%-26s %s %s%s%n", mark, f.code(), f.message(),
                    f.code() == io.sealtrail.model.FindingCode.REPORT_SIGNER_UNTRUSTED
                            ? " (give the certificate you expect with --signer)" : "");
        }
    }

    /** The certificates given with --signer, each a PEM file. */
    static List<java.security.cert.X509Certificate> certificates(List<Path> files) throws UserException {
        return new ArrayList<>(VerifyCommand.tsaRoots(files));
    }
}
