package io.sealtrail.verify.note;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sealtrail.testing.FuzzBounds;
import io.sealtrail.verify.merkle.Merkle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the signed-note codecs (docs/testing.md, "Fuzzing"): notes, checkpoints, verifier keys and tlog proofs
 * document only {@link NoteFormatException}; what they accept encodes back to the same value; and a note the
 * conformance kit's key accepts says exactly what that key signed, as does the checkpoint a proof it accepts leads
 * to. The seeds are the kit's valid bundle's notes and a proof of one of its events.
 */
@Timeout(10) // per input; read by Jazzer as libFuzzer's -timeout too (docs/testing.md, "Fuzzing")
class NoteFuzzTest {
  private static final Path VALID = Path.of("../docs/conformance/valid");
  private static List<VerifierKey> trusted;
  /** The texts the trusted key signed in the valid bundle: the only ones a note it accepts may carry. */
  private static Set<String> signedTexts;
  /** The leaf hash of the valid bundle's event at {@link #PROVED_SEQ}, the event the seed proofs prove. */
  private static byte[] provedLeaf;
  static final long PROVED_SEQ = 2;

  @BeforeAll
  static void readValidBundle() throws Exception {
    trusted = VerifierKey.parseAll(Files.readString(VALID.resolve("trusted.vkey")));
    Path bundle = VALID.resolve("bundle");
    signedTexts = Set.of(
        text(bundle.resolve("checkpoints/3.checkpoint")),
        text(bundle.resolve("checkpoints/6.checkpoint")),
        text(bundle.resolve("manifest.sig")));
    List<String> lines = Files.readAllLines(bundle.resolve("events/000000000000.jsonl"), StandardCharsets.UTF_8);
    provedLeaf = Merkle.leafHash(lines.get((int) PROVED_SEQ).getBytes(StandardCharsets.UTF_8));
  }

  private static String text(Path note) throws Exception {
    return SignedNote.parse(Files.readAllBytes(note)).text();
  }

  @FuzzTest(maxDuration = "60s")
  void anAcceptedNoteCarriesExactlyASignedText(byte[] bytes) throws NoteFormatException {
    FuzzBounds bounds = FuzzBounds.start(bytes.length);
    SignedNote note;
    try {
      note = SignedNote.parse(bytes);
    } catch (NoteFormatException e) {
      assertThat(e.getMessage()).isNotBlank();
      bounds.check();
      return;
    }
    NoteVerification verification = note.verify(trusted);
    bounds.check();

    assertThat(SignedNote.parse(note.encode())).isEqualTo(note);
    if (verification.accepted()) {
      assertThat(signedTexts).contains(note.text());
    }
  }

  @FuzzTest(maxDuration = "60s")
  void aCheckpointIsReadOrRefused(byte[] bytes) throws NoteFormatException {
    String text = new String(bytes, StandardCharsets.UTF_8);
    FuzzBounds bounds = FuzzBounds.start(bytes.length);
    try {
      Checkpoint checkpoint = Checkpoint.parse(text);
      assertThat(Checkpoint.parse(checkpoint.encode())).isEqualTo(checkpoint);
    } catch (NoteFormatException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
    bounds.check();
  }

  @FuzzTest(maxDuration = "60s")
  void verifierKeysAreReadOrRefused(byte[] bytes) throws NoteFormatException {
    String text = new String(bytes, StandardCharsets.UTF_8);
    FuzzBounds bounds = FuzzBounds.start(bytes.length);
    try {
      for (VerifierKey key : VerifierKey.parseAll(text)) {
        assertThat(VerifierKey.parse(key.encode())).isEqualTo(key);
      }
    } catch (NoteFormatException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
    bounds.check();
  }

  @FuzzTest(maxDuration = "60s")
  void anAcceptedTlogProofLeadsToASignedCheckpoint(byte[] bytes) throws NoteFormatException {
    FuzzBounds bounds = FuzzBounds.start(bytes.length);
    TlogProof proof;
    try {
      proof = TlogProof.parse(bytes);
    } catch (NoteFormatException e) {
      assertThat(e.getMessage()).isNotBlank();
      bounds.check();
      return;
    }
    TlogProofCheck check = proof.verify(provedLeaf, trusted);
    bounds.check();

    assertThat(TlogProof.parse(proof.encode())).isEqualTo(proof);
    if (check.ok()) {
      assertThat(proof.index()).isEqualTo(PROVED_SEQ);
      assertThat(signedTexts).contains(SignedNote.parse(proof.checkpointNote()).text());
    }
  }
}
