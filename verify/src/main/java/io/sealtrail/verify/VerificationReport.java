package io.sealtrail.verify;

import io.sealtrail.model.Finding;
import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Severity;
import io.sealtrail.model.Verdict;
import io.sealtrail.verify.bundle.Manifest;
import java.time.Duration;
import java.time.Instant;
import io.sealtrail.verify.trust.SeenCheckpoint;
import io.sealtrail.verify.trust.SeenCheckpoints;
import java.util.List;

/**
 * Everything a verification established, for the CLI, the workbench and the reports alike.
 *
 * @param manifest null when manifest.json could not be read
 * @param tail     the log's state after the last event read, for checking or writing the next export
 */
public record VerificationReport(String bundle, Manifest manifest, Verdict verdict, long events, int segments,
                                 long eventBytes, List<CheckpointSummary> checkpoints, List<KeySummary> keys,
                                 List<Finding> findings, Tail tail, Duration elapsed) {

    public VerificationReport {
        checkpoints = List.copyOf(checkpoints);
        keys = List.copyOf(keys);
        findings = List.copyOf(findings);
    }

    /**
     * What this verification lets the auditor remember of the log (see {@code SeenCheckpoints}): every
     * checkpoint that a key the auditor trusts for the log signed and whose root the events reproduced.
     * All of them, not only the last, so that an older export verified after a newer one is still compared
     * inside its own range.
     *
     * @param source what was verified, in words the auditor recognises (file name, bundle id)
     */
    /** How a remembered checkpoint names where it was seen: the file as the person chose it, and the bundle id. */
    public String seenIn(java.nio.file.Path file) {
        return file.toAbsolutePath().normalize() + (manifest != null ? " (bundle " + manifest.bundleId() + ")" : "");
    }

    public List<SeenCheckpoint> worthRemembering(String source, Instant now) {
        if (manifest == null) {
            return List.of();
        }
        return checkpoints.stream()
                .filter(c -> c.rootVerified() && c.trusted() && !c.signedBy().isEmpty())
                .map(c -> new SeenCheckpoint(manifest.origin(), c.treeSize(), c.rootHash(),
                        String.join(", ", c.signedBy()), now, source))
                .toList();
    }

    /**
     * Why an integrity failure failed, in one plain phrase for the verdict line: altered evidence, a
     * signer that may not sign for this log, or a log that showed another history before. Evidence
     * errors come first, because a forged or forked bundle may also be altered.
     */
    public String failureSummary() {
        java.util.Set<FindingCode> trustCodes = java.util.EnumSet.of(FindingCode.SIGNER_KEY_MISMATCH,
                FindingCode.KEY_NAME_NOT_ORIGIN, FindingCode.CHECKPOINT_UNSIGNED, FindingCode.MANIFEST_SIGNATURE_INVALID,
                FindingCode.EVENTS_NOT_COVERED);
        List<FindingCode> errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).map(Finding::code)
                .toList();
        boolean impersonation = errors.contains(FindingCode.SIGNER_KEY_MISMATCH)
                || errors.contains(FindingCode.KEY_NAME_NOT_ORIGIN);
        boolean evidence = errors.stream().anyMatch(c -> c != FindingCode.LOG_FORKED
                && !(impersonation && trustCodes.contains(c)));
        if (evidence) {
            return "the evidence is not what was signed";
        }
        if (impersonation) {
            return "signed by a key that may not sign for this log";
        }
        return "the log showed another history before: it forked";
    }

    /**
     * Where this export left its log, for writing the next export of it ({@code gen --previous}, {@code seal
     * --previous}); empty when the manifest or the events could not be read.
     */
    public java.util.Optional<io.sealtrail.verify.bundle.BundleWriter.Continuation> continuation() {
        if (manifest == null || tail == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new io.sealtrail.verify.bundle.BundleWriter.Continuation(manifest.bundleId(),
                io.sealtrail.verify.merkle.CompactRange.of(tail.treeSize(), tail.compactRange()), tail.lastEntryHash(),
                tail.lastTime()));
    }

    public long count(Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }

    /**
     * One checkpoint: its tree head, whether the events reproduce its root (or do once the events proven
     * altered get their signed hashes back), who signed it, its timestamp.
     */
    public record CheckpointSummary(String file, long treeSize, String rootHash, boolean rootVerified,
                                    boolean rootVerifiedWithAlterations, List<String> signedBy, boolean trusted, Instant timestamp, String timestampAuthority,
                                    boolean timestampAuthorityTrusted) {
        public CheckpointSummary {
            signedBy = List.copyOf(signedBy);
        }
    }

    /**
     * A key that appears in the bundle or in the auditor's trust: declared means the bundle claims it,
     * trusted means the auditor does, signed means it produced a valid signature in this bundle.
     */
    public record KeySummary(String name, String keyId, String fingerprint, String vkey, boolean declared,
                             boolean trusted, boolean signed) {
    }

    /** The log after the last event of the bundle. */
    public record Tail(long treeSize, List<byte[]> compactRange, byte[] rootHash, String lastEntryHash,
                       Instant lastTime) {
        public Tail {
            compactRange = compactRange.stream().map(byte[]::clone).toList();
            rootHash = rootHash.clone();
        }
    }
}
