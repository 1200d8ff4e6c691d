package io.sealtrail.app.cli;

import static io.sealtrail.app.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.cli.CliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The product without the tools jar, as an installed Sealtrail is: the tools' commands are simply not there. */
class ToolsAbsentTest {
    @TempDir
    Path dir;

    @Test
    void genTimestampIsAUsageErrorThatSaysTheTestTsaIsATool() {
        Path out = dir.resolve("b");
        Run r = run("gen", "--events", "100", "--timestamp", "--out", out.toString());

        assertThat(r.exit()).isEqualTo(SealtrailCommand.EXIT_USAGE);
        assertThat(r.err()).contains("--timestamp needs the test time-stamping authority of Sealtrail's tools");
        assertThat(out).doesNotExist();
        assertThat(Files.exists(dir.resolve("b.key"))).isFalse();
    }

    @Test
    void theCommandLineHasNoBenchCommand() {
        assertThat(SealtrailCommand.commandLine().getSubcommands()).containsKeys("gen", "demo").doesNotContainKey("bench");
    }

    @Test
    void benchWithoutTheToolsSaysItIsAToolAndWhereItIs() {
        // as 'sealtrail bench …' runs: the tree for its first word (SealtrailCommand.run)
        picocli.CommandLine cl = SealtrailCommand.commandLine("bench");
        java.io.StringWriter err = new java.io.StringWriter();
        cl.setErr(new java.io.PrintWriter(err, true));

        int exit = cl.execute("bench", "verify", "--events", "10");

        assertThat(exit).isEqualTo(SealtrailCommand.EXIT_USAGE);
        assertThat(err.toString()).contains("'bench' is one of Sealtrail's tools", "tools/target/sealtrail-tools.jar");
    }
}
