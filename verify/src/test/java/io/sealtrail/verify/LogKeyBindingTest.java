package io.sealtrail.verify;

import static io.sealtrail.verify.testing.Bundles.describe;
import static io.sealtrail.verify.testing.Bundles.findings;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Verdict;
import io.sealtrail.verify.bundle.Manifest;
import io.sealtrail.verify.note.NoteSigner;
import io.sealtrail.verify.note.VerifierKey;
import io.sealtrail.verify.testing.Bundles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key vouches only for the log it is named for, and a log whose key the auditor trusts cannot be
 * signed by anybody else, whatever name they choose (issue 11, items 1 and 2; docs/decisions/0002).
 */
class LogKeyBindingTest {
    static final long SEED = 11;
    static final VerifierKey GENUINE = Bundles.signer(SEED).verifierKey();
    static final NoteSigner OTHER_LOG = NoteSigner.fromSeed("other.example/log", seed("other"));
    static final NoteSigner FORGER_AS_ORIGIN = NoteSigner.fromSeed(Bundles.ORIGIN, seed("forger"));

    @TempDir
    static Path shared;
    static Path genuine;
    static Path signedByOtherLogsKey;
    static Path forgedUnderOrigin;

    @BeforeAll
    static void generate() throws Exception {
        genuine = Bundles.generate(shared.resolve("genuine"), Bundles.options(700, SEED, 300, 400));
        signedByOtherLogsKey = Bundles.generate(shared.resolve("other"), Bundles.options(700, SEED, 300, 400)
                .withSigner(OTHER_LOG));
        forgedUnderOrigin = Bundles.generate(shared.resolve("forged"), Bundles.options(700, SEED, 300, 400)
                .withSigner(FORGER_AS_ORIGIN));
    }

