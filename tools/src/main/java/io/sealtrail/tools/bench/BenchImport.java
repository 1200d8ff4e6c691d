package io.sealtrail.tools.bench;

import io.sealtrail.app.cli.SealtrailCommand;
import io.sealtrail.app.cli.SealtrailCommand.UserException;
import io.sealtrail.cases.CaseFiles;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.index.EventQuery;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Time 'sealtrail import' on a generated bundle, then searches of the case.",
                "Time 'sealtrail import' (a fresh JVM each, verify + index) on a generated bundle: medians of",
                "wall time, phases, CPU and peak RSS. Like ./sealtrail, the imports start from a class-data-sharing",
                "archive (recorded first by an untimed small import; --no-cds: without). Then search latency",
                "p50/p95 on the case, against grep -c over the same JSONL as the no-index baseline."})
final class BenchImport implements Callable<Integer> {
    /**
     * What the launcher (./sealtrail) adds for an import: less inlining, and C2 only for methods that stay hot
     * longer; see docs/decisions/0008-import-pipeline.md.
     */
    static final List<String> IMPORT_JVM_OPTIONS = List.of("-XX:FreqInlineSize=100", "-XX:InlineSmallCode=1000",
            "-XX:Tier4InvocationThreshold=40000", "-XX:Tier4MinInvocationThreshold=20000",
            "-XX:Tier4CompileThreshold=50000", "-XX:Tier4BackEdgeThreshold=400000");
    /** The collector the launcher picks for an import when your options choose none. */
    static final String IMPORT_GC = "-XX:+UseParallelGC";

    @Spec
    CommandSpec spec;

    @Mixin
    BenchSetup setup = new BenchSetup();

    @Option(names = "--runs", defaultValue = "21", description = "Timed runs per query (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--imports", defaultValue = "3",
            description = "Timed imports, each in a fresh JVM into a new case (default: ${DEFAULT-VALUE}); medians are shown.")
    int imports;

    @Option(names = "--no-cds", description = "Import without the class-data-sharing archive the launcher uses.")
    boolean noCds;

    @Option(names = "--format", paramLabel = "NAME", description = "Import a generated source of this format instead of"
            + " a bundle (cloudtrail or kubernetes-audit, JSON Lines of --events records; no search timings).")
    String format;

    @Option(names = "--source", paramLabel = "PATH",
            description = "Import this file or folder instead of a generated bundle (no search timings).")
    Path source;

