package io.sealtrail.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportJvmTest {
    private static final List<String> LAUNCHER = List.of("-Djpackage.app-version=0.1.0", "-XX:+UseSerialGC",
            "-XX:SharedArchiveFile=/opt/sealtrail/lib/app/sealtrail.jsa", "-Djava.class.path=/opt/a.jar:/opt/b.jar");

    @TempDir
    Path runtime;
    private final Properties packaged = new Properties();

    @BeforeEach
    void aPackagedApp() throws Exception {
        Path java = Files.createDirectories(runtime.resolve("bin")).resolve("java");
        Files.createFile(java, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        packaged.setProperty("jpackage.app-path", "/opt/sealtrail/bin/sealtrail");
        packaged.setProperty("java.home", runtime.toString());
        packaged.setProperty("java.class.path", "/opt/a.jar:/opt/b.jar");
        packaged.setProperty("os.name", "Linux");
    }

    @Test
    void aPackagedImportRunsInAJvmWithTheImportOptionsAndTheLauncherArchive() {
        List<String> cmd = ImportJvm.command(List.of("import", "--case", "c", "x.zip"), packaged, LAUNCHER,
                ImportJvm.launcherOptions()).orElseThrow();

        assertThat(cmd.get(0)).isEqualTo(runtime.resolve("bin").resolve("java").toString());
        assertThat(cmd).contains("-XX:+UseParallelGC", "-XX:Tier4InvocationThreshold=40000",
                        "-XX:SharedArchiveFile=/opt/sealtrail/lib/app/sealtrail.jsa", "-Dsealtrail.importJvm=true")
                .doesNotContain("-XX:+UseSerialGC", "-Djava.class.path=/opt/a.jar:/opt/b.jar");
        assertThat(cmd.subList(cmd.size() - 7, cmd.size())).containsExactly("-cp", "/opt/a.jar:/opt/b.jar",
                "io.sealtrail.app.Main", "import", "--case", "c", "x.zip");
    }

    @Test
    void anotherCommandRunsInTheLaunchersJvm() {
        assertThat(ImportJvm.command(List.of("verify", "x.zip"), packaged, LAUNCHER, ImportJvm.launcherOptions()))
                .isEmpty();
    }

    @Test
    void anImportFromTheScriptRunsInItsJvmWhoseOptionsTheScriptChose() {
        packaged.remove("jpackage.app-path");

        assertThat(ImportJvm.command(List.of("import", "x.zip"), packaged, LAUNCHER, ImportJvm.launcherOptions()))
                .isEmpty();
    }

    @Test
    void theImportsOwnJvmDoesNotStartAnother() {
        packaged.setProperty(ImportJvm.MARK, "true");

        assertThat(ImportJvm.command(List.of("import", "x.zip"), packaged, LAUNCHER, ImportJvm.launcherOptions()))
                .isEmpty();
    }
}
