package io.sealtrail.verify;

import io.sealtrail.model.Finding;
import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Location;
import io.sealtrail.verify.bundle.Manifest;
import io.sealtrail.verify.note.Checkpoint;
import io.sealtrail.verify.note.NoteFormatException;
import io.sealtrail.verify.note.SignedNote;
import io.sealtrail.verify.note.VerifierKey;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The bundle's checkpoints as checkpoints: each file parses, names this log, lies in its range and agrees
 * with the others and with the manifest's final checkpoint; the checkpoints the manifest promises are
 * there; and, once the other checks are done, which events a valid signed checkpoint covers. Their
 * signatures, timestamps and roots are other checks' concern; {@link #outcomes} joins their results.
 */
final class CheckpointChecks {

    /**
     * The valid checkpoints and what is wrong with the rest.
     *
     * @param bySize the checkpoints that parsed, name this log and lie in its range, by tree size (the
     *               first file of a size wins); unmodifiable, so the event pass and the signature checks
     *               may read it at once
     */
    record Result(NavigableMap<Long, CheckpointFile> bySize, FindingCollector.Collected findings) {
        Result {
            bySize = Collections.unmodifiableNavigableMap(new TreeMap<>(bySize));
        }
    }

    /**
     * One checkpoint and what every check found out about it.
     *
     * @param signedBy the keys named for this log whose signatures on it verify
     * @param trusted  whether a key the auditor trusts signed it (and no signature on it failed)
     * @param root     how the events reproduced its root, or null when they did not
     * @param stamp    its valid timestamp, or null
     */
    record Outcome(CheckpointFile file, List<VerifierKey> signedBy, boolean trusted, ChainAssembler.RootMatch root,
                   TimestampChecks.Stamp stamp) {
        Outcome {
            signedBy = List.copyOf(signedBy);
        }

        boolean signed() {
            return !signedBy.isEmpty();
        }

        boolean rootVerified() {
            return root == ChainAssembler.RootMatch.EXACT;
        }

        boolean rootVerifiedWithAlterations() {
            return root == ChainAssembler.RootMatch.WITH_ALTERATIONS;
        }

        VerificationReport.CheckpointSummary summary() {
            return new VerificationReport.CheckpointSummary(file.path(), file.size(),
                    ChainAssembler.b64(file.rootHash()), rootVerified(), rootVerifiedWithAlterations(),
                    signedBy.stream().map(SignatureChecks::describe).toList(), trusted,
                    stamp == null ? null : stamp.genTime(), stamp == null ? null : stamp.authority(),
                    stamp != null && stamp.authorityTrusted());
        }
    }

    /**
     * Parses every checkpoint file and checks its shape, the final checkpoint and the declared intervals;
     * signatures are {@link SignatureChecks}' concern.
     *
     * @param files the bundle's small files that could be read, by path
     */
    Result check(Manifest m, Map<String, byte[]> files) {
        FindingCollector findings = new FindingCollector();
        NavigableMap<Long, CheckpointFile> bySize = parse(m, files, findings);
        finalCheckpoint(m, bySize, findings);
        declaredIntervals(m, bySize, findings);
        return new Result(bySize, findings.collected());
    }

