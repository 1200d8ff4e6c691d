package io.sealtrail.verify.note;

import static io.sealtrail.verify.note.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignedNoteTest {

  private final NoteSigner log = Fixtures.signer("example.com/log", 1);
  private final NoteSigner other = Fixtures.signer("example.com/other", 2);

  @Test
  void specExampleNoteVerifiesWithSpecExampleKey() throws Exception {
    SignedNote note = SignedNote.parse(utf8(Fixtures.SPEC_NOTE));
    NoteVerification v = note.verify(List.of(VerifierKey.parse(Fixtures.SPEC_VKEY)));
    assertThat(note.text()).isEqualTo("This is an example message.\n");
    assertThat(v.accepted()).isTrue();
  }

  @Test
  void encodeReproducesParsedBytes() throws Exception {
    byte[] bytes = other.addSignature(log.sign("a\nb\n"));
    assertThat(SignedNote.parse(bytes).encode()).isEqualTo(bytes);
  }

  @Test
  void keyWithSameNameButOtherIdLeavesSignatureUnknown() throws Exception {
    NoteSigner impostor = Fixtures.signer("example.com/log", 3);
    NoteVerification v = SignedNote.parse(log.sign("hi\n")).verify(List.of(impostor.verifierKey()));
    assertThat(v.accepted()).isFalse();
    assertThat(v.unknown()).hasSize(1);
    assertThat(v.failedBy()).isEmpty();
  }

  @Test
  void corruptedSignatureFromKnownKeyIsReportedAsFailed() throws Exception {
    SignedNote good = SignedNote.parse(log.sign("hi\n"));
    byte[] sig = good.signatures().get(0).signature();
    sig[10] ^= 1;
    SignedNote bad = new SignedNote(good.text(), List.of(new NoteSignature("example.com/log",
        log.verifierKey().keyId(), sig)));
    NoteVerification v = bad.verify(List.of(log.verifierKey()));
    assertThat(v.failedBy()).containsExactly(log.verifierKey());
    assertThat(v.accepted()).isFalse();
  }

  @Test
  void unknownSignaturesAreIgnored() throws Exception {
    SignedNote note = SignedNote.parse(other.addSignature(log.sign("hi\n")));
    NoteVerification v = note.verify(List.of(log.verifierKey()));
    assertThat(v.accepted()).isTrue();
    assertThat(v.unknown()).extracting(NoteSignature::keyName).containsExactly("example.com/other");
  }

  @Test
  void failingKnownSignatureRejectsNoteDespiteAValidOne() throws Exception {
    SignedNote good = SignedNote.parse(log.sign("hi\n"));
    NoteSignature forged = new NoteSignature("example.com/other", other.verifierKey().keyId(), new byte[64]);
    NoteVerification v = good.withSignature(forged)
        .verify(List.of(log.verifierKey(), other.verifierKey()));
    assertThat(v.verifiedBy()).containsExactly(log.verifierKey());
    assertThat(v.failedBy()).containsExactly(other.verifierKey());
    assertThat(v.accepted()).isFalse();
  }

  @Test
  void textIsSplitFromSignaturesAtLastBlankLine() throws Exception {
    String text = "first paragraph\n\nsecond paragraph\n";
    SignedNote note = SignedNote.parse(log.sign(text));
    assertThat(note.text()).isEqualTo(text);
    assertThat(note.verify(List.of(log.verifierKey())).accepted()).isTrue();
  }

  @Test
  void cosignatureVerifiesAndExposesTimestamp() throws Exception {
    NoteSigner witness = NoteSigner.cosignerFromSeed("witness.example", Fixtures.seed(5));
    SignedNote note = SignedNote.parse(log.sign(Fixtures.CHECKPOINT_TEXT))
        .withSignature(witness.cosignature(Fixtures.CHECKPOINT_TEXT, 1679315147L));
    NoteVerification v = note.verify(List.of(log.verifierKey(), witness.verifierKey()));
    assertThat(v.verifiedBy()).containsExactly(log.verifierKey(), witness.verifierKey());
    assertThat(note.signatures().get(1).cosignatureTimestamp()).hasValue(1679315147L);
  }

  @Test
  void cosignatureWithAlteredTimestampFails() throws Exception {
    NoteSigner witness = NoteSigner.cosignerFromSeed("witness.example", Fixtures.seed(5));
    byte[] sig = witness.cosignature(Fixtures.CHECKPOINT_TEXT, 1000).signature();
    sig[7] ^= 1;
    SignedNote note = SignedNote.parse(log.sign(Fixtures.CHECKPOINT_TEXT))
        .withSignature(new NoteSignature("witness.example", witness.verifierKey().keyId(), sig));
    assertThat(note.verify(List.of(witness.verifierKey())).failedBy()).hasSize(1);
  }

  @Test
  void rejectsMissingFinalNewline() {
    byte[] bytes = log.sign("hi\n");
    assertRejected(Arrays.copyOf(bytes, bytes.length - 1), "does not end with a newline");
  }

  @Test
  void rejectsNoteWithoutSignatureLines() {
    assertRejected(utf8("hi\n\n"), "no signature lines");
  }

  @Test
  void rejectsNoteWithoutBlankLine() {
    assertRejected(utf8("hi\n" + log.signatureLine("hi\n")), "no blank line");
  }

  @Test
  void rejectsBadBase64() {
    assertRejected(utf8("hi\n\n\u2014 example.com/log not*base64\n"), "line 3: signature is not valid base64");
  }

  @Test
  void rejectsSignatureLineWithoutEmDash() {
    String note = new String(log.sign("hi\n"), java.nio.charset.StandardCharsets.UTF_8);
    assertRejected(utf8(note.replace('\u2014', '-')), "line 3: signature line does not start");
  }

  @Test
  void rejectsSignatureTooShortForIdAndSignature() {
    assertRejected(utf8("hi\n\n\u2014 example.com/log AAAAAA==\n"), "4-byte key id");
  }

  @Test
  void rejectsInvalidUtf8() {
    byte[] bytes = log.sign("hi\n");
    bytes[0] = (byte) 0xff;
    assertRejected(bytes, "not valid UTF-8");
  }

  @Test
  void rejectsCarriageReturn() {
    String note = new String(log.sign("hi\n"), java.nio.charset.StandardCharsets.UTF_8);
    assertRejected(utf8(note.replace("hi\n", "hi\r\n")), "line 1: carriage return");
  }

  @Test
  void rejectsControlCharacterInText() {
    assertRejected(utf8("a\nb\tc\n\n" + log.signatureLine("x\n")), "line 2: control character U+0009");
  }

  @Test
  void rejectsTooManySignatureLines() {
    String line = log.signatureLine("hi\n");
    assertRejected(utf8("hi\n\n" + line.repeat(SignedNote.MAX_SIGNATURES + 1)), "limit");
  }

  @Test
  void rejectsOversizedNote() {
    assertRejected(new byte[SignedNote.MAX_NOTE_BYTES + 1], "limit");
  }

  @Test
  void constructorRejectsEmptySignatureList() {
    assertThatThrownBy(() -> new SignedNote("hi\n", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void assertRejected(byte[] note, String message) {
    assertThatThrownBy(() -> SignedNote.parse(note))
        .isInstanceOf(NoteFormatException.class)
        .hasMessageContaining(message);
  }
}
