package io.sealtrail.app.cli;

import io.sealtrail.app.cli.SealtrailCommand.UserException;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.index.EventSearch;
import io.sealtrail.index.Hit;
import io.sealtrail.verify.gen.BundleGenerator;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Time 'sealtrail import' (a fresh JVM, verify + index) on a generated bundle, then search",
                "latency p50/p95 on the case, against grep -c over the same JSONL as the no-index baseline."})
final class BenchImport implements Callable<Integer> {
    /** What the launcher (./sealtrail) adds for an import: C2 only, see docs/decisions/0008-import-pipeline.md. */
    static final List<String> IMPORT_JVM_OPTIONS = List.of("-XX:-TieredCompilation", "-XX:PerMethodTrapLimit=0",
            "-XX:PerBytecodeTrapLimit=0", "-XX:FreqInlineSize=100", "-XX:InlineSmallCode=1000");
    /** The collector the launcher picks for an import when your options choose none. */
    static final String IMPORT_GC = "-XX:+UseParallelGC";

    @Spec
    CommandSpec spec;

    @Mixin
    BenchSetup setup = new BenchSetup();

    @Option(names = "--runs", defaultValue = "21", description = "Timed runs per query (default: ${DEFAULT-VALUE}).")
    int runs;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        try (BenchSetup.Work w = setup.work()) {
            Path work = w.path();
            Path bundle = generated(work, setup, o);
            String vkey = setup.vkey();
            Path caseDir = work.resolve("case-" + System.nanoTime());
            List<String> cmd = new ArrayList<>(List.of(BenchSetup.java()));
            List<String> jvm = ManagementFactory.getRuntimeMXBean().getInputArguments();
            List<String> added = new ArrayList<>(IMPORT_JVM_OPTIONS); // as the launcher runs 'sealtrail import'
            if (!BenchSetup.choosesCollector(jvm)) {
                added.add(IMPORT_GC);
            }
            cmd.addAll(added);
            cmd.addAll(jvm); // options of this JVM override them
            cmd.addAll(List.of("-Dsealtrail.home=" + work.resolve("home"), "-cp", System.getProperty("java.class.path"),
                    "io.sealtrail.app.Main", "import", bundle.toString(), "--case", caseDir.toString(), "--trust", vkey,
                    "--no-trust-store"));
            System.gc();
            Thread.sleep(2000);
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(2, TimeUnit.HOURS) || p.exitValue() != 0) {
                throw new UserException("the import exited with " + p.exitValue());
            }
            double importS = (System.nanoTime() - t0) / 1e9;
            o.printf("Machine: %d cores, JVM options %s, import adds %s%n", Runtime.getRuntime().availableProcessors(),
                    jvm, added);
            o.printf("import (verify + index, JVM start included): %,d events in %.1f s = %,.0f events/s%n", setup.events,
                    importS, setup.events / importS);
            CaseFolder c = CaseFolder.open(caseDir, Clock.systemUTC());
            try (EventSearch search = CaseSupport.search(c)) {
                Hit sample = search.search("event.action:session.start", null, null, 1, null).hits().get(0);
                String session = sample.sessionId();
                Instant from = sample.time();
                Instant to = from.plus(Duration.ofHours(6));
                o.printf("%-52s %9s %9s %9s%n", "query (medians and p95 of " + runs + " runs)", "p50 ms", "p95 ms", "hits");
                row(o, "term: session.id:" + session, () -> search.count("session.id:" + session, null, null));
                row(o, "wildcard: command.keyword:*shadow*", () -> search.count("command.keyword:*shadow*", null, null));
                row(o, "time range: 6 h, event.outcome:denied", () -> search.count("event.outcome:denied", from, to));
                row(o, "first page: event.outcome:denied, 100 hits",
                        () -> search.search("event.outcome:denied", null, null, 100, null).hits().size());
                row(o, "facet: user.name top 10", () -> search.facets("*", null, null, "user.name", 10).size());
                row(o, "histogram: 1 h buckets", () -> search.histogram("*", null, null, Duration.ofHours(1)).size());
                double grep = grep(session, bundle);
                double term = timeMs(() -> search.count("session.id:" + session, null, null))[runs / 2];
                o.printf("%-52s %9.1f%n", "grep -c \"" + session + "\" over the JSONL", grep);
                o.printf("index term query vs grep: %.0f× faster%n", grep / term);
            }
            o.flush();
            return 0;
        }
    }

    @FunctionalInterface
    interface Query {
        long run() throws Exception;
    }

    private void row(PrintWriter o, String name, Query q) throws Exception {
        double[] t = timeMs(q);
        o.printf("%-52s %9.2f %9.2f %9d%n", name, t[runs / 2], t[(int) Math.ceil(runs * 0.95) - 1], q.run());
        o.flush();
    }

    private double[] timeMs(Query q) throws Exception {
        for (int i = 0; i < 3; i++) {
            q.run(); // warm up
        }
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            q.run();
            t[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(t);
        return t;
    }

    private double grep(String term, Path bundle) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("grep", "-c", term));
        try (var s = Files.list(bundle.resolve("events"))) {
            s.sorted().forEach(f -> cmd.add(f.toString()));
        }
        double[] t = new double[Math.min(runs, 5)];
        for (int i = 0; i < t.length; i++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor();
            t[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(t);
        return t[t.length / 2];
    }

    /** {@code work/bench}: the generated bundle the benchmarks share, made on first use. */
    static Path generated(Path work, BenchSetup setup, PrintWriter o) throws Exception {
        Path bundle = work.resolve("bench");
        if (!Files.exists(bundle)) {
            o.printf("Generating %,d events ...%n", setup.events);
            o.flush();
            new BundleGenerator().generate(bundle, BundleGenerator.Options.defaults(setup.events, setup.seed), n -> { });
        }
        return bundle;
    }
}
