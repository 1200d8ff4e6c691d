package io.sealtrail.model;

/**
 * Stable finding codes. Tests, the CLI's JSON, the workbench and the reports all key on these names,
 * so a code is never renamed or reused for another meaning; new codes are appended.
 */
public enum FindingCode {
    // Manifest and files
    MANIFEST_INVALID(Severity.ERROR, "manifest.json is not a valid bundle manifest"),
    MANIFEST_SIGNATURE_MISSING(Severity.ERROR, "manifest.sig is missing, so the manifest is not bound to the signer"),
    MANIFEST_SIGNATURE_INVALID(Severity.ERROR, "manifest.sig does not verify or does not name this manifest"),
    FILE_MISSING(Severity.ERROR, "a file listed in the manifest is not in the bundle"),
    FILE_UNLISTED(Severity.ERROR, "a file in the bundle is not listed in the manifest"),
    FILE_SIZE_MISMATCH(Severity.ERROR, "a file's size differs from the manifest"),
    FILE_HASH_MISMATCH(Severity.ERROR, "a file's SHA-256 differs from the manifest"),
    // Event lines
    LINE_MALFORMED(Severity.ERROR, "an event line is not a well-formed JSON object"),
    LINE_NOT_UTF8(Severity.ERROR, "an event line is not valid UTF-8"),
    LINE_TOO_LONG(Severity.ERROR, "an event line exceeds the maximum event size"),
    LINE_UNTERMINATED(Severity.ERROR, "the last line of a segment does not end with LF"),
    JSON_DUPLICATE_KEY(Severity.ERROR, "an event line has the same key twice"),
    FIELD_MISSING(Severity.ERROR, "a required event field is missing"),
    FIELD_INVALID(Severity.ERROR, "an event field has the wrong type or format"),
    FIELD_UNKNOWN(Severity.WARNING, "an event has a field the bundle format does not define (extensions belong under labels)"),
    // Sequence, chain, range
    SEQ_GAP(Severity.ERROR, "leaf indexes skip: events are missing"),
    SEQ_OUT_OF_ORDER(Severity.ERROR, "a leaf index repeats or goes backwards"),
    CHAIN_BROKEN(Severity.ERROR, "an event's prev is not the entry hash of the event before it"),
    RANGE_MISMATCH(Severity.ERROR, "the events do not cover exactly the manifest's range"),
    // Merkle tree and checkpoints
    COMPACT_RANGE_INVALID(Severity.ERROR, "the compact range does not hash to the previous export's root"),
    CHECKPOINT_MALFORMED(Severity.ERROR, "a checkpoint file is not a valid C2SP signed checkpoint"),
    CHECKPOINT_ORIGIN_MISMATCH(Severity.ERROR, "a checkpoint names another log's origin"),
    CHECKPOINT_OUT_OF_RANGE(Severity.ERROR, "a checkpoint's tree size lies outside the bundle's range"),
    CHECKPOINT_ROOT_MISMATCH(Severity.ERROR, "a checkpoint's root hash differs from the root recomputed from the events"),
    CHECKPOINT_INCONSISTENT(Severity.ERROR, "two checkpoints of one log disagree (a split view)"),
    CHECKPOINT_SIGNATURE_INVALID(Severity.ERROR, "a signature by a known key does not verify"),
    CHECKPOINT_UNSIGNED(Severity.ERROR, "a checkpoint carries no valid signature by a log key the bundle declares or the auditor trusts"),
    CHECKPOINT_FINAL_MISSING(Severity.ERROR, "the manifest's final checkpoint is not in the bundle"),
    EVENTS_NOT_COVERED(Severity.ERROR, "events after the last checkpoint are covered by no signature"),
    // Trust
    SIGNER_KEY_MISMATCH(Severity.ERROR, "the auditor trusts a key for this log, but another key signed it"),
    SIGNATURE_UNTRUSTED_KEY(Severity.WARNING, "signed only by keys the auditor does not trust"),
    // Continuity
    CONTINUITY_BROKEN(Severity.ERROR, "the bundle does not continue the previous export"),
    CONTINUITY_NOT_CHECKED(Severity.INFO, "the previous export was not supplied, so continuity rests on the manifest's claim"),
    // RFC 3161 timestamps
    TIMESTAMP_MALFORMED(Severity.ERROR, "a timestamp token cannot be parsed"),
    TIMESTAMP_IMPRINT_MISMATCH(Severity.ERROR, "a timestamp token stamps other bytes than its checkpoint"),
    TIMESTAMP_SIGNATURE_INVALID(Severity.ERROR, "a timestamp token's signature does not verify"),
    TIMESTAMP_CHAIN_INVALID(Severity.ERROR, "the TSA certificate chain does not validate at the token's time"),
    TIMESTAMP_TSA_UNTRUSTED(Severity.WARNING, "the TSA's root certificate is not one the auditor trusts"),
    // Completeness in time
    HEARTBEAT_GAP(Severity.ERROR, "no heartbeat for longer than the declared interval allows: logging stopped or events are missing"),
    TIME_BACKWARDS(Severity.WARNING, "an event's time is earlier than the event before it"),
    TIME_OUTSIDE_RANGE(Severity.WARNING, "an event's time lies outside the manifest's time range"),
    // Appended later (codes are never reordered or reused)
    HEARTBEAT_NOT_DECLARED(Severity.WARNING, "the producer declares no heartbeat interval, so silence cannot be told from loss"),
    CHECKPOINT_MISSING(Severity.WARNING, "a checkpoint the declared interval promises is not in the bundle"),
    // Cases and their journals
    JOURNAL_MALFORMED(Severity.ERROR, "a case journal line is not a valid journal entry"),
    JOURNAL_CHAIN_BROKEN(Severity.ERROR, "a journal entry's prev is not the hash of the entry before it"),
    JOURNAL_ROOT_MISMATCH(Severity.ERROR, "the journal's signed checkpoint does not match its entries"),
    JOURNAL_SIGNATURE_INVALID(Severity.ERROR, "the journal checkpoint is not validly signed by the auditor who wrote it"),
    JOURNAL_NOT_COVERED(Severity.WARNING, "journal entries after the last signed checkpoint"),
    JOURNAL_SIGNER_UNTRUSTED(Severity.WARNING, "the journal is signed by an auditor key you did not name as trusted"),
    CASE_FILE_CHANGED(Severity.ERROR, "a file of an imported bundle or its index differs from what the import recorded"),
    CASE_FILE_MISSING(Severity.ERROR, "a file recorded at import is gone from the case"),
    CASE_FILE_UNEXPECTED(Severity.WARNING, "a file in the case that no import recorded"),
    // Forensics
    EVENT_ALTERED(Severity.ERROR, "this event was changed after it was signed; the signed checkpoints prove which one"),
    // Trust of the verdict (keys bound to their log, forks, the case's custody)
    KEY_NAME_NOT_ORIGIN(Severity.ERROR, "a log key signed under another name than the log's origin: a key vouches only for its own log"),
    LOG_FORKED(Severity.ERROR, "the log showed one history before and another now: a checkpoint remembered from an earlier verification is not reproduced"),
    FORK_NOT_CHECKED(Severity.INFO, "a checkpoint remembered from an earlier verification lies before this bundle and cannot be checked from it alone"),
    CASE_RECORD_CHANGED(Severity.ERROR, "an import record differs from the one the signed journal anchored"),
    JOURNAL_SIGNER_CHANGED(Severity.ERROR, "the journal is signed by another key than the one the case was created with, and no signed hand-over names it"),
    CASE_RECORD_NOT_ANCHORED(Severity.WARNING, "an import record no journal entry anchors (the case is older than anchored imports): it is checked against itself only"),
    // Sources other than Sealtrail bundles (docs/sources.md)
    SOURCE_UNSEALED(Severity.WARNING, "this source carries no integrity evidence: nothing shows whether it was changed before it reached you"),
    RECORD_MALFORMED(Severity.WARNING, "a record of the source could not be read; it is kept as text and the others were imported"),
    TIME_ASSUMED(Severity.INFO, "the source's timestamps carry no year or zone: the year and zone used are assumptions"),
    // AWS CloudTrail's digest chain (docs/sources.md)
    CLOUDTRAIL_DIGEST_MALFORMED(Severity.ERROR, "a CloudTrail digest file is not a valid gzip-compressed JSON digest"),
    CLOUDTRAIL_DIGEST_MOVED(Severity.ERROR, "a CloudTrail digest file is not where its own digestS3Object says it was delivered"),
    CLOUDTRAIL_DIGEST_MISSING(Severity.ERROR, "a digest that a later digest names as its predecessor is not in the source: digests were removed"),
    CLOUDTRAIL_DIGEST_CHAIN_BROKEN(Severity.ERROR, "a digest's previousDigestHashValue or previousDigestSignature does not match the digest before it"),
    CLOUDTRAIL_DIGEST_SIGNATURE_MISSING(Severity.ERROR, "the newest digest's signature was not supplied (S3 metadata: save `aws s3api head-object` output beside the digest)"),
    CLOUDTRAIL_DIGEST_SIGNATURE_INVALID(Severity.ERROR, "a CloudTrail digest's SHA256withRSA signature does not verify"),
    CLOUDTRAIL_KEY_UNKNOWN(Severity.WARNING, "no CloudTrail public key you supplied has the digest's fingerprint, so nothing you trust vouches for it"),
    CLOUDTRAIL_KEY_NOT_VALID(Severity.ERROR, "a digest was signed by a CloudTrail key outside that key's validity window"),
    CLOUDTRAIL_DIGEST_GAP(Severity.WARNING, "a digest does not link to the one before it: log file validation was off, or the trail was stopped, for that time"),
    CLOUDTRAIL_LOG_FILE_MISSING(Severity.ERROR, "a log file a digest lists is not in the source"),
    CLOUDTRAIL_LOG_FILE_ALTERED(Severity.ERROR, "a log file's SHA-256 differs from the one its digest lists"),
    CLOUDTRAIL_LOG_FILE_MOVED(Severity.ERROR, "a log file a digest lists is in the source, but under another path"),
    CLOUDTRAIL_LOG_FILE_NOT_DIGESTED(Severity.ERROR, "a log file no digest lists: nothing vouches for its contents"),
    GZIP_TRAILING_DATA(Severity.ERROR, "a .gz file holds data after its first gzip member, which no hash or signature covers"),
    SEALED_RECORD_ORDER(Severity.INFO, "events sealed from a source keep the source's record order, which is not time order"),
    // Signed reports (PAdES; docs/reports.md, docs/decisions/0023-signed-reports.md)
    REPORT_NOT_SIGNED(Severity.INFO, "the report carries no PDF signature: only its embedded proofs vouch for it"),
    REPORT_SIGNED_BYTES_ALTERED(Severity.ERROR, "bytes the report's signature covers were changed after it was signed"),
    REPORT_UPDATED_AFTER_SIGNING(Severity.ERROR, "the report was updated after it was signed: it holds bytes (an incremental update) its signature does not cover"),
    REPORT_SIGNATURE_INVALID(Severity.ERROR, "the report's signature is not a valid PAdES signature by the certificate it carries"),
    REPORT_SIGNER_CERT_INVALID(Severity.ERROR, "the report's signer certificate was not valid at the time the signature is checked for (expired, not yet valid, or not for signing)"),
    REPORT_SIGNER_MISMATCH(Severity.ERROR, "the report is signed by another certificate than the one you expect"),
    REPORT_SIGNER_UNTRUSTED(Severity.WARNING, "the report's signer certificate was not compared with one you expect: anyone can sign with a self-signed certificate"),
    REPORT_TIMESTAMP_INVALID(Severity.ERROR, "the timestamp on the report's signature does not verify over the signature value");

    private final Severity severity;
    private final String summary;

    FindingCode(Severity severity, String summary) {
        this.severity = severity;
        this.summary = summary;
    }

    public Severity severity() {
        return severity;
    }

    public String summary() {
        return summary;
    }
}
