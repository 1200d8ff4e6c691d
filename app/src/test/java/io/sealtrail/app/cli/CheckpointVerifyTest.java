package io.sealtrail.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.cli.CliTest.Run;
import io.sealtrail.verify.note.NoteSigner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code checkpoint verify}: a key counts only for the log it is named for (issue 11, item 1). */
class CheckpointVerifyTest {
    static final String CHECKPOINT = "gateway.example.com/prod-audit\n1000\n"
            + "dW50HuHRMEBVO6qB6rA831ZNg156647srOONc4Y6z34=\n";
    static final NoteSigner LOG = NoteSigner.fromSeed("gateway.example.com/prod-audit", new byte[32]);
    static final NoteSigner OTHER_LOG = NoteSigner.fromSeed("other.example/log", new byte[32]);

    @TempDir
    Path dir;

    @Test
    void aCheckpointSignedByItsLogsKeyIsAccepted() throws Exception {
        Run r = verify(LOG, LOG.verifierKey().encode());
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("Verified    by gateway.example.com/prod-audit", "OK");
    }

    @Test
    void aSignatureByAKeyNamedForAnotherLogDoesNotCount() throws Exception {
        Run r = verify(OTHER_LOG, OTHER_LOG.verifierKey().encode());
        assertThat(r.exit()).as(r.out()).isEqualTo(1);
        assertThat(r.out()).contains("NOT COUNTED signature by other.example/log",
                "REJECTED: no given key named for the log gateway.example.com/prod-audit signed this note");
    }

    @Test
    void aCheckpointOfAnotherLogThanTheExpectedOriginIsRejected() throws Exception {
        Run r = verify(LOG, LOG.verifierKey().encode(), "--origin", "other.example/log");
        assertThat(r.exit()).as(r.out()).isEqualTo(1);
        assertThat(r.out()).contains("REJECTED: this is a checkpoint of the log gateway.example.com/prod-audit,"
                + " not of other.example/log");
    }

    private Run verify(NoteSigner signer, String vkey, String... more) throws Exception {
        Path cp = dir.resolve("1000.checkpoint");
        Files.write(cp, signer.sign(CHECKPOINT));
        List<String> args = new java.util.ArrayList<>(List.of("checkpoint", "verify", cp.toString(), "--vkey", vkey));
        args.addAll(List.of(more));
        return CliTest.run(args.toArray(String[]::new));
    }
}
