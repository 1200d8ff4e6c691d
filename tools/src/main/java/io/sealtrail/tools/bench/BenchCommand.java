package io.sealtrail.tools.bench;

import io.sealtrail.app.cli.SealtrailCommand.UserException;
import io.sealtrail.verify.BundleVerifier;
import io.sealtrail.verify.VerificationReport;
import io.sealtrail.verify.VerifyOptions;
import io.sealtrail.verify.bundle.Manifest;
import io.sealtrail.verify.gen.BundleGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run benchmarks on generated bundles.",
        subcommands = {BenchCommand.Verify.class, BenchImport.class, BenchReport.class, BenchGui.class,
                BenchSoak.class})
final class BenchCommand {

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Time 'sealtrail verify' on a generated bundle, against sha256sum and openssl.",
                    "Time the whole 'sealtrail verify' command (a fresh JVM each run) on a generated bundle,",
                    "against sha256sum and openssl dgst -sha256 over the same event bytes. Reports medians."})
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        BenchSetup setup = new BenchSetup();

        @Option(names = "--runs", defaultValue = "5", description = "Timed runs of each command (default: ${DEFAULT-VALUE}).")
        int runs;

        @Option(names = "--zip", description = "Benchmark a zipped bundle instead of a directory.")
        boolean zip;

        @Override
        public Integer call() throws Exception {
            PrintWriter o = spec.commandLine().getOut();
            try (BenchSetup.Work w = setup.work()) {
                Path work = w.path();
                Path bundle = work.resolve(zip ? "bench.zip" : "bench");
                if (!Files.exists(bundle)) {
                    o.printf("Generating %,d events into %s ...%n", setup.events, bundle);
                    o.flush();
                    new BundleGenerator().generate(bundle, BundleGenerator.Options.defaults(setup.events, setup.seed), n -> { });
                }
                String vkey = setup.vkey();
                VerificationReport check = new BundleVerifier().verify(bundle,
                        VerifyOptions.trusting(List.of(io.sealtrail.verify.note.VerifierKey.parse(vkey))));
                if (check.verdict().exitCode() != 0) {
                    throw new UserException("the benchmark bundle does not verify: " + check.findings());
                }
                List<String> segments = eventFiles(bundle, check.manifest(), work);
                long bytes = check.eventBytes();
                o.printf("Bundle: %,d events, %d segments, %.1f MB of event lines, %d cores%n", check.events(),
                        check.segments(), bytes / 1e6, Runtime.getRuntime().availableProcessors());
                warm(segments);
                String java = BenchSetup.java();
                // The same JVM options as this run (the launcher's), so the figure is what users get.
                List<String> verifyCmd = new ArrayList<>(List.of(java));
                verifyCmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
                verifyCmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.sealtrail.app.Main",
                        "verify", bundle.toString(), "--trust", vkey, "--no-trust-store"));
                List<String> sha = new ArrayList<>(List.of("sha256sum"));
                sha.addAll(segments);
                List<String> ssl = new ArrayList<>(List.of("openssl", "dgst", "-sha256"));
                ssl.addAll(segments);
                // Let this JVM's own compiler and collector threads settle: the runs need both cores.
                System.gc();
                Thread.sleep(3000);
                double[][] t = new double[3][runs];
                for (int i = 0; i < runs; i++) { // interleaved, so drifting machine noise hits all three alike
                    t[0][i] = time(verifyCmd);
                    t[1][i] = time(sha);
                    t[2][i] = time(ssl);
                }
                double v = median(t[0]);
                double s = median(t[1]);
                double x = median(t[2]);
                o.printf("%-44s %8.3f s  %7.1f MB/s%n", "sealtrail verify (JVM start included)", v, bytes / 1e6 / v);
                o.printf("%-44s %8.3f s  %7.1f MB/s%n", "sha256sum over the event files", s, bytes / 1e6 / s);
                o.printf("%-44s %8.3f s  %7.1f MB/s%n", "openssl dgst -sha256 over the event files", x, bytes / 1e6 / x);
                o.printf("verify / sha256sum = %.2f   verify / openssl = %.2f   (medians of %d runs)%n", v / s, v / x, runs);
                if (zip) {
                    o.println("(zip: the hashing tools read extracted copies; verify inflates as it reads)");
                }
                o.flush();
                return 0;
            }
        }

        /** For a zip, the hashing tools get extracted copies of the segments (made once, outside the timing). */
        private static List<String> eventFiles(Path bundle, Manifest m, Path work) throws IOException {
            List<String> out = new ArrayList<>();
            if (Files.isDirectory(bundle)) {
                for (Manifest.FileEntry f : m.eventSegments()) {
                    out.add(bundle.resolve(f.path()).toString());
                }
                return out;
            }
            Path x = Files.createDirectories(work.resolve("extracted"));
            try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(bundle.toFile())) {
                for (Manifest.FileEntry f : m.eventSegments()) {
                    Path target = x.resolve(Path.of(f.path()).getFileName().toString());
                    if (!Files.exists(target)) {
                        try (InputStream in = z.getInputStream(z.getEntry(f.path()))) {
                            Files.copy(in, target);
                        }
                    }
                    out.add(target.toString());
                }
            }
            return out;
        }

        private static void warm(List<String> files) throws IOException {
            byte[] buf = new byte[1 << 20];
            for (String f : files) {
                try (InputStream in = Files.newInputStream(Path.of(f))) {
                    while (in.read(buf) > 0) {
                        // page cache only
                    }
                }
            }
        }

        private static double time(List<String> cmd) throws Exception {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new UserException(String.join(" ", cmd.subList(0, Math.min(3, cmd.size()))) + " exited with "
                        + p.exitValue());
            }
            return (System.nanoTime() - t0) / 1e9;
        }

        private static double median(double[] t) {
            double[] c = t.clone();
            Arrays.sort(c);
            return c[c.length / 2];
        }

    }
}
