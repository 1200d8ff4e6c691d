package io.sealtrail.verify;

import io.sealtrail.verify.note.VerifierKey;
import java.time.Instant;
import java.util.List;

/** A checkpoint file of the bundle and what the checks found out about it. */
final class CheckpointFile {
    private final String path;
    private final long size;
    private final byte[] rootHash;
    final byte[] note;
    // Written by the signature checks on one thread and the event pass on another; read after both end.
    final List<VerifierKey> signedBy = new java.util.concurrent.CopyOnWriteArrayList<>();
    volatile boolean trusted;
    volatile boolean rootVerified;
    /** The root matches once the events the chain shows altered get their signed hashes back. */
    volatile boolean rootVerifiedWithAlterations;
    Instant timestamp;
    String timestampAuthority;
    boolean timestampTrusted;

    CheckpointFile(String path, long size, byte[] rootHash, byte[] note) {
        this.path = path;
        this.size = size;
        this.rootHash = rootHash.clone();
        this.note = note;
    }

    String path() {
        return path;
    }

    long size() {
        return size;
    }

    byte[] rootHash() {
        return rootHash.clone();
    }
}
