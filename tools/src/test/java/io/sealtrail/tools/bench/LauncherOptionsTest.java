package io.sealtrail.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The launchers (the ./sealtrail script and the installers' jpackage launchers, which read their options from one
 * file) and the benchmarks must start the JVMs they time with the same options.
 */
class LauncherOptionsTest {
    private static final Path OPTIONS = Path.of("..", "app", "src", "main", "launcher", "jvm-options.properties");

    private static List<String> launcherOption(String key) throws Exception {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(OPTIONS)) {
            p.load(r);
        }
        String value = p.getProperty(key);
        assertThat(value).as("%s in %s", key, OPTIONS).isNotNull();
        return Arrays.asList(value.strip().split(" +"));
    }

    @Test
    void theLauncherAddsExactlyTheImportOptionsTheBenchmarkUses() throws Exception {
        assertThat(launcherOption("import.options")).isEqualTo(BenchImport.IMPORT_JVM_OPTIONS);
    }

    @Test
    void theLauncherPicksTheImportCollectorTheBenchmarkUses() throws Exception {
        assertThat(launcherOption("import.gc")).containsExactly(BenchImport.IMPORT_GC);
    }

    @Test
    void theLauncherPicksTheWorkbenchCollectorTheBenchmarkUses() throws Exception {
        assertThat(launcherOption("other.gc")).containsExactly(BenchGui.GUI_GC);
    }

    @Test
    void theLauncherAddsExactlyTheWorkbenchOptionsTheBenchmarkUses() throws Exception {
        assertThat(launcherOption("workbench.options")).isEqualTo(BenchGui.GUI_JVM_OPTIONS);
    }

    @Test
    void theScriptReadsItsOptionsFromTheSharedFile() throws Exception {
        String script = Files.readString(Path.of("..", "sealtrail"));
        assertThat(script).contains("app/src/main/launcher/jvm-options.properties")
                .doesNotContain("-XX:+UseParallelGC").doesNotContain("-XX:Tier4");
    }
}
