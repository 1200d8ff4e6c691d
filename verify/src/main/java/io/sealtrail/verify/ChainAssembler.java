package io.sealtrail.verify;

import io.sealtrail.model.Finding;
import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Location;
import io.sealtrail.verify.bundle.Manifest;
import io.sealtrail.verify.event.EventLineParser;
import io.sealtrail.verify.merkle.CompactRange;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.NavigableMap;

/**
 * Joins segment results in log order: the checks across segment boundaries (sequence, chain, heartbeats),
 * and the RFC 6962 tree over all leaves, extended from the compact range at the bundle's start, whose
 * root is compared with every checkpoint as the tree reaches its size. One assembler per event pass, used
 * by that pass's thread alone; what it established is handed over once, as the {@link Result} of
 * {@link #finish()}.
 */
final class ChainAssembler {
    private static final HexFormat HEX = HexFormat.of();

    private final FindingCollector findings;
    private final CompactRange tree;
    private final NavigableMap<Long, CheckpointFile> checkpoints;
    private final Duration heartbeatLimit;
    private Iterator<CheckpointFile> nextCheckpoints;
    private byte[] pending;
    private Location pendingAt;
    private CompactRange hypothesis;
    private final java.util.List<Alteration> alterations = new java.util.ArrayList<>();
    private long provenUpTo;
    private CheckpointFile nextCheckpoint;
    private final java.util.Map<Long, RootMatch> roots = new java.util.HashMap<>();

    private final java.util.ArrayDeque<Long> probes;
    private final java.util.Map<Long, Probe> probed = new java.util.HashMap<>();
    private byte[] lastLeaf;
    private long expectedSeq;
    private Instant lastTime;
    private Instant lastHeartbeat;
    private Instant firstTime;
    private long sourceOrderBackwards;
    private Location firstSourceOrderAt;

    /**
     * @param startTree      the tree at the bundle's start (from the manifest's compact range)
     * @param prevEntryHash  what the first event's prev must be
     * @param probeSizes     tree sizes whose roots are wanted besides the checkpoints' (sizes remembered
     *                       from earlier verifications, to catch a fork); read back from {@link Result#probed()}
     */
    ChainAssembler(FindingCollector findings, CompactRange startTree, byte[] prevEntryHash,
                   NavigableMap<Long, CheckpointFile> checkpoints, Duration heartbeatLimit,
                   java.util.NavigableSet<Long> probeSizes) {
        this.probes = new java.util.ArrayDeque<>(probeSizes.tailSet(startTree.size(), false));
        this.findings = findings;
        this.tree = startTree.copy();
        this.checkpoints = checkpoints;
        this.heartbeatLimit = heartbeatLimit;
        this.lastLeaf = prevEntryHash;
        this.expectedSeq = startTree.size();
        this.nextCheckpoints = checkpoints.tailMap(tree.size(), false).values().iterator();
        this.nextCheckpoint = nextCheckpoints.hasNext() ? nextCheckpoints.next() : null;
    }

    void accept(SegmentResult s) {
        String file = s.entry.path();
        long position = tree.size() + (pending != null ? 1 : 0); // leaves read so far, fed or not
        if (s.entry.firstSeq() != position) {
            findings.add(Finding.mismatch(FindingCode.RANGE_MISMATCH, Location.file(file),
                    "the manifest says this segment starts at leaf " + s.entry.firstSeq()
                            + ", but it follows leaf " + (position - 1) + ": first leaf",
                    Long.toString(position), Long.toString(s.entry.firstSeq())));
        }
        if (s.entry.count() != s.count) {
            findings.add(Finding.mismatch(FindingCode.RANGE_MISMATCH, Location.file(file),
                    "event count differs from the manifest: count", Long.toString(s.entry.count()),
                    Long.toString(s.count)));
        }
        if (s.count == 0) {
            return;
        }
        Location first = Location.line(file, 1, s.firstSeq);
        if (s.firstSeq >= 0 && s.firstSeq != expectedSeq) {
            findings.add(Finding.mismatch(s.firstSeq > expectedSeq ? FindingCode.SEQ_GAP : FindingCode.SEQ_OUT_OF_ORDER,
                    first, "first seq of the segment", Long.toString(expectedSeq), Long.toString(s.firstSeq)));
        }
        if (!s.firstPrevUnknown && s.firstPrev != null && lastLeaf != null
                && !Arrays.equals(HEX.parseHex(s.firstPrev), lastLeaf)) {
            findings.add(Finding.mismatch(FindingCode.CHAIN_BROKEN, first,
                    "prev of the segment's first event is not the entry hash of the event before it: prev",
                    HEX.formatHex(lastLeaf), s.firstPrev));
        }
        if (s.firstTime != null && lastTime != null && s.firstTime.isBefore(lastTime)) {
            if (s.firstIsSourceRecord) {
                sourceOrder(1, first);
            } else {
                findings.add(Finding.mismatch(FindingCode.TIME_BACKWARDS, first, "time goes backwards: at least",
                        lastTime.toString(), s.firstTime.toString()));
            }
        }
        if (s.sourceOrderBackwards > 0) {
            sourceOrder(s.sourceOrderBackwards, s.firstSourceOrderAt);
        }
        if (firstTime == null) {
            firstTime = s.firstTime;
        }
        if (s.firstHeartbeat != null) {
            Instant since = lastHeartbeat != null ? lastHeartbeat : firstTime;
            heartbeatGap(since, s.firstHeartbeat, first);
        }
        byte[] boundarySub = !s.firstPrevUnknown && s.firstPrev != null && lastLeaf != null
                && !Arrays.equals(HEX.parseHex(s.firstPrev), lastLeaf) ? HEX.parseHex(s.firstPrev) : null;
        for (int i = 0; i < s.count; i++) {
            if (pending != null) {
                feed(pending, i == 0 ? boundarySub : s.substitutions.get(i - 1),
                        i == 0 ? pendingAt : Location.line(file, i, -1));
            }
            pending = s.leaf(i);
        }
        pendingAt = Location.line(file, s.count, -1);
        lastLeaf = s.lastLeaf;
        expectedSeq = s.lastSeq >= 0 ? s.lastSeq + 1 : expectedSeq + s.count;
        if (s.lastTime != null && (lastTime == null || s.lastTime.isAfter(lastTime))) {
            lastTime = s.lastTime;
        }
        if (s.lastHeartbeat != null) {
            lastHeartbeat = s.lastHeartbeat;
        }
    }

