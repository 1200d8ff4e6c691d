package io.sealtrail.sources;

import io.sealtrail.model.Finding;
import io.sealtrail.model.Severity;
import io.sealtrail.model.Verdict;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a source's own integrity evidence established, before any record is read: the verdict, every finding,
 * and per file what vouches for it. For a source without evidence every file is {@link FileIntegrity#UNSEALED}
 * and the verdict is {@link Verdict#NO_INTEGRITY_EVIDENCE}.
 *
 * @param signers who signed the evidence, in words the auditor recognises (a key fingerprint), empty if none
 */
public record SourceVerification(String format, Verdict verdict, List<Finding> findings, List<FileEvidence> files,
                                 List<String> signers) {

    public SourceVerification {
        findings = List.copyOf(findings);
        files = List.copyOf(files);
        signers = List.copyOf(signers);
    }

    /** What vouches for one file's contents. */
    public enum FileIntegrity {
        /** Its hash is in signed evidence and matches. */
        VERIFIED,
        /** Signed evidence names another hash, or the file holds more than was hashed. */
        ALTERED,
        /** The source has integrity evidence, but none valid that covers this file. */
        NOT_COVERED,
        /** The source carries no integrity evidence. */
        UNSEALED
    }

    /**
     * One file of the source as received.
     *
     * @param path  inside the source, '/' separated
     * @param role  what the file is to its format ("log", "digest", "signature", "other")
     * @param lock  its write-once (S3 Object Lock) state as supplied, e.g. "COMPLIANCE until 2031-01-01T00:00:00Z",
     *              or null when nothing was supplied
     */
    public record FileEvidence(String path, String role, FileIntegrity integrity, String lock, String versionId) {
    }

    /** A source without integrity evidence: every file unsealed, and the finding that says so. */
    public static SourceVerification unsealed(String format, List<String> files, Finding unsealed) {
        return new SourceVerification(format, Verdict.NO_INTEGRITY_EVIDENCE, List.of(unsealed),
                files.stream().map(f -> new FileEvidence(f, "log", FileIntegrity.UNSEALED, null, null)).toList(),
                List.of());
    }

    public Map<String, FileEvidence> byPath() {
        return files.stream().collect(Collectors.toMap(FileEvidence::path, Function.identity(), (a, b) -> a));
    }

    public long count(Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }
}
