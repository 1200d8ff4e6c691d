package io.sealtrail.opensearch;

import io.sealtrail.index.EventQuery;
import io.sealtrail.index.EventSearch;
import io.sealtrail.index.IndexException;
import io.sealtrail.index.IndexTap;
import io.sealtrail.verify.merkle.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;

/**
 * Sends one bundle's or source's events to an OpenSearch index of their own while the import indexes them locally:
 * the import's indexing threads hand over each batch ({@link IndexTap}), its documents are built from the values the
 * local document was built from, and bulk requests carry them, a few in flight, the indexing threads waiting when all
 * are busy (back-pressure). A cluster that fails does not fail the local import: the failure is kept, the remaining
 * events are not sent, and {@link #finish} reports it. Each document carries the event's integrity and entry hash as
 * the local index has them; what was sent is summed up as a count and a hash over the entry hashes in event order
 * (read from the local index once it is complete), which {@link ClusterCheck} recomputes from the cluster.
 */
public final class ClusterSending implements IndexTap {
    private final OpenSearchClient client;
    private final String prefix;
    private final String alias;
    private final int batch;
    private final BulkSender bulk;
    private final ExecutorService pool;
    private final Semaphore inFlight;
    private final ConcurrentLinkedQueue<Future<?>> requests = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final AtomicLong sent = new AtomicLong();
    /** The index, created on the first batch (a bundle's id is known only once it is read); null before. */
    private String index;
    /** What the index's settings were before the bulk load changed them; null before the index exists. */
    private LoadSettings loading;

    ClusterSending(OpenSearchClient client, String prefix, String alias, int parallel, int batch) {
        this.client = client;
        this.prefix = prefix;
        this.alias = alias;
        this.batch = batch;
        this.bulk = new BulkSender(client);
        this.inFlight = new Semaphore(parallel);
        this.pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "opensearch-bulk");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void batch(List<Event> events) {
        if (events.isEmpty() || failure.get() != null) {
            return; // after a failure the local import goes on; the events are not sent
        }
        try {
            String to = index(events.get(0).at().bundleId());
            for (int from = 0; from < events.size(); from += batch) {
                List<Event> part = events.subList(from, Math.min(events.size(), from + batch));
                List<BulkOperation> ops = new ArrayList<>(part.size());
                for (Event e : part) {
                    ops.add(operation(to, e));
                }
                inFlight.acquire(); // back-pressure: the indexing thread waits while every request is in flight
                if (failure.get() != null) {
                    inFlight.release();
                    return;
                }
                requests.add(pool.submit(() -> {
                    try {
                        bulk.send(ops);
                        sent.addAndGet(ops.size());
                    } catch (IOException | InterruptedException | RuntimeException e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        inFlight.release();
                    }
                    return null;
                }));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the import was cancelled; it says so itself
            failure.compareAndSet(null, e);
        } catch (IOException | RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }

    private static BulkOperation operation(String index, Event e) {
        // the id makes a resent request idempotent: a leaf is unique in its bundle
        return BulkOperation.of(b -> b.index(i -> i.index(index).id(e.at().bundleId() + ":" + e.at().leaf())
                .document(EventDocuments.document(e))));
    }

    private synchronized String index(String bundleId) throws IOException {
        String name = ClusterImport.indexName(prefix, bundleId);
        if (index == null) {
            try {
                client.indices().create(c -> c.index(name));
            } catch (OpenSearchException e) {
                throw new IOException("cannot create the index " + name + ": " + e.getMessage()
                        + " (a bundle is sent once; delete the index to send it again)", e);
            }
            index = name;
            loading = LoadSettings.forBulkLoad(client, name);
        } else if (!index.equals(name)) {
            throw new IllegalStateException("one sending is for one bundle: " + index + ", not " + name);
        }
        return index;
    }

    /**
     * Waits for the last requests, makes the events searchable, checks that the cluster holds as many as the local
     * index and adds the index to the case's alias. On any failure the index is deleted (a bundle is sent once, and
     * a half-filled index would refuse the next try).
     *
     * @param bundleId   the id the import gave the bundle or source
     * @param localIndex its local index, complete
     * @return what was sent, for the journal
     * @throws IOException naming why the events are not (all) in the cluster
     */
    public ClusterImport.Sent finish(String bundleId, Path localIndex) throws IOException {
        try {
            awaitRequests();
            Exception failed = failure.get();
            if (failed != null) {
                throw failed instanceof IOException io ? io : new IOException(message(failed), failed);
            }
            String to = index(bundleId); // a source without a single event still gets its (empty) index
            MessageDigest entryHashes = Sha256.newDigest();
            long local = digest(localIndex, bundleId, entryHashes);
            restoreSettings();
            client.indices().refresh(r -> r.index(to));
            long held = client.count(c -> c.index(to)).count();
            if (held != local || sent.get() != local) {
                throw new IOException("OpenSearch index " + to + " holds " + held + " events after " + sent.get()
                        + " were sent, the local index " + local);
            }
            client.indices().updateAliases(u -> u.actions(a -> a.add(x -> x.index(to).alias(alias))));
            return new ClusterImport.Sent(to, local, HexFormat.of().formatHex(entryHashes.digest()));
        } catch (OpenSearchException e) {
            abandon();
            throw new IOException(message(e), e);
        } catch (IOException | RuntimeException e) {
            abandon();
            throw e;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Stops sending and deletes the index, when the import did not complete (or the sending did not). */
    public void abandon() {
        failure.compareAndSet(null, new IOException("abandoned"));
        stopRequests();
        restoreSettings(); // should the index outlive the deletion below (the cluster gone), it is as configured
        String created;
        synchronized (this) {
            created = index;
            index = null;
        }
        if (created != null) {
            try {
                client.indices().delete(d -> d.index(created));
            } catch (IOException | RuntimeException e) {
                // the cluster may be the reason the import failed; the person is told about that failure, not this one
            }
        }
    }

    private void restoreSettings() {
        LoadSettings l;
        synchronized (this) {
            l = loading;
            loading = null;
        }
        if (l != null) {
            try {
                l.restore(client);
            } catch (IOException | RuntimeException e) {
                failure.compareAndSet(null, e instanceof IOException io ? io
                        : new IOException("cannot restore the settings of " + l.index() + ": " + e.getMessage(), e));
            }
        }
    }

    /** Ends the requests in flight: one still running after the index is deleted would create it again. */
    private void stopRequests() {
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(2, java.util.concurrent.TimeUnit.MINUTES)) {
                return; // a request still hanging: should it recreate the index, the next try says to delete it
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitRequests() throws IOException {
        try {
            for (Future<?> f; (f = requests.poll()) != null; ) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending to " + index, e);
        } catch (ExecutionException e) {
            failure.compareAndSet(null, e.getCause() instanceof Exception x ? x : e);
        }
    }

    /** The entry hashes of the local index in event order, and how many events it holds. */
    private static long digest(Path localIndex, String bundleId, MessageDigest entryHashes) throws IOException {
        long[] n = {0};
        try (EventSearch local = EventSearch.open(List.of(localIndex))) {
            local.export(EventQuery.all(), h -> {
                if (!h.bundleId().equals(bundleId)) {
                    throw new IllegalArgumentException(localIndex + " holds " + h.bundleId() + ", not " + bundleId);
                }
                entryHashes.update((h.entryHash() + "\n").getBytes(StandardCharsets.US_ASCII));
                n[0]++;
            });
        } catch (IndexException | IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        return n[0];
    }

    private static String message(Exception e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
