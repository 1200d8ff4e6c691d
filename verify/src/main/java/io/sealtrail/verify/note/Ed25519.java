package io.sealtrail.verify.note;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * Ed25519 over plain byte arrays. Verification (the hot, start-up-critical path) uses the JDK's own
 * EdDSA, whose set-up costs milliseconds; BouncyCastle's first use precomputes tables for about 200 ms.
 * Signing from a raw seed stays with BouncyCastle, which the generator alone needs.
 */
final class Ed25519 {

  static final int KEY_SIZE = 32;
  static final int SIGNATURE_SIZE = 64;

  private Ed25519() {}

  static byte[] publicKey(byte[] seed) {
    return new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
  }

  static byte[] sign(byte[] seed, byte[] message) {
    org.bouncycastle.crypto.signers.Ed25519Signer signer = new org.bouncycastle.crypto.signers.Ed25519Signer();
    signer.init(true, new Ed25519PrivateKeyParameters(seed, 0));
    signer.update(message, 0, message.length);
    return signer.generateSignature();
  }

  /** False for a bad signature and for a public key that is not a valid curve point. */
  static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    if (signature.length != SIGNATURE_SIZE) {
      return false;
    }
    PublicKey key = jdkKey(publicKey);
    if (key == null) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(key);
      verifier.update(message);
      return verifier.verify(signature);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java runtime lacks Ed25519 (Java 15+ has it)", e);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** Whether the 32 bytes decode to a valid curve point. */
  static boolean isValidPublicKey(byte[] publicKey) {
    return jdkKey(publicKey) != null;
  }

  // DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519 (RFC 8410), before the 32 raw key bytes.
  private static final byte[] SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

  private static PublicKey jdkKey(byte[] raw) {
    if (raw.length != KEY_SIZE) {
      return null;
    }
    byte[] spki = new byte[SPKI_PREFIX.length + KEY_SIZE];
    System.arraycopy(SPKI_PREFIX, 0, spki, 0, SPKI_PREFIX.length);
    System.arraycopy(raw, 0, spki, SPKI_PREFIX.length, KEY_SIZE);
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java runtime lacks Ed25519 (Java 15+ has it)", e);
    } catch (GeneralSecurityException e) {
      return null;
    }
  }
}
