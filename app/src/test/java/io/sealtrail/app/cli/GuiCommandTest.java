package io.sealtrail.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GuiCommandTest {
    @Test
    void aMissingGtkLibraryNamesThePackagesToInstallAndTheCommandLine() {
        // the exact words JavaFX 21 throws on a system without libgtk-3 (seen on a fresh Debian 12 machine)
        String m = GuiCommand.launchFailure(new UnsupportedOperationException("Unable to load glass GTK library."));

        assertThat(m).contains("GTK 3", "libgtk-3-0", "gtk3", "sealtrail --help");
    }

    @Test
    void anyOtherRefusalOfTheDisplayIsSaidAsJavaFxSaidIt() {
        String m = GuiCommand.launchFailure(new UnsupportedOperationException("Internal Error"));

        assertThat(m).isEqualTo("the workbench cannot start on this display: Internal Error");
    }
}
