package io.sealtrail.app;

import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.ImportRecord;
import io.sealtrail.index.EventSearch;
import io.sealtrail.index.IndexException;
import io.sealtrail.opensearch.ClusterCases;
import io.sealtrail.opensearch.ClusterConnection;
import io.sealtrail.opensearch.ClusterRecord;
import io.sealtrail.report.ReportSearch;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which engine answers a case's searches, for the CLI and the workbench alike (docs/opensearch.md): OpenSearch when
 * every bundle and source of the case was sent there (its journal says where), else the local index every import
 * keeps. Both are the same {@link EventSearch}; only this class and the import name OpenSearch.
 */
public final class CaseEngine {
    /**
     * An open search and where its answers come from.
     *
     * @param answersFrom "OpenSearch at URL" or "the local index"
     * @param fallback    why the cluster the case lives in is not used (its URL and the error), or null
     * @param unsearchable the imports the local index answers without, each with why (the workbench's read-only
     *                    opening of a damaged case, docs/case-format.md); empty for the CLI, which stops instead
     * @param alias       the case's alias (or aliases) in the cluster that answers, null when the local index does
     */
    public record Opened(EventSearch search, String answersFrom, String fallback, List<String> unsearchable,
                         String alias) {
        public Opened(EventSearch search, String answersFrom, String fallback, List<String> unsearchable) {
            this(search, answersFrom, fallback, unsearchable, null);
        }

        public Opened(EventSearch search, String answersFrom, String fallback) {
            this(search, answersFrom, fallback, List.of());
        }

        /**
         * This search as a report's (docs/opensearch.md): the report names the cluster and the case's alias there, or
         * the local index.
         */
        public ReportSearch forReport() {
            return alias == null ? ReportSearch.local(search) : new ReportSearch(search, answersFrom
                    + (alias.contains(", ") ? " (aliases " : " (alias ") + alias + ")");
        }
    }

    private CaseEngine() {
    }

    /**
     * Opens the cluster's search when the case lives there; when it cannot be reached, the local index with the
     * reason, or the failure itself.
     *
     * @param connect  how to reach a recorded URL (credentials, CA)
     * @param fallBack whether an unreachable cluster is answered from the local index (the workbench) or is an error
     *                 (the CLI, whose person can say --opensearch again or look at the cluster)
     */
    public static Opened open(CaseFolder c, List<ImportRecord> imports, Function<URI, ClusterConnection> connect,
                              boolean fallBack) throws IOException, IndexException {
        Optional<EventSearch> cluster;
        try {
            cluster = ClusterCases.openSearch(c, imports, connect);
        } catch (IOException | IndexException | RuntimeException e) {
            String url = ClusterRecord.of(c).stream().map(r -> r.url().toString()).findFirst().orElse("?");
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            String said = "OpenSearch at " + url + " cannot answer: "; // the search's own words name the cluster too
            String why = "OpenSearch at " + url + " cannot be searched: "
                    + (message.startsWith(said) ? message.substring(said.length()) : message);
            if (!fallBack) {
                if (e instanceof IndexException) {
                    throw new IndexException(why, e); // the cluster, named: the person can look at it
                }
                throw e;
            }
            return local(c, imports, fallBack, why + ". The answers come from this laptop's copy of the case (its local"
                    + " index), which every import keeps.");
        }
        if (cluster.isPresent()) {
            List<ClusterRecord> sent = ClusterRecord.of(c);
            List<String> aliases = sent.stream().map(ClusterRecord::alias).distinct().toList();
            return new Opened(cluster.get(), "OpenSearch at " + sent.get(0).url(), null, List.of(),
                    String.join(", ", aliases));
        }
        return local(c, imports, fallBack, partlySent(c, imports));
    }

    /**
     * Why a case that was sent to OpenSearch answers from its local index all the same: some of its imports are not
     * in the cluster (imported with --local-only, or while the cluster could not take them), or they are in two.
     * Null for a case never sent, or all in one cluster.
     */
    static String partlySent(CaseFolder c, List<ImportRecord> imports) throws IOException {
        List<ClusterRecord> sent = ClusterRecord.of(c);
        if (sent.isEmpty()) {
            return null;
        }
        List<ImportRecord> missing = ClusterCases.notSent(c, imports);
        if (missing.isEmpty()) {
            List<String> urls = sent.stream().map(r -> r.url().toString()).distinct().toList();
            return urls.size() < 2 ? null : "The imports of this case were sent to different clusters ("
                    + String.join(", ", urls) + "); one search never mixes them, so the answers come from this"
                    + " laptop's copy of the case (its local index), which holds them all.";
        }
        int shown = Math.min(3, missing.size());
        String names = String.join(", ", missing.subList(0, shown).stream().map(ImportRecord::fileName).toList())
                + (missing.size() > shown ? " and " + (missing.size() - shown) + " more" : "");
        return missing.size() + " of " + imports.size() + " imports of this case " + (missing.size() == 1 ? "is" : "are")
                + " not in OpenSearch at " + sent.get(sent.size() - 1).url() + " (" + names + "); one search never"
                + " mixes engines, so the answers come from this laptop's copy of the case (its local index), which"
                + " holds them all, " + untilSent(c.dir()) + ".";
    }

    /** What brings a case that left its cluster back to it (said by the import and the window alike). */
    public static String untilSent(java.nio.file.Path caseDir) {
        return "until 'sealtrail case send --case " + caseDir + "' sends the rest";
    }

    /** The local index; in the workbench ({@code readable}) without the imports whose index cannot be opened. */
    private static Opened local(CaseFolder c, List<ImportRecord> imports, boolean readable, String fallback)
            throws IndexException {
        if (!readable) {
            return new Opened(c.openSearch(imports), "the local index", fallback);
        }
        CaseFolder.ReadableSearch r = c.openReadableSearch(imports);
        return new Opened(r.search(), "the local index", fallback, r.unsearchable());
    }
}
