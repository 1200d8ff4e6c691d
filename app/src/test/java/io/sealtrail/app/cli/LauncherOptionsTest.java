package io.sealtrail.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The launcher script and 'bench import' must time the import with the same JVM options. */
class LauncherOptionsTest {
    @Test
    void theLauncherAddsExactlyTheImportOptionsTheBenchmarkUses() throws Exception {
        Path launcher = Path.of("..", "sealtrail");
        String line = Files.readAllLines(launcher).stream().filter(l -> l.startsWith("import_opts="))
                .findFirst().orElseThrow(() -> new AssertionError("no import_opts= line in " + launcher));
        List<String> options = Arrays.asList(line.substring("import_opts=".length()).replace("\"", "").split(" "));
        assertThat(options).isEqualTo(BenchImport.IMPORT_JVM_OPTIONS);
    }
}
