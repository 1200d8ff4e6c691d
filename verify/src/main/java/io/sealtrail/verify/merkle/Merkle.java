package io.sealtrail.verify.merkle;

import java.security.MessageDigest;
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
    return leafHash(Sha256.newDigest(), buf, off, len);
  }

  /** Leaf hash with a caller-owned digest, so hot loops avoid a provider lookup per hash. */
  public static byte[] leafHash(MessageDigest md, byte[] buf, int off, int len) {
    startLeaf(md);
    md.update(buf, off, len);
    return md.digest();
  }

  /**
   * Resets {@code md} and feeds it the leaf prefix, for an entry that arrives in pieces: the caller feeds the
   * entry's bytes and takes {@link MessageDigest#digest()} as the leaf hash.
   */
  public static void startLeaf(MessageDigest md) {
    md.reset();
    md.update(LEAF_PREFIX);
  }

  /** Returns SHA-256(0x01 || left || right). */
  public static byte[] nodeHash(byte[] left, byte[] right) {
    return nodeHash(Sha256.newDigest(), left, right);
  }

  /** The root of the empty tree: SHA-256 of the empty string. */
  public static byte[] emptyRoot() {
    return Sha256.newDigest().digest();
  }

  /** Node hash with a caller-owned digest, so hot loops avoid a provider lookup per hash. */
  static byte[] nodeHash(MessageDigest md, byte[] left, byte[] right) {
    md.reset();
    md.update(NODE_PREFIX);
    md.update(left);
    md.update(right);
    return md.digest();
  }

  static String b64(byte[] hash) {
    return hash == null ? "null" : Base64.getEncoder().encodeToString(hash);
  }

  /** Largest power of two strictly below n; n must be at least 2 (RFC 6962 split point). */
  static long splitPoint(long n) {
    return Long.highestOneBit(n - 1);
  }
}
