package io.sealtrail.opensearch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;

/**
 * One bulk request and its answer: the documents the cluster turned away for load (HTTP 429, the whole request or
 * some of its items) are sent again after a growing pause; any other refusal is an error naming the event.
 * Thread-safe: the client is.
 */
final class BulkSender {
    private static final int MAX_TRIES = 8;

    private final OpenSearchClient client;

    BulkSender(OpenSearchClient client) {
        this.client = client;
    }

    void send(List<BulkOperation> ops) throws IOException, InterruptedException {
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
