package io.sealtrail.verify;

import io.sealtrail.model.Finding;
import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Location;
import io.sealtrail.model.Verdict;
import io.sealtrail.verify.bundle.BundleFormatException;
import io.sealtrail.verify.bundle.Manifest;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Proves that a bundle continues the previous export of the same log with nothing removed in between:
 * the previous export is verified in full, and its final checkpoint and last entry hash must be exactly
 * what this bundle's manifest continues from. The compact range was already checked to hash to that
 * root, so the new checkpoints extend the old tree.
 */
final class ContinuityChecks {

    /** Verifies the previous export in full (the façade that called, so the same checks run on it). */
    @FunctionalInterface
    interface PreviousExport {
        VerificationReport verify(Path bundle) throws BundleFormatException;
    }

    /**
     * @param previous the previous export the auditor named, or null
     * @param verifier verifies it
     */
    FindingCollector.Collected check(Manifest m, Path previous, PreviousExport verifier) {
        FindingCollector findings = new FindingCollector();
        check(m, previous, verifier, findings);
        return findings.collected();
    }

    private static void check(Manifest m, Path previous, PreviousExport verifier, FindingCollector findings) {
        Location at = Location.file(Manifest.MANIFEST);
        if (previous == null) {
            // The one place CONTINUITY_NOT_CHECKED is decided: with --previous, continuity is checked.
            if (m.previous() != null) {
                findings.add(FindingCode.CONTINUITY_NOT_CHECKED, at, "continues export " + m.previous().bundleId()
                        + " at leaf " + m.start() + "; pass --previous to prove that nothing is missing in between");
            } else if (m.start() > 0) {
                findings.add(FindingCode.CONTINUITY_NOT_CHECKED, at, "the bundle starts at leaf " + m.start()
                        + " but names no previous export, so its first prev cannot be checked");
            }
            return;
        }
        VerificationReport prev;
        try {
            prev = verifier.verify(previous);
        } catch (BundleFormatException e) {
            findings.add(FindingCode.CONTINUITY_BROKEN, at, "the previous export cannot be read: " + e.getMessage());
            return;
        }
        if (prev.verdict() == Verdict.INTEGRITY_FAILURE) {
            findings.add(FindingCode.CONTINUITY_BROKEN, at, "the previous export " + previous
                    + " fails verification itself (" + prev.count(io.sealtrail.model.Severity.ERROR)
                    + " errors); verify it on its own to see them");
        }
        if (m.previous() == null) {
            findings.add(FindingCode.CONTINUITY_BROKEN, at, "the manifest names no previous export, so it cannot continue "
                    + previous);
            return;
        }
        Manifest pm = prev.manifest();
        if (pm == null) {
            return;
        }
        if (!pm.origin().equals(m.origin())) {
            findings.add(Finding.mismatch(FindingCode.CONTINUITY_BROKEN, at, "origin of the previous export",
                    m.origin(), pm.origin()));
        }
        if (!pm.bundleId().equals(m.previous().bundleId())) {
            findings.add(Finding.mismatch(FindingCode.CONTINUITY_BROKEN, at, "previous.bundle_id",
                    m.previous().bundleId(), pm.bundleId()));
        }
        Manifest.TreeHead fin = pm.finalCheckpoint();
        if (fin.treeSize() != m.start() || !Arrays.equals(fin.rootHash(), m.previous().rootHash())) {
            findings.add(Finding.mismatch(FindingCode.CONTINUITY_BROKEN, at,
                    "the previous export's final checkpoint (size, root)",
                    m.start() + ", " + ChainAssembler.b64(m.previous().rootHash()),
                    fin.treeSize() + ", " + ChainAssembler.b64(fin.rootHash())));
        }
        if (prev.tail() != null && !prev.tail().lastEntryHash().equals(m.previous().lastEntryHash())) {
            findings.add(Finding.mismatch(FindingCode.CONTINUITY_BROKEN, at,
                    "entry hash of the previous export's last event", m.previous().lastEntryHash(),
                    prev.tail().lastEntryHash()));
        }
    }
}
