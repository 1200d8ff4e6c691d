package io.sealtrail.index;

import io.sealtrail.sources.RecordSink;
import io.sealtrail.sources.SourceRecord;
import io.sealtrail.sources.SourceVerification;
import io.sealtrail.verify.merkle.Merkle;
import io.sealtrail.verify.merkle.Sha256;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.store.FSDirectory;

/**
 * Builds the index of one imported source other than a bundle (docs/sources.md), with the same schema as a
 * bundle's: the records arrive from the source's reader on the calling thread, in file order, each with its raw
 * bytes for the line store; documents are built and added on worker threads. A record's integrity is its file's
 * (what the source's own evidence established); its seq and leaf are its number in the source, from 0.
 */
public final class SourceIndexBuilder {
    private static final int BATCH = 1024;
    private static final int READ_AHEAD = 4;

    /** Streams a source's records, in order, into a sink. */
    @FunctionalInterface
    public interface Records {
        void read(RecordSink sink) throws IOException;
    }

    /** What was indexed. */
    public record Result(long events, long malformed, long verified, long broken, long notCovered, long unsealed,
                         Duration elapsed) {
    }

    private SourceIndexBuilder() {
    }

    /** The per-event integrity of a record from a file the source's evidence judged so. */
    public static Integrity integrity(SourceVerification.FileIntegrity f) {
        return switch (f) {
            case VERIFIED -> Integrity.VERIFIED;
            case ALTERED -> Integrity.BROKEN;
            case NOT_COVERED -> Integrity.NOT_COVERED;
            case UNSEALED -> Integrity.UNSEALED;
        };
    }

    /**
     * @param sourceId  names the source in the case (the index's bundle id field)
     * @param format    the format an unreadable record is kept under (readable ones carry their own)
     * @param sha256    what identifies the source as received (kept in the commit data)
     * @param files     each file's integrity, by its path inside the source
     * @param observer  sees every record first, on the reading thread (the importer counts malformed ones)
     * @param target    must not exist; holds a complete index afterwards, or nothing
     */
    public static Result build(String sourceId, String format, String sha256, Records records, Map<String, Integrity> files,
                               RecordSink observer, Path target, IndexBuilder.Progress progress, BooleanSupplier cancelled,
                               int threads) throws IOException, IndexException {
        return build(sourceId, format, sha256, records, files, observer, target, progress, cancelled, threads,
                IndexTap.NONE);
    }

    /** As above, showing every event to {@code tap} as it is indexed. */
    public static Result build(String sourceId, String format, String sha256, Records records, Map<String, Integrity> files,
                               RecordSink observer, Path target, IndexBuilder.Progress progress, BooleanSupplier cancelled,
                               int threads, IndexTap tap) throws IOException, IndexException {
        long t0 = System.nanoTime();
        Counts counts = IndexFiles.buildInPlace(target, temp -> write(sourceId, format, sha256, records, files, observer,
                temp, progress, cancelled, Math.max(1, threads), tap));
        return new Result(counts.events.get(), counts.malformed.get(), counts.verified.get(), counts.broken.get(),
                counts.notCovered.get(), counts.unsealed.get(), Duration.ofNanos(System.nanoTime() - t0));
    }

    private static final class Counts {
        final AtomicLong events = new AtomicLong();
        final AtomicLong malformed = new AtomicLong();
        final AtomicLong verified = new AtomicLong();
        final AtomicLong broken = new AtomicLong();
        final AtomicLong notCovered = new AtomicLong();
        final AtomicLong unsealed = new AtomicLong();

        void tally(Integrity i) {
            (switch (i) {
                case VERIFIED -> verified;
                case BROKEN -> broken;
                case NOT_COVERED -> notCovered;
                case UNSEALED -> unsealed;
            }).incrementAndGet();
        }
    }

