package io.sealtrail.opensearch;

import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.ImportRecord;
import io.sealtrail.index.EventQuery;
import io.sealtrail.index.EventSearch;
import io.sealtrail.index.IndexSchema;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Query latencies of one case on both engines, by hand (a bench, not a test): the case must have been imported with
 * {@code --opensearch}. Each operation runs 3 times to warm up, then 15 times alternating engines; the medians are
 * printed in milliseconds.
 * {@code java -cp <test classpath> io.sealtrail.opensearch.ClusterBench CASE_DIR}
 */
public final class ClusterBench {
    private ClusterBench() {
    }

    interface Op {
        void run(EventSearch s) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        CaseFolder c = CaseFolder.open(Path.of(args[0]), Clock.systemUTC());
        List<ImportRecord> imports = c.bundles();
        Map<String, Op> ops = new LinkedHashMap<>();
        ops.put("search page of 50, 2 terms", s -> s.search(EventQuery.of("event.outcome:denied user.name:a*"), 50, null));
        ops.put("search page of 50, bare word", s -> s.search(EventQuery.of("payments"), 50, null));
        ops.put("count, wildcard OR range", s -> s.count(EventQuery.of("target.name:prod-* OR seq:[1000 TO 90000]")));
        ops.put("facets user.name top 10", s -> s.facets(EventQuery.all(), IndexSchema.USER_NAME, 10));
        ops.put("histogram 1h, all events", s -> s.histogram(EventQuery.all(), Duration.ofHours(1)));
        ops.put("sessions, denied events", s -> s.sessions(EventQuery.of("event.outcome:denied")));
        try (EventSearch local = c.openSearch(imports);
             EventSearch cluster = ClusterCases.openSearch(c, imports, ClusterConnection::open)
                     .orElseThrow(() -> new IllegalStateException("the case was not sent to OpenSearch"))) {
            System.out.printf("%-34s %10s %12s%n", "operation", "local ms", "opensearch ms");
            for (var e : ops.entrySet()) {
                for (int i = 0; i < 3; i++) {
                    e.getValue().run(local);
                    e.getValue().run(cluster);
                }
                double[] l = new double[15];
                double[] o = new double[15];
                for (int i = 0; i < 15; i++) {
                    l[i] = time(e.getValue(), local);
                    o[i] = time(e.getValue(), cluster);
                }
                System.out.printf("%-34s %10.1f %12.1f%n", e.getKey(), median(l), median(o));
            }
        }
    }

    private static double time(Op op, EventSearch s) throws Exception {
        long t = System.nanoTime();
        op.run(s);
        return (System.nanoTime() - t) / 1e6;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

}
