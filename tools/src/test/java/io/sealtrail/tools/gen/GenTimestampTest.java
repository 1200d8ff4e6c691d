package io.sealtrail.tools.gen;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.cli.SealtrailCommand;
import io.sealtrail.model.Verdict;
import io.sealtrail.tools.tsa.TestTimestampAuthority;
import io.sealtrail.verify.BundleVerifier;
import io.sealtrail.verify.VerificationReport;
import io.sealtrail.verify.VerifyOptions;
import io.sealtrail.verify.gen.BundleGenerator;
import io.sealtrail.verify.note.VerifierKey;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** 'sealtrail gen --timestamp' with the tools on the class path: every checkpoint stamped by the log's test TSA. */
class GenTimestampTest {
    @TempDir
    Path dir;

    @Test
    void everyCheckpointIsStampedByTheTestTsaOfTheLog() throws Exception {
        Path out = dir.resolve("stamped");
        CommandLine cl = SealtrailCommand.commandLine();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute("gen", "--events", "2500", "--checkpoint-every", "1000", "--timestamp", "--out",
                out.toString())).as(err.toString()).isZero();

        VerifierKey key = VerifierKey.parse(Files.readString(dir.resolve("stamped.vkey")).strip());
        VerificationReport r = new BundleVerifier().verify(out, new VerifyOptions(List.of(key),
                List.of(TestTimestampAuthority.forLog(BundleGenerator.DEFAULT_ORIGIN).rootCertificate()), null, 2));

        assertThat(r.verdict()).isEqualTo(Verdict.VERIFIED);
        assertThat(r.findings()).isEmpty();
        assertThat(r.checkpoints()).hasSize(3)
                .allSatisfy(c -> assertThat(c.timestampAuthorityTrusted()).as(c.file()).isTrue());
    }
}
