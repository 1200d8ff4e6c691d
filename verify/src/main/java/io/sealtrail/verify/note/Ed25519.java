package io.sealtrail.verify.note;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** The only place that touches BouncyCastle types; everything else sees plain byte arrays. */
final class Ed25519 {

  static final int KEY_SIZE = 32;
  static final int SIGNATURE_SIZE = 64;

  private Ed25519() {}

  static byte[] publicKey(byte[] seed) {
    return new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
  }

  static byte[] sign(byte[] seed, byte[] message) {
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, new Ed25519PrivateKeyParameters(seed, 0));
    signer.update(message, 0, message.length);
    return signer.generateSignature();
  }

  /** False for a bad signature and for a public key that is not a valid curve point. */
  static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    if (signature.length != SIGNATURE_SIZE) {
      return false;
    }
    Ed25519PublicKeyParameters key;
    try {
      key = new Ed25519PublicKeyParameters(publicKey, 0);
    } catch (IllegalArgumentException e) {
      return false;
    }
    Ed25519Signer verifier = new Ed25519Signer();
    verifier.init(false, key);
    verifier.update(message, 0, message.length);
    return verifier.verifySignature(signature);
  }

  /** Whether the 32 bytes decode to a point BouncyCastle accepts as a public key. */
  static boolean isValidPublicKey(byte[] publicKey) {
    try {
      new Ed25519PublicKeyParameters(publicKey, 0);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
