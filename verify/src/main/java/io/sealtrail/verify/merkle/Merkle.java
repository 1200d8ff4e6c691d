package io.sealtrail.verify.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * RFC 6962 / RFC 9162 Merkle tree hashing with SHA-256.
 *
 * <p>Leaves and interior nodes use distinct one-byte prefixes (0x00 and 0x01) so that a leaf can
 * never be passed off as an interior node (second-preimage protection).
 */
public final class Merkle {

  /** Size in bytes of every hash in the tree. */
  public static final int HASH_SIZE = 32;

  private static final byte LEAF_PREFIX = 0x00;
  private static final byte NODE_PREFIX = 0x01;

  private Merkle() {}

  /** Returns SHA-256(0x00 || entry). */
  public static byte[] leafHash(byte[] entry) {
    return leafHash(entry, 0, entry.length);
  }

  /** Returns SHA-256(0x00 || buf[off, off+len)). */
  public static byte[] leafHash(byte[] buf, int off, int len) {
    MessageDigest md = sha256();
    md.update(LEAF_PREFIX);
    md.update(buf, off, len);
    return md.digest();
  }

  /** Returns SHA-256(0x01 || left || right). */
  public static byte[] nodeHash(byte[] left, byte[] right) {
    return nodeHash(sha256(), left, right);
  }

  /** The root of the empty tree: SHA-256 of the empty string. */
  public static byte[] emptyRoot() {
    return sha256().digest();
  }

  /** Node hash with a caller-owned digest, so hot loops avoid a provider lookup per hash. */
  static byte[] nodeHash(MessageDigest md, byte[] left, byte[] right) {
    md.reset();
    md.update(NODE_PREFIX);
    md.update(left);
    md.update(right);
    return md.digest();
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java SE platform is required to provide SHA-256.
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  static String b64(byte[] hash) {
    return hash == null ? "null" : Base64.getEncoder().encodeToString(hash);
  }

  /** Largest power of two strictly below n; n must be at least 2 (RFC 6962 split point). */
  static long splitPoint(long n) {
    return Long.highestOneBit(n - 1);
  }
}
