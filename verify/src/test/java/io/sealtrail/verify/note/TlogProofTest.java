package io.sealtrail.verify.note;

import static io.sealtrail.verify.note.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.verify.merkle.CompactRange;
import io.sealtrail.verify.merkle.Merkle;
import io.sealtrail.verify.merkle.MerkleProver;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TlogProofTest {

  private static final String ORIGIN = "example.com/log";
  private final NoteSigner log = Fixtures.signer(ORIGIN, 1);
  private final List<byte[]> leaves = new ArrayList<>();
  private final MerkleProver prover;
  private final byte[] checkpointNote;

  TlogProofTest() {
    for (int i = 0; i < 10; i++) {
      leaves.add(Merkle.leafHash(("entry " + i).getBytes(StandardCharsets.UTF_8)));
    }
    prover = new MerkleProver(CompactRange.empty(), leaves);
    Checkpoint cp = new Checkpoint(ORIGIN, 10, prover.root(10), List.of());
    checkpointNote = log.sign(cp.encode());
  }

  private TlogProof proofFor(int index) {
    return new TlogProof(utf8("ctx"), index, prover.inclusionPath(index, 10), checkpointNote);
  }

  @Test
  void encodeParseRoundTrip() throws Exception {
    TlogProof proof = proofFor(6);
    TlogProof parsed = TlogProof.parse(proof.encode());
    assertThat(parsed).isEqualTo(proof);
    assertThat(parsed.encode()).isEqualTo(proof.encode());
  }

  @Test
  void encodingFollowsSpecLayout() {
    String text = new String(proofFor(6).encode(), StandardCharsets.UTF_8);
    assertThat(text).startsWith("c2sp.org/tlog-proof@v1\nextra Y3R4\nindex 6\n")
        .contains("\n\n" + ORIGIN + "\n10\n");
  }

  @Test
  void roundTripWithoutExtra() throws Exception {
    TlogProof proof = new TlogProof(null, 0, prover.inclusionPath(0, 10), checkpointNote);
    assertThat(TlogProof.parse(proof.encode()).extra()).isNull();
  }

  @Test
  void verifiesValidProof() {
    TlogProofCheck check = proofFor(6).verify(leaves.get(6), List.of(log.verifierKey()));
    assertThat(check.problems()).isEmpty();
    assertThat(check.ok()).isTrue();
    assertThat(check.checkpoint().size()).isEqualTo(10);
  }

  @Test
  void reportsWrongLeaf() {
    TlogProofCheck check = proofFor(6).verify(leaves.get(5), List.of(log.verifierKey()));
    assertThat(check.ok()).isFalse();
    assertThat(check.problems()).singleElement().asString().contains("inclusion proof for index 6");
  }

  @Test
  void reportsMissingTrustedKeyForOrigin() {
    NoteSigner stranger = Fixtures.signer("example.com/other", 2);
    TlogProofCheck check = proofFor(6).verify(leaves.get(6), List.of(stranger.verifierKey()));
    assertThat(check.problems()).singleElement().asString().contains("no trusted log key");
  }

  @Test
  void reportsCheckpointSignedOnlyByWitnessNotByLog() {
    NoteSigner fakeLog = Fixtures.signer(ORIGIN, 3);
    TlogProofCheck check = proofFor(6).verify(leaves.get(6), List.of(fakeLog.verifierKey()));
    assertThat(check.problems()).singleElement().asString().contains("not validly signed");
  }

  @Test
  void exposesCosignaturesForWitnessPolicy() throws Exception {
    NoteSigner witness = NoteSigner.cosignerFromSeed("witness.example", Fixtures.seed(6));
    SignedNote note = SignedNote.parse(checkpointNote);
    byte[] cosigned = note.withSignature(witness.cosignature(note.text(), 42)).encode();
    TlogProof proof = new TlogProof(null, 6, prover.inclusionPath(6, 10), cosigned);
    TlogProofCheck check = proof.verify(leaves.get(6), List.of(log.verifierKey(), witness.verifierKey()));
    assertThat(check.ok()).isTrue();
    assertThat(check.signatures().verifiedBy()).contains(witness.verifierKey());
  }

  @Test
  void parseRejectsWrongHeader() {
    byte[] bytes = proofFor(6).encode();
    bytes[0] = 'C';
    assertRejected(bytes, "line 1");
  }

  @Test
  void parseRejectsIndexWithLeadingZero() {
    assertRejected(replace(proofFor(6).encode(), "index 6\n", "index 06\n"), "line 3: index");
  }

  @Test
  void parseRejectsShortHash() {
    String h31 = java.util.Base64.getEncoder().encodeToString(new byte[31]);
    assertRejected(replace(proofFor(6).encode(), "index 6\n", "index 6\n" + h31 + "\n"), "line 4: proof hash is 31 bytes");
  }

  @Test
  void parseRejectsMissingCheckpoint() {
    String bytes = "c2sp.org/tlog-proof@v1\nindex 0\n\n";
    assertRejected(utf8(bytes), "missing checkpoint");
  }

  @Test
  void parseRejectsMalformedCheckpoint() {
    String bytes = "c2sp.org/tlog-proof@v1\nindex 0\n\nnot a note\n";
    assertRejected(utf8(bytes), "checkpoint starting at line 4");
  }

  private static byte[] replace(byte[] bytes, String from, String to) {
    return utf8(new String(bytes, StandardCharsets.UTF_8).replace(from, to));
  }

  private static void assertRejected(byte[] bytes, String message) {
    assertThatThrownBy(() -> TlogProof.parse(bytes))
        .isInstanceOf(NoteFormatException.class)
        .hasMessageContaining(message);
  }
}
