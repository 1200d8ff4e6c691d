package io.sealtrail.app.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** This process's CPU time and peak resident memory, for the benchmarks' figures. */
final class ProcessStats {
    private ProcessStats() {
    }

    /** CPU time of all the JVM's threads (incl. compiler and GC), or -1 where the JVM does not say. */
    static long cpuMillis() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long nanos = os.getProcessCpuTime();
            return nanos < 0 ? -1 : nanos / 1_000_000;
        }
        return -1;
    }

    /** Peak resident set size in KiB ({@code VmHWM} of /proc/self/status), or -1 off Linux. */
    static long peakRssKb() {
        Path status = Path.of("/proc/self/status");
        try {
            if (Files.isReadable(status)) {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:")) {
                        return Long.parseLong(line.substring(6).replace("kB", "").trim());
                    }
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
