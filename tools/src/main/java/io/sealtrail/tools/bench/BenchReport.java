package io.sealtrail.tools.bench;

import io.sealtrail.app.cli.SealtrailCommand.UserException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
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

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Time 'sealtrail report' on a case of one generated bundle.",
                "Time 'sealtrail report' (a fresh JVM each run: re-verify, every query with its result-set hash,",
                "layout, PDF/A, proofs) on a case of one generated bundle with three cited events. Reports the median.",
                "With --dir, the bundle and the case are made once and reused (the bundle is the one 'bench import' makes)."})
final class BenchReport implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    BenchSetup setup = new BenchSetup();

    @Option(names = "--runs", defaultValue = "5", description = "Timed report runs (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--template", defaultValue = "access-review", description = "Report template (default: ${DEFAULT-VALUE}).")
    String template;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        try (BenchSetup.Work w = setup.work()) {
            Path work = w.path();
            String vkey = setup.vkey();
            Path caseDir = citedCase(work, setup, o);
            o.printf("Machine: %d cores, JVM options %s%n", Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getRuntimeMXBean().getInputArguments());
            double[] t = new double[runs];
            String last = "";
            for (int i = 0; i < runs; i++) {
                Path pdf = work.resolve("bench-report-" + System.nanoTime() + ".pdf");
                System.gc();
                long t0 = System.nanoTime();
                last = sealtrail(work, "report", "--case", caseDir.toString(), "--out", pdf.toString(), "--template", template,
                        "--trust", vkey, "--no-trust-store");
                t[i] = (System.nanoTime() - t0) / 1e9;
                o.printf("run %d: %.2f s (%,d bytes)%n", i + 1, t[i], Files.size(pdf));
                o.flush();
                Files.delete(pdf);
            }
            Arrays.sort(t);
            o.printf("report --template %s on %,d events (JVM start included): median %.2f s, min %.2f s, max %.2f s over %d runs%n",
                    template, setup.events, t[runs / 2], t[0], t[runs - 1], runs);
            o.print(last.lines().filter(l -> l.startsWith("Wrote")).findFirst().map(l -> "last " + l + "\n").orElse(""));
            o.flush();
            return 0;
        }
    }

    /**
     * {@code work/report-case-N-schemaV}: a case of the generated bundle with three bookmarked, commented events, made on
     * first use (the report and workbench benchmarks share it).
     */
    static Path citedCase(Path work, BenchSetup setup, PrintWriter o) throws Exception {
        Path bundle = BenchImport.generated(work, setup, o);
        String vkey = setup.vkey();
        // named for the index schema: a case an older Sealtrail made would be refused ("rebuild the index")
        Path caseDir = work.resolve("report-case-" + setup.events + "-schema" + io.sealtrail.index.IndexSchema.VERSION);
        if (!Files.exists(caseDir)) {
            o.println("Importing into " + caseDir + " ...");
            o.flush();
            sealtrail(work, "import", bundle.toString(), "--case", caseDir.toString(), "--trust", vkey, "--no-trust-store");
            for (String q : List.of("command.keyword:sudo*", "event.outcome:denied", "user.name:zoë*")) {
                String csv = sealtrail(work, "search", "--case", caseDir.toString(), q, "--limit", "1", "--format", "csv");
                String id = csv.lines().skip(1).findFirst().orElseThrow(() -> new UserException("no event matches " + q))
                        .split(",")[1];
                String seq = csv.lines().skip(1).findFirst().orElseThrow().split(",")[2];
                sealtrail(work, "annotate", "--case", caseDir.toString(), "--event", id + ":" + seq, "--bookmark",
                        "--comment", "benchmark citation of " + q);
            }
        }
        return caseDir;
    }

    /** Runs a sealtrail command in a fresh JVM with this one's options and class path; returns its output. */
    private static String sealtrail(Path work, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(BenchSetup.java()));
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.addAll(List.of("-Dsealtrail.home=" + work.resolve("home"), "-cp", System.getProperty("java.class.path"),
                "io.sealtrail.app.Main"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.HOURS) || p.exitValue() != 0) {
            throw new UserException("'sealtrail " + String.join(" ", args) + "' exited with " + p.exitValue() + ":\n" + out);
        }
        return out;
    }
}
