package io.sealtrail.opensearch;

import io.sealtrail.index.EventQuery;
import io.sealtrail.index.EventSearch;
import io.sealtrail.index.Hit;
import io.sealtrail.index.IndexException;
import io.sealtrail.verify.merkle.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;

/**
 * Sends the events of a bundle, already verified and indexed in the case folder, to an OpenSearch index of their own
 * through the bulk API: several requests in flight, the reader waiting when they are all busy (back-pressure), a
 * request the cluster turns away for load (429) sent again after a pause. Each document carries the event's
 * integrity and entry hash as the local index has them. What was sent is summed up as a count and a hash over the
 * entry hashes in event order, which {@link ClusterCheck} recomputes from the cluster. The import is synchronous;
 * one instance per import.
 */
public final class ClusterImport {
    /** What one bundle's import sent. */
    public record Sent(String index, long events, String entryHashes) {
    }

    private static final int MAX_TRIES = 8;

    private final OpenSearchClient client;
    private final String prefix;
    private final int parallel;
    private final int batch;

    /**
     * @param prefix   the names' prefix of Sealtrail's indices ({@code sealtrail}); lower case
     * @param parallel bulk requests in flight at most
     * @param batch    events per bulk request
     */
    public ClusterImport(OpenSearchClient client, String prefix, int parallel, int batch) {
        if (!prefix.matches("[a-z0-9][a-z0-9_.-]*")) {
            throw new IllegalArgumentException("an index prefix is lower-case letters, digits, _ . -, not " + prefix);
        }
        this.client = client;
        this.prefix = prefix;
        this.parallel = Math.max(1, parallel);
        this.batch = Math.max(1, batch);
    }

    /** The index a bundle's events go to. */
    public static String indexName(String prefix, String bundleId) {
        return prefix + "-events-" + bundleId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "_");
    }

    /** The alias that names every index of a case. */
    public static String caseAlias(String prefix, String caseId) {
        return prefix + "-case-" + caseId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "_");
    }

    /**
     * Sends every event of the local index {@code localIndex} (of bundle {@code bundleId}) to a new index, and adds
     * that index to the case's alias.
     *
     * @throws IOException when the cluster refuses (the index exists already, a document is rejected) or cannot be
     *                     reached
     */
    public Sent send(String bundleId, Path localIndex, String caseId) throws IOException, IndexException {
        EventIndexTemplate.put(client, prefix, 1);
        String index = indexName(prefix, bundleId);
        try {
            client.indices().create(c -> c.index(index));
        } catch (OpenSearchException e) {
            throw new IOException("cannot create the index " + index + ": " + e.getMessage()
                    + " (a bundle is sent once; delete the index to send it again)", e);
        }
        MessageDigest entryHashes = Sha256.newDigest();
        long count;
        try {
            count = sendAll(bundleId, localIndex, index, entryHashes);
        } catch (IOException | IndexException | RuntimeException e) {
            forget(index); // a half-filled index would refuse the next try (a bundle is sent once)
            throw e;
        }
        client.indices().refresh(r -> r.index(index));
        client.indices().updateAliases(u -> u.actions(a -> a.add(x -> x.index(index).alias(caseAlias(prefix, caseId)))));
        return new Sent(index, count, HexFormat.of().formatHex(entryHashes.digest()));
    }

    /** Reads the local index in event order and sends it in bulk requests; returns how many events were sent. */
    private long sendAll(String bundleId, Path localIndex, String index, MessageDigest entryHashes)
            throws IOException, IndexException {
        long[] count = {0};
        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "opensearch-bulk");
            t.setDaemon(true);
            return t;
        });
        Semaphore inFlight = new Semaphore(parallel);
        List<Future<?>> sent = new ArrayList<>();
        EventDocuments documents = new EventDocuments();
        List<BulkOperation> ops = new ArrayList<>(batch);
        try (EventSearch local = EventSearch.open(List.of(localIndex))) {
            local.export(EventQuery.all(), h -> {
                if (!h.bundleId().equals(bundleId)) {
                    throw new IllegalArgumentException(localIndex + " holds bundle " + h.bundleId() + ", not " + bundleId);
                }
                ops.add(operation(index, h, documents.document(h)));
                entryHashes.update((h.entryHash() + "\n").getBytes(StandardCharsets.US_ASCII));
                count[0]++;
                if (ops.size() == batch) {
                    sent.add(submit(pool, inFlight, List.copyOf(ops)));
                    ops.clear();
                }
            });
            if (!ops.isEmpty()) {
                sent.add(submit(pool, inFlight, List.copyOf(ops)));
            }
            for (Future<?> f : sent) {
                f.get();
            }
            return count[0];
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending to " + index, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause().getMessage(), e.getCause());
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    private void forget(String index) {
        try {
            client.indices().delete(d -> d.index(index));
        } catch (IOException | RuntimeException e) {
            // the cluster may be the reason the import failed; the person is told about that failure, not this one
        }
    }

    private static BulkOperation operation(String index, Hit h, Map<String, Object> doc) {
        // the id makes a resent request idempotent: a leaf is unique in its bundle
        return BulkOperation.of(b -> b.index(i -> i.index(index).id(h.bundleId() + ":" + h.leaf()).document(doc)));
    }

    private Future<?> submit(ExecutorService pool, Semaphore inFlight, List<BulkOperation> ops) {
        try {
            inFlight.acquire(); // back-pressure: the reader waits while every request is in flight
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return pool.submit(() -> {
            try {
                bulk(ops);
            } finally {
                inFlight.release();
            }
            return null;
        });
    }

    /** Sends one request; the documents the cluster turned away for load are sent again, the others fail the import. */
    private void bulk(List<BulkOperation> ops) throws IOException, InterruptedException {
        List<BulkOperation> pending = ops;
        for (int attempt = 1; ; attempt++) {
            List<BulkOperation> these = pending;
            BulkResponse r;
            try {
                r = client.bulk(b -> b.operations(these));
            } catch (OpenSearchException e) {
                if (e.status() != 429 || attempt == MAX_TRIES) {
                    throw e;
                }
                Thread.sleep(100L << attempt);
                continue;
            }
            if (!r.errors()) {
                return;
            }
            List<BulkOperation> retry = new ArrayList<>();
            List<BulkResponseItem> items = r.items();
            for (int i = 0; i < items.size(); i++) {
                BulkResponseItem item = items.get(i);
                if (item.error() == null) {
                    continue;
                }
                if (item.status() != 429) {
                    throw new IOException("OpenSearch refused the event " + item.id() + " in " + item.index() + ": "
                            + item.error().type() + ": " + item.error().reason());
                }
                retry.add(pending.get(i));
            }
            if (attempt == MAX_TRIES) {
                throw new IOException("OpenSearch stayed too busy to take " + retry.size() + " events after "
                        + MAX_TRIES + " tries");
            }
            Thread.sleep(100L << attempt);
            pending = retry;
        }
    }
}
