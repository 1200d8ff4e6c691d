package io.sealtrail.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class HistogramChartTest {

    @Test
    void drawingMoreChartsOpensNoMoreFiles() throws IOException {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "counts this process's descriptors in /proc");
        List<LocalDate> days = List.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2));
        Map<String, long[]> perDay = Map.of("b1", new long[] {3, 5});
        HistogramChart.render(days, List.of("b1"), perDay, 600, 300); // the first may read the font
        System.gc();
        long before = openFiles();

        for (int i = 0; i < 5; i++) {
            HistogramChart.render(days, List.of("b1"), perDay, 600, 300);
        }
        System.gc();

        assertThat(openFiles()).isEqualTo(before);
    }

    /** Descriptors of this process on regular files (jars and the JDK's modules image apart: class loading opens them). */
    private static long openFiles() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.map(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString();
                } catch (IOException e) {
                    return "";
                }
            }).filter(t -> t.startsWith("/") && !t.endsWith(".jar") && !t.endsWith("/modules")).count();
        }
    }
}
