package io.sealtrail.tools.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** What the soak reads of its own process: heap after a full collection, collections so far, open file descriptors. */
final class SoakGauges {
    private SoakGauges() {
    }

    /** Heap in use after two full collections (one may leave what finalisation or reference processing freed). */
    static long heapAfterFullGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Collections and their milliseconds so far, over every collector. */
    static long[] collections() {
        long n = 0;
        long ms = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, b.getCollectionCount());
            ms += Math.max(0, b.getCollectionTime());
        }
        return new long[] {n, ms};
    }

    /**
     * The process's open file descriptors, by what they point at. Jar files are apart: a class first loaded in a
     * phase opens its jar for the rest of the JVM's life, which is not a leak of the case's files.
     *
     * @param all     every descriptor, -1 where /proc/self/fd does not exist
     * @param jars    those on a .jar file (or the JDK's modules image)
     * @param inCase  those on a file of the case folder
     * @param others  what the descriptors but the jars point at (pipe and socket numbers left out)
     */
    record Descriptors(int all, int jars, int inCase, java.util.Set<String> others) {
        /** Everything but the class path's jars. */
        int notJars() {
            return all - jars;
        }

        /**
         * What a leak would raise: everything but the jars and one JDK font copy. A font read from a stream (the
         * report's charts) is copied to a temporary {@code +~JF…tmp} file the JDK keeps open while the font lives; the
         * report keeps its one font for the JVM's life. More than one copy is counted: that is a font per report.
         */
        int leakable() {
            long fonts = others.stream().filter(t -> t.contains("/+~JF") && t.endsWith(".tmp")).count();
            return notJars() - (int) Math.min(1, fonts);
        }

        static Descriptors of(Path caseDir) {
            Path fds = Path.of("/proc/self/fd");
            if (!Files.isDirectory(fds)) {
                return new Descriptors(-1, 0, 0, java.util.Set.of());
            }
            Path root = caseDir.toAbsolutePath().normalize();
            int all = 0;
            int jars = 0;
            int inCase = 0;
            java.util.Set<String> others = new java.util.TreeSet<>();
            List<Path> entries;
            try (Stream<Path> s = Files.list(fds)) {
                entries = s.toList();
            } catch (IOException e) {
                return new Descriptors(-1, 0, 0, java.util.Set.of());
            }
            // the listing's own descriptor is among the entries and gone now: it has no target left to read
            for (Path fd : entries) {
                Path target;
                try {
                    target = Files.readSymbolicLink(fd);
                } catch (IOException e) {
                    continue;
                }
                all++;
                String t = target.toString();
                if (t.endsWith(".jar") || t.endsWith("/lib/modules")) {
                    jars++;
                } else {
                    others.add(t.replaceAll("\\[\\d+]$", "[…]"));
                    if (target.startsWith(root)) {
                        inCase++;
                    }
                }
            }
            return new Descriptors(all, jars, inCase, others);
        }
    }

    /**
     * How many files of the folder this process still maps (/proc/self/maps; 0 off Linux). Lucene reads an index
     * through memory maps, which outlive the file descriptor: a searcher never closed leaks maps, not descriptors.
     */
    static int mappedIn(Path dir) {
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            return 0;
        }
        String root = dir.toAbsolutePath().normalize() + "/";
        try (Stream<String> lines = Files.lines(maps)) {
            return (int) lines.map(l -> l.indexOf('/') < 0 ? "" : l.substring(l.indexOf('/')))
                    .filter(f -> f.startsWith(root)).distinct().count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    /** The value at quantile {@code q} (0..1) of sorted millisecond figures, nearest rank; NaN when there are none. */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double[] sorted(List<Double> ms) {
        double[] a = ms.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a;
    }
}
