package io.sealtrail.verify;

import static io.sealtrail.verify.testing.Bundles.describe;
import static io.sealtrail.verify.testing.Bundles.findings;
import static io.sealtrail.verify.testing.Bundles.trusting;
import static io.sealtrail.verify.testing.Tamper.checkpoint;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Verdict;
import io.sealtrail.verify.bundle.Manifest;
import io.sealtrail.verify.note.NoteSigner;
import io.sealtrail.verify.note.SignedNote;
import io.sealtrail.verify.testing.Bundles;
import io.sealtrail.verify.testing.Tamper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who signed what, and what the auditor's trust makes of it (docs/decisions/0002). */
class SignatureTrustTest {
    static final long SEED = 5;

    @TempDir
    static Path shared;
    static Path fixture;

    @TempDir
    Path tmp;

    @BeforeAll
    static void generate() throws Exception {
        fixture = Bundles.generate(shared.resolve("b"), Bundles.options(1200, SEED, 400, 600));
    }

    @Test
    void aBrokenManifestSignatureIsNotMistakenForImpersonation() throws Exception {
        Path b = Tamper.copyOf(fixture, tmp.resolve("x")).replaceFile(Manifest.MANIFEST_SIG,
                "garbage\n".getBytes(StandardCharsets.UTF_8)).dir();
        VerificationReport r = Bundles.verify(b, trusting(SEED));
        assertThat(findings(r, FindingCode.MANIFEST_SIGNATURE_INVALID)).as(describe(r)).isNotEmpty();
        assertThat(findings(r, FindingCode.SIGNER_KEY_MISMATCH)).as(describe(r)).isEmpty();
        assertThat(r.verdict()).isEqualTo(Verdict.INTEGRITY_FAILURE);
    }

    @Test
    void aWitnessCosignatureAloneDoesNotSignACheckpoint() throws Exception {
        NoteSigner witness = NoteSigner.cosignerFromSeed("witness.example", new byte[32]);
        byte[] original = Files.readAllBytes(fixture.resolve(checkpoint(400)));
        SignedNote note = SignedNote.parse(original);
        byte[] witnessed = new SignedNote(note.text(), List.of(witness.cosignature(note.text(), 1_700_000_000L)))
                .encode();
        Path b = Tamper.copyOf(fixture, tmp.resolve("w")).replaceFile(checkpoint(400), witnessed).dir();
        VerifyOptions trustBoth = VerifyOptions.trusting(List.of(Bundles.signer(SEED).verifierKey(),
                witness.verifierKey()));
        VerificationReport r = Bundles.verify(b, trustBoth);
        assertThat(findings(r, FindingCode.CHECKPOINT_UNSIGNED)).as(describe(r)).singleElement()
                .satisfies(f -> assertThat(f.location().file()).isEqualTo(checkpoint(400)));
    }

    @Test
    void aBundleWitnessedByACosignerStillVerifies() throws Exception {
        NoteSigner witness = NoteSigner.cosignerFromSeed("witness.example", new byte[32]);
        Path b = Bundles.generate(tmp.resolve("cosigned"), Bundles.options(900, SEED, 300, 450)
                .withCosigners(List.of(witness)));
        VerificationReport r = Bundles.verify(b, trusting(SEED));
        assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.VERIFIED);
        assertThat(SignedNote.parse(Files.readAllBytes(b.resolve(checkpoint(300)))).signatures()).hasSize(2);
        assertThat(SignedNote.parse(Files.readAllBytes(b.resolve(Manifest.MANIFEST_SIG))).signatures()).hasSize(1);
    }

    @Test
    void aSecondOperatorKeyMaySignAlongsideTheLogKey() throws Exception {
        NoteSigner second = NoteSigner.fromSeed("gateway.example.com/prod-audit", new byte[32]);
        Path b = Bundles.generate(tmp.resolve("two"), Bundles.options(600, SEED, 300, 300)
                .withCosigners(List.of(second)));
        assertThat(Bundles.verify(b, trusting(SEED)).verdict()).isEqualTo(Verdict.VERIFIED);
        VerificationReport onlySecond = Bundles.verify(b, VerifyOptions.trusting(List.of(second.verifierKey())));
        assertThat(onlySecond.verdict()).as(describe(onlySecond)).isEqualTo(Verdict.VERIFIED);
    }

    @Test
    void anOverflowingFormatVersionIsRejected() throws Exception {
        Path b = Tamper.copyOf(fixture, tmp.resolve("v"))
                .rewriteManifest(m -> m.replace("\"format_version\" : 1", "\"format_version\" : 4294967297")).dir();
        VerificationReport r = Bundles.verify(b, trusting(SEED));
        assertThat(findings(r, FindingCode.MANIFEST_INVALID)).as(describe(r)).isNotEmpty();
    }

    @Test
    void aMissingIntermediateCheckpointIsReported() throws Exception {
        Path b = Tamper.copyOf(fixture, tmp.resolve("m")).dropFile(checkpoint(800)).dir();
        VerificationReport r = Bundles.verify(b, trusting(SEED));
        assertThat(findings(r, FindingCode.CHECKPOINT_MISSING)).as(describe(r)).singleElement()
                .satisfies(f -> assertThat(f.location().file()).isEqualTo(checkpoint(800)));
    }

    @Test
    void noDeclaredHeartbeatIntervalIsAWarning() throws Exception {
        Path b = Tamper.copyOf(fixture, tmp.resolve("h")).rewriteManifest(m -> m.replace(
                "\"heartbeat_interval_seconds\" : 60", "\"heartbeat_interval_seconds\" : 0")).dir();
        VerificationReport r = Bundles.verify(b, trusting(SEED));
        assertThat(findings(r, FindingCode.HEARTBEAT_NOT_DECLARED)).as(describe(r)).hasSize(1);
        assertThat(findings(r, FindingCode.HEARTBEAT_GAP)).isEmpty();
    }

    @Test
    void unpaddedBase64HashesInTheManifestAreRejected() throws Exception {
        String manifest = Files.readString(fixture.resolve(Manifest.MANIFEST));
        String root = manifest.replaceAll("(?s).*\"final_checkpoint\" : \\{[^}]*\"root_hash\" : \"([^\"]+)\".*", "$1");
        Path b = Tamper.copyOf(fixture, tmp.resolve("p"))
                .rewriteManifest(m -> m.replace(root, root.replace("=", ""))).dir();
        VerificationReport r = Bundles.verify(b, trusting(SEED));
        assertThat(findings(r, FindingCode.MANIFEST_INVALID)).as(describe(r)).isNotEmpty();
    }
}
