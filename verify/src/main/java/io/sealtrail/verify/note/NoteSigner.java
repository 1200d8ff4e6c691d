package io.sealtrail.verify.note;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

/**
 * An Ed25519 note signing key: either a plain note signer (type 0x01) or a cosignature/v1 cosigner
 * (type 0x04). Encoded in the Go x/mod/sumdb/note private-key format
 * {@code PRIVATE+KEY+<name>+<hex key id>+<base64(type || 32-byte seed)>}.
 */
public final class NoteSigner {

  private static final String PRIVATE_PREFIX = "PRIVATE+KEY+";

  private final byte[] seed;
  private final VerifierKey verifierKey;

  private NoteSigner(String name, int type, byte[] seed) {
    if (seed == null || seed.length != Ed25519.KEY_SIZE) {
      throw new IllegalArgumentException("Ed25519 seed must be " + Ed25519.KEY_SIZE + " bytes");
    }
    this.seed = seed.clone();
    this.verifierKey = VerifierKey.of(name, type, Ed25519.publicKey(this.seed));
  }

  /** A deterministic note signer (type 0x01) from a 32-byte Ed25519 seed. */
  public static NoteSigner fromSeed(String name, byte[] seed32) {
    return new NoteSigner(name, VerifierKey.TYPE_ED25519, seed32);
  }

  /** A deterministic cosignature/v1 cosigner (type 0x04) from a 32-byte Ed25519 seed. */
  public static NoteSigner cosignerFromSeed(String name, byte[] seed32) {
    return new NoteSigner(name, VerifierKey.TYPE_COSIGNATURE_V1, seed32);
  }

  /** A fresh random note signer (type 0x01). */
  public static NoteSigner generate(String name, SecureRandom rnd) {
    byte[] seed = new byte[Ed25519.KEY_SIZE];
    rnd.nextBytes(seed);
    return fromSeed(name, seed);
  }

  /** Parses a {@code PRIVATE+KEY+...} signing key, checking its key id. */
  public static NoteSigner parse(String skey) throws NoteFormatException {
    if (!skey.startsWith(PRIVATE_PREFIX)) {
      throw new NoteFormatException("signing key does not start with " + PRIVATE_PREFIX);
    }
    String[] parts = skey.substring(PRIVATE_PREFIX.length()).split("\\+", 3);
    if (parts.length != 3) {
      throw new NoteFormatException("signing key must be PRIVATE+KEY+<name>+<key id>+<base64>");
    }
    if (!NoteCodec.isValidName(parts[0])) {
      throw new NoteFormatException("signing key name '" + parts[0] + "' is invalid");
    }
    int keyId = NoteCodec.parseHexId(parts[1], "signing");
    byte[] material = NoteCodec.decodeBase64(parts[2], "signing key material");
    if (material.length != 1 + Ed25519.KEY_SIZE) {
      throw new NoteFormatException(
          "signing key material is " + material.length + " bytes, expected type byte + 32");
    }
    int type = material[0] & 0xff;
    if (type != VerifierKey.TYPE_ED25519 && type != VerifierKey.TYPE_COSIGNATURE_V1) {
      throw new NoteFormatException(String.format("unsupported signing key type 0x%02x", type));
    }
    NoteSigner signer = new NoteSigner(parts[0], type, Arrays.copyOfRange(material, 1, 33));
    Arrays.fill(material, (byte) 0);
    if (signer.verifierKey.keyId() != keyId) {
      throw new NoteFormatException(
          "signing key id " + parts[1] + " does not match the id computed from the key, "
              + NoteCodec.hexId(signer.verifierKey.keyId()));
    }
    return signer;
  }

  /** The private key text; treat it as a secret. */
  public String encode() {
    byte[] material = new byte[1 + seed.length];
    material[0] = (byte) verifierKey.type();
    System.arraycopy(seed, 0, material, 1, seed.length);
    return PRIVATE_PREFIX + name() + "+" + NoteCodec.hexId(verifierKey.keyId()) + "+"
        + NoteCodec.base64(material);
  }

  public VerifierKey verifierKey() {
    return verifierKey;
  }

  public String name() {
    return verifierKey.name();
  }

  /** Signs the note text (type 0x01 signers only). */
  public NoteSignature signature(String text) {
    requireType(VerifierKey.TYPE_ED25519, "signature");
    SignedNote.checkText(text);
    byte[] sig = Ed25519.sign(seed, text.getBytes(StandardCharsets.UTF_8));
    return new NoteSignature(name(), verifierKey.keyId(), sig);
  }

  /** Cosigns a checkpoint text at {@code timestamp} (POSIX seconds; type 0x04 cosigners only). */
  public NoteSignature cosignature(String text, long timestamp) {
    requireType(VerifierKey.TYPE_COSIGNATURE_V1, "cosignature");
    SignedNote.checkText(text);
    if (timestamp < 0) {
      throw new IllegalArgumentException("negative cosignature timestamp " + timestamp);
    }
    byte[] message = SignedNote.cosignedMessage(text.getBytes(StandardCharsets.UTF_8), timestamp);
    byte[] sig = ByteBuffer.allocate(8 + Ed25519.SIGNATURE_SIZE)
        .putLong(timestamp)
        .put(Ed25519.sign(seed, message))
        .array();
    return new NoteSignature(name(), verifierKey.keyId(), sig);
  }

  /** The signature line for {@code text}: em dash, space, name, space, base64, newline. */
  public String signatureLine(String text) {
    return signature(text).line();
  }

  /** The complete signed note bytes for {@code text}, which must end with a newline. */
  public byte[] sign(String text) {
    return new SignedNote(text, List.of(signature(text))).encode();
  }

  /** Adds this signer's signature to an existing signed note (parsed strictly first). */
  public byte[] addSignature(byte[] signedNote) throws NoteFormatException {
    SignedNote note = SignedNote.parse(signedNote);
    return note.withSignature(signature(note.text())).encode();
  }

  private void requireType(int type, String what) {
    if (verifierKey.type() != type) {
      throw new IllegalStateException(
          String.format("a type 0x%02x key cannot make a %s", verifierKey.type(), what));
    }
  }

  @Override
  public String toString() {
    // Never print the seed.
    return "NoteSigner[" + verifierKey.encode() + "]";
  }
}
