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
     * The search over the case's events in OpenSearch, or empty when the case is (partly) local only.
     *
     * @param connect how to reach the recorded URL (credentials, CA): the journal records only where, never how
     */
    public static Optional<EventSearch> openSearch(CaseFolder c, List<ImportRecord> imports,
                                                   Function<URI, ClusterConnection> connect)
            throws IOException, IndexException {
        List<ClusterRecord> sent = ClusterRecord.of(c);
        Map<String, ClusterRecord> byBundle = new HashMap<>();
        sent.forEach(r -> byBundle.put(r.bundleId(), r));
        Set<URI> urls = new LinkedHashSet<>();
        Set<String> aliases = new LinkedHashSet<>();
        Map<String, Verdict> verdicts = new HashMap<>();
        for (ImportRecord i : imports) {
            ClusterRecord r = byBundle.get(i.bundleId());
            if (r == null) {
                return Optional.empty();
            }
            urls.add(r.url());
            aliases.add(r.alias());
            if (i.recordedVerdict() != null) {
                verdicts.put(i.bundleId(), i.recordedVerdict());
            }
        }
        if (imports.isEmpty() || urls.size() != 1) {
            return Optional.empty();
        }
        return Optional.of(OpenSearchEventSearch.open(connect.apply(urls.iterator().next()), new ArrayList<>(aliases),
                verdicts));
    }
}
