package io.sealtrail.opensearch;

import java.io.IOException;
import java.util.Locale;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;

/**
 * Where and how an import sends a case's events to OpenSearch: the names of the indices and the case's alias, the
 * bulk requests in flight and their size. Each bundle or source is sent by a {@link ClusterSending} while the import
 * indexes it locally (one pass, docs/opensearch.md).
 */
public final class ClusterImport {
    /** What one bundle's import sent. */
    public record Sent(String index, long events, String entryHashes) {
    }

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

    /** The prefix {@link #caseAlias} made {@code alias} with for this case, if it made it. */
    public static java.util.Optional<String> prefixOf(String alias, String caseId) {
        String tail = caseAlias("", caseId);
        return alias.endsWith(tail) && alias.length() > tail.length()
                ? java.util.Optional.of(alias.substring(0, alias.length() - tail.length()))
                : java.util.Optional.empty();
    }

    /**
     * Puts the index template and returns the sending of one bundle's (or source's) events: give it to the import as
     * its {@link io.sealtrail.index.IndexTap}, then {@link ClusterSending#finish} it once the import is committed, or
     * {@link ClusterSending#abandon} it when the import failed.
     *
     * @throws IOException when the cluster cannot be reached or refuses the template
     */
    public ClusterSending begin(String caseId) throws IOException {
        try {
            EventIndexTemplate.put(client, prefix, 1);
        } catch (OpenSearchException e) {
            throw new IOException("cannot put the index template: " + e.getMessage(), e);
        }
        return new ClusterSending(client, prefix, caseAlias(prefix, caseId), parallel, batch);
    }
}
