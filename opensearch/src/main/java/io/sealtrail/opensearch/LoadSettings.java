package io.sealtrail.opensearch;

import java.io.IOException;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.Time;
import org.opensearch.client.opensearch.indices.IndexSettings;
import org.opensearch.client.opensearch.indices.IndexState;

/**
 * An index's refresh interval and replicas as its template made them, set aside while a bulk load runs: no refresh
 * (segments are written once, at the end) and no replica (each document indexed once, not once per copy), the
 * cluster's own advice for bulk loading. {@link #restore} puts the index's own values back.
 *
 * @param refreshInterval what the index had ({@code 1s} unless its template says otherwise)
 * @param replicas        what the index had ({@code 1} unless its template says otherwise)
 */
record LoadSettings(String index, String refreshInterval, String replicas) {
    static final String NO_REFRESH = "-1";
    static final String NO_REPLICAS = "0";

    /** Reads the index's settings, then sets them for a bulk load; returns what to restore. */
    static LoadSettings forBulkLoad(OpenSearchClient client, String index) throws IOException {
        IndexState state = client.indices().getSettings(g -> g.index(index).includeDefaults(true)).result().get(index);
        String refresh = first(refresh(state.settings()), refresh(state.defaults()), "1s");
        String replicas = first(replicas(state.settings()), replicas(state.defaults()), "1");
        LoadSettings was = new LoadSettings(index, refresh, replicas);
        put(client, index, NO_REFRESH, NO_REPLICAS);
        return was;
    }

    /** Puts back the refresh interval and replicas the index had before the load. */
    void restore(OpenSearchClient client) throws IOException {
        put(client, index, refreshInterval, replicas);
    }

    private static void put(OpenSearchClient client, String index, String refresh, String replicas) throws IOException {
        client.indices().putSettings(p -> p.index(index).settings(s -> s.index(i -> i
                .refreshInterval(Time.of(t -> t.time(refresh))).numberOfReplicas(replicas))));
    }

    /** A setting may come as {@code index.x} or, nested, as {@code index: {x}}. */
    private static String refresh(IndexSettings s) {
        if (s == null) {
            return null;
        }
        Time t = s.refreshInterval() != null ? s.refreshInterval() : s.index() == null ? null : s.index().refreshInterval();
        return t == null ? null : t.time();
    }

    private static String replicas(IndexSettings s) {
        if (s == null) {
            return null;
        }
        return s.numberOfReplicas() != null ? s.numberOfReplicas() : s.index() == null ? null : s.index().numberOfReplicas();
    }

    private static String first(String a, String b, String otherwise) {
        return a != null ? a : b != null ? b : otherwise;
    }
}
