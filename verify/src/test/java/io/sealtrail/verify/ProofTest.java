package io.sealtrail.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.model.Verdict;
import io.sealtrail.verify.bundle.BundleFormatException;
import io.sealtrail.verify.note.TlogProof;
import io.sealtrail.verify.note.TlogProofCheck;
import io.sealtrail.verify.note.VerifierKey;
import io.sealtrail.verify.proof.EventProofs;
import io.sealtrail.verify.testing.Bundles;
import io.sealtrail.verify.testing.Tamper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Event proofs: exported for events at the edges of checkpoints, in a first export and in one that
 * continues it (leaf range starting above 0), checked offline against the trusted key only.
 */
class ProofTest {
    static final long SEED = 1;
    static final List<VerifierKey> TRUSTED = List.of(Bundles.signer(SEED).verifierKey());
    static final List<VerifierKey> WRONG = List.of(Bundles.signer(99).verifierKey());

    @TempDir
    static Path shared;
    static Path first;
    static Path continued;

    @BeforeAll
    static void generate() throws Exception {
        first = Bundles.generate(shared.resolve("a"), Bundles.options(2000, SEED, 500, 1000));
        continued = Bundles.generate(shared.resolve("b"), Bundles.options(1500, 2, 500, 1000)
                .withPrevious(first).withSigner(Bundles.signer(SEED)));
        assertThat(Bundles.verify(continued, Bundles.trusting(SEED).withPrevious(first)).verdict())
                .isEqualTo(Verdict.VERIFIED);
    }

    private static Path bundle(String which) {
        return which.equals("first") ? first : continued;
    }

    /** The event line of {@code seq} as stored in the bundle (segments of 1000 from the bundle's start). */
    private static byte[] storedLine(String which, long seq) throws Exception {
        long start = which.equals("first") ? 0 : 2000;
        long segStart = start + (seq - start) / 1000 * 1000;
        return Tamper.line(bundle(which), Tamper.segment(segStart), (int) (seq - segStart + 1));
    }

    @ParameterizedTest(name = "{0} export, seq {1} -> checkpoint {2}")
    @CsvSource({
            "first, 0, 500", "first, 499, 500", "first, 500, 1000", "first, 1999, 2000",
            "continued, 2000, 2500", "continued, 2499, 2500", "continued, 2500, 3000", "continued, 3499, 3500"})
    void exportedProofVerifiesWithTheTrustedKey(String which, long seq, long checkpoint) throws Exception {
        EventProofs.ExportedProof p = EventProofs.export(bundle(which), seq);

        assertThat(p.checkpointFile()).isEqualTo(Tamper.checkpoint(checkpoint));
        assertThat(p.line()).isEqualTo(storedLine(which, seq));
        assertThat(new String(p.line(), StandardCharsets.UTF_8)).startsWith("{\"seq\":" + seq + ",");
        assertThat(p.proof().index()).isEqualTo(seq);
        TlogProofCheck check = EventProofs.verify(p.proof(), null, TRUSTED);
        assertThat(check.problems()).isEmpty();
        assertThat(check.ok()).isTrue();
        assertThat(check.checkpoint().size()).isEqualTo(checkpoint);
        // the same event given separately, with its LF, is accepted too
        byte[] withLf = java.util.Arrays.copyOf(p.line(), p.line().length + 1);
        withLf[withLf.length - 1] = '\n';
        assertThat(EventProofs.verify(p.proof(), withLf, TRUSTED).ok()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"first, 499", "continued, 2500"})
    void wrongKeyDoesNotVerify(String which, long seq) throws Exception {
        TlogProof proof = EventProofs.export(bundle(which), seq).proof();

        assertThat(EventProofs.verify(proof, null, WRONG).ok()).isFalse();
        assertThat(EventProofs.verify(proof, null, List.of()).ok()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"first, 499", "continued, 2500"})
    void anotherEventLineDoesNotVerify(String which, long seq) throws Exception {
        EventProofs.ExportedProof p = EventProofs.export(bundle(which), seq);
        byte[] other = storedLine(which, seq + 1);

        assertThat(EventProofs.verify(p.proof(), other, TRUSTED).ok()).as("given line differs").isFalse();
        TlogProof swapped = new TlogProof(other, p.proof().index(), p.proof().path(), p.proof().checkpointNote());
        assertThat(EventProofs.verify(swapped, null, TRUSTED).ok()).as("carried line differs").isFalse();
        byte[] edited = p.line().clone();
        edited[edited.length - 2] ^= 1; // one bit of the event's last value
        TlogProof bit = new TlogProof(edited, p.proof().index(), p.proof().path(), p.proof().checkpointNote());
        assertThat(EventProofs.verify(bit, null, TRUSTED).ok()).as("one bit flipped").isFalse();
    }

