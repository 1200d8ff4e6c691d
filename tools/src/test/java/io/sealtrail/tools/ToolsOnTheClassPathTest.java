package io.sealtrail.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.cli.SealtrailCommand;
import io.sealtrail.app.ui.WorkbenchProbe;
import io.sealtrail.tools.gen.TestTsaForGeneratedLogs;
import io.sealtrail.verify.gen.GeneratorTsa;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** With the tools jar on the class path the product finds each tool through its ServiceLoader interface. */
class ToolsOnTheClassPathTest {
    @Test
    void theCommandLineOffersBench() {
        assertThat(SealtrailCommand.commandLine().getSubcommands().get("bench").getSubcommands())
                .containsKeys("verify", "import", "report", "gui");
    }

    @Test
    void theWorkbenchFindsTheTimingLogAndTheScreenshotTour() {
        assertThat(ServiceLoader.load(WorkbenchProbe.class).stream().map(p -> p.type().getName()))
                .containsExactlyInAnyOrder("io.sealtrail.tools.ui.Timing", "io.sealtrail.tools.ui.ScreenshotTour$Probe");
    }

    @Test
    void genFindsTheTestTsa() {
        assertThat(ServiceLoader.load(GeneratorTsa.class).stream().map(ServiceLoader.Provider::type))
                .containsExactly(TestTsaForGeneratedLogs.class);
    }
}
