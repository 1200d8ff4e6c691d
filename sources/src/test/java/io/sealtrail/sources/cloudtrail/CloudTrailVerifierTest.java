package io.sealtrail.sources.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.model.Finding;
import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Verdict;
import io.sealtrail.sources.SourceVerification;
import io.sealtrail.sources.SourceVerification.FileIntegrity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudTrailVerifierTest {
    @TempDir
    Path dir;

    private SourceVerification verify(CloudTrailFixture f) throws IOException {
        return CloudTrailVerifier.verify(CloudTrailTree.scan(f.root), CloudTrailKeys.read(f.keys));
    }

    private static List<FindingCode> codes(SourceVerification v) {
        return v.findings().stream().map(Finding::code).toList();
    }

    private CloudTrailFixture chain() throws IOException, GeneralSecurityException {
        return CloudTrailFixture.write(dir, 3, 4);
    }

    @Test
    void theStringCloudTrailSignsMatchesTheAwsCliVector() {
        String abc = CloudTrailFixture.hex(CloudTrailFixture.sha256("abc".getBytes(StandardCharsets.UTF_8)));
        assertThat(CloudTrailVerifier.signedString("a", "b", "c", abc, null))
                .isEqualTo("a\nb/c\nba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\nnull");
    }

    @Test
    void aGenuineChainIsVerifiedByTheKeyTheAuditorSupplied() throws Exception {
        CloudTrailFixture f = chain();
        SourceVerification v = verify(f);
        assertThat(v.findings()).isEmpty();
        assertThat(v.verdict()).isEqualTo(Verdict.VERIFIED);
        assertThat(v.signers()).containsExactly("AWS CloudTrail key " + f.fingerprint);
        assertThat(v.files()).filteredOn(e -> e.role().equals("log")).hasSize(6)
                .allMatch(e -> e.integrity() == FileIntegrity.VERIFIED);
    }

    @Test
    void anOrganisationTrailUnderAKeyPrefixVerifies() throws Exception {
        CloudTrailFixture f = CloudTrailFixture.write(dir, 3, 2, CloudTrailFixture.START.minusSeconds(3600),
                CloudTrailFixture.START.plusSeconds(86_400), "o-a1b2c3d4e5/", "audit/trails/");
        SourceVerification v = verify(f);
        assertThat(v.findings()).isEmpty();
        assertThat(v.verdict()).isEqualTo(Verdict.VERIFIED);
        assertThat(f.logs.get(0)).startsWith("AWSLogs/o-a1b2c3d4e5/111122223333/CloudTrail/");
    }

    @Test
    void withoutTheKeysTheChainIsIntactButUntrusted() throws Exception {
        CloudTrailFixture f = chain();
        SourceVerification v = CloudTrailVerifier.verify(CloudTrailTree.scan(f.root), CloudTrailKeys.none());
        assertThat(v.verdict()).isEqualTo(Verdict.INTACT_UNTRUSTED);
        assertThat(codes(v)).as("once for the key, not once per digest").containsExactly(FindingCode.CLOUDTRAIL_KEY_UNKNOWN);
    }

    @Test
    void anAlteredLogFileIsNamedWithBothHashes() throws Exception {
        CloudTrailFixture f = chain();
        Path log = f.root.resolve(f.logs.get(2));
        String text = new String(CloudTrailFixture.gunzip(Files.readAllBytes(log)), StandardCharsets.UTF_8);
        Files.write(log, CloudTrailFixture.gzip(text.replace("ListUsers", "ListRoles").getBytes(StandardCharsets.UTF_8)));
        SourceVerification v = verify(f);
        assertThat(codes(v)).containsExactly(FindingCode.CLOUDTRAIL_LOG_FILE_ALTERED);
        assertThat(v.findings().get(0).location().file()).isEqualTo(f.logs.get(2));
        assertThat(v.findings().get(0).details()).containsKeys("expected", "found");
        assertThat(v.byPath().get(f.logs.get(2)).integrity()).isEqualTo(FileIntegrity.ALTERED);
        assertThat(v.verdict()).isEqualTo(Verdict.INTEGRITY_FAILURE);
    }

    @Test
    void aRemovedLogFileIsMissing() throws Exception {
        CloudTrailFixture f = chain();
        Files.delete(f.root.resolve(f.logs.get(3)));
        SourceVerification v = verify(f);
        assertThat(codes(v)).containsExactly(FindingCode.CLOUDTRAIL_LOG_FILE_MISSING);
        assertThat(v.findings().get(0).location().file()).isEqualTo(f.logs.get(3));
    }

    @Test
    void aLogFileUnderAnotherPathIsMovedNotMissing() throws Exception {
        CloudTrailFixture f = chain();
        Path from = f.root.resolve(f.logs.get(0));
        Path to = from.resolveSibling("renamed.json.gz");
        Files.move(from, to);
        SourceVerification v = verify(f);
        assertThat(codes(v)).containsExactly(FindingCode.CLOUDTRAIL_LOG_FILE_MOVED);
        assertThat(v.findings().get(0).details().get("found")).endsWith("renamed.json.gz");
    }

    @Test
    void aLogFileNoDigestListsIsNotDigested() throws Exception {
        CloudTrailFixture f = chain();
        Path extra = f.root.resolve(f.logs.get(0)).resolveSibling("111122223333_CloudTrail_eu-west-1_extra.json.gz");
        Files.write(extra, CloudTrailFixture.gzip(CloudTrailFixture.logFile(CloudTrailFixture.START, 2, 900)));
        SourceVerification v = verify(f);
        assertThat(codes(v)).containsExactly(FindingCode.CLOUDTRAIL_LOG_FILE_NOT_DIGESTED);
        assertThat(v.byPath().get(f.root.relativize(extra).toString()).integrity()).isEqualTo(FileIntegrity.NOT_COVERED);
    }

    @Test
    void aRemovedMiddleDigestIsMissingAndItsLogsAreNoLongerVouchedFor() throws Exception {
        CloudTrailFixture f = chain();
        Files.delete(f.root.resolve(f.digests.get(1)));
        SourceVerification v = verify(f);
        // the first digest's signature was known only from the removed one, so it is unsigned now too
        assertThat(codes(v)).containsExactlyInAnyOrder(FindingCode.CLOUDTRAIL_DIGEST_MISSING,
                FindingCode.CLOUDTRAIL_DIGEST_SIGNATURE_MISSING, FindingCode.CLOUDTRAIL_LOG_FILE_NOT_DIGESTED,
                FindingCode.CLOUDTRAIL_LOG_FILE_NOT_DIGESTED);
        assertThat(v.byPath().get(f.logs.get(0)).integrity()).isEqualTo(FileIntegrity.NOT_COVERED);
        assertThat(v.byPath().get(f.logs.get(5)).integrity()).isEqualTo(FileIntegrity.VERIFIED);
        assertThat(v.verdict()).isEqualTo(Verdict.INTEGRITY_FAILURE);
    }

    @Test
    void aWrongSignatureOnTheNewestDigestIsInvalid() throws Exception {
        CloudTrailFixture f = chain();
        f.sidecar(f.digests.get(2), CloudTrailFixture.sign("something else"), null);
        SourceVerification v = verify(f);
        assertThat(codes(v)).containsExactly(FindingCode.CLOUDTRAIL_DIGEST_SIGNATURE_INVALID);
        assertThat(v.files()).filteredOn(e -> e.path().equals(f.logs.get(5)))
                .allMatch(e -> e.integrity() == FileIntegrity.NOT_COVERED);
    }

    @Test
    void theNewestDigestWithoutItsSidecarHasNoSignature() throws Exception {
        CloudTrailFixture f = chain();
        Files.delete(f.root.resolve(f.digests.get(2) + CloudTrailTree.SIDECAR));
        SourceVerification v = verify(f);
        assertThat(codes(v)).containsExactly(FindingCode.CLOUDTRAIL_DIGEST_SIGNATURE_MISSING);
        assertThat(v.findings().get(0).message()).contains("head-object");
    }

    @Test
    void anAlteredMiddleDigestBreaksTheChainAndItsSignature() throws Exception {
        CloudTrailFixture f = chain();
        Path d = f.root.resolve(f.digests.get(1));
        String text = new String(CloudTrailFixture.gunzip(Files.readAllBytes(d)), StandardCharsets.UTF_8);
        Files.write(d, CloudTrailFixture.gzip(text.replace("\"SHA256withRSA\"", "\"SHA256withRSA\" ")
                .getBytes(StandardCharsets.UTF_8)));
        SourceVerification v = verify(f);
        assertThat(codes(v)).containsExactlyInAnyOrder(FindingCode.CLOUDTRAIL_DIGEST_CHAIN_BROKEN,
                FindingCode.CLOUDTRAIL_DIGEST_SIGNATURE_INVALID);
    }

    @Test
    void aGenuinelySignedDigestWhosePreviousHashIsWrongBreaksTheChain() throws Exception {
        CloudTrailFixture f = chain();
        f.resignNewest(d -> d.put("previousDigestHashValue", "00".repeat(32)));
        SourceVerification v = verify(f);
        assertThat(codes(v)).containsExactly(FindingCode.CLOUDTRAIL_DIGEST_CHAIN_BROKEN);
        assertThat(v.findings().get(0).details().get("expected")).isEqualTo("00".repeat(32));
    }

    @Test
    void aDigestThatStartsANewChainIsAGap() throws Exception {
        CloudTrailFixture f = chain();
        f.resignNewest(d -> {
            for (String k : List.of("previousDigestS3Bucket", "previousDigestS3Object", "previousDigestHashValue",
                    "previousDigestHashAlgorithm", "previousDigestSignature")) {
                d.putNull(k);
            }
        });
        SourceVerification v = verify(f);
        // the middle digest's signature was only known from its successor; now nothing supplies it
        assertThat(codes(v)).containsExactlyInAnyOrder(FindingCode.CLOUDTRAIL_DIGEST_GAP,
                FindingCode.CLOUDTRAIL_DIGEST_SIGNATURE_MISSING);
    }

    @Test
    void aKeyUsedOutsideItsValidityWindowIsRejected() throws Exception {
        CloudTrailFixture f = CloudTrailFixture.write(dir, 2, 2, CloudTrailFixture.START.minusSeconds(7200),
                CloudTrailFixture.START.plusSeconds(3600));
        SourceVerification v = verify(f);
        assertThat(codes(v)).containsExactly(FindingCode.CLOUDTRAIL_KEY_NOT_VALID);
        assertThat(v.findings().get(0).location().file()).isEqualTo(f.digests.get(1));
    }

    @Test
    void dataAfterALogFilesGzipMemberIsAFinding() throws Exception {
        CloudTrailFixture f = chain();
        Path log = f.root.resolve(f.logs.get(1));
        byte[] more = CloudTrailFixture.gzip("{\"Records\":[]}".getBytes(StandardCharsets.UTF_8));
        Files.write(log, more, java.nio.file.StandardOpenOption.APPEND);
        SourceVerification v = verify(f);
        assertThat(codes(v)).containsExactly(FindingCode.GZIP_TRAILING_DATA);
        assertThat(v.byPath().get(f.logs.get(1)).integrity()).isEqualTo(FileIntegrity.ALTERED);
    }

    @Test
    void aDigestCopiedToAnotherPathIsMoved() throws Exception {
        CloudTrailFixture f = chain();
        Path d = f.root.resolve(f.digests.get(0));
        Path elsewhere = d.resolveSibling("111122223333_CloudTrail-Digest_eu-west-1_org-trail_eu-west-1_20260302T065959Z.json.gz");
        Files.move(d, elsewhere);
        SourceVerification v = verify(f);
        assertThat(codes(v)).contains(FindingCode.CLOUDTRAIL_DIGEST_MOVED);
    }

    @Test
    void aDigestThatIsNotGzipIsMalformed() throws Exception {
        CloudTrailFixture f = chain();
        Files.writeString(f.root.resolve(f.digests.get(0)), "not gzip");
        SourceVerification v = verify(f);
        assertThat(codes(v)).contains(FindingCode.CLOUDTRAIL_DIGEST_MALFORMED);
        assertThat(v.verdict()).isEqualTo(Verdict.INTEGRITY_FAILURE);
    }

    @Test
    void anObjectLockInALogFilesSidecarIsReported() throws Exception {
        CloudTrailFixture f = chain();
        f.sidecar(f.logs.get(0), null, "2033-03-02T00:00:00Z");
        SourceVerification v = verify(f);
        assertThat(v.byPath().get(f.logs.get(0)).lock()).isEqualTo("COMPLIANCE until 2033-03-02T00:00:00Z");
        assertThat(v.byPath().get(f.logs.get(1)).lock()).isNull();
        assertThat(v.verdict()).isEqualTo(Verdict.VERIFIED);
    }

    @Test
    void keysListedWithAFingerprintTheirBytesDoNotHaveAreRefused() throws Exception {
        CloudTrailFixture f = chain();
        Files.writeString(f.keys, Files.readString(f.keys).replace(f.fingerprint, "0".repeat(32)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CloudTrailKeys.read(f.keys))
                .hasMessageContaining("fingerprint");
    }
}
