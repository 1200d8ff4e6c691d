package io.sealtrail.verify;

import static io.sealtrail.verify.conformance.ConformanceKit.CP3;
import static io.sealtrail.verify.conformance.ConformanceKit.CP30;
import static io.sealtrail.verify.conformance.ConformanceKit.SEG0;
import static io.sealtrail.verify.conformance.ConformanceKit.SEG3;
import static io.sealtrail.verify.conformance.ConformanceKit.TSR3;
import static io.sealtrail.verify.conformance.ConformanceKit.TSR4;
import static io.sealtrail.verify.testing.Bundles.describe;
import static io.sealtrail.verify.testing.Bundles.findings;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.model.Finding;
import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Location;
import io.sealtrail.model.Severity;
import io.sealtrail.model.Verdict;
import io.sealtrail.verify.bundle.Manifest;
import io.sealtrail.verify.conformance.ConformanceKit;
import io.sealtrail.verify.testing.Bundles;
import io.sealtrail.verify.testing.KeyHolder;
import io.sealtrail.verify.testing.Tamper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One rule of the format broken at a time, on the conformance kit's small bundles (docs/conformance):
 * each break gives its exact finding code at the file and line where it happened. Most breaks are
 * re-sealed (hashes, chain and signatures agree again), so only the rule's own check can catch them.
 */
class RuleBreakTest {
    @TempDir
    Path tmp;

    private VerificationReport verifyCase(String name) throws Exception {
        ConformanceKit.Case c = ConformanceKit.named(name);
        Path bundle = ConformanceKit.build(c, tmp.resolve(name));
        return Bundles.verify(bundle, VerifyOptions.trusting(List.of(ConformanceKit.trustedKey(c))));
    }

    private Tamper plain() throws Exception {
        Path base = ConformanceKit.generate(ConformanceKit.Base.PLAIN, tmp.resolve("plain"));
        return Tamper.copyOf(base, tmp.resolve("copy"));
    }

    private static VerificationReport verify(Path bundle) throws Exception {
        return Bundles.verify(bundle, VerifyOptions.trusting(List.of(ConformanceKit.key().verifierKey())));
    }

    /** The one finding of {@code code}; fails with the whole report if there is none or more. */
    private static Finding only(VerificationReport r, FindingCode code) {
        List<Finding> f = findings(r, code);
        assertThat(f).as("one %s in%n%s", code, describe(r)).hasSize(1);
        return f.get(0);
    }

