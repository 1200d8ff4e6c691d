package io.sealtrail.verify.trust;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed checkpoint this auditor has verified before: the log showed this root at this size, signed by
 * a key the auditor trusted. A later bundle of the log must show the same history (issue 11, item 5).
 *
 * @param rootHash standard base64 of the 32-byte root, as in the checkpoint
 * @param signer   who signed it, {@code name (fingerprint)}
 * @param source   what was being verified when it was seen (file name and bundle id)
 */
public record SeenCheckpoint(String origin, long size, String rootHash, String signer, Instant seenAt, String source) {
    public SeenCheckpoint {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(rootHash, "rootHash");
        Objects.requireNonNull(seenAt, "seenAt");
        seenAt = seenAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS); // to the second is what a person reads
        signer = signer == null ? "" : signer;
        source = source == null ? "" : source;
        if (size < 1) {
            throw new IllegalArgumentException("a remembered checkpoint has a tree size of at least 1, not " + size);
        }
    }

    /** The same tree head (origin, size and root), whoever saw it when. */
    public boolean sameHead(SeenCheckpoint o) {
        return origin.equals(o.origin) && size == o.size && rootHash.equals(o.rootHash);
    }
}
