package io.sealtrail.verify.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoteSignerTest {

  private final NoteSigner signer = Fixtures.signer("example.com/log", 7);

  // Known answer from the golang.org/x/mod/sumdb/note package documentation (reference
  // implementation of the private-key format and of Ed25519 note signing).
  private static final String GO_SKEY =
      "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
  private static final String GO_VKEY =
      "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
  private static final String GO_TEXT = "If you think cryptography is the answer to your problem,\n"
      + "then you don't know what your problem is.\n";
  private static final String GO_NOTE = GO_TEXT + "\n\u2014 PeterNeumann "
      + "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

  @Test
  void goReferencePrivateKeyYieldsGoReferenceVerifierKey() throws Exception {
    assertThat(NoteSigner.parse(GO_SKEY).verifierKey().encode()).isEqualTo(GO_VKEY);
  }

  @Test
  void signMatchesGoReferenceNoteByteForByte() throws Exception {
    assertThat(NoteSigner.parse(GO_SKEY).sign(GO_TEXT)).isEqualTo(Fixtures.utf8(GO_NOTE));
  }

  @Test
  void fromSeedIsDeterministic() {
    assertThat(Fixtures.signer("example.com/log", 7).verifierKey()).isEqualTo(signer.verifierKey());
    assertThat(Fixtures.signer("example.com/log", 7).sign("hi\n")).isEqualTo(signer.sign("hi\n"));
  }

  @Test
  void privateKeyEncodingRoundTrips() throws Exception {
    String skey = signer.encode();
    assertThat(skey).startsWith("PRIVATE+KEY+example.com/log+");
    NoteSigner parsed = NoteSigner.parse(skey);
    assertThat(parsed.verifierKey()).isEqualTo(signer.verifierKey());
    assertThat(parsed.encode()).isEqualTo(skey);
  }

  @Test
  void parseRejectsKeyIdMismatch() {
    String skey = signer.encode();
    String id = skey.split("\\+")[3];
    String wrong = skey.replace("+" + id + "+", "+" + (id.startsWith("0") ? "1" : "0") + id.substring(1) + "+");
    assertThatThrownBy(() -> NoteSigner.parse(wrong))
        .isInstanceOf(NoteFormatException.class)
        .hasMessageContaining("does not match");
  }

  @Test
  void parseRejectsMissingPrefix() {
    assertThatThrownBy(() -> NoteSigner.parse(signer.verifierKey().encode()))
        .isInstanceOf(NoteFormatException.class)
        .hasMessageContaining("PRIVATE+KEY+");
  }

  @Test
  void generatedSignerSignsVerifiableNotes() throws Exception {
    NoteSigner fresh = NoteSigner.generate("example.com/new", new SecureRandom());
    SignedNote note = SignedNote.parse(fresh.sign("hello\n"));
    assertThat(note.verify(List.of(fresh.verifierKey())).accepted()).isTrue();
  }

  @Test
  void signatureLineHasEmDashNameAndIdPrefixedSignature() {
    String line = signer.signatureLine("hello\n");
    assertThat(line).startsWith("\u2014 example.com/log ").endsWith("\n");
    byte[] body = Base64.getDecoder().decode(line.substring(line.lastIndexOf(' ') + 1).strip());
    assertThat(body).hasSize(4 + 64);
    int id = ((body[0] & 0xff) << 24) | ((body[1] & 0xff) << 16) | ((body[2] & 0xff) << 8) | (body[3] & 0xff);
    assertThat(id).isEqualTo(signer.verifierKey().keyId());
  }

  @Test
  void signProducesTextBlankLineAndSignature() {
    String note = new String(signer.sign("hello\n"), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(note).isEqualTo("hello\n\n" + signer.signatureLine("hello\n"));
  }

  @Test
  void signRejectsTextWithoutFinalNewline() {
    assertThatThrownBy(() -> signer.sign("hello")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void signRejectsControlCharacters() {
    assertThatThrownBy(() -> signer.sign("hel\rlo\n")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void addSignatureAddsASecondVerifiableSignature() throws Exception {
    NoteSigner witness = Fixtures.signer("witness.example", 8);
    byte[] twice = witness.addSignature(signer.sign("hello\n"));
    NoteVerification v = SignedNote.parse(twice)
        .verify(List.of(signer.verifierKey(), witness.verifierKey()));
    assertThat(v.verifiedBy()).containsExactly(signer.verifierKey(), witness.verifierKey());
  }

  @Test
  void plainSignerCannotCosign() {
    assertThatThrownBy(() -> signer.cosignature("hello\n", 1)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void toStringDoesNotRevealTheSeed() {
    assertThat(signer.toString()).doesNotContain(signer.encode().substring(signer.encode().lastIndexOf('+') + 1));
  }
}
