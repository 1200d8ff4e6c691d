package io.sealtrail.app.cli;

import io.sealtrail.verify.io.AtomicFiles;
import io.sealtrail.app.cli.SealtrailCommand.UserException;
import io.sealtrail.verify.note.NoteFormatException;
import io.sealtrail.verify.note.TlogProof;
import io.sealtrail.verify.note.TlogProofCheck;
import io.sealtrail.verify.proof.EventProofs;
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

@Command(name = "proof", mixinStandardHelpOptions = true,
        description = "Export and check C2SP tlog-proofs for single events, verifiable without the bundle.",
        subcommands = {ProofCommand.Export.class, ProofCommand.Verify.class})
final class ProofCommand {

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write a tlog-proof binding one event to the signed checkpoint that covers it.")
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--bundle", required = true)
        Path bundle;

        @Option(names = "--seq", required = true, description = "The event's leaf index.")
        long seq;

        @Option(names = "--out", required = true, description = "The proof file (conventionally *.tlog-proof).")
        Path out;

        @Override
        public Integer call() throws Exception {
            EventProofs.ExportedProof p = EventProofs.export(bundle, seq);
            AtomicFiles.write(out, AtomicFiles.Existing.REPLACE,
                    p.proof().encode());
            PrintWriter o = spec.commandLine().getOut();
            o.printf("Wrote %s: seq %d, inclusion path of %d hashes to %s (the event travels in the proof)%n", out, seq,
                    p.proof().path().size(), p.checkpointFile());
            o.flush();
            return 0;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check a tlog-proof without the bundle: the event's inclusion in a checkpoint signed by a"
                    + " key you give.", "Exit 0 if it holds, 1 if not."})
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "PROOF")
        Path proofFile;

        @Option(names = "--event", paramLabel = "LINE_FILE", description = "A file holding the event line (default: the event in the proof).")
        Path event;

        @Option(names = "--vkey", required = true, paramLabel = "VKEY|FILE", description = "The log key. Repeatable.")
        List<String> vkeys;

        @Override
        public Integer call() throws Exception {
            TlogProof proof;
            try {
                proof = TlogProof.parse(Files.readAllBytes(proofFile));
            } catch (NoteFormatException e) {
                throw new UserException(proofFile + ": not a tlog-proof: " + e.getMessage(), e);
            }
            byte[] line = event == null ? null : Files.readAllBytes(event);
            TlogProofCheck check = EventProofs.verify(proof, line, Keys.verifierKeys(vkeys));
            PrintWriter o = spec.commandLine().getOut();
            if (check.ok()) {
                o.printf("OK: event %d is in the log %s at tree size %,d, signed by a key you gave%n", proof.index(),
                        check.checkpoint().origin(), check.checkpoint().size());
            } else {
                o.println("REJECTED");
                check.problems().forEach(pr -> o.println("  " + pr));
            }
            o.flush();
            return check.ok() ? 0 : 1;
        }
    }
}
