package io.sealtrail.verify.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerifierKeyTest {

  @Test
  void parsesSpecExampleKey() throws Exception {
    VerifierKey key = VerifierKey.parse(Fixtures.SPEC_VKEY);
    assertThat(key.name()).isEqualTo("example.com/foo");
    assertThat(key.keyId()).isEqualTo(0x530d903a);
    assertThat(key.type()).isEqualTo(VerifierKey.TYPE_ED25519);
    assertThat(key.publicKey()).hasSize(32);
  }

  @Test
  void encodeRoundTripsSpecExampleKey() throws Exception {
    assertThat(VerifierKey.parse(Fixtures.SPEC_VKEY).encode()).isEqualTo(Fixtures.SPEC_VKEY);
  }

  @Test
  void base64ContainingPlusSurvivesTheSplit() throws Exception {
    VerifierKey withPlus = null;
    for (int fill = 0; withPlus == null; fill++) {
      VerifierKey k = Fixtures.signer("example.com/p", fill).verifierKey();
      if (k.encode().substring("example.com/p+12345678+".length()).contains("+")) {
        withPlus = k;
      }
    }
    assertThat(VerifierKey.parse(withPlus.encode())).isEqualTo(withPlus);
  }

  @Test
  void equalsByValue() throws Exception {
    assertThat(VerifierKey.parse(Fixtures.SPEC_VKEY)).isEqualTo(VerifierKey.parse(Fixtures.SPEC_VKEY))
        .hasSameHashCodeAs(VerifierKey.parse(Fixtures.SPEC_VKEY));
  }

  @Test
  void publicKeyAccessorReturnsCopy() throws Exception {
    VerifierKey key = VerifierKey.parse(Fixtures.SPEC_VKEY);
    key.publicKey()[0] ^= 1;
    assertThat(key.encode()).isEqualTo(Fixtures.SPEC_VKEY);
  }

  @Test
  void rejectsKeyIdMismatch() {
    String wrongId = Fixtures.SPEC_VKEY.replace("530d903a", "530d903b");
    assertThatThrownBy(() -> VerifierKey.parse(wrongId))
        .isInstanceOf(NoteFormatException.class)
        .hasMessageContaining("does not match");
  }

  @Test
  void rejectsUnsupportedType() {
    byte[] material = new byte[33];
    material[0] = 0x02;
    String vkey = "example.com/foo+00000000+" + Base64.getEncoder().encodeToString(material);
    assertThatThrownBy(() -> VerifierKey.parse(vkey))
        .isInstanceOf(NoteFormatException.class)
        .hasMessageContaining("unsupported signature type 0x02");
  }

  @Test
  void rejectsNameWithSpace() {
    assertThatThrownBy(() -> VerifierKey.parse("bad name" + Fixtures.SPEC_VKEY.substring(15)))
        .isInstanceOf(NoteFormatException.class)
        .hasMessageContaining("name");
  }

  @Test
  void rejectsEmptyName() {
    assertThatThrownBy(() -> VerifierKey.parse(Fixtures.SPEC_VKEY.substring(15)))
        .isInstanceOf(NoteFormatException.class)
        .hasMessageContaining("name");
  }

  @Test
  void rejectsMissingParts() {
    assertThatThrownBy(() -> VerifierKey.parse("example.com/foo+530d903a"))
        .isInstanceOf(NoteFormatException.class);
  }

  @Test
  void parsesCosignatureKeyType() throws Exception {
    VerifierKey key = NoteSigner.cosignerFromSeed("witness.example", Fixtures.seed(9)).verifierKey();
    VerifierKey parsed = VerifierKey.parse(key.encode());
    assertThat(parsed.type()).isEqualTo(VerifierKey.TYPE_COSIGNATURE_V1);
    assertThat(parsed).isEqualTo(key);
  }

  @Test
  void fingerprintIsUnpaddedSha256OfTypedKey() throws Exception {
    String fp = VerifierKey.parse(Fixtures.SPEC_VKEY).fingerprint();
    assertThat(fp).startsWith("SHA256:").doesNotContain("=");
    assertThat(fp).hasSize("SHA256:".length() + 43);
  }

  @Test
  void parseAllSkipsBlankAndCommentLines() throws Exception {
    String other = Fixtures.signer("example.com/bar", 1).verifierKey().encode();
    List<VerifierKey> keys =
        VerifierKey.parseAll("# trusted logs\n\n" + Fixtures.SPEC_VKEY + "\n  \n" + other + "\n");
    assertThat(keys).extracting(VerifierKey::name).containsExactly("example.com/foo", "example.com/bar");
  }

  @Test
  void parseAllNamesTheBadLine() {
    assertThatThrownBy(() -> VerifierKey.parseAll("# keys\n" + Fixtures.SPEC_VKEY + "\nnonsense\n"))
        .isInstanceOf(NoteFormatException.class)
        .hasMessageStartingWith("line 3: ");
  }
}
