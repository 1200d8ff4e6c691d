package io.sealtrail.verify;

import static io.sealtrail.verify.conformance.ConformanceKit.CP3;
import static io.sealtrail.verify.testing.Bundles.describe;
import static io.sealtrail.verify.testing.Bundles.findings;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Location;
import io.sealtrail.verify.bundle.Manifest;
import io.sealtrail.verify.conformance.ConformanceKit;
import io.sealtrail.verify.note.Checkpoint;
import io.sealtrail.verify.note.SignedNote;
import io.sealtrail.verify.testing.Bundles;
import io.sealtrail.verify.testing.Reseal;
import io.sealtrail.verify.testing.Tamper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkpoint rules where a bundle does not start at leaf 0: {@code continued} holds leaves [300, 550)
 * of the log whose first 300 leaves are {@code base}, with checkpoint_interval 120, so it promises the
 * checkpoints at 360 and 480 (multiples of the interval, not steps from its start) besides the final one.
 */
class CheckpointChecksTest {
    static final long SEED = 41;

    @TempDir
    static Path shared;
    static Path base;
    static Path continued;

    @TempDir
    Path tmp;

    @BeforeAll
    static void generate() throws Exception {
        base = Bundles.generate(shared.resolve("base"), Bundles.options(300, SEED, 100, 100));
        continued = Bundles.generate(shared.resolve("continued"), Bundles.options(250, 42, 120, 250)
                .withSigner(Bundles.signer(SEED)).withPrevious(base));
    }

    private Tamper copy() throws Exception {
        return Tamper.copyOf(continued, tmp.resolve("copy"));
    }

    private static VerificationReport verify(Path bundle) throws Exception {
        return Bundles.verify(bundle, Bundles.trusting(SEED));
    }

    @Test
    void theCheckpointsPromisedAreTheMultiplesOfTheIntervalInsideTheRange() throws Exception {
        assertThat(Files.exists(continued.resolve(Tamper.checkpoint(360)))).isTrue();
        assertThat(Files.exists(continued.resolve(Tamper.checkpoint(480)))).isTrue();
        VerificationReport r = verify(continued);

        assertThat(findings(r, FindingCode.CHECKPOINT_MISSING)).as(describe(r)).isEmpty();
    }

    @Test
    void aPromisedCheckpointThatIsGoneIsMissingAtItsTreeSize() throws Exception {
        Path b = copy().dropFile(Tamper.checkpoint(360)).dir();
        Reseal.manifest(b, Bundles.signer(SEED), Reseal.unlisting(Tamper.checkpoint(360)));

        VerificationReport r = verify(b);

        assertThat(findings(r, FindingCode.CHECKPOINT_MISSING)).as(describe(r)).singleElement().satisfies(f -> {
            assertThat(f.location()).isEqualTo(Location.file(Tamper.checkpoint(360)));
            assertThat(f.message()).isEqualTo("1 checkpoint(s) promised by checkpoint_interval 120 are missing, the first"
                    + " at tree size 360; events are then covered only by a later checkpoint");
        });
    }

    @Test
    void everyPromisedCheckpointThatIsGoneIsCounted() throws Exception {
        Path b = copy().dropFile(Tamper.checkpoint(360)).dropFile(Tamper.checkpoint(480)).dir();
        Reseal.manifest(b, Bundles.signer(SEED), m -> Reseal.unlisting(Tamper.checkpoint(480))
                .apply(Reseal.unlisting(Tamper.checkpoint(360)).apply(m)));

        VerificationReport r = verify(b);

        assertThat(findings(r, FindingCode.CHECKPOINT_MISSING)).as(describe(r)).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("2 checkpoint(s) promised"));
    }

    @Test
    void aCheckpointAtTheStartOfTheRangeIsOutOfRange() throws Exception {
        // the previous export's checkpoint at 300: this bundle's leaves begin after it
        String at300 = Tamper.checkpoint(300);
        Path b = copy().addFile(at300, Files.readAllBytes(base.resolve(at300))).dir();
        Reseal.manifest(b, Bundles.signer(SEED), Reseal.listing(b, at300, -1, -1));

        VerificationReport r = verify(b);

        assertThat(findings(r, FindingCode.CHECKPOINT_OUT_OF_RANGE)).as(describe(r)).singleElement().satisfies(f -> {
            assertThat(f.location()).isEqualTo(Location.file(at300));
            assertThat(f.message()).isEqualTo("tree size 300 lies outside the bundle's leaf range (300, 550]");
        });
    }

    @Test
    void aFinalCheckpointBeforeTheEndOfTheRangeIsARangeMismatch() throws Exception {
        Path plain = ConformanceKit.generate(ConformanceKit.Base.PLAIN, tmp.resolve("plain"));
        byte[] root = Checkpoint.parse(SignedNote.parse(Files.readAllBytes(plain.resolve(CP3))).text()).rootHash();
        Reseal.manifest(plain, ConformanceKit.key(), m -> Reseal.withFinalCheckpoint(m, new Manifest.TreeHead(3, root)));

        VerificationReport r = Bundles.verify(plain, VerifyOptions.trusting(List.of(ConformanceKit.key().verifierKey())));

        assertThat(findings(r, FindingCode.RANGE_MISMATCH)).as(describe(r)).singleElement().satisfies(f -> {
            assertThat(f.location()).isEqualTo(Location.file(Manifest.MANIFEST));
            assertThat(f.message()).startsWith("the final checkpoint does not end the leaf range: tree size");
            assertThat(f.details()).containsEntry("expected", "6").containsEntry("found", "3");
        });
    }
}
