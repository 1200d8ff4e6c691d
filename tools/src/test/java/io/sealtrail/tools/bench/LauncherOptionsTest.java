package io.sealtrail.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The launcher script and the benchmarks must start the JVMs they time with the same options. */
class LauncherOptionsTest {
    private static List<String> launcherVariable(String name) throws Exception {
        Path launcher = Path.of("..", "sealtrail");
        String line = Files.readAllLines(launcher).stream().filter(l -> l.startsWith(name + "="))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + "= line in " + launcher));
        return Arrays.asList(line.substring(name.length() + 1).replace("\"", "").split(" "));
    }

    @Test
    void theLauncherAddsExactlyTheImportOptionsTheBenchmarkUses() throws Exception {
        assertThat(launcherVariable("import_opts")).isEqualTo(BenchImport.IMPORT_JVM_OPTIONS);
    }

    @Test
    void theLauncherPicksTheImportCollectorTheBenchmarkUses() throws Exception {
        assertThat(launcherVariable("import_gc")).containsExactly(BenchImport.IMPORT_GC);
    }

    @Test
    void theLauncherPicksTheWorkbenchCollectorTheBenchmarkUses() throws Exception {
        assertThat(launcherVariable("other_gc")).containsExactly(BenchGui.GUI_GC);
    }
}
