package io.sealtrail.index;

import io.sealtrail.model.AuditEvent;
import io.sealtrail.verify.VerificationReport;
import io.sealtrail.verify.bundle.BundleFormatException;
import io.sealtrail.verify.bundle.BundleSource;
import io.sealtrail.verify.bundle.Manifest;
import io.sealtrail.verify.bundle.ManifestCodec;
import io.sealtrail.verify.event.EventLabels;
import io.sealtrail.verify.event.EventLineParser;
import io.sealtrail.verify.event.ParsedLine;
import io.sealtrail.verify.merkle.Merkle;
import io.sealtrail.verify.merkle.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.store.FSDirectory;

/**
 * Builds the index of one verified bundle, once, at import (ADR 0004). The evidence is only read, segment
 * by segment; documents are built and added on worker threads while the next batch of lines is read.
 * The index is written to a hidden sibling folder and moved into place atomically after its commit, so
 * {@code target} either holds a complete index or does not exist.
 */
public final class IndexBuilder {
    /** Batches read ahead of the workers: bounds memory to a few MiB whatever the bundle size. */
    private static final int READ_AHEAD = 4;

    /** Progress in events read; called from the building thread, once per batch (about 2,000 events). */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> { };

        void update(long done, long total);
    }

    /** What was indexed, with the per-event integrity tally. */
    public record IndexResult(Path index, String bundleId, long events, long unparsed, long verified, long broken,
                              long notCovered, Duration elapsed) {
    }

    private IndexBuilder() {
    }

    /** Builds with one worker per available core. */
    public static IndexResult build(Path bundle, VerificationReport report, Path target, Progress progress,
                                    BooleanSupplier cancelled) throws IOException, IndexException {
        return build(bundle, report, target, progress, cancelled, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param report  the verification of this very bundle; it decides each event's integrity
     * @param target  must not exist
     * @param threads workers that parse lines and add documents (at least 1); reading is on the caller's thread
     * @throws CancellationException when {@code cancelled} turned true; nothing is left behind
     */
    public static IndexResult build(Path bundle, VerificationReport report, Path target, Progress progress,
                                    BooleanSupplier cancelled, int threads) throws IOException, IndexException {
        return build(bundle, report, target, progress, cancelled, threads, IndexTap.NONE);
    }

    /** As above, showing every event to {@code tap} as it is indexed. */
    public static IndexResult build(Path bundle, VerificationReport report, Path target, Progress progress,
                                    BooleanSupplier cancelled, int threads, IndexTap tap)
            throws IOException, IndexException {
        long t0 = System.nanoTime();
        Counts counts = IndexFiles.buildInPlace(target,
                temp -> write(bundle, report, temp, progress, cancelled, Math.max(1, threads), tap));
        return new IndexResult(target.toAbsolutePath(), counts.bundleId, counts.events.get(), counts.unparsed.get(),
                counts.verified.get(), counts.broken.get(), counts.notCovered.get(),
                Duration.ofNanos(System.nanoTime() - t0));
    }

    private static final class Counts {
        String bundleId;
        final AtomicLong events = new AtomicLong();
        final AtomicLong unparsed = new AtomicLong();
        final AtomicLong verified = new AtomicLong();
        final AtomicLong broken = new AtomicLong();
        final AtomicLong notCovered = new AtomicLong();

        void tally(Integrity i) {
            (switch (i) {
                case VERIFIED -> verified;
                case BROKEN -> broken;
                case NOT_COVERED, UNSEALED -> notCovered; // a bundle is never unsealed
            }).incrementAndGet();
        }
    }

    private static Counts write(Path bundle, VerificationReport report, Path dir, Progress progress,
                                BooleanSupplier cancelled, int threads, IndexTap tap) throws IOException, IndexException {
        try (BundleSource source = BundleSource.open(bundle)) {
            byte[] manifestBytes = source.readSmall(Manifest.MANIFEST, BundleSource.MAX_SMALL_FILE);
            Manifest m = manifest(bundle, manifestBytes, report);
            Counts counts = new Counts();
            counts.bundleId = m.bundleId();
            IntegrityRule rule = IntegrityRule.of(report, m);
            Analyzer analyzer = EventQueryParser.analyzer();
            TieredMergePolicy merges = new TieredMergePolicy();
            merges.setNoCFSRatio(0.0); // a fresh folder of a few segments: compound files would only copy them again
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                    // 64 MB: smaller or larger buffers measured within the noise (ADR 0008); a fixed value, no switch
                    .setRAMBufferSizeMB(64)
                    .setUseCompoundFile(false)
                    .setMergePolicy(merges)
                    .setIndexSort(EventSearchOrder.sort(false)) // first pages stop early; histogram runs are long
                    .setCommitOnClose(false);
            try (FSDirectory directory = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(directory, config)) {
                try (LineStore.Writer lines = new LineStore.Writer(dir)) {
                    addAll(source, m, rule, writer, lines, counts, progress, cancelled, threads, tap);
                }
                writer.setLiveCommitData(Map.of(
                        IndexSchema.USER_SCHEMA_VERSION, Integer.toString(IndexSchema.VERSION),
                        IndexSchema.USER_BUNDLE_ID, m.bundleId(),
                        IndexSchema.USER_EVENT_COUNT, Long.toString(counts.events.get()),
                        IndexSchema.USER_MANIFEST_SHA256, Sha256.hex(manifestBytes))
                        .entrySet());
                writer.commit();
            } finally {
                analyzer.close();
            }
            return counts;
        } catch (BundleFormatException e) {
            throw new IndexException(bundle + ": " + e.getMessage(), e);
        }
    }

    private static Manifest manifest(Path bundle, byte[] bytes, VerificationReport report) throws IndexException {
        Manifest m;
        try {
            m = ManifestCodec.read(bytes);
        } catch (ManifestCodec.ManifestException e) {
            throw new IndexException(bundle + ": manifest.json is not valid, so the events cannot be placed: "
                    + e.getMessage(), e);
        }
        if (report.manifest() == null || !report.manifest().bundleId().equals(m.bundleId())) {
            throw new IndexException(bundle + ": the verification report is for another bundle ("
                    + (report.manifest() == null ? "no manifest" : report.manifest().bundleId()) + ", not "
                    + m.bundleId() + ")");
        }
        return m;
    }

    private static void addAll(BundleSource source, Manifest m, IntegrityRule rule, IndexWriter writer,
                               LineStore.Writer lines, Counts counts, Progress progress, BooleanSupplier cancelled,
                               int threads, IndexTap tap)
            throws IOException, IndexException {
        AtomicInteger ids = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sealtrail-index-" + ids.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ThreadLocal<Worker> workers = ThreadLocal.withInitial(() -> new Worker(m.bundleId(), rule, writer, counts, tap));
        Semaphore slots = new Semaphore(threads + READ_AHEAD);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long total = m.eventCount();
        long[] read = {0};
        try {
            List<Manifest.FileEntry> segments = m.eventSegments().stream()
                    .sorted(Comparator.comparingLong(Manifest.FileEntry::firstSeq)).toList();
            for (Manifest.FileEntry seg : segments) {
                if (!source.exists(seg.path())) {
                    continue; // FILE_MISSING is in the report; there is nothing to index
                }
                try (InputStream in = source.open(seg.path())) {
                    SegmentLines.split(in, seg.path(), seg.firstSeq(), batch -> {
                        IndexFiles.rethrow(failure.get());
                        if (cancelled.getAsBoolean()) {
                            throw new CancellationException("index build cancelled");
                        }
                        long firstOrd = read[0];
                        for (int i = 0; i < batch.count(); i++) { // the lines in read order: ordinals firstOrd + i
                            lines.add(batch.data(), batch.starts()[i], batch.lengths()[i],
                                    batch.hashes() != null && batch.hashes()[i] != null);
                        }
                        slots.acquire();
                        pool.execute(() -> {
                            try {
                                if (failure.get() == null) {
                                    workers.get().index(batch, firstOrd);
                                }
                            } catch (Throwable t) {
                                failure.compareAndSet(null, t);
                            } finally {
                                slots.release();
                            }
                        });
                        read[0] += batch.count();
                        progress.update(read[0], total);
                    });
                }
            }
            // The last in-memory segments: flushed by the workers side by side, not one after another by commit().
            for (int i = 0; i < threads; i++) {
                slots.acquire();
                pool.execute(() -> {
                    try {
                        if (failure.get() == null) {
                            writer.flushNextBuffer();
                        }
                    } catch (Throwable t) {
                        failure.compareAndSet(null, t);
                    } finally {
                        slots.release();
                    }
                });
            }
            pool.shutdown();
            if (!pool.awaitTermination(1, TimeUnit.DAYS)) {
                throw new IndexException("indexing did not finish");
            }
            IndexFiles.rethrow(failure.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("index build interrupted");
        } finally {
            pool.shutdownNow();
            IndexFiles.awaitQuietly(pool);
        }
    }

    /** Per-thread state: the parser and the digest are not thread-safe. */
    private static final class Worker {
        private final EventLineParser parser = new EventLineParser();
        private final MessageDigest digest = Sha256.newDigest();
        private final EventDocument document = new EventDocument();
        private final String bundleId;
        private final IntegrityRule rule;
        private final IndexWriter writer;
        private final Counts counts;
        private final IndexTap tap;
        /** What the tap sees of the batch being indexed; null without a tap. */
        private java.util.ArrayList<IndexTap.Event> tapped;

        Worker(String bundleId, IntegrityRule rule, IndexWriter writer, Counts counts, IndexTap tap) {
            this.bundleId = bundleId;
            this.rule = rule;
            this.writer = writer;
            this.counts = counts;
            this.tap = tap;
        }

        /** Adds the batch as one block (IndexFiles.addBlock: whole batches per segment, already in sort order). */
        void index(SegmentLines.Batch b, long firstOrd) throws IOException {
            tapped = tap.active() ? new java.util.ArrayList<>(b.count()) : null;
            IndexFiles.addBlock(writer, b.count(), at -> document(b, at, firstOrd + at));
            if (tapped != null) {
                tap.batch(tapped);
            }
        }

        private List<IndexableField> document(SegmentLines.Batch b, int i, long ord) {
            int off = b.starts()[i];
            int len = b.lengths()[i];
            ParsedLine p = parser.parse(b.data(), off, len);
            boolean cut = b.hashes() != null && b.hashes()[i] != null;
            byte[] hash = cut ? b.hashes()[i] : leafHash(b.data(), off, len);
            long leaf = b.firstLeaf() + i;
            Integrity integrity = rule.at(leaf, p.event() != null);
            IndexSchema.LinePosition at = new IndexSchema.LinePosition(bundleId, b.file(), b.firstLine() + i, leaf);
            counts.events.incrementAndGet();
            if (p.event() == null) {
                counts.unparsed.incrementAndGet();
            }
            counts.tally(integrity);
            AuditEvent event = p.event();
            String output = null;
            if (event != null) {
                // a sealed source's line (docs/decisions/0018-seal.md) keeps what its session printed, and says
                // when the source gave no outcome, beside the outcome the format requires
                Map<String, String> labels = EventLabels.of(b.data(), off, len);
                output = labels.get(EventLabels.SESSION_OUTPUT);
                event = EventLabels.asRecorded(event, labels);
            }
            if (tapped != null) {
                tapped.add(new IndexTap.Event(at, event, p.seq() >= 0 ? p.seq() : leaf,
                        event != null ? event.time() : p.time(), event == null ? p.action() : null,
                        new String(b.data(), off, len, java.nio.charset.StandardCharsets.UTF_8),
                        java.util.HexFormat.of().formatHex(hash), integrity, EventLineParser.SOURCE_FORMAT, output));
            }
            return document.fill(at, event, p.seq(), p.time(), p.action(), b.data(), off, len,
                    hash, cut, integrity, ord, EventLineParser.SOURCE_FORMAT, output);
        }

        private byte[] leafHash(byte[] buf, int off, int len) {
            return Merkle.leafHash(digest, buf, off, len);
        }
    }
}