    @Test
    void aTrustedKeyNamedForAnotherLogDoesNotVerifyThisLog() throws Exception {
        VerificationReport r = Bundles.verify(signedByOtherLogsKey, VerifyOptions.trusting(List.of(OTHER_LOG.verifierKey())));
        assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.INTEGRITY_FAILURE);
        assertThat(findings(r, FindingCode.KEY_NAME_NOT_ORIGIN)).as(describe(r)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("other.example/log", "a key you trust"));
        assertThat(findings(r, FindingCode.CHECKPOINT_UNSIGNED)).hasSize(3);
        assertThat(findings(r, FindingCode.MANIFEST_SIGNATURE_INVALID)).hasSize(1);
    }

    @Test
    void aManifestDeclaringAKeyOfAnotherLogIsAnErrorEvenUntrusted() throws Exception {
        VerificationReport r = Bundles.verify(signedByOtherLogsKey, VerifyOptions.trusting(List.of()));
        assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.INTEGRITY_FAILURE);
        assertThat(findings(r, FindingCode.KEY_NAME_NOT_ORIGIN)).as(describe(r)).singleElement()
                .satisfies(f -> assertThat(f.location().file()).isEqualTo(Manifest.MANIFEST_SIG));
    }

    @Test
    void aForgeryUnderAnotherNameWhileTheOriginsKeyIsTrustedIsAnIntegrityFailure() throws Exception {
        VerificationReport r = Bundles.verify(signedByOtherLogsKey, VerifyOptions.trusting(List.of(GENUINE)));
        assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.INTEGRITY_FAILURE);
        assertThat(findings(r, FindingCode.SIGNER_KEY_MISMATCH)).as(describe(r)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains(OTHER_LOG.verifierKey().fingerprint(),
                        GENUINE.fingerprint()));
        assertThat(findings(r, FindingCode.SIGNATURE_UNTRUSTED_KEY)).isEmpty();
        assertThat(r.failureSummary()).isEqualTo("signed by a key that may not sign for this log");
    }

    @Test
    void aForgeryUnderAnotherNameStaysAFailureWhenTheForgersKeyIsTrustedToo() throws Exception {
        VerificationReport r = Bundles.verify(signedByOtherLogsKey,
                VerifyOptions.trusting(List.of(GENUINE, OTHER_LOG.verifierKey())));
        assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.INTEGRITY_FAILURE);
        assertThat(findings(r, FindingCode.SIGNER_KEY_MISMATCH)).as(describe(r)).hasSize(1);
        assertThat(findings(r, FindingCode.KEY_NAME_NOT_ORIGIN)).hasSize(1);
    }

    @Test
    void aForgeryUnderTheOriginsNameWhileTheOriginsKeyIsTrustedIsAnIntegrityFailure() throws Exception {
        VerificationReport r = Bundles.verify(forgedUnderOrigin, VerifyOptions.trusting(List.of(GENUINE)));
        assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.INTEGRITY_FAILURE);
        assertThat(findings(r, FindingCode.SIGNER_KEY_MISMATCH)).as(describe(r)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("4 note(s)"));
        assertThat(findings(r, FindingCode.KEY_NAME_NOT_ORIGIN)).isEmpty();
    }

    @Test
    void aBundleOfALogWithNoTrustedKeyIsOnlyUntrusted() throws Exception {
        VerificationReport r = Bundles.verify(forgedUnderOrigin, VerifyOptions.trusting(List.of(OTHER_LOG.verifierKey())));
        assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.INTACT_UNTRUSTED);
        assertThat(findings(r, FindingCode.SIGNATURE_UNTRUSTED_KEY)).hasSize(1);
        assertThat(findings(r, FindingCode.SIGNER_KEY_MISMATCH)).isEmpty();
    }

    @Test
    void aRotatedKeyIsAMismatchUntilTheAuditorTrustsItToo() throws Exception {
        VerificationReport oldOnly = Bundles.verify(forgedUnderOrigin, VerifyOptions.trusting(List.of(GENUINE)));
        VerificationReport both = Bundles.verify(forgedUnderOrigin,
                VerifyOptions.trusting(List.of(GENUINE, FORGER_AS_ORIGIN.verifierKey())));
        assertThat(oldOnly.verdict()).isEqualTo(Verdict.INTEGRITY_FAILURE);
        assertThat(both.verdict()).as(describe(both)).isEqualTo(Verdict.VERIFIED);
        assertThat(Bundles.verify(genuine, VerifyOptions.trusting(List.of(GENUINE, FORGER_AS_ORIGIN.verifierKey())))
                .verdict()).isEqualTo(Verdict.VERIFIED);
    }

    @Test
    void theFindingsNameTheNotesAndTheNamesTheySignedUnder() throws Exception {
        VerificationReport r = Bundles.verify(signedByOtherLogsKey, VerifyOptions.trusting(List.of(GENUINE)));
        assertThat(findings(r, FindingCode.KEY_NAME_NOT_ORIGIN)).singleElement().satisfies(f -> assertThat(f.message())
                .contains("signed 4 note(s)", "(manifest.sig, checkpoints/300.checkpoint, checkpoints/600.checkpoint, … 1 more)"));
        assertThat(findings(r, FindingCode.CHECKPOINT_UNSIGNED)).first().satisfies(f -> assertThat(f.message())
                .contains("(signed as: other.example/log;"));
    }

    @Test
    void aManifestSignatureOverAnotherManifestOfTheSameLogIsInvalid() throws Exception {
        Path other = Bundles.generate(shared.resolve("other-export"), Bundles.options(700, SEED + 1, 300, 400)
                .withSigner(Bundles.signer(SEED)));
        Path b = io.sealtrail.verify.testing.Tamper.copyOf(genuine, shared.resolve("swapped-sig"))
                .replaceFile(Manifest.MANIFEST_SIG, java.nio.file.Files.readAllBytes(other.resolve(Manifest.MANIFEST_SIG)))
                .dir();
        VerificationReport r = Bundles.verify(b, VerifyOptions.trusting(List.of(GENUINE)));
        assertThat(findings(r, FindingCode.MANIFEST_SIGNATURE_INVALID)).as(describe(r)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("does not name this manifest"));
    }

    private static byte[] seed(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
