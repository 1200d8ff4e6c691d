package io.sealtrail.tools.bench;

import io.sealtrail.app.cli.SealtrailCommand.UserException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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

@Command(name = "gui", mixinStandardHelpOptions = true,
        description = {"Time how fast the workbench opens a case of generated events.",
                "Time the workbench opening a case of generated events (a fresh JVM each run, -Dsealtrail.timing):",
                "when the window shows and when the first rows show, in ms since the JVM started, and the wall time",
                "from starting the process. Needs a display (xvfb-run works). Reports medians.",
                "Like ./sealtrail, it first records a class-data-sharing archive in an untimed launch, then starts from",
                "it (--no-cds: without). With --dir, the bundle and the case are made once and reused (the case",
                "'bench report' uses). With --case, it opens that case instead (e.g. the 10M-event one of 'bench soak')."})
final class BenchGui implements Callable<Integer> {
    private static final Pattern TIMING = Pattern.compile("timing: (main|Application.start|window shown|first rows) at (\\d+) ms");
    private static final Pattern PULSES = Pattern.compile("timing: FX pulses .* max ([\\d.]+) ms");

    /** The collector the launcher picks for the workbench when your options choose none. */
    static final String GUI_GC = "-XX:+UseSerialGC";
    /** The options the launcher adds for the workbench (C2 waits for methods that stay hot). */
    static final List<String> GUI_JVM_OPTIONS = List.of("-XX:Tier4InvocationThreshold=40000",
            "-XX:Tier4MinInvocationThreshold=20000", "-XX:Tier4CompileThreshold=50000", "-XX:Tier4BackEdgeThreshold=400000");

    @Spec
    CommandSpec spec;

    @Mixin
    BenchSetup setup = new BenchSetup();

    @Option(names = "--runs", defaultValue = "5", description = "Timed launches (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--case", paramLabel = "DIR", description = "Open this imported case instead of a generated one.")
    Path caseDir;

    @Option(names = "--no-cds", description = "Start without the class-data-sharing archive the launcher uses.")
    boolean noCds;

    @Override
    public Integer call() throws Exception {
        if (!io.sealtrail.app.AppInfo.displayAvailable()) {
            throw new UserException("no display to open the workbench on (DISPLAY is not set); run it under xvfb-run");
        }
        PrintWriter o = spec.commandLine().getOut();
        try (BenchSetup.Work w = setup.work()) {
            Path work = w.path();
            Path opened = caseDir != null ? caseDir : BenchReport.citedCase(work, setup, o);
            List<String> jvm = new ArrayList<>(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                    .filter(a -> !a.startsWith("-XX:SharedArchiveFile") && !a.startsWith("-XX:ArchiveClassesAtExit")).toList());
            if (!BenchSetup.choosesCollector(jvm)) {
                jvm.add(0, GUI_GC); // what ./sealtrail gui adds when your options choose no collector
            }
            jvm.addAll(0, GUI_JVM_OPTIONS); // placed first, as the launcher does: yours override them
            if (!noCds) {
                Path archive = work.resolve("bench-gui-" + System.nanoTime() + ".jsa");
                List<String> record = new ArrayList<>(jvm);
                record.add("-XX:ArchiveClassesAtExit=" + archive);
                launch(work, opened, record);
                jvm.add("-XX:SharedArchiveFile=" + archive);
                archive.toFile().deleteOnExit();
            }
            o.printf("Machine: %d cores, JVM options %s%n", Runtime.getRuntime().availableProcessors(), jvm);
            double[][] t = new double[5][runs];
            for (int i = 0; i < runs; i++) {
                long[] r = launch(work, opened, jvm);
                for (int k = 0; k < 4; k++) {
                    t[k][i] = r[k];
                }
                t[4][i] = r[2] - r[5];
                o.printf("run %d: main %d ms, Application.start %d ms, window %d ms, first rows %d ms after JVM start;"
                        + " %d ms after the process started; longest FX pulse while starting %d ms%n",
                        i + 1, r[5], r[0], r[1], r[2], r[3], r[4]);
                o.flush();
            }
            String[] names = {"Application.start", "window shown", "first rows", "first rows (process wall)",
                    "first rows after main"};
            for (int k = 0; k < 5; k++) {
                Arrays.sort(t[k]);
                o.printf("%-28s median %,6.0f ms  min %,6.0f  max %,6.0f  (%d runs)%n", names[k], t[k][runs / 2], t[k][0],
                        t[k][runs - 1], runs);
            }
            o.flush();
            return 0;
        }
    }

    /** start, window, first rows (ms of JVM uptime), wall ms to the first-rows line, longest pulse (ms), main. */
    private static long[] launch(Path work, Path caseDir, List<String> jvm) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(BenchSetup.java()));
        cmd.addAll(jvm);
        cmd.addAll(List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        cmd.addAll(List.of("-Dsealtrail.home=" + work.resolve("home"), "-Dsealtrail.timing=true",
                "-Dsealtrail.timing.exit=true", "-cp", System.getProperty("java.class.path"), "io.sealtrail.app.Main",
                "gui", "--case", caseDir.toString()));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        long[] r = {-1, -1, -1, -1, 0, -1};
        StringBuilder out = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                out.append(line).append('\n');
                Matcher m = TIMING.matcher(line);
                if (m.find()) {
                    int k = switch (m.group(1)) {
                        case "main" -> 5;
                        case "Application.start" -> 0;
                        case "window shown" -> 1;
                        default -> 2;
                    };
                    r[k] = Long.parseLong(m.group(2));
                    if (k == 2) {
                        r[3] = (System.nanoTime() - t0) / 1_000_000;
                    }
                }
                Matcher pm = PULSES.matcher(line);
                if (pm.find() && r[4] == 0) {
                    r[4] = Math.round(Double.parseDouble(pm.group(1)));
                }
            }
        }
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0 || r[2] < 0) {
            p.destroyForcibly();
            throw new UserException("the workbench did not show the case's first rows (exit " + p.exitValue() + "):\n" + out);
        }
        return r;
    }
}
