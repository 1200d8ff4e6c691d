package io.sealtrail.app.cli;

import static io.sealtrail.app.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.cli.CliTest.Run;
import io.sealtrail.cases.CaseFiles;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.CaseVerifier;
import io.sealtrail.cases.ImportRecord;
import io.sealtrail.index.EventQuery;
import io.sealtrail.index.EventSearch;
import io.sealtrail.verify.io.CrashPoints;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety (issue 17, item 2): each command that writes a case or a trust store runs in a child JVM that stops
 * dead at its N-th crash point ({@link CrashPoints}: after every file it forces and every rename that publishes one),
 * for every N until it finishes, and is also killed with SIGKILL at random moments. After each crash the case must
 * open, {@code case verify} and the journal must pass, nothing half-written may be visible, and the same command
 * must then succeed.
 */
class CrashSafetyTest {
    private static final String HOOP = "../sources/src/test/resources/hoop/sessions.json";

    @TempDir
    static Path dir;
    static Path bundle;
    static Path seededCase;
    static Path bundleCase;

    @BeforeAll
    static void inputs() throws IOException {
        System.setProperty("sealtrail.home", dir.resolve("home").toString());
        bundle = dir.resolve("small.zip");
        assertThat(run("gen", "--out", bundle.toString(), "--events", "2000", "--seed", "7").exit()).isZero();
        seededCase = dir.resolve("seeded");
        Run r = run("import", HOOP, "--case", seededCase.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(SealtrailCommand.EXIT_NO_EVIDENCE);
        bundleCase = dir.resolve("with-bundle");
        Run b = run("import", bundle.toString(), "--case", bundleCase.toString(), "--trust", bundle + ".vkey");
        assertThat(b.exit()).as(b.err()).isZero();
        // a report cites the events bookmarked, each with its proof
        assertThat(run("annotate", "--case", bundleCase.toString(), "--event", "5", "--bookmark").exit()).isZero();
    }

    @AfterAll
    static void clearHome() {
        System.clearProperty("sealtrail.home");
    }

    private record Child(int exit, String err) {
        boolean crashed() {
            return exit == CrashPoints.STATUS;
        }
    }

    /** The command in a child JVM with this test's class path and home, stopped at crash point {@code at} (0: none). */
    private static Child child(long at, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Dsealtrail.home=" + dir.resolve("home"),
                "-D" + CrashPoints.PROPERTY + "=" + at, "-cp", System.getProperty("java.class.path"),
                "io.sealtrail.app.Main"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the child finished").isTrue();
        return new Child(p.exitValue(), err);
    }

    /** What a crash may leave: no case at all, or a case that opens, verifies and searches; nothing visible half-made. */
    private static void intact(Path caseDir, String after) throws Exception {
        if (!CaseFolder.isCase(caseDir)) {
            // case.json is written last: before it, only the journal of a case never created, which the next start
            // over removes
            assertThat(visibleFiles(caseDir)).as(after + ": a folder without case.json holds no case's files")
                    .allMatch(f -> f.startsWith(CaseFolder.JOURNAL + File.separator));
            return;
        }
        CaseFolder c = CaseFolder.open(caseDir, Clock.systemUTC());
        CaseVerifier.Result v = new CaseVerifier().verify(c, List.of());
        assertThat(v.ok()).as(after + ": case verify " + v.findings() + " " + v.journal().findings()).isTrue();
        List<ImportRecord> imports = c.bundles();
        if (!imports.isEmpty()) {
            try (EventSearch s = c.openSearch(imports)) {
                assertThat(s.count(EventQuery.all())).as(after + ": the committed imports search").isPositive();
            }
        }
        assertThat(visibleFiles(caseDir)).as(after + ": no half-written file in sight")
                .noneMatch(f -> f.endsWith(".part") || f.contains(".partial-") || f.contains(".building-"));
    }

    /** Files whose path has no hidden part (leftovers of an interrupted import are hidden, and removed by the next). */
    private static List<String> visibleFiles(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString())
                    .filter(f -> !f.startsWith(".") && !f.contains(File.separator + ".")).toList();
        }
    }

    private static Path copyOfSeeded(String name) throws IOException {
        return copyOf(seededCase, name);
    }

    private static Path copyOf(Path from, String name) throws IOException {
        Path to = dir.resolve(name);
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return to;
    }

    /**
     * Runs {@code command} (which names the case folder {@code caseDir} made by {@code fresh}) crashing at point 1,
     * 2, … until it completes, checking the case after each crash and that the command then succeeds in process.
     *
     * @return how many crash points the command passed
     */
    private static int atEveryPoint(String name, CaseMaker fresh, int... okExits) throws Exception {
        for (int n = 1; n < 200; n++) {
            Path caseDir = fresh.make(name + "-" + n);
            String[] args = fresh.command(caseDir);
            Child c = child(n, args);
            if (!c.crashed()) {
                assertThat(c.exit()).as(name + " without a crash: " + c.err()).isIn(box(okExits));
                intact(caseDir, name + " completed");
                return n - 1;
            }
            String where = name + " stopped at " + c.err().lines().filter(l -> l.startsWith("crash point"))
                    .findFirst().orElse(c.err());
            intact(caseDir, where);
            fresh.afterCrash(caseDir, where);
            Run again = run(args);
            if (again.err().contains("is already in this case")) {
                // the crash came after the journal committed the import: it is there, whole (checked above)
                assertThat(CaseFolder.open(caseDir, Clock.systemUTC()).bundles()).as(where).isNotEmpty();
            } else {
                assertThat(again.exit()).as(where + ", then again: " + again.err()).isIn(box(okExits));
            }
            intact(caseDir, where + ", then run again");
            CaseFiles.deleteTree(caseDir);
        }
        throw new AssertionError(name + " never finished");
    }

    private interface CaseMaker {
        Path make(String name) throws IOException;

        String[] command(Path caseDir);

        /** Checks and clears what the command left outside the case before it runs again. */
        default void afterCrash(Path caseDir, String where) throws Exception {
        }
    }

    private static Integer[] box(int[] a) {
        return java.util.Arrays.stream(a).boxed().toArray(Integer[]::new);
    }

    @Test
    void aFirstImportCrashedAtAnyPointLeavesNoCaseOrAWholeOneAndThenSucceeds() throws Exception {
        int points = atEveryPoint("first import", new CaseMaker() {
            public Path make(String name) {
                return dir.resolve(name);
            }

            public String[] command(Path caseDir) {
                return new String[] {"import", bundle.toString(), "--case", caseDir.toString()};
            }
        }, 0, SealtrailCommand.EXIT_UNTRUSTED);
        assertThat(points).as("crash points an import passes").isGreaterThanOrEqualTo(5);
    }

    @Test
    void aSecondImportCrashedAtAnyPointLeavesTheFirstAsItWasAndThenSucceeds() throws Exception {
        atEveryPoint("second import", new CaseMaker() {
            public Path make(String name) throws IOException {
                return copyOfSeeded(name);
            }

            public String[] command(Path caseDir) {
                return new String[] {"import", bundle.toString(), "--case", caseDir.toString()};
            }
        }, 0, SealtrailCommand.EXIT_UNTRUSTED);
    }

    @Test
    void anAnnotationCrashedAtAnyPointLeavesTheJournalVerifyingAndThenSucceeds() throws Exception {
        atEveryPoint("annotate", new CaseMaker() {
            public Path make(String name) throws IOException {
                return copyOfSeeded(name);
            }

            public String[] command(Path caseDir) {
                return new String[] {"annotate", "--case", caseDir.toString(), "--event", "1", "--comment", "seen"};
            }
        }, 0);
    }

    @Test
    void aReportCrashedAtAnyPointLeavesNoPdfOrAWholeOne() throws Exception {
        atEveryPoint("report", new CaseMaker() {
            public Path make(String name) throws IOException {
                return copyOf(bundleCase, name);
            }

            public String[] command(Path caseDir) {
                Path pdf = caseDir.resolveSibling(caseDir.getFileName() + ".pdf");
                try {
                    Files.deleteIfExists(pdf);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return new String[] {"report", "--case", caseDir.toString(), "--out", pdf.toString(), "--trust",
                        bundle + ".vkey"};
            }

            @Override
            public void afterCrash(Path caseDir, String where) throws Exception {
                Path pdf = caseDir.resolveSibling(caseDir.getFileName() + ".pdf");
                if (Files.exists(pdf)) {
                    Run v = run("report", "verify", pdf.toString(), "--vkey", bundle + ".vkey");
                    assertThat(v.exit()).as(where + ": a report that is there is whole: " + v.out() + v.err())
                            .isIn(0, SealtrailCommand.EXIT_UNTRUSTED);
                    Files.delete(pdf);
                }
                try (Stream<Path> s = Files.list(caseDir.getParent())) {
                    assertThat(s.map(p -> p.getFileName().toString())).as(where + ": no visible half-written PDF")
                            .noneMatch(n -> n.startsWith(pdf.getFileName().toString()) && !n.equals(pdf.getFileName()
                                    .toString()));
                }
            }
        }, 0, SealtrailCommand.EXIT_NO_EVIDENCE, SealtrailCommand.EXIT_UNTRUSTED);
    }

    @Test
    void trustAddCrashedAtAnyPointLeavesAReadableTrustStore() throws Exception {
        Path key = Path.of(bundle + ".vkey");
        for (int n = 1; n < 50; n++) {
            Path home = dir.resolve("trust-home-" + n);
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Dsealtrail.home=" + home, "-D" + CrashPoints.PROPERTY + "=" + n, "-cp",
                    System.getProperty("java.class.path"), "io.sealtrail.app.Main", "trust", "add", key.toString()));
            Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String old = System.getProperty("sealtrail.home");
            System.setProperty("sealtrail.home", home.toString());
            try {
                Run list = run("trust", "list");
                assertThat(list.exit()).as("trust list after a crash at point " + n + ": " + list.err()).isZero();
                if (p.exitValue() != CrashPoints.STATUS) {
                    assertThat(p.exitValue()).isZero();
                    assertThat(list.out()).contains("SHA256:");
                    assertThat(n).as("trust add passed at least one crash point").isGreaterThan(1);
                    return;
                }
            } finally {
                System.setProperty("sealtrail.home", old);
            }
        }
        throw new AssertionError("trust add never finished");
    }

    @Test
    void anImportKilledWithSigkillAtRandomMomentsLeavesAWholeCase() throws Exception {
        Path big = dir.resolve("big.zip");
        // its own log: a second log under the first one's origin would be a fork to the checkpoints the home remembers
        assertThat(run("gen", "--out", big.toString(), "--events", "60000", "--seed", "11", "--origin",
                "crash.example/big").exit()).isZero();
        Random random = new Random(17);
        for (int i = 0; i < 4; i++) {
            Path caseDir = copyOfSeeded("killed-" + i);
            List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dsealtrail.home=" + dir.resolve("home"), "-cp", System.getProperty("java.class.path"),
                    "io.sealtrail.app.Main", "import", big.toString(), "--case", caseDir.toString());
            Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            Thread.sleep(300 + random.nextInt(2500));
            p.destroyForcibly(); // SIGKILL on Linux and macOS
            p.waitFor(60, TimeUnit.SECONDS);
            intact(caseDir, "SIGKILL " + i + " (exit " + p.exitValue() + ")");
            Run again = run("import", big.toString(), "--case", caseDir.toString());
            assertThat(again.exit()).as(again.out() + again.err()).isIn(0, SealtrailCommand.EXIT_UNTRUSTED);
            intact(caseDir, "SIGKILL " + i + ", then imported again");
        }
    }
}