    private static Counts write(String sourceId, String format, String sha256, Records records, Map<String, Integrity> files,
                                RecordSink observer, Path dir, IndexBuilder.Progress progress, BooleanSupplier cancelled,
                                int threads, IndexTap tap) throws IOException, IndexException {
        Counts counts = new Counts();
        Analyzer analyzer = EventQueryParser.analyzer();
        TieredMergePolicy merges = new TieredMergePolicy();
        merges.setNoCFSRatio(0.0);
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(64)
                .setUseCompoundFile(false)
                .setMergePolicy(merges)
                .setIndexSort(EventSearchOrder.sort(false))
                .setCommitOnClose(false);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sealtrail-source-index");
            t.setDaemon(true);
            return t;
        });
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Semaphore slots = new Semaphore(threads + READ_AHEAD);
        try (FSDirectory directory = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(directory, config)) {
            ThreadLocal<Worker> workers = ThreadLocal.withInitial(() -> new Worker(sourceId, format, writer, counts, tap));
            try (LineStore.Writer lines = new LineStore.Writer(dir)) {
                List<SourceRecord> batch = new ArrayList<>(BATCH);
                long[] next = {0};
                RecordSink sink = r -> {
                    observer.accept(r);
                    lines.add(r.raw(), 0, r.raw().length, false);
                    batch.add(r);
                    if (batch.size() == BATCH) {
                        submit(pool, slots, failure, workers, List.copyOf(batch), next[0], files, cancelled);
                        next[0] += batch.size();
                        batch.clear();
                        progress.update(next[0], -1);
                    }
                };
                records.read(sink);
                if (!batch.isEmpty()) {
                    submit(pool, slots, failure, workers, List.copyOf(batch), next[0], files, cancelled);
                    next[0] += batch.size();
                }
                pool.shutdown();
                if (!pool.awaitTermination(1, TimeUnit.DAYS)) {
                    throw new IndexException("indexing did not finish");
                }
                IndexFiles.rethrow(failure.get());
                progress.update(next[0], next[0]);
            }
            writer.setLiveCommitData(Map.of(
                    IndexSchema.USER_SCHEMA_VERSION, Integer.toString(IndexSchema.VERSION),
                    IndexSchema.USER_BUNDLE_ID, sourceId,
                    IndexSchema.USER_EVENT_COUNT, Long.toString(counts.events.get()),
                    IndexSchema.USER_MANIFEST_SHA256, sha256).entrySet());
            writer.commit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("index build interrupted");
        } finally {
            pool.shutdownNow();
            IndexFiles.awaitQuietly(pool);
            analyzer.close();
        }
        return counts;
    }

    private static void submit(ExecutorService pool, Semaphore slots, AtomicReference<Throwable> failure,
                               ThreadLocal<Worker> workers, List<SourceRecord> batch, long firstOrd,
                               Map<String, Integrity> files, BooleanSupplier cancelled) throws IOException {
        try {
            IndexFiles.rethrow(failure.get());
        } catch (IndexException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("index build cancelled");
        }
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("index build interrupted");
        }
        pool.execute(() -> {
            try {
                if (failure.get() == null) {
                    workers.get().index(batch, firstOrd, files);
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            } finally {
                slots.release();
            }
        });
    }

    /** Per-thread state: the document and the digest are not thread-safe. */
    private static final class Worker {
        private final EventDocument document = new EventDocument();
        private final MessageDigest digest = Sha256.newDigest();
        private final String sourceId;
        private final String format;
        private final IndexWriter writer;
        private final Counts counts;
        private final IndexTap tap;
        /** What the tap sees of the batch being indexed; null without a tap. */
        private List<IndexTap.Event> tapped;

        Worker(String sourceId, String format, IndexWriter writer, Counts counts, IndexTap tap) {
            this.sourceId = sourceId;
            this.format = format;
            this.writer = writer;
            this.counts = counts;
            this.tap = tap;
        }

        void index(List<SourceRecord> batch, long firstOrd, Map<String, Integrity> files) throws IOException {
            tapped = tap.active() ? new ArrayList<>(batch.size()) : null;
            IndexFiles.addBlock(writer, batch.size(), at -> document(batch.get(at), firstOrd + at, files));
            if (tapped != null) {
                tap.batch(tapped);
            }
        }

        private List<IndexableField> document(SourceRecord r, long ord, Map<String, Integrity> files) {
            byte[] raw = r.raw();
            byte[] hash = Merkle.leafHash(digest, raw, 0, raw.length);
            Integrity integrity = files.getOrDefault(r.file(), Integrity.NOT_COVERED);
            counts.events.incrementAndGet();
            if (r.isMalformed()) {
                counts.malformed.incrementAndGet();
            }
            counts.tally(integrity);
            IndexSchema.LinePosition at = new IndexSchema.LinePosition(sourceId, r.file(), r.line(), ord);
            if (tapped != null) {
                tapped.add(new IndexTap.Event(at, r.event(), ord, r.event() == null ? null : r.event().time(), null,
                        new String(raw, java.nio.charset.StandardCharsets.UTF_8), java.util.HexFormat.of().formatHex(hash),
                        integrity, format, r.output()));
            }
            return document.fill(at, r.event(), ord, r.event() == null ? null : r.event().time(), null, raw, 0,
                    raw.length, hash, false, integrity, ord, format, r.output());
        }
    }
}
