package io.sealtrail.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The installed command line's {@code import}, run in a JVM of its own with the import's options (collector and JIT,
 * docs/decisions/0008-import-pipeline.md). A jpackage launcher starts every command with the same options, chosen
 * for the short ones; ./sealtrail chooses per command itself, so only a packaged app (which jpackage marks with
 * {@code jpackage.app-path}) starts this second JVM. It costs one JVM start, small beside an import.
 */
final class ImportJvm {
    /** Set in the import's own JVM, so that it does not start another. */
    static final String MARK = "sealtrail.importJvm";

    private ImportJvm() {
    }

    /**
     * The command that runs these arguments as an import in its own JVM, or empty when this JVM should run them: not
     * an import, not a packaged app, already the import's JVM, or no java command in the runtime.
     *
     * @param jvmArguments this JVM's own options (the launcher's); all but the collector are kept, the archive too
     * @param options      the launcher options file (app/src/main/launcher/jvm-options.properties)
     */
    static Optional<List<String>> command(List<String> args, Properties system, List<String> jvmArguments,
                                          Properties options) {
        if (args.isEmpty() || !args.get(0).equals("import") || system.getProperty("jpackage.app-path") == null
                || system.getProperty(MARK) != null) {
            return Optional.empty();
        }
        Path java = Path.of(system.getProperty("java.home"), "bin",
                system.getProperty("os.name", "").startsWith("Windows") ? "java.exe" : "java");
        if (!Files.isExecutable(java)) {
            return Optional.empty();
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(words(options.getProperty("import.gc", "")));
        cmd.addAll(words(options.getProperty("import.options", "")));
        // the launcher's collector gives way to the import's; its class path is given below, once
        jvmArguments.stream().filter(a -> !(a.startsWith("-XX:+Use") && a.endsWith("GC")))
                .filter(a -> !a.startsWith("-Djava.class.path=")).forEach(cmd::add);
        cmd.add("-D" + MARK + "=true");
        cmd.add("-cp");
        cmd.add(system.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(args);
        return Optional.of(cmd);
    }

    /** The launcher options file, as the build put it beside this class. */
    static Properties launcherOptions() {
        Properties p = new Properties();
        try (InputStream in = ImportJvm.class.getResourceAsStream("jvm-options.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** Runs the command with this process's standard streams, and ends it if this JVM is stopped first (Ctrl-C). */
    static int run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).inheritIO().start();
        Thread stop = new Thread(() -> {
            p.destroy();
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "import-jvm-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        int status = p.waitFor();
        Runtime.getRuntime().removeShutdownHook(stop);
        return status;
    }

    private static List<String> words(String value) {
        return value.isBlank() ? List.of() : Arrays.asList(value.strip().split("\\s+"));
    }
}
