package io.sealtrail.verify.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming Merkle tree accumulator: keeps only the hashes of the perfect subtrees on the right
 * edge of the tree (one per set bit of {@link #size()}, leftmost and largest first), so a log of
 * any length is folded into O(log n) memory.
 *
 * <p>Not thread-safe: each instance reuses its own {@link MessageDigest}.
 */
public final class CompactRange {

  private final MessageDigest md = Sha256.newDigest();
  private final ArrayList<byte[]> hashes;
  private long size;

  private CompactRange(long size, ArrayList<byte[]> hashes) {
    this.size = size;
    this.hashes = hashes;
  }

  /** The range of the empty tree. */
  public static CompactRange empty() {
    return new CompactRange(0, new ArrayList<>());
  }

  /**
   * Restores a range for a tree of {@code size} leaves from its right-edge subtree hashes.
   *
   * @throws IllegalArgumentException if the number of hashes is not the number of set bits of
   *     {@code size}, or any hash is not {@value Merkle#HASH_SIZE} bytes
   */
  public static CompactRange of(long size, List<byte[]> hashes) {
    if (size < 0) {
      throw new IllegalArgumentException("negative tree size " + size);
    }
    if (hashes.size() != Long.bitCount(size)) {
      throw new IllegalArgumentException(
          "a tree of size " + size + " needs " + Long.bitCount(size) + " compact range hashes, got "
              + hashes.size());
    }
    ArrayList<byte[]> copy = new ArrayList<>(hashes.size());
    for (int i = 0; i < hashes.size(); i++) {
      copy.add(checkHash(hashes.get(i), "compact range hash " + i).clone());
    }
    return new CompactRange(size, copy);
  }

  /** Appends one leaf, given as its leaf hash ({@link Merkle#leafHash(byte[])}). */
  public void append(byte[] leafHash) {
    checkHash(leafHash, "leaf hash");
    if (size == Long.MAX_VALUE) {
      throw new IllegalStateException("tree is full");
    }
    byte[] node = leafHash.clone();
    // Each trailing one bit of size is a perfect subtree of the new node's height: merge them.
    for (long s = size; (s & 1) == 1; s >>>= 1) {
      node = Merkle.nodeHash(md, hashes.remove(hashes.size() - 1), node);
    }
    hashes.add(node);
    size++;
  }

  /** Number of leaves appended so far. */
  public long size() {
    return size;
  }

  /** Copies of the right-edge subtree hashes, leftmost (largest) first. */
  public List<byte[]> hashes() {
    List<byte[]> out = new ArrayList<>(hashes.size());
    for (byte[] h : hashes) {
      out.add(h.clone());
    }
    return out;
  }

  /** RFC 6962 root of the tree of {@link #size()} leaves; the empty root for size 0. */
  public byte[] root() {
    if (hashes.isEmpty()) {
      return Merkle.emptyRoot();
    }
    // The RFC tree splits at the largest power of two, so the smaller subtrees nest on the right.
    byte[] root = hashes.get(hashes.size() - 1);
    for (int i = hashes.size() - 2; i >= 0; i--) {
      root = Merkle.nodeHash(md, hashes.get(i), root);
    }
    return root.clone();
  }

  /** An independent copy (with its own digest). */
  public CompactRange copy() {
    return of(size, hashes);
  }

  /** Direct (uncopied) access for {@link MerkleProver}. */
  List<byte[]> nodes() {
    return hashes;
  }

  static byte[] checkHash(byte[] hash, String what) {
    if (hash == null) {
      throw new IllegalArgumentException(what + " is null");
    }
    if (hash.length != Merkle.HASH_SIZE) {
      throw new IllegalArgumentException(
          what + " is " + hash.length + " bytes, expected " + Merkle.HASH_SIZE);
    }
    return hash;
  }
}