    private static NavigableMap<Long, CheckpointFile> parse(Manifest m, Map<String, byte[]> files,
                                                            FindingCollector findings) {
        NavigableMap<Long, CheckpointFile> bySize = new TreeMap<>();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            String path = f.getKey();
            if (!path.startsWith(Manifest.CHECKPOINTS_DIR)) {
                continue;
            }
            Checkpoint cp;
            try {
                cp = Checkpoint.parse(SignedNote.parse(f.getValue()).text());
            } catch (NoteFormatException e) {
                findings.add(FindingCode.CHECKPOINT_MALFORMED, Location.file(path), e.getMessage());
                continue;
            }
            Location at = Location.file(path);
            if (!cp.origin().equals(m.origin())) {
                findings.add(Finding.mismatch(FindingCode.CHECKPOINT_ORIGIN_MISMATCH, at, "origin", m.origin(), cp.origin()));
                continue;
            }
            if (!path.equals(Manifest.CHECKPOINTS_DIR + cp.size() + ".checkpoint")) {
                findings.add(FindingCode.CHECKPOINT_MALFORMED, at, "the file name does not match the tree size "
                        + cp.size() + " inside it");
            }
            if (cp.size() <= m.start() || cp.size() > m.end()) {
                findings.add(FindingCode.CHECKPOINT_OUT_OF_RANGE, at, "tree size " + cp.size()
                        + " lies outside the bundle's leaf range (" + m.start() + ", " + m.end() + "]");
                continue;
            }
            CheckpointFile file = new CheckpointFile(path, cp.size(), cp.rootHash());
            CheckpointFile other = bySize.putIfAbsent(cp.size(), file);
            if (other != null && !Arrays.equals(other.rootHash(), cp.rootHash())) {
                findings.add(FindingCode.CHECKPOINT_INCONSISTENT, at, "tree size " + cp.size()
                        + " is also signed with another root in " + other.path() + ": the log showed two histories");
            }
        }
        return bySize;
    }

    private static void finalCheckpoint(Manifest m, NavigableMap<Long, CheckpointFile> bySize,
                                        FindingCollector findings) {
        Manifest.TreeHead fin = m.finalCheckpoint();
        CheckpointFile last = bySize.get(fin.treeSize());
        if (last == null) {
            findings.add(FindingCode.CHECKPOINT_FINAL_MISSING, Location.file(Manifest.CHECKPOINTS_DIR + fin.treeSize()
                    + ".checkpoint"), "the manifest's final checkpoint (tree size " + fin.treeSize()
                    + ") is not among the bundle's valid checkpoints");
        } else if (!Arrays.equals(last.rootHash(), fin.rootHash())) {
            // manifest.sig and the checkpoint are both signed by the log: two roots for one tree size.
            findings.add(Finding.mismatch(FindingCode.CHECKPOINT_INCONSISTENT, Location.file(last.path()),
                    "the manifest's final_checkpoint and this checkpoint name different roots for tree size "
                            + fin.treeSize() + ": root", ChainAssembler.b64(fin.rootHash()),
                    ChainAssembler.b64(last.rootHash())));
        }
        if (fin.treeSize() != m.end()) {
            findings.add(Finding.mismatch(FindingCode.RANGE_MISMATCH, Location.file(Manifest.MANIFEST),
                    "the final checkpoint does not end the leaf range: tree size", Long.toString(m.end()),
                    Long.toString(fin.treeSize())));
        }
    }

    /**
     * Heartbeat and checkpoint promises. The promised checkpoints are counted, not enumerated: a hostile
     * manifest may promise one per leaf of a range of 2^62 leaves.
     */
    private static void declaredIntervals(Manifest m, NavigableMap<Long, CheckpointFile> checkpoints,
                                          FindingCollector findings) {
        if (m.heartbeatIntervalSeconds() == 0) {
            findings.add(FindingCode.HEARTBEAT_NOT_DECLARED, Location.file(Manifest.MANIFEST),
                    "heartbeat_interval_seconds is 0: gaps in the log cannot be detected");
        }
        long every = m.checkpointInterval();
        if (every == 0) {
            return;
        }
        // Multiples strictly inside (start, end): the end has the final checkpoint, whatever the interval.
        long base = m.start() - m.start() % every;
        if (base >= m.end() - every) {
            return; // no multiple after start lies before end (and base + every cannot overflow below)
        }
        long promised = (m.end() - 1) / every - m.start() / every;
        long present = checkpoints.subMap(m.start(), false, m.end(), false).keySet().stream()
                .filter(size -> size % every == 0).count();
        long missing = promised - present;
        if (missing > 0) {
            long first = base + every;
            while (checkpoints.containsKey(first)) { // at most one step per present checkpoint
                first += every;
            }
            findings.add(FindingCode.CHECKPOINT_MISSING, Location.file(Manifest.CHECKPOINTS_DIR + first + ".checkpoint"),
                    missing + " checkpoint(s) promised by checkpoint_interval " + every + " are missing, the first at"
                            + " tree size " + first + "; events are then covered only by a later checkpoint");
        }
    }

    /** Joins what the signature, timestamp and event checks found out about each checkpoint. */
    NavigableMap<Long, Outcome> outcomes(NavigableMap<Long, CheckpointFile> checkpoints,
                                         SignatureChecks.Result signatures, TimestampChecks.Result timestamps,
                                         ChainAssembler.Result chain) {
        NavigableMap<Long, Outcome> out = new TreeMap<>();
        checkpoints.forEach((size, c) -> out.put(size, new Outcome(c, signatures.signedBy(c.path()),
                signatures.trusted(c.path()), chain.root(size), timestamps.stamp(c.path()))));
        return Collections.unmodifiableNavigableMap(out);
    }

    /**
     * Events after the last checkpoint whose root the events reproduce are covered by no signature.
     *
     * @param end the tree size the events reached
     */
    FindingCollector.Collected coverage(Manifest m, NavigableMap<Long, Outcome> checkpoints, long end) {
        FindingCollector findings = new FindingCollector();
        long covered = checkpoints.values().stream()
                .filter(c -> (c.rootVerified() || c.rootVerifiedWithAlterations()) && c.signed())
                .mapToLong(c -> c.file().size()).max().orElse(m.start());
        if (end > covered) {
            findings.add(FindingCode.EVENTS_NOT_COVERED, Location.seq(covered),
                    (end - covered) + " event(s) from seq " + covered + " to " + (end - 1)
                            + " are covered by no valid signed checkpoint");
        }
        return findings.collected();
    }

    static List<VerificationReport.CheckpointSummary> summaries(NavigableMap<Long, Outcome> checkpoints) {
        return checkpoints.values().stream().map(Outcome::summary).toList();
    }
}
