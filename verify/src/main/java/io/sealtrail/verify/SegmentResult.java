package io.sealtrail.verify;

import io.sealtrail.verify.bundle.Manifest;
import java.time.Instant;
import java.util.Arrays;

/** What one segment scan hands to the assembler: leaf hashes in order, and its boundary values. */
final class SegmentResult {
    final Manifest.FileEntry entry;
    final FindingCollector findings = new FindingCollector();
    /** Leaf index in this segment -> the entry hash the next line's prev names instead (a chain break). */
    final java.util.Map<Integer, byte[]> substitutions = new java.util.HashMap<>();
    private byte[] leaves = new byte[32 * 1024];
    int count;
    long bytes;
    String fileSha256;
    long firstSeq = -1;
    long lastSeq = -1;
    String firstPrev;
    boolean firstPrevUnknown;
    byte[] lastLeaf;
    Instant firstTime;
    Instant lastTime;
    Instant firstHeartbeat;
    Instant lastHeartbeat;
    /** Whether the first line is a sealed source's record (docs/decisions/0018-seal.md), which keeps source order. */
    boolean firstIsSourceRecord;
    /** Sealed source records earlier than a line before them in this segment, and the first of them. */
    long sourceOrderBackwards;
    io.sealtrail.model.Location firstSourceOrderAt;

    SegmentResult(Manifest.FileEntry entry) {
        this.entry = entry;
    }

    void addLeaf(byte[] leaf) {
        if ((count + 1) * 32 > leaves.length) {
            leaves = Arrays.copyOf(leaves, leaves.length * 2);
        }
        System.arraycopy(leaf, 0, leaves, count * 32, 32);
        count++;
    }

    byte[] leaf(int i) {
        return Arrays.copyOfRange(leaves, i * 32, i * 32 + 32);
    }
}
