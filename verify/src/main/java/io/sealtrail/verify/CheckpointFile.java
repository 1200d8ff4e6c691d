package io.sealtrail.verify;

/**
 * A checkpoint file of the bundle that parsed, names this log and lies in its range: what it claims,
 * not what the checks found out about it (that is each check's own result, see {@link CheckpointChecks.Outcome}).
 */
final class CheckpointFile {
    private final String path;
    private final long size;
    private final byte[] rootHash;

    CheckpointFile(String path, long size, byte[] rootHash) {
        this.path = path;
        this.size = size;
        this.rootHash = rootHash.clone();
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
