package io.sealtrail.opensearch;

import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.JournalEntry;
import io.sealtrail.verify.note.NoteSigner;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a bundle's events were sent: an entry of the case's signed journal ({@value #TYPE}), so that where the case's
 * index lives, and what it must hold, is under the auditor's signature like every other step of the case. The
 * count and the hash over the entry hashes in event order are what {@link ClusterCheck} holds the cluster to.
 *
 * @param entryHashes SHA-256 (hex) over each event's entry hash in hex and a line feed, in event order
 */
public record ClusterRecord(String bundleId, URI url, String index, String alias, long events, String entryHashes) {
    public static final String TYPE = "opensearch.sent";

    /** Appends this record to the case's journal, signed by {@code auditor}. */
    public void append(CaseFolder c, NoteSigner auditor) throws IOException {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("bundle_id", bundleId);
        d.put("url", url.toString());
        d.put("index", index);
        d.put("alias", alias);
        d.put("events", Long.toString(events));
        d.put("entry_hashes_sha256", entryHashes);
        c.journal().append(auditor, TYPE, d);
    }

    /** Every bundle of the case sent to OpenSearch, the last sending of each, in journal order. */
    public static List<ClusterRecord> of(CaseFolder c) throws IOException {
        Map<String, ClusterRecord> byBundle = new LinkedHashMap<>();
        for (JournalEntry e : c.journal().entries()) {
            if (TYPE.equals(e.type())) {
                Map<String, String> d = e.data();
                ClusterRecord r = new ClusterRecord(d.get("bundle_id"), URI.create(d.get("url")), d.get("index"),
                        d.get("alias"), Long.parseLong(d.get("events")), d.get("entry_hashes_sha256"));
                byBundle.remove(r.bundleId());
                byBundle.put(r.bundleId(), r);
            }
        }
        return new ArrayList<>(byBundle.values());
    }
}
