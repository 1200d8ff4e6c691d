package io.sealtrail.app.ui.bundles;

/**
 * One row of the checkpoints table, display-ready.
 *
 * @param signers       the signing keys' names (the fingerprints are in the key list and in {@code signersFull})
 * @param timestamp     the RFC 3161 genTime in UTC, or "—" when the checkpoint has no timestamp
 * @param authority     the TSA's common name and whether you trust it, or "—"
 */
public record CheckpointRow(String file, long treeSize, String rootHash, boolean rootVerified, String signers,
                            String signersFull, boolean trusted, String timestamp, String authority,
                            String authorityFull, boolean rootVerifiedWithEdits) {

    /** What the Root column says: the root matches, matches only once the proven edits are undone, or not. */
    public String rootStatus() {
        return rootVerified ? "matches" : rootVerifiedWithEdits ? "MISMATCH (edits)" : "MISMATCH";
    }
}
