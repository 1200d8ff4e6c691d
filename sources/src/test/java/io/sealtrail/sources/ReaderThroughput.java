package io.sealtrail.sources;

import io.sealtrail.sources.kubernetes.KubernetesAuditFormat;
import io.sealtrail.sources.mapped.MappedFormat;
import io.sealtrail.sources.teleport.TeleportFormat;
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Throwaway throughput harness (not a test): generates a file of the given size per format from the test
 * samples (IDs made unique per copy) and reads it three times on one thread; prints the median.
 * Run: java -cp target/test-classes:target/classes:$(deps) io.sealtrail.sources.ReaderThroughput 200 /tmp/dir
 */
public final class ReaderThroughput {
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private ReaderThroughput() {
    }

    public static void main(String[] args) throws Exception {
        long megabytes = Long.parseLong(args[0]);
        Path dir = Path.of(args[1]);
        Files.createDirectories(dir);
        String only = args.length > 2 ? args[2] : "";
        if (!only.isEmpty() && !only.equals("k8s")) {
            runOthers(dir, megabytes, only);
            return;
        }
        run("kubernetes-audit", new KubernetesAuditFormat(), ReadContext.defaults(),
                generate(dir.resolve("k8s.jsonl"), "kubernetes-audit/generated-stages.jsonl", megabytes, false));
        if (only.equals("k8s")) {
            return;
        }
        runOthers(dir, megabytes, "");
    }

    private static void runOthers(Path dir, long megabytes, String only) throws Exception {
        if (!only.isEmpty() && !only.equals("teleport")) {
            runMapped(dir, megabytes);
            return;
        }
        run("teleport", new TeleportFormat(), ReadContext.defaults(),
                generate(dir.resolve("teleport.jsonl"), "teleport/generated-events.jsonl", megabytes, false));
        if (only.equals("teleport")) {
            return;
        }
        runMapped(dir, megabytes);
    }

    private static void runMapped(Path dir, long megabytes) throws Exception {
        run("jsonl-mapped (Okta JSONL)", new MappedFormat(), context("jsonl-mapped/okta-system-log.properties"),
                generate(dir.resolve("okta.jsonl"), "jsonl-mapped/okta-system-log.jsonl", megabytes, false));
        run("jsonl-mapped (CSV)", new MappedFormat(), context("jsonl-mapped/bastion-sessions.properties"),
                generate(dir.resolve("bastion.csv"), "jsonl-mapped/bastion-sessions.csv", megabytes, true));
    }

    private static ReadContext context(String mapping) throws URISyntaxException {
        return new ReadContext(null, null, Path.of(ReaderThroughput.class.getResource("/" + mapping).toURI()),
                f -> { });
    }

    /** Copies of the sample's records, each copy's IDs suffixed so that no two requests share an auditID. */
    private static Path generate(Path out, String resource, long megabytes, boolean csvHeader) throws IOException {
        String text = Samples.resourceText(resource);
        String header = null;
        if (csvHeader) {
            header = text.substring(0, text.indexOf('\n') + 1);
            text = text.substring(header.length());
        }
        long target = megabytes << 20;
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            long written = 0;
            if (header != null) {
                w.write(header);
            }
            for (long copy = 0; written < target; copy++) {
                // auditIDs and uids in the samples end in two digits; suffix them with the copy number
                String c = text.replaceAll("(-[0-9a-f]{10}0[0-9])\"", "$1-" + copy + "\"");
                w.write(c);
                written += c.length();
            }
        }
        return out;
    }

    private static void run(String name, SourceFormat format, ReadContext context, Path file) throws IOException {
        double[] rates = new double[3];
        double[] cpuRates = new double[3];
        long records = 0;
        long malformed = 0;
        double seconds = 0;
        double[] secs = new double[3];
        for (int i = 0; i < 3; i++) {
            long[] n = {0, 0};
            long t0 = System.nanoTime();
            long c0 = THREADS.getCurrentThreadCpuTime();
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                format.read(in, new SourceFile(file.getFileName().toString(), Instant.EPOCH), context, r -> {
                    n[0]++;
                    if (r.isMalformed()) {
                        n[1]++;
                    }
                });
            }
            secs[i] = (System.nanoTime() - t0) / 1e9;
            rates[i] = n[0] / secs[i];
            cpuRates[i] = n[0] / ((THREADS.getCurrentThreadCpuTime() - c0) / 1e9);
            records = n[0];
            malformed = n[1];
        }
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        double[] sortedSecs = secs.clone();
        Arrays.sort(sortedSecs);
        seconds = sortedSecs[1];
        long size = Files.size(file);
        List<String> runs = new ArrayList<>();
        for (double r : rates) {
            runs.add(String.format("%,.0f", r));
        }
        double[] sortedCpu = cpuRates.clone();
        Arrays.sort(sortedCpu);
        System.out.printf("%-28s %,d MB, %,d records (%,d malformed): median %,.0f records/s wall, %,.0f per CPU"
                + " second, %.1f MB/s wall (runs %s)%n", name, size >> 20, records, malformed, sorted[1],
                sortedCpu[1], (size / 1e6) / seconds, runs);
    }
}