    /**
     * Adds one leaf. Leaves are fed one line late, once the next line's prev is known: when that prev
     * names another hash, the line was changed after its successor was written, and prev is the hash it
     * had. A second tree built with those hashes restored tells, when its root matches a signed
     * checkpoint, that the named events are the only ones that changed: all others are exactly as signed.
     */
    private void feed(byte[] leaf, byte[] signedHash, Location at) {
        if (signedHash != null && hypothesis == null) {
            hypothesis = tree.copy();
        }
        tree.append(leaf);
        if (hypothesis != null) {
            hypothesis.append(signedHash != null ? signedHash : leaf);
            if (signedHash != null) {
                alterations.add(new Alteration(tree.size() - 1, signedHash, leaf, at));
            }
        }
        if (!probes.isEmpty() && probes.peekFirst() == tree.size()) {
            probes.removeFirst();
            probed.put(tree.size(), new Probe(tree.root(), hypothesis != null ? hypothesis.root() : tree.root()));
        }
        while (nextCheckpoint != null && nextCheckpoint.size() == tree.size()) {
            compare(nextCheckpoint);
            nextCheckpoint = nextCheckpoints.hasNext() ? nextCheckpoints.next() : null;
        }
    }

    /**
     * The tree's root at a probed size, and the root with the altered events' signed hashes restored
     * (the same when nothing was found altered before that size).
     */
    record Probe(byte[] root, byte[] signedRoot) {
    }

    /** How the events reproduced a checkpoint's root; a checkpoint they did not reproduce has none. */
    enum RootMatch {
        /** The events as they are reproduce the root. */
        EXACT,
        /** The root matches once the events the chain shows altered get their signed hashes back. */
        WITH_ALTERATIONS
    }

    /**
     * What the event chain and tree established.
     *
     * @param tail   the log after the last event
     * @param roots  checkpoint tree size -> how the events reproduced its root (absent: they did not)
     * @param probed roots at the probed sizes the events reached
     */
    record Result(VerificationReport.Tail tail, java.util.Map<Long, RootMatch> roots,
                  java.util.Map<Long, Probe> probed) {
        Result {
            roots = java.util.Map.copyOf(roots);
            probed = java.util.Map.copyOf(probed);
        }

        RootMatch root(long size) {
            return roots.get(size);
        }
    }

    private record Alteration(long leaf, byte[] signed, byte[] found, Location at) {
    }

    private void compare(CheckpointFile cp) {
        byte[] root = tree.root();
        if (Arrays.equals(root, cp.rootHash())) {
            roots.put(cp.size(), RootMatch.EXACT);
            return;
        }
        boolean explained = hypothesis != null && Arrays.equals(hypothesis.root(), cp.rootHash());
        if (explained) {
            roots.put(cp.size(), RootMatch.WITH_ALTERATIONS);
            provenUpTo = cp.size();
        }
        findings.add(Finding.mismatch(FindingCode.CHECKPOINT_ROOT_MISMATCH, Location.file(cp.path()),
                "root hash of the tree at size " + cp.size() + " (checkpoint)" + (explained
                        ? " — with the altered events' signed hashes restored it matches, so only they changed"
                        : ""), b64(cp.rootHash()), b64(root)));
    }

