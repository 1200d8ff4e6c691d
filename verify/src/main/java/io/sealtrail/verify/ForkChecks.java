package io.sealtrail.verify;

import io.sealtrail.model.Finding;
import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Location;
import io.sealtrail.verify.bundle.Manifest;
import io.sealtrail.verify.merkle.CompactRange;
import io.sealtrail.verify.trust.SeenCheckpoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Catches a log that forked: checkpoints the auditor verified before (of this origin) must be reproduced by
 * this bundle's signed history wherever its range reaches them. The root at a remembered size inside the
 * range comes from the events, but counts only where a signed checkpoint of this bundle at or after that
 * size is reproduced by the same events (or by them with the altered events' signed hashes restored): then
 * the signature commits the log to that root. At exactly {@code start} the manifest's signed compact range
 * gives it. A remembered size outside the range cannot be checked from this bundle alone.
 */
final class ForkChecks {

    /** The sizes whose roots the event pass must report. */
    NavigableSet<Long> probeSizes(Manifest manifest, List<SeenCheckpoint> seenBefore) {
        NavigableSet<Long> sizes = new TreeSet<>();
        ofThisLog(manifest, seenBefore).stream().map(SeenCheckpoint::size)
                .filter(n -> n > manifest.start() && n <= manifest.end()).forEach(sizes::add);
        return Collections.unmodifiableNavigableSet(sizes);
    }

    /**
     * @param seenBefore  checkpoints the auditor verified before, of any log
     * @param startTree   the tree at the bundle's start
     * @param checkpoints what the checks found out about each checkpoint
     * @param probed      the roots at the probed sizes the events reached
     */
    FindingCollector.Collected check(Manifest manifest, List<SeenCheckpoint> seenBefore, CompactRange startTree,
                                     NavigableMap<Long, CheckpointChecks.Outcome> checkpoints,
                                     Map<Long, ChainAssembler.Probe> probed) {
        FindingCollector findings = new FindingCollector();
        List<SeenCheckpoint> seen = ofThisLog(manifest, seenBefore);
        if (seen.isEmpty()) {
            return findings.collected();
        }
        List<SeenCheckpoint> unchecked = new ArrayList<>();
        int checked = 0;
        for (SeenCheckpoint s : seen) {
            byte[] remembered = Base64.getDecoder().decode(s.rootHash());
            Shown shown = shown(manifest, s.size(), startTree, checkpoints, probed);
            if (shown == null) {
                unchecked.add(s);
                continue;
            }
            checked++;
            if (!Arrays.equals(remembered, shown.root())) {
                findings.add(Finding.mismatch(FindingCode.LOG_FORKED, Location.file(shown.where()),
                        "the log " + s.origin() + " showed another history before: at tree size " + s.size()
                                + " its root was " + s.rootHash() + " (signed by " + s.signer() + ", seen " + s.seenAt()
                                + " in " + s.source() + "), and this bundle's " + shown.how() + " gives another root",
                        s.rootHash(), ChainAssembler.b64(shown.root())));
            }
        }
        if (checked == 0 && !unchecked.isEmpty()) {
            SeenCheckpoint before = unchecked.stream().filter(c -> c.size() <= manifest.start())
                    .max(Comparator.comparingLong(SeenCheckpoint::size)).orElse(null);
            SeenCheckpoint near = before != null ? before : unchecked.get(0);
            findings.add(FindingCode.FORK_NOT_CHECKED, Location.file(Manifest.MANIFEST),
                    "you verified " + unchecked.size() + " checkpoint(s) of " + manifest.origin() + " before, but none"
                            + " can be checked from this bundle alone (leaves [" + manifest.start() + ", "
                            + manifest.end() + ")); the nearest, at tree size " + near.size() + " (seen " + near.seenAt()
                            + " in " + near.source() + "), lies " + (before != null
                            ? "before it: verify the exports in between with --previous to link the two"
                            : "after it: you verified a later export of this log first"));
        }
        return findings.collected();
    }

    private static List<SeenCheckpoint> ofThisLog(Manifest manifest, List<SeenCheckpoint> remembered) {
        return remembered.stream().filter(c -> c.origin().equals(manifest.origin()))
                .sorted(Comparator.comparingLong(SeenCheckpoint::size)).toList();
    }

    /** This bundle's signed history at a size, or null when this bundle alone cannot tell it. */
    private static Shown shown(Manifest manifest, long size, CompactRange startTree,
                               NavigableMap<Long, CheckpointChecks.Outcome> checkpoints,
                               Map<Long, ChainAssembler.Probe> probed) {
        if (size == manifest.start()) {
            return startTree.size() == size
                    ? new Shown(startTree.root(), Manifest.MANIFEST, "signed compact range at its start") : null;
        }
        if (size < manifest.start() || size > manifest.end()) {
            return null;
        }
        CheckpointChecks.Outcome exact = checkpoints.get(size);
        if (exact != null && exact.signed()) {
            return new Shown(exact.file().rootHash(), exact.file().path(), "signed checkpoint");
        }
        ChainAssembler.Probe p = probed.get(size);
        if (p == null) {
            return null;
        }
        for (CheckpointChecks.Outcome o : checkpoints.tailMap(size, true).values()) {
            CheckpointFile c = o.file();
            if (!o.signed()) {
                continue;
            }
            if (o.rootVerified()) {
                return new Shown(p.root(), c.path(), "events, as its signed checkpoint at tree size " + c.size()
                        + " commits to them,");
            }
            if (o.rootVerifiedWithAlterations()) {
                return new Shown(p.signedRoot(), c.path(), "events as signed (with the altered events' signed"
                        + " hashes), as its checkpoint at tree size " + c.size() + " commits to them,");
            }
        }
        return null;
    }

    private record Shown(byte[] root, String where, String how) {
    }
}
