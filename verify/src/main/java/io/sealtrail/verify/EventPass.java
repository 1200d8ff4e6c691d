package io.sealtrail.verify;

import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Location;
import io.sealtrail.verify.bundle.BundleSource;
import io.sealtrail.verify.bundle.Manifest;
import io.sealtrail.verify.merkle.CompactRange;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads every event segment exactly once: segments are scanned in parallel (each thread hashes the file,
 * hashes and parses its lines), and their results are handed to the {@link ChainAssembler} in log order.
 * At most a few results wait at a time, so memory stays bounded by the segment size, not the bundle.
 * The findings of the events, their chain and their tree are collected by the thread that calls
 * {@link #run} and handed over in its {@link Result}.
 */
final class EventPass {
    /** What the event pass established, with its own findings. */
    record Result(long events, int segments, long bytes, ChainAssembler.Result chain,
                  FindingCollector.Collected findings) {
    }

    private final BundleSource source;
    private final Manifest manifest;
    private final Duration heartbeatLimit;
    private final int threads;
    private final BundleVerifier.Progress progress;

    EventPass(BundleSource source, Manifest manifest, Duration heartbeatLimit, int threads,
              BundleVerifier.Progress progress) {
        this.source = source;
        this.manifest = manifest;
        this.heartbeatLimit = heartbeatLimit;
        this.threads = threads;
        this.progress = progress;
    }

    /**
     * @param startTree     the tree at the bundle's start
     * @param prevEntryHash what the first event's prev must be, or null when unknown
     * @param checkpoints   the checkpoints whose roots the events must reproduce, by tree size
     * @param probeSizes    further sizes whose roots are wanted (to catch a fork)
     */
    Result run(CompactRange startTree, byte[] prevEntryHash, NavigableMap<Long, CheckpointFile> checkpoints,
               NavigableSet<Long> probeSizes) {
        FindingCollector findings = new FindingCollector();
        ChainAssembler chain = new ChainAssembler(findings, startTree, prevEntryHash, checkpoints, heartbeatLimit,
                probeSizes);
        List<Manifest.FileEntry> segments = manifest.eventSegments().stream()
                .filter(f -> source.exists(f.path()))
                .sorted(Comparator.comparingLong(Manifest.FileEntry::firstSeq))
                .toList();
        long totalBytes = segments.stream().mapToLong(Manifest.FileEntry::size).sum();
        ThreadLocal<SegmentScanner> scanners = ThreadLocal.withInitial(() ->
                new SegmentScanner(heartbeatLimit, manifest.timeFrom(), manifest.timeTo()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
        Deque<Future<SegmentResult>> inFlight = new ArrayDeque<>();
        long events = 0;
        long bytes = 0;
        int next = 0;
        try {
            for (int i = 0; i < segments.size(); i++) {
                while (next < segments.size() && next < i + threads + 1) {
                    Manifest.FileEntry entry = segments.get(next++);
                    inFlight.add(pool.submit(() -> scanners.get().scan(source, entry)));
                }
                SegmentResult r = await(inFlight.poll(), segments.get(i), findings);
                if (r == null) {
                    continue;
                }
                findings.absorb(r.findings);
                FileInventory.checkSizeAndHash(r.entry, r.bytes, java.util.HexFormat.of().parseHex(r.fileSha256), findings);
                chain.accept(r);
                events += r.count;
                bytes += r.bytes;
                progress.update(bytes, totalBytes);
            }
        } finally {
            pool.shutdownNow();
        }
        ChainAssembler.Result assembled = chain.finish();
        return new Result(events, segments.size(), bytes, assembled, findings.collected());
    }

    private static SegmentResult await(Future<SegmentResult> f, Manifest.FileEntry entry, FindingCollector findings) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("verification cancelled");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                findings.add(FindingCode.FILE_HASH_MISMATCH, Location.file(entry.path()),
                        "cannot be read to the end: " + io.getMessage());
                return null;
            }
            throw new IllegalStateException("scanning " + entry.path() + " failed", cause);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "sealtrail-verify-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
