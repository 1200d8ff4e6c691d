package io.sealtrail.verify.note;

import io.sealtrail.verify.merkle.Sha256;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A C2SP signed-note verifier key ("vkey"): {@code <name>+<hex key id>+<base64(type || key)>}.
 *
 * <p>Every instance is valid: the name is a legal key name, the type is supported, the key is 32
 * bytes and a valid Ed25519 point, and the key id is the one computed from the other fields.
 */
public record VerifierKey(String name, int keyId, int type, byte[] publicKey) {

  /** Plain Ed25519 note signatures (signed-note). */
  public static final int TYPE_ED25519 = 0x01;
  /** Timestamped Ed25519 checkpoint cosignatures (tlog-cosignature, cosignature/v1). */
  public static final int TYPE_COSIGNATURE_V1 = 0x04;

  public VerifierKey {
    if (!NoteCodec.isValidName(name)) {
      throw new IllegalArgumentException("invalid key name '" + name + "'");
    }
    if (type != TYPE_ED25519 && type != TYPE_COSIGNATURE_V1) {
      throw new IllegalArgumentException(unsupportedType(type));
    }
    if (publicKey == null || publicKey.length != Ed25519.KEY_SIZE) {
      throw new IllegalArgumentException("public key must be " + Ed25519.KEY_SIZE + " bytes");
    }
    publicKey = publicKey.clone();
    if (keyId != NoteCodec.keyId(name, type, publicKey)) {
      throw new IllegalArgumentException(
          "key id " + NoteCodec.hexId(keyId) + " does not match the computed id "
              + NoteCodec.hexId(NoteCodec.keyId(name, type, publicKey)));
    }
  }

  /** A key with its id computed from the name, type and public key. */
  public static VerifierKey of(String name, int type, byte[] publicKey) {
    return new VerifierKey(name, NoteCodec.keyId(name, type, publicKey), type, publicKey);
  }

  /** Parses one vkey, e.g. {@code example.com/foo+530d903a+AekyeR...}. */
  public static VerifierKey parse(String vkey) throws NoteFormatException {
    // The base64 part may itself contain '+', so only the first two are separators.
    String[] parts = vkey.split("\\+", 3);
    if (parts.length != 3) {
      throw new NoteFormatException("verifier key must be <name>+<key id>+<base64 key>");
    }
    String name = parts[0];
    if (!NoteCodec.isValidName(name)) {
      throw new NoteFormatException(
          "verifier key name '" + name + "' is empty or contains a space or '+'");
    }
    int keyId = NoteCodec.parseHexId(parts[1], "verifier");
    byte[] material = NoteCodec.decodeBase64(parts[2], "verifier key material");
    if (material.length == 0) {
      throw new NoteFormatException("verifier key material is empty");
    }
    int type = material[0] & 0xff;
    if (type != TYPE_ED25519 && type != TYPE_COSIGNATURE_V1) {
      throw new NoteFormatException(unsupportedType(type));
    }
    byte[] key = Arrays.copyOfRange(material, 1, material.length);
    if (key.length != Ed25519.KEY_SIZE) {
      throw new NoteFormatException(
          "Ed25519 public key is " + key.length + " bytes, expected " + Ed25519.KEY_SIZE);
    }
    if (!Ed25519.isValidPublicKey(key)) {
      throw new NoteFormatException("public key is not a valid Ed25519 point");
    }
    int computed = NoteCodec.keyId(name, type, key);
    if (computed != keyId) {
      throw new NoteFormatException(
          "verifier key id " + parts[1] + " does not match the id computed from the key, "
              + NoteCodec.hexId(computed));
    }
    return new VerifierKey(name, keyId, type, key);
  }

  /**
   * Parses a key list: one vkey per line; blank lines and lines starting with '#' are ignored.
   * Errors name the 1-based line.
   */
  public static List<VerifierKey> parseAll(String text) throws NoteFormatException {
    List<VerifierKey> keys = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        keys.add(parse(line));
      } catch (NoteFormatException e) {
        throw new NoteFormatException("line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return List.copyOf(keys);
  }

  /** The vkey text. */
  public String encode() {
    return name + "+" + NoteCodec.hexId(keyId) + "+" + NoteCodec.base64(typedKey());
  }

  /** OpenSSH-style fingerprint: "SHA256:" + unpadded base64 of SHA-256(type || key). */
  public String fingerprint() {
    byte[] digest = Sha256.of(typedKey());
    return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** Direct access for verification without a copy. */
  byte[] rawPublicKey() {
    return publicKey;
  }

  private byte[] typedKey() {
    byte[] out = new byte[1 + publicKey.length];
    out[0] = (byte) type;
    System.arraycopy(publicKey, 0, out, 1, publicKey.length);
    return out;
  }

  private static String unsupportedType(int type) {
    return String.format(
        "unsupported signature type 0x%02x (supported: 0x01 Ed25519, 0x04 Ed25519 cosignature/v1)",
        type);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VerifierKey k
        && keyId == k.keyId
        && type == k.type
        && name.equals(k.name)
        && Arrays.equals(publicKey, k.publicKey);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * name.hashCode() + keyId) + Arrays.hashCode(publicKey);
  }

  @Override
  public String toString() {
    return encode();
  }
}
