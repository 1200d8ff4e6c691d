package io.sealtrail.index;

import io.sealtrail.model.Finding;
import io.sealtrail.model.FindingCode;
import io.sealtrail.verify.VerificationReport;
import io.sealtrail.verify.VerificationReport.CheckpointSummary;
import io.sealtrail.verify.bundle.Manifest;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides each event's {@link Integrity} from a {@link VerificationReport}, by leaf index (the line's
 * position in the Merkle tree, which is what checkpoints commit to). The rule is ADR 0004's:
 * <ul>
  *   <li>broken: an event proven edited (EVENT_ALTERED); at or after {@code brokenFrom} (the verified size before the first checkpoint whose root
 *       did not match), or the line has a line-level error finding (CHAIN_BROKEN at n also marks n-1);</li>
 *   <li>verified: below {@code coveredTo} (the largest signed checkpoint whose root matched);</li>
 *   <li>not_covered: everything else.</li>
 * </ul>
 */
final class IntegrityRule {
    /** Line-level finding codes that make their event broken. FIELD_UNKNOWN is a warning about an extension, not damage. */
    private static final Set<FindingCode> LINE_CODES = EnumSet.of(FindingCode.LINE_MALFORMED,
            FindingCode.LINE_NOT_UTF8, FindingCode.LINE_TOO_LONG, FindingCode.LINE_UNTERMINATED,
            FindingCode.JSON_DUPLICATE_KEY, FindingCode.FIELD_MISSING, FindingCode.FIELD_INVALID,
            FindingCode.SEQ_GAP, FindingCode.SEQ_OUT_OF_ORDER, FindingCode.CHAIN_BROKEN, FindingCode.EVENT_ALTERED);

    private final long coveredTo;
    private final long brokenFrom;
    private final Set<Long> brokenLeaves = new HashSet<>();

    private IntegrityRule(long coveredTo, long brokenFrom) {
        this.coveredTo = coveredTo;
        this.brokenFrom = brokenFrom;
    }

    static IntegrityRule of(VerificationReport report, Manifest m) {
        Set<String> mismatched = new HashSet<>();
        for (Finding f : report.findings()) {
            if (f.code() == FindingCode.CHECKPOINT_ROOT_MISMATCH && f.location().file() != null) {
                mismatched.add(f.location().file());
            }
        }
        List<CheckpointSummary> cps = report.checkpoints().stream()
                .sorted(java.util.Comparator.comparingLong(CheckpointSummary::treeSize)).toList();
        long covered = m.start();
        long brokenFrom = Long.MAX_VALUE;
        long lastVerified = m.start();
        for (CheckpointSummary c : cps) {
            if (c.rootVerifiedWithAlterations() && !c.signedBy().isEmpty()) {
                // the signed root proves every event up to here as signed, except the EVENT_ALTERED ones
                covered = Math.max(covered, c.treeSize());
                lastVerified = c.treeSize();
            } else if (mismatched.contains(c.file()) && (report.tail() == null || c.treeSize() <= report.tail().treeSize())) {
                // A checkpoint the events never reach (a cut-short copy) proves nothing wrong with the events
                // before it; they stay not_covered. One the events reach and contradict marks them broken.
                brokenFrom = Math.min(brokenFrom, lastVerified);
            } else if (c.rootVerified() && !c.signedBy().isEmpty()) {
                covered = Math.max(covered, c.treeSize());
                lastVerified = c.treeSize();
            }
        }
        IntegrityRule rule = new IntegrityRule(Math.min(covered, brokenFrom), brokenFrom);
        Map<String, Long> firstSeq = new HashMap<>();
        for (Manifest.FileEntry e : m.eventSegments()) {
            firstSeq.put(e.path(), e.firstSeq());
        }
        Set<Long> provenAltered = new HashSet<>();
        for (Finding f : report.findings()) {
            if (f.code() == FindingCode.EVENT_ALTERED) {
                provenAltered.add(leafOf(f, firstSeq));
            }
        }
        for (Finding f : report.findings()) {
            if (!LINE_CODES.contains(f.code())) {
                continue;
            }
            long leaf = leafOf(f, firstSeq);
            if (leaf < 0) {
                continue;
            }
            if (f.code() == FindingCode.CHAIN_BROKEN && provenAltered.contains(leaf - 1)) {
                continue; // the signed root proved n-1 the edited one; n itself is as signed
            }
            rule.brokenLeaves.add(leaf);
            if (f.code() == FindingCode.CHAIN_BROKEN && leaf > 0) {
                rule.brokenLeaves.add(leaf - 1); // the link between n-1 and n is broken; either end may be the altered one
            }
        }
        return rule;
    }

    /** The leaf a finding points at: from its file and line where known, else from its seq. */
    private static long leafOf(Finding f, Map<String, Long> firstSeq) {
        Long first = f.location().file() == null ? null : firstSeq.get(f.location().file());
        if (first != null && first >= 0 && f.location().line() >= 1) {
            return first + f.location().line() - 1;
        }
        return f.location().seq();
    }

    Integrity at(long leaf, boolean parsed) {
        if (!parsed || leaf >= brokenFrom || brokenLeaves.contains(leaf)) {
            return Integrity.BROKEN;
        }
        return leaf < coveredTo ? Integrity.VERIFIED : Integrity.NOT_COVERED;
    }
}
