package io.sealtrail.opensearch;

import io.sealtrail.index.IndexSchema;
import io.sealtrail.index.SortOrder;
import io.sealtrail.verify.merkle.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.Time;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.opensearch.core.search.Pit;

/**
 * {@code case verify} for a case whose events were sent to OpenSearch: the index must hold exactly the events the
 * import sent, as many and with the same entry hashes in the same order. A document added, removed or changed in its
 * hash is found; the evidence and its proofs stay in the case folder and are checked there as before.
 */
public final class ClusterCheck {
    private static final int PAGE = 5000;

    /** What the cluster holds for one record. */
    public record Result(ClusterRecord record, long events, String entryHashes) {
        public boolean ok() {
            return events == record.events() && entryHashes.equals(record.entryHashes());
        }

        /** One sentence for the person running the check, both values when they differ. */
        public String describe() {
            if (ok()) {
                return "OpenSearch index " + record.index() + " holds the " + events + " events sent (hash "
                        + entryHashes.substring(0, 12) + "…)";
            }
            return "OpenSearch index " + record.index() + " does not hold what was sent: expected " + record.events()
                    + " events with entry hashes " + record.entryHashes() + ", found " + events + " with " + entryHashes;
        }
    }

    private ClusterCheck() {
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    public static Result check(OpenSearchClient client, ClusterRecord r) throws IOException {
        String pit = client.createPit(p -> p.targetIndexes(r.index()).keepAlive(Time.of(t -> t.time("2m")))).pitId();
        MessageDigest sha = Sha256.newDigest();
        long n = 0;
        try {
            List<FieldValue> after = null;
            while (true) {
                SearchRequest.Builder q = new SearchRequest.Builder().size(PAGE)
                        .pit(Pit.of(p -> p.id(pit).keepAlive("2m"))).sort(ClusterOrder.sort(SortOrder.TIME))
                        .source(s -> s.filter(f -> f.includes(IndexSchema.EVENT_HASH)))
                        .trackTotalHits(t -> t.enabled(false));
                if (after != null) {
                    q.searchAfterVals(after);
                }
                List<Hit<Map>> hits = client.search(q.build(), Map.class).hits().hits();
                for (var h : hits) {
                    Object hash = h.source().get(IndexSchema.EVENT_HASH);
                    sha.update((hash + "\n").getBytes(StandardCharsets.US_ASCII));
                    n++;
                }
                if (hits.size() < PAGE) {
                    break;
                }
                after = hits.get(hits.size() - 1).sortVals();
            }
        } catch (io.sealtrail.index.IndexException e) {
            throw new IOException(e.getMessage(), e);
        } finally {
            try {
                client.deletePit(d -> d.pitId(List.of(pit)));
            } catch (IOException | OpenSearchException e) {
                // it expires by itself
            }
        }
        return new Result(r, n, HexFormat.of().formatHex(sha.digest()));
    }
}
