package io.sealtrail.tools.bench;

import static io.sealtrail.tools.bench.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'bench soak' on a small generated case: its phases, its file handles, its goal lines. */
class BenchSoakTest {
    @TempDir
    static Path dir;

    static Path caseDir;
    static String vkey;

    @BeforeAll
    static void importAGeneratedBundle() {
        System.setProperty("sealtrail.home", dir.resolve("home").toString());
        Path bundle = dir.resolve("b");
        assertThat(run("gen", "--events", "3000", "--seed", "11", "--out", bundle.toString()).exit()).isZero();
        caseDir = dir.resolve("case");
        vkey = dir.resolve("b.vkey").toString();
        Cli.Run r = run("import", bundle.toString(), "--case", caseDir.toString(), "--trust", vkey, "--no-trust-store");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
    }

    @AfterAll
    static void forgetHome() {
        System.clearProperty("sealtrail.home");
    }

    private static Cli.Run soak(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("bench", "soak", "--case", caseDir.toString(), "--searches",
                "40", "--seed", "3"));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    @Test
    void eachPhasePrintsItsHeapAndOpenFilesInOrder() {
        Cli.Run r = soak("--report", "--trust", vkey);

        assertThat(r.out()).as(r.err())
                .containsSubsequence("phase start", "phase open", "phase operations", "phase report", "phase closed");
        assertThat(r.out().lines().filter(l -> l.startsWith("phase ")))
                .hasSize(5).allSatisfy(l -> assertThat(l).containsPattern("heap after full GC +[\\d.,]+ MB")
                        .containsPattern("open files \\d+ \\(\\d+ in the case"));
        assertThat(r.out()).containsPattern("(?m)^term +\\d+ +[\\d.]+ +[\\d.]+ +[\\d.]+");
    }

    @Test
    void fileHandlesAreBackToTheStartFigureAfterClosing() {
        Cli.Run r = soak("--report", "--reports", "2", "--trust", vkey);

        assertThat(r.out()).as(r.err()).containsPattern("(?m)^phase open .*open files \\d+ \\([1-9]\\d* in the case|"
                + "(?m)^phase open .*case files mapped [1-9]");
        assertThat(r.out()).containsPattern("(?m)^phase closed .*\\(0 in the case.*case files mapped 0$");
        assertThat(r.out()).containsPattern("(?m)^PASS open files after closing: \\d+, 0 of them in the case");
        assertThat(r.out()).contains("PASS case files still mapped after closing: 0");
        assertThat(r.out()).containsPattern("(?m)^PASS 2 reports: open files after the last (\\d+), after the first \\1$");
    }

    @Test
    void theCaseIsNotChanged() {
        Cli.Run r = soak("--report", "--trust", vkey);

        assertThat(r.out()).as(r.err()).containsPattern("(?m)^PASS case unchanged: [\\d,]+ files");
    }

    @Test
    void aGoalSetImpossiblyLowIsAMissAndExitOne() {
        Cli.Run r = soak("--report", "--trust", vkey, "--goal-term-ms", "0.0001", "--goal-report-s", "0.0001");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).containsPattern("(?m)^MISS term p50 [\\d.]+ ms \\(goal <= 0 ms")
                .containsPattern("(?m)^MISS report [\\d.]+ s \\(goal <= 0 s");
    }

    @Test
    void theSameSeedRunsTheSameOperations() throws Exception {
        Path a = dir.resolve("a.tsv");
        Path b = dir.resolve("b.tsv");
        soak("--ops-log", a.toString());
        soak("--ops-log", b.toString());

        List<String> first = queries(a);
        assertThat(first).hasSize(40);
        assertThat(queries(b)).isEqualTo(first);
    }

    /** The kind, matched count and query of each line: all but the time. */
    private static List<String> queries(Path tsv) throws Exception {
        return Files.readAllLines(tsv).stream().skip(1).map(l -> l.split("\t"))
                .map(f -> f[1] + "\t" + f[3] + "\t" + f[4]).toList();
    }
}
