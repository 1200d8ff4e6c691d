package io.sealtrail.opensearch;

import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.ImportRecord;
import io.sealtrail.index.EventSearch;
import io.sealtrail.index.IndexException;
import io.sealtrail.model.Verdict;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Which engine answers for a case: OpenSearch when every bundle of the case was sent there (its journal says so,
 * {@link ClusterRecord}), else the local index, which every import still builds. A case half in the cluster is
 * searched locally: one search never mixes engines.
 */
public final class ClusterCases {
    private ClusterCases() {
    }

    /**
     * Where a case lives: the cluster every one of its imports was sent to, and the index prefix of its alias, so that
     * the next import is sent there too (docs/opensearch.md). Empty for a case that is (partly) local only.
     */
    public record Home(URI url, String prefix) {
    }

    /**
     * The cluster {@code imports} (the case's) all live in, or empty when one of them was not sent, or they were sent
     * to different clusters.
     *
     * @throws IOException when the journal cannot be read, or names an alias Sealtrail does not make for this case
     */
    public static Optional<Home> home(CaseFolder c, List<ImportRecord> imports) throws IOException {
        Optional<List<ClusterRecord>> sent = sentToOne(c, imports);
        if (sent.isEmpty()) {
            return Optional.empty();
        }
        // the newest sending names the prefix: a case sent with two prefixes searches both, and goes on with the newer
        List<ClusterRecord> newestLast = ClusterRecord.of(c);
        newestLast.retainAll(sent.get());
        return Optional.of(homeOf(c, newestLast.get(newestLast.size() - 1)));
    }

    /**
     * Where the case's newest sending went, with the prefix of its alias; empty for a case never sent. The cluster a
     * case that left its cluster goes back to ({@code case send}).
     */
    public static Optional<Home> lastSent(CaseFolder c) throws IOException {
        List<ClusterRecord> sent = ClusterRecord.of(c);
        if (sent.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(homeOf(c, sent.get(sent.size() - 1)));
    }

    private static Home homeOf(CaseFolder c, ClusterRecord last) throws IOException {
        String prefix = ClusterImport.prefixOf(last.alias(), c.id()).orElseThrow(() -> new IOException("the journal"
                + " says " + last.bundleId() + " was sent to the alias " + last.alias() + ", which is not one Sealtrail"
                + " makes for the case " + c.id()));
        return new Home(last.url(), prefix);
    }

    /**
     * The imports of the case that are not in the cluster its other imports were sent to, when some are: what makes
     * a case answer from its local index although it was sent (docs/opensearch.md). Empty for a case never sent.
     */
    public static List<ImportRecord> notSent(CaseFolder c, List<ImportRecord> imports) throws IOException {
        List<ClusterRecord> sent = ClusterRecord.of(c);
        Set<String> ids = new HashSet<>();
        sent.forEach(r -> ids.add(r.bundleId()));
        if (sent.isEmpty()) {
            return List.of();
        }
        return imports.stream().filter(i -> !ids.contains(i.bundleId())).toList();
    }

    /**
     * The search over the case's events in OpenSearch, or empty when the case is (partly) local only.
     *
     * @param connect how to reach the recorded URL (credentials, CA): the journal records only where, never how
     */
    public static Optional<EventSearch> openSearch(CaseFolder c, List<ImportRecord> imports,
                                                   Function<URI, ClusterConnection> connect)
            throws IOException, IndexException {
        Optional<List<ClusterRecord>> sent = sentToOne(c, imports);
        if (sent.isEmpty()) {
            return Optional.empty();
        }
        Set<String> aliases = new LinkedHashSet<>();
        Map<String, Verdict> verdicts = new HashMap<>();
        for (int k = 0; k < imports.size(); k++) {
            aliases.add(sent.get().get(k).alias());
            ImportRecord i = imports.get(k);
            if (i.recordedVerdict() != null) {
                verdicts.put(i.bundleId(), i.recordedVerdict());
            }
        }
        return Optional.of(OpenSearchEventSearch.open(connect.apply(sent.get().get(0).url()), new ArrayList<>(aliases),
                verdicts));
    }

    /**
     * The last sending of each import, in the imports' order, when every one was sent and all to one URL; else
     * empty.
     */
    private static Optional<List<ClusterRecord>> sentToOne(CaseFolder c, List<ImportRecord> imports)
            throws IOException {
        if (imports.isEmpty()) {
            return Optional.empty();
        }
        Map<String, ClusterRecord> byBundle = new HashMap<>();
        ClusterRecord.of(c).forEach(r -> byBundle.put(r.bundleId(), r));
        List<ClusterRecord> sent = new ArrayList<>();
        Set<URI> urls = new LinkedHashSet<>();
        for (ImportRecord i : imports) {
            ClusterRecord r = byBundle.get(i.bundleId());
            if (r == null) {
                return Optional.empty();
            }
            urls.add(r.url());
            sent.add(r);
        }
        if (urls.size() != 1) {
            return Optional.empty();
        }
        return Optional.of(sent);
    }
}
