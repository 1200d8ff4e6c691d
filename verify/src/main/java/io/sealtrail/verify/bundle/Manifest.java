package io.sealtrail.verify.bundle;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The contents of manifest.json (docs/bundle-format.md). Keys listed here are claims of the producer;
 * whether they are trusted is the auditor's decision, never the bundle's.
 */
public record Manifest(
        int formatVersion,
        String origin,
        String bundleId,
        Instant created,
        String producer,
        Instant timeFrom,
        Instant timeTo,
        long start,
        long end,
        long heartbeatIntervalSeconds,
        long checkpointInterval,
        List<String> keys,
        Previous previous,
        List<byte[]> compactRange,
        TreeHead finalCheckpoint,
        List<FileEntry> files) {

    public static final String FORMAT = "sealtrail.bundle";
    public static final int FORMAT_VERSION = 1;
    public static final String MANIFEST = "manifest.json";
    public static final String MANIFEST_SIG = "manifest.sig";
    public static final String EVENTS_DIR = "events/";
    public static final String CHECKPOINTS_DIR = "checkpoints/";
    public static final String TIMESTAMPS_DIR = "timestamps/";
    public static final String TSA_CHAIN = "timestamps/tsa-chain.pem";

    public Manifest {
        keys = List.copyOf(keys);
        compactRange = compactRange.stream().map(byte[]::clone).toList();
        files = List.copyOf(files);
        Objects.requireNonNull(finalCheckpoint, "finalCheckpoint");
    }

    public long eventCount() {
        return end - start;
    }

    public Optional<Previous> previousExport() {
        return Optional.ofNullable(previous);
    }

    public List<FileEntry> eventSegments() {
        return files.stream().filter(f -> f.path().startsWith(EVENTS_DIR)).toList();
    }

    public Optional<FileEntry> file(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst();
    }

    /** A tree size and root hash: what a checkpoint commits to. */
    public record TreeHead(long treeSize, byte[] rootHash) {
        public TreeHead {
            rootHash = rootHash.clone();
        }

        @Override
        public byte[] rootHash() {
            return rootHash.clone();
        }
    }

    /** The export this one continues: its final checkpoint and its last entry hash (hex). */
    public record Previous(String bundleId, long treeSize, byte[] rootHash, String lastEntryHash) {
        public Previous {
            rootHash = rootHash.clone();
        }

        @Override
        public byte[] rootHash() {
            return rootHash.clone();
        }
    }

    /**
     * One file of the bundle. For event segments {@code firstSeq} and {@code count} say which leaves it
     * holds; they are -1 for other files.
     */
    public record FileEntry(String path, long size, String sha256, long firstSeq, long count) {
        public static FileEntry of(String path, long size, String sha256) {
            return new FileEntry(path, size, sha256, -1, -1);
        }
    }
}
