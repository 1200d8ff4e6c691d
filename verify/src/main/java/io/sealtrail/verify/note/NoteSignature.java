package io.sealtrail.verify.note;

import java.util.Arrays;
import java.util.OptionalLong;

/**
 * One signature line of a note: {@code — <keyName> base64(keyId || signature)}. The
 * {@code signature} here excludes the 4-byte key id.
 */
public record NoteSignature(String keyName, int keyId, byte[] signature) {

  static final String PREFIX = "\u2014 ";
  private static final int COSIGNATURE_SIZE = 8 + Ed25519.SIGNATURE_SIZE;

  public NoteSignature {
    if (!NoteCodec.isValidName(keyName)) {
      throw new IllegalArgumentException("invalid key name '" + keyName + "'");
    }
    if (signature == null || signature.length == 0) {
      throw new IllegalArgumentException("empty signature");
    }
    signature = signature.clone();
  }

  /** The signature line, including the em dash and the final newline. */
  public String line() {
    byte[] body = new byte[4 + signature.length];
    body[0] = (byte) (keyId >>> 24);
    body[1] = (byte) (keyId >>> 16);
    body[2] = (byte) (keyId >>> 8);
    body[3] = (byte) keyId;
    System.arraycopy(signature, 0, body, 4, signature.length);
    return PREFIX + keyName + " " + NoteCodec.base64(body) + "\n";
  }

  /**
   * The timestamp of a cosignature/v1 signature (u64 big-endian before the Ed25519 signature).
   * Only meaningful once the signature has been verified with a type 0x04 key; empty if the
   * signature has the wrong length or the timestamp exceeds 2^63 - 1.
   */
  public OptionalLong cosignatureTimestamp() {
    if (signature.length != COSIGNATURE_SIZE) {
      return OptionalLong.empty();
    }
    long t = 0;
    for (int i = 0; i < 8; i++) {
      t = (t << 8) | (signature[i] & 0xff);
    }
    return t < 0 ? OptionalLong.empty() : OptionalLong.of(t);
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  byte[] rawSignature() {
    return signature;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NoteSignature s
        && keyId == s.keyId
        && keyName.equals(s.keyName)
        && Arrays.equals(signature, s.signature);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * keyName.hashCode() + keyId) + Arrays.hashCode(signature);
  }

  @Override
  public String toString() {
    return line().stripTrailing();
  }
}
