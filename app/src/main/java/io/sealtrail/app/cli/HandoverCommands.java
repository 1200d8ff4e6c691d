package io.sealtrail.app.cli;

import io.sealtrail.app.cli.SealtrailCommand.UserException;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.CaseHandover;
import io.sealtrail.verify.age.AgeFile;
import io.sealtrail.verify.age.AgeKeys;
import io.sealtrail.verify.io.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sealtrail case keygen | export | import}: a case handed over encrypted to its recipients (age, X25519), and
 * opened by them only after its journal and every file check out (docs/case-format.md, "Hand-over").
 */
final class HandoverCommands {
    /** Exit code: the file is not encrypted to the identity given. */
    static final int EXIT_NOT_FOR_THIS_KEY = 5;

    private HandoverCommands() {
    }

    @Command(name = "keygen", mixinStandardHelpOptions = true,
            description = {"Make a key to receive cases with: an age X25519 identity (as age-keygen writes).",
                    "The file is yours alone (owner-only); give others the age1... recipient it prints."})
    static final class Keygen implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The identity file to write. Never overwritten.")
        Path out;

        @Override
        public Integer call() throws IOException {
            AgeKeys.Identity id = AgeKeys.Identity.generate();
            String text = "# created by sealtrail case keygen\n# public key: " + id.recipient().encode() + "\n"
                    + id.encode() + "\n";
            AtomicFiles.write(out, AtomicFiles.Existing.REFUSE, text.getBytes(StandardCharsets.US_ASCII));
            try {
                Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                out.toFile().setReadable(false, false);
                out.toFile().setReadable(true, true);
            }
            PrintWriter o = spec.commandLine().getOut();
            o.println("Wrote " + out + " (keep it secret). Your recipient, for whoever sends you a case:");
            o.println(id.recipient().encode());
            o.flush();
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Write the whole case (evidence, index, journal, annotations) encrypted to its recipients.",
                    "An age file (age-encryption.org/v1): 'sealtrail case import' or the age tool opens it with a",
                    "recipient's identity. Tell the recipient the journal checkpoint printed here, by another channel."})
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        CaseSupport.CaseOption caseOption = new CaseSupport.CaseOption();

        @Option(names = "--to", required = true, paramLabel = "RECIPIENT",
                description = "An age1... recipient, or a file of them (one per line, # comments). Repeatable.")
        List<String> to = new ArrayList<>();

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write. Never overwritten.")
        Path out;

        @Override
        public Integer call() throws Exception {
            List<AgeKeys.Recipient> recipients = recipients(to);
            CaseFolder c = caseOption.open();
            long start = System.nanoTime();
            CaseHandover.Exported e = CaseHandover.export(c, recipients, out, Clock.systemUTC());
            PrintWriter o = spec.commandLine().getOut();
            o.printf("Exported case %s (%s): %,d files, %,d bytes, to %d recipient(s), in %.1f s%n", c.name(), c.id(),
                    e.files(), e.bytes(), recipients.size(), (System.nanoTime() - start) / 1e9);
            o.printf("Wrote    %s (SHA-256 %s)%n", out, e.sha256());
            o.println("Journal checkpoint (read it to the recipient; 'case import' prints the same):");
            e.checkpoint().lines().forEach(l -> o.println("  " + l));
            o.flush();
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Open a case handed over with 'case export', once its journal and every file check out.",
                    "Decrypt it with your identity, check its journal and re-hash every file, and only then make the",
                    "case appear.",
                    "Exit codes: 0 imported, its journal signed by an auditor you named; 3 imported and intact, but",
                    "signed by no auditor you named; 1 altered, cut short or not verifying (nothing imported);",
                    "5 not encrypted to your identity; 2 bad input."})
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The hand-over file.")
        Path file;

        @Option(names = "--identity", required = true, paramLabel = "FILE",
                description = "Your identity file (from 'case keygen' or age-keygen).")
        Path identity;

        @Option(names = "--case", required = true, paramLabel = "DIR", description = "The case folder to create.")
        Path dir;

        @Option(names = "--trust-auditor", paramLabel = "VKEY|FILE",
                description = "The sender's auditor key, which must have signed the journal. Repeatable.")
        List<String> auditors = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            List<AgeKeys.Identity> ids;
            try {
                ids = AgeKeys.Identity.parseFile(Files.readString(identity, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new UserException(identity + ": " + e.getMessage(), e);
            }
            PrintWriter o = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            CaseHandover.Imported r;
            try {
                r = CaseHandover.importCase(file, ids, dir, Keys.verifierKeys(auditors), Clock.systemUTC());
            } catch (AgeFile.AgeException e) {
                err.println("sealtrail: " + file + ": " + e.getMessage() + "; nothing was imported");
                err.flush();
                return switch (e.kind()) {
                    case NO_IDENTITY -> EXIT_NOT_FOR_THIS_KEY;
                    case ALTERED, TRUNCATED -> SealtrailCommand.EXIT_INTEGRITY;
                    case NOT_AGE -> SealtrailCommand.EXIT_USAGE;
                };
            } catch (CaseHandover.HandoverException e) {
                err.println("sealtrail: " + e.getMessage());
                err.flush();
                return SealtrailCommand.EXIT_INTEGRITY;
            }
            o.printf("Imported case %s (%s) into %s: %,d files, every one as its journal anchors it%n",
                    r.folder().name(), r.folder().id(), dir, r.files());
            CaseCommands.printJournal(r.check().journal(), o);
            o.println("Journal checkpoint (the sender's 'case export' printed the same):");
            r.checkpoint().lines().forEach(l -> o.println("  " + l));
            boolean named = r.check().journal().signerTrusted();
            o.println(named ? "OK: the case is the sender's, signed by an auditor you named"
                    : "INTACT, BUT NOT PROVEN WHOSE: no auditor you named signed its journal; compare the checkpoint"
                    + " and the signer's key with the sender, then pass --trust-auditor");
            o.flush();
            return named ? 0 : SealtrailCommand.EXIT_UNTRUSTED;
        }
    }

    /** Recipients from arguments: age1... strings, or files of them. */
    static List<AgeKeys.Recipient> recipients(List<String> args) throws UserException {
        List<AgeKeys.Recipient> out = new ArrayList<>();
        for (String a : args) {
            Path p = Path.of(a);
            try {
                if (!a.startsWith("age1") && Files.isRegularFile(p)) {
                    for (String l : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                        if (!l.isBlank() && !l.strip().startsWith("#")) {
                            out.add(AgeKeys.Recipient.parse(l));
                        }
                    }
                } else {
                    out.add(AgeKeys.Recipient.parse(a));
                }
            } catch (IllegalArgumentException | IOException e) {
                throw new UserException("--to " + a + ": " + e.getMessage(), e);
            }
        }
        return out;
    }
}