    /**
     * Records the class-data-sharing archive that ./sealtrail records on a build's first import, here by importing
     * a small generated bundle (untimed), so the timed imports start as the launcher's later ones do.
     */
    private static Path importArchive(Path work, List<String> added, List<String> jvm) throws Exception {
        Path small = work.resolve("cds-bundle");
        if (!Files.exists(small)) {
            new BundleGenerator().generate(small, BundleGenerator.Options.defaults(2_000, 1), n -> { });
        }
        Path archive = work.resolve("bench-import-" + System.nanoTime() + ".jsa");
        archive.toFile().deleteOnExit();
        Path caseDir = work.resolve("cds-case-" + System.nanoTime());
        List<String> withArchive = new ArrayList<>(added);
        withArchive.add("-XX:ArchiveClassesAtExit=" + archive);
        List<String> cmd = importCommand(withArchive, jvm, work, small, caseDir,
                BundleGenerator.seededSigner(BundleGenerator.DEFAULT_ORIGIN, 1).verifierKey().encode());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0 || !Files.exists(archive)) {
                throw new UserException("recording the class-data-sharing archive failed; try --no-cds");
            }
        } finally {
            p.destroyForcibly();
            CaseFiles.deleteTree(caseDir);
        }
        return archive;
    }

    /** A fresh JVM importing {@code bundle} as ./sealtrail would ({@code added}), with this JVM's options after them. */
    private static List<String> importCommand(List<String> added, List<String> jvm, Path work, Path bundle,
                                              Path caseDir, String vkey) {
        List<String> cmd = new ArrayList<>(List.of(BenchSetup.java()));
        cmd.addAll(added);
        cmd.addAll(jvm); // options of this JVM override them
        cmd.addAll(List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-Dsealtrail.home=" + work.resolve("home"),
                "-Dsealtrail.timing=true", "-cp", System.getProperty("java.class.path"), "io.sealtrail.app.Main",
                "import", bundle.toString(), "--case", caseDir.toString(), "--trust", vkey, "--no-trust-store"));
        return cmd;
    }

    private static final Pattern PHASES = Pattern.compile(
            "timing: import events=(\\d+) copy_ms=(\\d+) verify_ms=(\\d+) index_ms=(\\d+) seal_ms=(\\d+)");
    private static final Pattern PROCESS = Pattern.compile("timing: process uptime_ms=\\d+ cpu_ms=(-?\\d+) peak_rss_kb=(-?\\d+)");

    /** One timed import: wall time of the whole process, its phases, CPU time and peak RSS as it reported them. */
    record ImportRun(double wallS, double copyS, double verifyS, double indexS, double sealS, double cpuS, long peakRssKb,
                     long events) {
    }

    /** Runs one import and reads the timing lines it prints; waits 2 s before, so the previous one's writes settle. */
    private static ImportRun importOnce(List<String> cmd) throws Exception {
        System.gc();
        Thread.sleep(2000);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.HOURS)) {
            p.destroyForcibly();
            throw new UserException("the import did not finish in 2 hours");
        }
        // 0, 1, 3 and 4 are verdicts of a finished import (a generated source carries no integrity evidence: 4);
        // 2 and 70 mean it did not finish
        if (p.exitValue() == SealtrailCommand.EXIT_USAGE || p.exitValue() == SealtrailCommand.EXIT_INTERNAL) {
            throw new UserException("the import exited with " + p.exitValue() + ": " + err.strip());
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        return parse(wall, err);
    }

    static ImportRun parse(double wallS, String stderr) throws UserException {
        Matcher phases = PHASES.matcher(stderr);
        Matcher process = PROCESS.matcher(stderr);
        if (!phases.find() || !process.find()) {
            throw new UserException("the import printed no timing lines: " + stderr.strip());
        }
        long cpu = Long.parseLong(process.group(1));
        return new ImportRun(wallS, ms(phases, 2), ms(phases, 3), ms(phases, 4), ms(phases, 5),
                cpu < 0 ? Double.NaN : cpu / 1e3, Long.parseLong(process.group(2)), Long.parseLong(phases.group(1)));
    }

    private static double ms(Matcher m, int group) {
        return Long.parseLong(m.group(group)) / 1e3;
    }

    /** The imports' figures as medians, the whole process (JVM start included) first. */
    static final class ImportReport {
        private ImportReport() {
        }

        static void print(PrintWriter o, long events, List<ImportRun> runs) {
            double wall = median(runs, ImportRun::wallS);
            double min = runs.stream().mapToDouble(ImportRun::wallS).min().orElse(Double.NaN);
            double max = runs.stream().mapToDouble(ImportRun::wallS).max().orElse(Double.NaN);
            o.printf("import (verify + index, a fresh JVM each, JVM start included), median of %d: %,d events in %.1f s"
                    + " (%.1f–%.1f) = %,.0f events/s%n", runs.size(), events, wall, min, max, events / wall);
            double copy = median(runs, ImportRun::copyS);
            double verify = median(runs, ImportRun::verifyS);
            double index = median(runs, ImportRun::indexS);
            double seal = median(runs, ImportRun::sealS);
            o.printf("  phases (medians): copy %.2f s, verify %.2f s, index %.2f s, seal %.2f s; verify + index alone"
                    + " %,.0f events/s%n", copy, verify, index, seal, events / (verify + index));
            double cpu = median(runs, ImportRun::cpuS);
            double rss = median(runs, r -> r.peakRssKb() / 1024.0);
            o.printf("  process (medians): CPU %.1f s (%.1f cores busy on average), peak RSS %s%n", cpu, cpu / wall,
                    rss < 0 ? "unknown" : String.format("%,.0f MiB", rss));
            o.flush();
        }

        static double median(List<ImportRun> runs, java.util.function.ToDoubleFunction<ImportRun> f) {
            double[] v = runs.stream().mapToDouble(f).sorted().toArray();
            int n = v.length;
            return n == 0 ? Double.NaN : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        try (BenchSetup.Work w = setup.work()) {
            Path work = w.path();
            Path bundle = source != null ? source.toAbsolutePath()
                    : format != null ? generatedSource(work, format, setup, o) : generated(work, setup, o);
            String vkey = setup.vkey();
            List<String> jvm = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                    .filter(a -> !a.startsWith("-XX:SharedArchiveFile") && !a.startsWith("-XX:ArchiveClassesAtExit")).toList();
            List<String> added = new ArrayList<>(IMPORT_JVM_OPTIONS); // as the launcher runs 'sealtrail import'
            if (!BenchSetup.choosesCollector(jvm)) {
                added.add(IMPORT_GC);
            }
            if (!noCds) {
                added.add("-XX:SharedArchiveFile=" + importArchive(work, added, jvm));
            }
            o.printf("Machine: %d cores, JVM options %s, import adds %s%n", Runtime.getRuntime().availableProcessors(),
                    jvm, added);
            o.flush();
            List<ImportRun> done = new ArrayList<>();
            Path caseDir = null;
            for (int i = 0; i < imports; i++) {
                if (caseDir != null) {
                    CaseFiles.deleteTree(caseDir); // only the last case is searched
                }
                caseDir = work.resolve("case-" + System.nanoTime());
                done.add(importOnce(importCommand(added, jvm, work, bundle, caseDir, vkey)));
            }
            if (source != null || format != null) {
                ImportReport.print(o, done.get(0).events(), done);
                return 0;
            }
            ImportReport.print(o, setup.events, done);
            CaseFolder c = CaseFolder.open(caseDir, Clock.systemUTC());
            try (EventSearch search = c.openSearch(c.bundles())) {
                Hit sample = search.search(EventQuery.of("event.action:session.start"), 1, null).hits().get(0);
                String session = sample.sessionId();
                Instant from = sample.time();
                Instant to = from.plus(Duration.ofHours(6));
                o.printf("%-52s %9s %9s %9s%n", "query (medians and p95 of " + runs + " runs)", "p50 ms", "p95 ms", "hits");
                row(o, "term: session.id:" + session, () -> search.count(EventQuery.of("session.id:" + session)));
                row(o, "wildcard: command.keyword:*shadow*", () -> search.count(EventQuery.of("command.keyword:*shadow*")));
                row(o, "time range: 6 h, event.outcome:denied", () -> search.count(new EventQuery("event.outcome:denied", from, to)));
                row(o, "first page: event.outcome:denied, 100 hits",
                        () -> search.search(EventQuery.of("event.outcome:denied"), 100, null).hits().size());
                row(o, "facet: user.name top 10", () -> search.facets(EventQuery.all(), "user.name", 10).size());
                row(o, "histogram: 1 h buckets", () -> search.histogram(EventQuery.all(), Duration.ofHours(1)).size());
                double grep = grep(session, bundle);
                double term = timeMs(() -> search.count(EventQuery.of("session.id:" + session)))[runs / 2];
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

    /** {@code work/bench-FORMAT.jsonl}: a generated source, made on first use. */
    static Path generatedSource(Path work, String format, BenchSetup setup, PrintWriter o) throws Exception {
        if (!java.util.Arrays.asList(BenchSourceData.FORMATS).contains(format)) {
            throw new UserException("--format " + format + ": bench data exists for " + String.join(", ",
                    BenchSourceData.FORMATS) + "; give any other source with --source PATH");
        }
        Path file = work.resolve("bench-" + format + ".jsonl");
        if (!Files.exists(file)) {
            o.printf("Generating %,d %s records ...%n", setup.events, format);
            o.flush();
            BenchSourceData.write(format, file, setup.events, setup.seed);
        }
        o.printf("Source: %s (%,d bytes)%n", file, Files.size(file));
        return file;
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
