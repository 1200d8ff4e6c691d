package io.sealtrail.app.cli;

import io.sealtrail.app.cli.SealtrailCommand.UserException;
import io.sealtrail.verify.note.Checkpoint;
import io.sealtrail.verify.note.NoteFormatException;
import io.sealtrail.verify.note.NoteVerification;
import io.sealtrail.verify.note.SignedNote;
import io.sealtrail.verify.note.VerifierKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "checkpoint", mixinStandardHelpOptions = true, description = "Work with C2SP signed notes and checkpoints.",
        subcommands = CheckpointCommand.Verify.class)
final class CheckpointCommand {

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Verify a C2SP signed note or checkpoint (ours or any transparency log's) against keys.",
                    "Exit 0 when a given key named for the log (the checkpoint's origin, or --origin) verified it and none of",
                    "the given keys' signatures failed; else 1."})
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Option(names = "--vkey", required = true, paramLabel = "VKEY|FILE", description = "A verifier key, or a file of them. Repeatable.")
        List<String> vkeys;

        @Option(names = "--origin", paramLabel = "ORIGIN", description = {"The log this note must be a checkpoint of.",
                "Default: the checkpoint's own origin line. A log key counts only when named for it."})
        String origin;

        @Override
        public Integer call() throws Exception {
            PrintWriter o = spec.commandLine().getOut();
            List<VerifierKey> keys = Keys.verifierKeys(vkeys);
            SignedNote note;
            try {
                note = SignedNote.parse(read(file));
            } catch (NoteFormatException e) {
                throw new UserException(file + ": not a signed note: " + e.getMessage(), e);
            }
            NoteVerification v = note.verify(keys);
            String expected = origin;
            String problem = null;
            try {
                Checkpoint cp = Checkpoint.parse(note.text());
                o.printf("Checkpoint  origin %s, tree size %,d, root %s%s%n", cp.origin(), cp.size(),
                        java.util.Base64.getEncoder().encodeToString(cp.rootHash()),
                        cp.extensions().isEmpty() ? "" : ", " + cp.extensions().size() + " extension line(s)");
                if (expected != null && !expected.equals(cp.origin())) {
                    problem = "this is a checkpoint of the log " + cp.origin() + ", not of " + expected;
                }
                expected = expected == null ? cp.origin() : expected;
            } catch (NoteFormatException e) {
                o.println("Note        (not a checkpoint: " + e.getMessage() + ")");
            }
            // A log key vouches only for the log it is named for (C2SP tlog-checkpoint; issue 11):
            // a valid signature by a key named otherwise says nothing about this log.
            String bound = expected;
            List<VerifierKey> counted = v.verifiedBy().stream()
                    .filter(k -> bound == null || k.type() != VerifierKey.TYPE_ED25519 || k.name().equals(bound)).toList();
            counted.forEach(k -> o.println((k.type() == VerifierKey.TYPE_ED25519 ? "Verified    by " : "Cosigned    by ")
                    + k.name() + " (" + k.fingerprint() + ")"));
            v.verifiedBy().stream().filter(k -> !counted.contains(k)).forEach(k -> o.println("NOT COUNTED signature by "
                    + k.name() + " (" + k.fingerprint() + "): the key is named for another log than " + bound));
            v.failedBy().forEach(k -> o.println("FAILED      signature by " + k.name() + " (" + k.fingerprint() + ")"));
            if (!v.unknown().isEmpty()) {
                o.println("Ignored     " + v.unknown().size() + " signature(s) by keys not given");
            }
            if (problem == null && !v.failedBy().isEmpty()) {
                problem = "a given key's signature does not verify";
            }
            if (problem == null && counted.isEmpty()) {
                problem = v.verifiedBy().isEmpty() ? "no given key signed this note"
                        : "no given key named for the log " + bound + " signed this note";
            }
            o.println(problem == null ? "OK" : "REJECTED: " + problem);
            o.flush();
            return problem == null ? 0 : 1;
        }
    }

    static byte[] read(Path file) throws UserException {
        try {
            if (Files.size(file) > (1 << 20)) {
                throw new UserException(file + ": larger than 1 MiB, not a signed note");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UserException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }
}
