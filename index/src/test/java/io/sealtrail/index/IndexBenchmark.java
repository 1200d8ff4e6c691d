package io.sealtrail.index;

import io.sealtrail.verify.VerificationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Not a unit test: measures import rate, index size and search latency on a generated bundle.
 * {@code java -cp ... io.sealtrail.index.IndexBenchmark <events> <workdir> [threads...]}
 */
public final class IndexBenchmark {
    private static final int RUNS = 20;

    @FunctionalInterface
    private interface Op {
        Object run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int events = Integer.parseInt(args[0]);
        Path work = Path.of(args[1]);
        boolean searchOnly = args.length > 2 && args[2].equals("search"); // reuse the index of an earlier run
        int[] threads = searchOnly ? new int[0] : args.length > 2
                ? Arrays.stream(args, 2, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {Runtime.getRuntime().availableProcessors()};
        Path bundle = work.resolve("bundle-" + events);
        if (!Files.exists(bundle)) {
            long t = System.nanoTime();
            new io.sealtrail.verify.gen.BundleGenerator().generate(bundle,
                    io.sealtrail.verify.gen.BundleGenerator.Options.defaults(events, 42), n -> { });
            System.out.printf("generated %,d events in %.1f s, %,d bytes%n", events, secs(t), size(bundle));
        }
        long t = System.nanoTime();
        VerificationReport report = TestBundles.verify(bundle, 42);
        System.out.printf("verified in %.1f s: %s%n", secs(t), report.verdict());
        Path index = work.resolve("index-" + events + "-t2");
        for (int n : threads) {
            index = work.resolve("index-" + events + "-t" + n);
            IndexFiles.deleteTree(index);
            t = System.nanoTime();
            IndexBuilder.IndexResult r = IndexBuilder.build(bundle, report, index, IndexBuilder.Progress.NONE,
                    () -> false, n);
            double s = secs(t);
            System.out.printf("threads %d: indexed %,d events in %.1f s = %,.0f events/s; index %,d bytes (%.0f B/event)%n",
                    n, r.events(), s, r.events() / s, size(index), (double) size(index) / r.events());
        }
        try (EventSearch search = EventSearch.open(List.of(index))) {
            measure("count event.outcome:denied", () -> search.count(EventQuery.of("event.outcome:denied")));
            measure("search event.outcome:denied, first 100", () -> search.search(EventQuery.of("event.outcome:denied"), 100, null));
            measure("facet user.name top 10", () -> search.facets(EventQuery.all(), IndexSchema.USER_NAME, 10));
            measure("histogram 1h", () -> search.histogram(EventQuery.all(), Duration.ofHours(1)));
            measure("sessions (all)", () -> search.sessions(EventQuery.all()));
            measure("free text 'payments' first 100", () -> search.search(EventQuery.of("payments"), 100, null));
            measure("around seq " + events / 2 + " +-20", () -> search.around(report.manifest().bundleId(), events / 2, 20));
        }
    }

    private static void measure(String name, Op op) throws Exception {
        for (int i = 0; i < 3; i++) {
            op.run(); // warm-up
        }
        long[] ns = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            op.run();
            ns[i] = System.nanoTime() - t;
        }
        Arrays.sort(ns);
        System.out.printf("%-40s median %8.2f ms (min %.2f, max %.2f)%n", name, ns[RUNS / 2] / 1e6, ns[0] / 1e6,
                ns[RUNS - 1] / 1e6);
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static long size(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