    @ParameterizedTest
    @CsvSource({"first, 0", "first, 1999", "continued, 2000", "continued, 3499"})
    void tamperedPathHashDoesNotVerify(String which, long seq) throws Exception {
        TlogProof proof = EventProofs.export(bundle(which), seq).proof();
        assertThat(proof.path()).isNotEmpty();

        for (int i = 0; i < proof.path().size(); i++) {
            List<byte[]> path = new ArrayList<>(proof.path());
            byte[] h = path.get(i).clone();
            h[i % 32] ^= 0x40;
            path.set(i, h);
            TlogProof bad = new TlogProof(proof.extra(), proof.index(), path, proof.checkpointNote());
            assertThat(EventProofs.verify(bad, null, TRUSTED).ok()).as("path[%d] altered", i).isFalse();
        }
        TlogProof wrongIndex = new TlogProof(proof.extra(), proof.index() + 1, proof.path(), proof.checkpointNote());
        assertThat(EventProofs.verify(wrongIndex, null, TRUSTED).ok()).as("index + 1").isFalse();
    }

    @ParameterizedTest
    @CsvSource({"first, 0", "first, 500", "continued, 2499", "continued, 3499"})
    void encodeParseRoundTrip(String which, long seq) throws Exception {
        TlogProof proof = EventProofs.export(bundle(which), seq).proof();

        byte[] encoded = proof.encode();
        TlogProof parsed = TlogProof.parse(encoded);

        assertThat(parsed.encode()).isEqualTo(encoded);
        assertThat(parsed.index()).isEqualTo(proof.index());
        assertThat(parsed.extra()).isEqualTo(proof.extra());
        assertThat(parsed.checkpointNote()).isEqualTo(proof.checkpointNote());
        assertThat(parsed.path()).hasSameSizeAs(proof.path());
        for (int i = 0; i < proof.path().size(); i++) {
            assertThat(parsed.path().get(i)).isEqualTo(proof.path().get(i));
        }
        assertThat(EventProofs.verify(parsed, null, TRUSTED).ok()).isTrue();
    }

    @Test
    void seqOutsideTheBundleIsRefused() {
        assertThatThrownBy(() -> EventProofs.export(continued, 1999)).isInstanceOf(BundleFormatException.class)
                .hasMessageContaining("1999");
        assertThatThrownBy(() -> EventProofs.export(first, 2000)).isInstanceOf(BundleFormatException.class)
                .hasMessageContaining("2000");
    }

    /** An edit the verifier can pin on one event: its outcome flipped, the line still valid. */
    private static String flipOutcome(String line) {
        return line.replaceFirst("\"outcome\":\"(success|failure|denied)\"", "\"outcome\":\"X$1\"")
                .replace("\"outcome\":\"Xsuccess\"", "\"outcome\":\"failure\"")
                .replace("\"outcome\":\"Xfailure\"", "\"outcome\":\"success\"")
                .replace("\"outcome\":\"Xdenied\"", "\"outcome\":\"success\"");
    }

    @ParameterizedTest(name = "seq 100 edited: seq {0} is proven by checkpoint {1}")
    @CsvSource({"101, 500", "99, 500", "1500, 2000"})
    void anEventOfAnExportWithOneEditedEventStillHasAProofThatVerifies(long seq, long checkpoint, @TempDir Path tmp)
            throws Exception {
        Path edited = Tamper.copyOf(first, tmp.resolve("edited")).editLine(Tamper.segment(0), 101, ProofTest::flipOutcome)
                .dir();

        EventProofs.ExportedProof p = EventProofs.export(edited, seq);

        assertThat(p.checkpointFile()).isEqualTo(Tamper.checkpoint(checkpoint));
        TlogProofCheck check = EventProofs.verify(p.proof(), null, TRUSTED);
        assertThat(check.problems()).isEmpty();
        assertThat(check.ok()).isTrue();
    }

    @Test
    void anEventEditedAtACheckpointsLastLeafLeavesTheOthersProvable(@TempDir Path tmp) throws Exception {
        // seq 499 is the last leaf of checkpoint 500: its signed hash is in seq 500's prev, past the checkpoint
        Path edited = Tamper.copyOf(first, tmp.resolve("edge")).editLine(Tamper.segment(0), 500, ProofTest::flipOutcome)
                .dir();

        assertThat(EventProofs.verify(EventProofs.export(edited, 10).proof(), null, TRUSTED).ok()).isTrue();
    }

    @Test
    void theEditedEventItselfHasNoProof(@TempDir Path tmp) throws Exception {
        Path edited = Tamper.copyOf(first, tmp.resolve("edited")).editLine(Tamper.segment(0), 101, ProofTest::flipOutcome)
                .dir();

        assertThatThrownBy(() -> EventProofs.export(edited, 100)).isInstanceOf(BundleFormatException.class)
                .hasMessageContaining("seq 100 was changed after it was signed");
    }

    @Test
    void aDeletedEventLeavesTheLaterOnesOfItsCheckpointWithoutProof(@TempDir Path tmp) throws Exception {
        Path cut = Tamper.copyOf(first, tmp.resolve("cut")).deleteLine(Tamper.segment(0), 101).dir();

        assertThatThrownBy(() -> EventProofs.export(cut, 300)).isInstanceOf(BundleFormatException.class)
                .hasMessageContaining("do not reproduce the root");
    }
}
