package io.sealtrail.verify.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class MerkleTest {

  private static final HexFormat HEX = HexFormat.of();

  @Test
  void emptyRootIsSha256OfNothing() {
    assertThat(HEX.formatHex(Merkle.emptyRoot()))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void leafHashOfEmptyEntryIsRfc6962Value() {
    assertThat(HEX.formatHex(Merkle.leafHash(new byte[0])))
        .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
  }

  @Test
  void leafHashOfSliceEqualsLeafHashOfCopy() {
    byte[] buf = "xxhello worldyy".getBytes(StandardCharsets.US_ASCII);
    byte[] slice = "hello world".getBytes(StandardCharsets.US_ASCII);
    assertThat(Merkle.leafHash(buf, 2, slice.length)).isEqualTo(Merkle.leafHash(slice));
  }

  @Test
  void nodeHashPrefixesOneAndConcatenates() {
    byte[] l = Merkle.leafHash(new byte[] {1});
    byte[] r = Merkle.leafHash(new byte[] {2});
    byte[] buf = new byte[65];
    buf[0] = 1;
    System.arraycopy(l, 0, buf, 1, 32);
    System.arraycopy(r, 0, buf, 33, 32);
    assertThat(Merkle.nodeHash(l, r)).isEqualTo(sha256(buf));
  }

  @Test
  void leafAndNodeHashesAreDomainSeparated() {
    byte[] l = Merkle.leafHash(new byte[] {1});
    byte[] r = Merkle.leafHash(new byte[] {2});
    byte[] concat = new byte[64];
    System.arraycopy(l, 0, concat, 0, 32);
    System.arraycopy(r, 0, concat, 32, 32);
    assertThat(Merkle.leafHash(concat)).isNotEqualTo(Merkle.nodeHash(l, r));
  }

  private static byte[] sha256(byte[] data) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(data);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
