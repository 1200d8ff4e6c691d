package io.sealtrail.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class WorkbenchArgumentsTest {

    @Test
    void bundlesAndSessionTrustFromParameters() {
        WorkbenchArguments a = WorkbenchArguments.parse(
                List.of("a.zip", "--trust-session", "demo.vkey", "dir", "--trust-session=other.vkey", "--demo"),
                new Properties());
        assertThat(a.bundles()).containsExactly(Path.of("a.zip"), Path.of("dir"));
        assertThat(a.trustSession()).containsExactly(Path.of("demo.vkey"), Path.of("other.vkey"));
        assertThat(a.demo()).isTrue();
        assertThat(a.screenshotDir()).isNull();
    }

    @Test
    void sessionTrustDemoAndScreenshotsFromSystemProperties() {
        Properties p = new Properties();
        p.setProperty(Workbench.TRUST_SESSION_PROPERTY, "k1.vkey" + File.pathSeparator + "k2.vkey");
        p.setProperty(Workbench.DEMO_PROPERTY, "true");
        p.setProperty(Workbench.SCREENSHOT_PROPERTY, "shots");
        WorkbenchArguments a = WorkbenchArguments.parse(List.of("x.zip"), p);
        assertThat(a.trustSession()).containsExactly(Path.of("k1.vkey"), Path.of("k2.vkey"));
        assertThat(a.demo()).isTrue();
        assertThat(a.screenshotDir()).isEqualTo(Path.of("shots"));
    }

    @Test
    void unknownOptionsAndMissingValuesAreErrors() {
        assertThatThrownBy(() -> WorkbenchArguments.parse(List.of("--trust-session"), new Properties()))
                .hasMessageContaining("needs a .vkey file");
        assertThatThrownBy(() -> WorkbenchArguments.parse(List.of("--bogus"), new Properties()))
                .hasMessageContaining("unknown option --bogus");
    }
}
