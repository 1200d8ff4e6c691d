package io.sealtrail.verify.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserFoldersTest {
    private static final Path HOME = Path.of("/home/ann");

    @Test
    void linuxKeepsConfigDataAndStateInTheXdgDefaults() {
        UserFolders f = new UserFolders(Map.of(), "Linux", HOME);

        assertThat(f.config()).isEqualTo(HOME.resolve(".config/sealtrail"));
        assertThat(f.data()).isEqualTo(HOME.resolve(".local/share/sealtrail"));
        assertThat(f.state()).isEqualTo(HOME.resolve(".local/state/sealtrail"));
    }

    @Test
    void linuxFollowsTheXdgVariables() {
        UserFolders f = new UserFolders(Map.of("XDG_CONFIG_HOME", "/c", "XDG_DATA_HOME", "/d", "XDG_STATE_HOME", "/s"),
                "Linux", HOME);

        assertThat(f.config()).isEqualTo(Path.of("/c/sealtrail"));
        assertThat(f.data()).isEqualTo(Path.of("/d/sealtrail"));
        assertThat(f.state()).isEqualTo(Path.of("/s/sealtrail"));
    }

    @Test
    void windowsKeepsConfigInRoamingAppDataAndCasesInLocalAppData() {
        UserFolders f = new UserFolders(Map.of("APPDATA", "/u/AppData/Roaming", "LOCALAPPDATA", "/u/AppData/Local"),
                "Windows 11", HOME);

        assertThat(f.config()).isEqualTo(Path.of("/u/AppData/Roaming/Sealtrail"));
        assertThat(f.data()).isEqualTo(Path.of("/u/AppData/Local/Sealtrail"));
        assertThat(f.state()).isEqualTo(Path.of("/u/AppData/Local/Sealtrail"));
    }

    @Test
    void macKeepsConfigAndCasesInApplicationSupportAndTheLogInLogs() {
        UserFolders f = new UserFolders(Map.of("XDG_CONFIG_HOME", "/ignored"), "Mac OS X", HOME);

        assertThat(f.config()).isEqualTo(HOME.resolve("Library/Application Support/Sealtrail"));
        assertThat(f.data()).isEqualTo(HOME.resolve("Library/Application Support/Sealtrail"));
        assertThat(f.state()).isEqualTo(HOME.resolve("Library/Logs/Sealtrail"));
    }

    @Test
    void sealtrailHomeHoldsEverythingOnEverySystem() {
        for (String os : new String[] {"Linux", "Windows 10", "Mac OS X"}) {
            UserFolders f = new UserFolders(Map.of("SEALTRAIL_HOME", "/portable"), os, HOME);

            assertThat(f.config()).as(os).isEqualTo(Path.of("/portable"));
            assertThat(f.data()).as(os).isEqualTo(Path.of("/portable"));
            assertThat(f.state()).as(os).isEqualTo(Path.of("/portable"));
        }
    }
}
