package io.sealtrail.tools.bench;

import io.sealtrail.cases.CaseFiles;
import io.sealtrail.verify.gen.BundleGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * What the benchmarks share (a picocli mixin): the generated bundle's size and seed, the work folder, and how
 * they start the JVMs they time.
 */
final class BenchSetup {
    @Option(names = "--events", defaultValue = "1000000")
    long events;

    @Option(names = "--seed", defaultValue = "7")
    long seed;

    @Option(names = "--dir", description = "Work folder (default: a temporary folder, removed afterwards).")
    Path dir;

    /** The work folder: --dir, or a temporary one that closing removes. */
    Work work() throws IOException {
        return dir == null ? new Work(Files.createTempDirectory("sealtrail-bench"), true)
                : new Work(Files.createDirectories(dir), false);
    }

    record Work(Path path, boolean temporary) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            if (temporary) {
                CaseFiles.deleteTree(path);
            }
        }
    }

    /** The verifier key of the generated bundle's log. */
    String vkey() {
        return BundleGenerator.seededSigner(BundleGenerator.DEFAULT_ORIGIN, seed).verifierKey().encode();
    }

    /** The java this JVM runs: the timed JVMs are the same. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Whether these JVM options choose a garbage collector (else ./sealtrail chooses one per command). */
    static boolean choosesCollector(List<String> jvmOptions) {
        return jvmOptions.stream().anyMatch(a -> a.matches("-XX:\\+Use\\w*GC"));
    }
}
