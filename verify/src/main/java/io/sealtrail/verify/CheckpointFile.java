package io.sealtrail.verify;

import io.sealtrail.verify.note.VerifierKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A checkpoint file of the bundle and what the checks found out about it. */
final class CheckpointFile {
    private final String path;
    private final long size;
    private final byte[] rootHash;
    final byte[] note;
    final List<VerifierKey> signedBy = new ArrayList<>();
    boolean trusted;
    boolean rootVerified;
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