    /**
     * Call after the last segment: feeds the last leaf, reports checkpoints the events never reached,
     * names proven alterations, checks heartbeats.
     */
    /** Segments come in log order, and a boundary before its segment's lines: the first one told is the first. */
    private void sourceOrder(long n, Location at) {
        if (sourceOrderBackwards == 0) {
            firstSourceOrderAt = at;
        }
        sourceOrderBackwards += n;
    }

    Result finish() {
        if (sourceOrderBackwards > 0) {
            // one note, not a warning per line: a sealed export keeps its source's order by design (ADR 0018)
            findings.add(FindingCode.SEALED_RECORD_ORDER, firstSourceOrderAt, String.format(java.util.Locale.ROOT,
                    "%,d event(s) sealed from a source are earlier than an event before them: a sealed export keeps"
                            + " the source's record order, which is not time order", sourceOrderBackwards));
        }
        if (pending != null) {
            feed(pending, null, pendingAt);
            pending = null;
        }
        // A checkpoint the events never reach is as unproven as one whose root differs; say so at the checkpoint.
        for (; nextCheckpoint != null; nextCheckpoint = nextCheckpoints.hasNext() ? nextCheckpoints.next() : null) {
            findings.add(Finding.mismatch(FindingCode.CHECKPOINT_ROOT_MISMATCH, Location.file(nextCheckpoint.path()),
                    "the events end at tree size " + tree.size() + ", before this checkpoint's size "
                            + nextCheckpoint.size() + ", so its root is never recomputed: root",
                    b64(nextCheckpoint.rootHash()), "none at size " + nextCheckpoint.size()));
        }
        for (Alteration a : alterations) {
            if (a.leaf() < provenUpTo) {
                findings.add(new Finding(FindingCode.EVENT_ALTERED, FindingCode.EVENT_ALTERED.severity(),
                        "the event at seq " + a.leaf() + " was changed after it was signed: the signed checkpoint at"
                                + " size " + provenUpTo + " and the next event's prev both name entry hash "
                                + HEX.formatHex(a.signed()) + ", but the line now hashes to " + HEX.formatHex(a.found())
                                + "; every other event up to that checkpoint is exactly as signed",
                        Location.line(a.at().file(), a.at().line(), a.leaf()), java.util.Map.of("expected", HEX.formatHex(a.signed()),
                        "found", HEX.formatHex(a.found()))));
            }
        }
        if (lastTime != null) {
            Instant since = lastHeartbeat != null ? lastHeartbeat : firstTime;
            heartbeatGap(since, lastTime, Location.BUNDLE);
        }
        VerificationReport.Tail tail = new VerificationReport.Tail(tree.size(), tree.hashes(), tree.root(),
                lastLeaf == null ? EventLineParser.zeroHash() : HEX.formatHex(lastLeaf), lastTime);
        return new Result(tail, roots, probed);
    }

    private void heartbeatGap(Instant from, Instant to, Location at) {
        Duration gap = Duration.between(from, to); // not in nanoseconds: an altered time can be centuries away
        if (gap.compareTo(heartbeatLimit) > 0) {
            findings.add(new Finding(FindingCode.HEARTBEAT_GAP, FindingCode.HEARTBEAT_GAP.severity(),
                    "no heartbeat for " + human(gap) + " between " + from + " and " + to
                            + " (limit " + human(heartbeatLimit) + ")",
                    at, java.util.Map.of("from", from.toString(), "to", to.toString())));
        }
    }

    /** The tree at the bundle's start, from the manifest's compact range. */
    static CompactRange startTree(Manifest m, FindingCollector findings) {
        CompactRange tree;
        try {
            tree = CompactRange.of(m.start(), m.compactRange());
        } catch (IllegalArgumentException e) {
            findings.add(FindingCode.COMPACT_RANGE_INVALID, Location.file(Manifest.MANIFEST),
                    "compact_range does not fit a tree of size " + m.start() + ": " + e.getMessage());
            return CompactRange.empty();
        }
        if (m.previous() != null) {
            if (m.previous().treeSize() != m.start()) {
                findings.add(Finding.mismatch(FindingCode.COMPACT_RANGE_INVALID, Location.file(Manifest.MANIFEST),
                        "previous.tree_size must equal leaf_range.start", Long.toString(m.start()),
                        Long.toString(m.previous().treeSize())));
            } else if (!Arrays.equals(tree.root(), m.previous().rootHash())) {
                findings.add(Finding.mismatch(FindingCode.COMPACT_RANGE_INVALID, Location.file(Manifest.MANIFEST),
                        "root of the compact range (previous export's root)", b64(m.previous().rootHash()),
                        b64(tree.root())));
            }
        }
        return tree;
    }

    static String b64(byte[] h) {
        return Base64.getEncoder().encodeToString(h);
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        if (s < 120) {
            return s + " s";
        }
        if (s < 7200) {
            return (s / 60) + " min";
        }
        return String.format(java.util.Locale.ROOT, "%.1f h", s / 3600.0); // a finding reads the same on any machine
    }
}