    private static void assertFailure(VerificationReport r) {
        assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.INTEGRITY_FAILURE);
    }

    @Test
    void missingManifestSignatureIsAnError() throws Exception {
        VerificationReport r = verifyCase("manifest-signature-missing");

        assertFailure(r);
        assertThat(only(r, FindingCode.MANIFEST_SIGNATURE_MISSING).location()).isEqualTo(Location.file("manifest.sig"));
    }

    @Test
    void aManifestSignatureTooLargeToReadIsInvalid() throws Exception {
        Tamper t = plain();
        t.replaceFile(Manifest.MANIFEST_SIG, new byte[(1 << 20) + 1]);

        VerificationReport r = verify(t.dir());

        assertFailure(r);
        Finding f = only(r, FindingCode.MANIFEST_SIGNATURE_INVALID);
        assertThat(f.location()).isEqualTo(Location.file(Manifest.MANIFEST_SIG));
        assertThat(f.message()).isEqualTo("cannot be read: manifest.sig is larger than 1048576 bytes");
    }

    @Test
    void compactRangeThatDoesNotHashToThePreviousRootIsInvalid() throws Exception {
        VerificationReport r = verifyCase("compact-range-forged");

        assertFailure(r);
        Finding f = only(r, FindingCode.COMPACT_RANGE_INVALID);
        assertThat(f.location()).isEqualTo(Location.file(Manifest.MANIFEST));
        assertThat(f.details()).containsKeys("expected", "found");
        assertThat(r.count(Severity.ERROR)).as(describe(r)).isEqualTo(1);
    }

    @Test
    void previousTreeSizeOtherThanTheStartIsACompactRangeError() throws Exception {
        VerificationReport r = verifyCase("previous-size-mismatch");

        assertFailure(r);
        assertThat(only(r, FindingCode.COMPACT_RANGE_INVALID).details()).containsEntry("expected", "6")
                .containsValue("5");
    }

    @Test
    void compactRangeWithTooFewHashesForTheStartIsInvalid() throws Exception {
        Path base = ConformanceKit.generate(ConformanceKit.Base.CONTINUED, tmp.resolve("continued"));
        Path bundle = Tamper.copyOf(base, tmp.resolve("short")).dir();
        // 6 = 4 + 2 leaves: two subtree hashes; one alone fits no tree of size 6
        KeyHolder.manifest(bundle, ConformanceKit.key(), m -> ConformanceKit.withCompactRange(m,
                List.of(m.compactRange().get(0))));

        VerificationReport r = verify(bundle);

        assertFailure(r);
        assertThat(only(r, FindingCode.COMPACT_RANGE_INVALID).message()).contains("does not fit a tree of size 6");
    }

    @Test
    void checkpointThatIsNoSignedNoteIsMalformed() throws Exception {
        VerificationReport r = verifyCase("checkpoint-malformed");

        assertFailure(r);
        assertThat(only(r, FindingCode.CHECKPOINT_MALFORMED).location()).isEqualTo(Location.file(CP3));
    }

    @Test
    void checkpointWhoseFileNameIsNotItsSizeIsMalformed() throws Exception {
        Tamper t = plain();
        t.addFile("checkpoints/4.checkpoint", java.nio.file.Files.readAllBytes(t.dir().resolve(CP3)));
        KeyHolder.manifest(t.dir(), ConformanceKit.key(), m -> KeyHolder.listing(m, "checkpoints/4.checkpoint"));

        VerificationReport r = verify(t.dir());

        assertFailure(r);
        assertThat(only(r, FindingCode.CHECKPOINT_MALFORMED).message()).contains("file name does not match the tree size 3");
        assertThat(findings(r, FindingCode.CHECKPOINT_INCONSISTENT)).as("the same root twice is no split view").isEmpty();
    }

    @Test
    void checkpointOfAnotherOriginIsAnOriginMismatch() throws Exception {
        VerificationReport r = verifyCase("checkpoint-origin-mismatch");

        assertFailure(r);
        Finding f = only(r, FindingCode.CHECKPOINT_ORIGIN_MISMATCH);
        assertThat(f.location()).isEqualTo(Location.file(CP3));
        assertThat(f.details()).containsEntry("expected", Bundles.ORIGIN).containsValue("other.example/log");
    }

    @Test
    void checkpointBeyondTheLastLeafIsOutOfRange() throws Exception {
        VerificationReport r = verifyCase("checkpoint-out-of-range");

        assertFailure(r);
        assertThat(only(r, FindingCode.CHECKPOINT_OUT_OF_RANGE).location())
                .isEqualTo(Location.file("checkpoints/7.checkpoint"));
    }

    /**
     * Reachable only through a second file for one tree size, which is then misnamed (a checkpoint's
     * file name is its size): both findings come together.
     */
    @Test
    void secondCheckpointForOneSizeWithAnotherRootIsInconsistent() throws Exception {
        VerificationReport r = verifyCase("checkpoint-inconsistent");

        assertFailure(r);
        assertThat(only(r, FindingCode.CHECKPOINT_INCONSISTENT).location()).isEqualTo(Location.file(CP30));
        assertThat(only(r, FindingCode.CHECKPOINT_MALFORMED).location()).isEqualTo(Location.file(CP30));
    }

    @Test
    void failingSignatureByTheLogKeyIsInvalid() throws Exception {
        VerificationReport r = verifyCase("checkpoint-signature-invalid");

        assertFailure(r);
        Finding f = only(r, FindingCode.CHECKPOINT_SIGNATURE_INVALID);
        assertThat(f.location()).isEqualTo(Location.file(CP3));
        assertThat(f.message()).contains(Bundles.ORIGIN).contains("does not verify");
        assertThat(only(r, FindingCode.CHECKPOINT_UNSIGNED).location()).isEqualTo(Location.file(CP3));
    }

    @Test
    void tokenThatIsNotDerIsMalformed() throws Exception {
        VerificationReport r = verifyCase("timestamp-malformed");

        assertFailure(r);
        assertThat(only(r, FindingCode.TIMESTAMP_MALFORMED).location()).isEqualTo(Location.file(TSR3));
    }

    @Test
    void tokenForACheckpointTheBundleLacksIsMalformed() throws Exception {
        VerificationReport r = verifyCase("timestamp-without-checkpoint");

        assertFailure(r);
        Finding f = only(r, FindingCode.TIMESTAMP_MALFORMED);
        assertThat(f.location()).isEqualTo(Location.file(TSR4));
        assertThat(f.message()).contains("checkpoints/4.checkpoint");
    }

    @Test
    void unreadableTsaChainIsMalformed() throws Exception {
        Path base = ConformanceKit.generate(ConformanceKit.Base.STAMPED, tmp.resolve("stamped"));
        Path bundle = Tamper.copyOf(base, tmp.resolve("pem")).replaceFile(Manifest.TSA_CHAIN,
                "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n".getBytes(StandardCharsets.US_ASCII))
                .dir();
        KeyHolder.manifest(bundle, ConformanceKit.key());

        VerificationReport r = verify(bundle);

        assertFailure(r);
        assertThat(findings(r, FindingCode.TIMESTAMP_MALFORMED)).as(describe(r))
                .anySatisfy(f -> assertThat(f.location()).isEqualTo(Location.file(Manifest.TSA_CHAIN)));
    }

    @Test
    void flippedTsaSignatureByteIsSignatureInvalid() throws Exception {
        VerificationReport r = verifyCase("timestamp-signature-invalid");

        assertFailure(r);
        assertThat(only(r, FindingCode.TIMESTAMP_SIGNATURE_INVALID).location()).isEqualTo(Location.file(TSR3));
    }

    @Test
    void chainOfAnotherTsaIsChainInvalidForEveryToken() throws Exception {
        VerificationReport r = verifyCase("timestamp-chain-invalid");

        assertFailure(r);
        assertThat(findings(r, FindingCode.TIMESTAMP_CHAIN_INVALID)).extracting(f -> f.location().file())
                .containsExactlyInAnyOrder(TSR3, "timestamps/6.tsr");
    }

    @Test
    void eventEarlierThanTheOneBeforeItInASegmentIsTimeBackwards() throws Exception {
        VerificationReport r = verifyCase("time-backwards");

        assertThat(r.verdict()).as("a warning: clocks may step back").isEqualTo(Verdict.VERIFIED);
        Finding f = only(r, FindingCode.TIME_BACKWARDS);
        assertThat(f.location()).isEqualTo(Location.line(SEG0, 3, 2));
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void aSealedSourceRecordEarlierThanTheOneBeforeItIsOneSourceOrderNoteNotTimeBackwards() throws Exception {
        VerificationReport r = verifyCase("source-order");

        assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.VERIFIED);
        assertThat(findings(r, FindingCode.TIME_BACKWARDS)).isEmpty();
        Finding f = only(r, FindingCode.SEALED_RECORD_ORDER);
        assertThat(f.location()).isEqualTo(Location.line(SEG0, 3, 2));
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.message()).startsWith("1 event(s) sealed from a source");
    }

    @Test
    void segmentStartingEarlierThanThePreviousSegmentEndedIsTimeBackwards() throws Exception {
        VerificationReport r = verifyCase("time-backwards-across-segments");

        assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.VERIFIED);
        Finding f = only(r, FindingCode.TIME_BACKWARDS);
        assertThat(f.location()).isEqualTo(Location.line(SEG3, 1, 3));
        assertThat(f.details()).containsEntry("expected", "2026-03-02T06:01:30Z").containsValue("2026-03-02T06:01:00Z");
    }

    @Test
    void eventAfterTheManifestsTimeRangeIsOutsideTheRange() throws Exception {
        VerificationReport r = verifyCase("time-outside-range");

        assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.VERIFIED);
        assertThat(only(r, FindingCode.TIME_OUTSIDE_RANGE).location()).isEqualTo(Location.line(SEG3, 3, 5));
    }

    /** Each required field removed from the second event; chain and checkpoints are re-signed around it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "seq           | \"seq\":1,",
        "time          | \"time\":\"[^\"]+\",",
        "prev          | ,\"prev\":\"[0-9a-f]{64}\"",
        "event.action  | \"action\":\"[a-z.]+\",",
        "event.outcome | ,\"outcome\":\"[a-z]+\""})
    void eventWithoutARequiredFieldHasThatFieldMissing(String field, String regex) throws Exception {
        Tamper t = plain().editLine(SEG0, 2, s -> s.replaceFirst(regex, ""));
        KeyHolder.events(t.dir(), ConformanceKit.key());

        VerificationReport r = verify(t.dir());

        assertFailure(r);
        assertThat(findings(r, FindingCode.FIELD_MISSING)).as(describe(r)).singleElement().satisfies(f -> {
            assertThat(f.location().file()).isEqualTo(SEG0);
            assertThat(f.location().line()).isEqualTo(2);
            assertThat(f.message()).contains(field);
        });
    }

    @Test
    void outcomeThatIsNoOutcomeIsAnInvalidField() throws Exception {
        VerificationReport r = verifyCase("field-invalid");

        assertFailure(r);
        Finding f = only(r, FindingCode.FIELD_INVALID);
        assertThat(f.location()).isEqualTo(Location.line(SEG0, 2, 1));
        assertThat(f.message()).contains("event.outcome");
    }

    @Test
    void fieldTheFormatDoesNotDefineIsOnlyAWarning() throws Exception {
        VerificationReport r = verifyCase("field-unknown");

        assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.VERIFIED);
        Finding f = only(r, FindingCode.FIELD_UNKNOWN);
        assertThat(f.location()).isEqualTo(Location.line(SEG0, 2, 1));
        assertThat(f.message()).contains("color");
    }
}
