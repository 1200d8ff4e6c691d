package io.sealtrail.tools.bench;

import static io.sealtrail.tools.bench.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.sealtrail.app.AppInfo;
import io.sealtrail.app.cli.SealtrailCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import's timing lines and how 'bench import' reads and summarises them. */
class BenchImportTest {
    @TempDir
    Path dir;

    @Test
    void anImportWithTimingOnPrintsTheLinesTheBenchmarkReads() throws Exception {
        System.setProperty("sealtrail.home", dir.resolve("home").toString());
        System.setProperty(AppInfo.TIMING_PROPERTY, "true");
        try {
            Path bundle = dir.resolve("b");
            assertThat(run("gen", "--events", "1500", "--seed", "5", "--out", bundle.toString()).exit()).isZero();
            Cli.Run r = run("import", bundle.toString(), "--case", dir.resolve("case").toString(), "--trust",
                    dir.resolve("b.vkey").toString(), "--no-trust-store");
            assertThat(r.exit()).as(r.out() + r.err()).isZero();

            BenchImport.ImportRun parsed = BenchImport.parse(9.5, r.err());
            assertThat(parsed.wallS()).isEqualTo(9.5);
            assertThat(List.of(parsed.copyS(), parsed.verifyS(), parsed.indexS(), parsed.sealS()))
                    .allSatisfy(s -> assertThat(s).isBetween(0.0, 600.0));
            assertThat(parsed.indexS()).isPositive();
            assertThat(parsed.cpuS()).isPositive();
            assertThat(r.out()).containsPattern("\\(copy [\\d.]+ s, verify [\\d.]+ s, index [\\d.]+ s, seal [\\d.]+ s\\):"
                    + " [\\d,]+ events/s");
        } finally {
            System.clearProperty(AppInfo.TIMING_PROPERTY);
            System.clearProperty("sealtrail.home");
        }
    }

    @Test
    void anImportWithoutTimingOnPrintsNoTimingLines() throws Exception {
        System.setProperty("sealtrail.home", dir.resolve("home").toString());
        try {
            Path bundle = dir.resolve("b");
            assertThat(run("gen", "--events", "500", "--seed", "6", "--out", bundle.toString()).exit()).isZero();
            Cli.Run r = run("import", bundle.toString(), "--case", dir.resolve("case").toString(), "--trust",
                    dir.resolve("b.vkey").toString(), "--no-trust-store");
            assertThat(r.exit()).isZero();
            assertThat(r.err()).doesNotContain("timing:");
        } finally {
            System.clearProperty("sealtrail.home");
        }
    }

    @Test
    void outputWithoutTimingLinesIsAnErrorThatShowsIt() {
        assertThatThrownBy(() -> BenchImport.parse(1.0, "sealtrail: no such case"))
                .isInstanceOf(SealtrailCommand.UserException.class)
                .hasMessageContaining("no timing lines").hasMessageContaining("no such case");
    }

    @Test
    void theReportShowsMediansNotTheLastRun() {
        List<BenchImport.ImportRun> runs = List.of(
                new BenchImport.ImportRun(20.0, 1, 2, 16, 1, 38, 700 * 1024, 0),
                new BenchImport.ImportRun(10.0, 0.5, 1, 8, 0.5, 19, 500 * 1024, 0),
                new BenchImport.ImportRun(12.5, 0.6, 1.5, 10, 0.4, 24, 600 * 1024, 0));
        StringWriter out = new StringWriter();
        BenchImport.ImportReport.print(new PrintWriter(out), 1_000_000, runs);

        assertThat(out.toString())
                .contains("median of 3: 1,000,000 events in 12.5 s (10.0–20.0) = 80,000 events/s")
                .contains("copy 0.60 s, verify 1.50 s, index 10.00 s, seal 0.50 s")
                .contains("CPU 24.0 s").contains("peak RSS 600 MiB");
    }

    @Test
    void theMedianOfAnEvenNumberOfRunsIsTheMeanOfTheMiddleTwo() {
        List<BenchImport.ImportRun> runs = List.of(
                new BenchImport.ImportRun(4, 0, 0, 0, 0, 0, 0, 0), new BenchImport.ImportRun(1, 0, 0, 0, 0, 0, 0, 0),
                new BenchImport.ImportRun(3, 0, 0, 0, 0, 0, 0, 0), new BenchImport.ImportRun(100, 0, 0, 0, 0, 0, 0, 0));
        assertThat(BenchImport.ImportReport.median(runs, BenchImport.ImportRun::wallS)).isCloseTo(3.5, within(1e-9));
    }
}
