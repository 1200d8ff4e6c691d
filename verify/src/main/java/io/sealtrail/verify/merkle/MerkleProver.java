package io.sealtrail.verify.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds RFC 6962 inclusion and consistency proofs for an export that holds only the leaves
 * [start, end) of a longer log, plus the {@link CompactRange} of the tree at {@code start}.
 *
 * <p>The compact range nodes tile [0, start) as aligned perfect subtrees; every subtree a proof
 * needs either lies right of {@code start} (hashed from the leaves), is one of those nodes, or
 * straddles {@code start} and is hashed from the nodes inside it plus leaves. Perfect aligned
 * subtrees right of {@code start} are precomputed (about 2·n hashes) so each proof costs O(log n).
 *
 * <p>Not thread-safe: an instance reuses one {@link MessageDigest}.
 */
public final class MerkleProver {

  private final MessageDigest md = Sha256.newDigest();
  private final long start;
  private final long end;
  /** Compact range nodes at {@code start}: node i covers [nodeFrom[i], nodeFrom[i] + nodeLen[i]). */
  private final long[] nodeFrom;
  private final long[] nodeLen;
  private final List<byte[]> nodes;
  /** levels.get(j)[i] hashes the aligned block of 2^j leaves numbered firstBlock[j] + i. */
  private final List<byte[][]> levels = new ArrayList<>();
  private final List<Long> firstBlock = new ArrayList<>();

  /**
   * @param atStart compact range of the log's first {@code start} leaves (copied)
   * @param leafHashes hashes of leaves start, start+1, ... (element i is leaf start+i)
   * @throws IllegalArgumentException if a leaf hash is not 32 bytes
   */
  public MerkleProver(CompactRange atStart, List<byte[]> leafHashes) {
    this.start = atStart.size();
    this.end = Math.addExact(start, leafHashes.size());
    this.nodes = atStart.hashes();
    this.nodeFrom = new long[nodes.size()];
    this.nodeLen = new long[nodes.size()];
    long at = 0;
    int i = 0;
    for (long bit = Long.highestOneBit(start); bit != 0; bit >>>= 1) {
      if ((start & bit) != 0) {
        nodeFrom[i] = at;
        nodeLen[i] = bit;
        at += bit;
        i++;
      }
    }
    byte[][] leaves = new byte[leafHashes.size()][];
    for (int k = 0; k < leaves.length; k++) {
      leaves[k] = CompactRange.checkHash(leafHashes.get(k), "leaf hash " + (start + k)).clone();
    }
    buildLevels(leaves);
  }

  private void buildLevels(byte[][] leaves) {
    levels.add(leaves);
    firstBlock.add(start);
    for (int j = 0; j < 62; j++) {
      byte[][] below = levels.get(j);
      long belowFirst = firstBlock.get(j);
      long first = ceilDiv(start, 1L << (j + 1));
      long count = (end >>> (j + 1)) - first;
      if (count <= 0) {
        break;
      }
      byte[][] level = new byte[(int) count][];
      for (int k = 0; k < count; k++) {
        int left = (int) (2 * (first + k) - belowFirst);
        level[k] = Merkle.nodeHash(md, below[left], below[left + 1]);
      }
      levels.add(level);
      firstBlock.add(first);
    }
  }

  /** Index of the first leaf held. */
  public long start() {
    return start;
  }

  /** One past the index of the last leaf held. */
  public long end() {
    return end;
  }

  /** RFC 6962 root of the log's first {@code size} leaves, for start <= size <= end. */
  public byte[] root(long size) {
    if (size < start || size > end) {
      throw new IllegalArgumentException(
          "tree size " + size + " outside the held range [" + start + ", " + end + "]");
    }
    return size == 0 ? Merkle.emptyRoot() : hash(0, size).clone();
  }

  /** Audit path for leaf {@code index} in the tree of {@code size}: start <= index < size <= end. */
  public List<byte[]> inclusionPath(long index, long size) {
    if (index < start || index >= size || size > end) {
      throw new IllegalArgumentException(
          "cannot prove leaf " + index + " in tree size " + size + " from leaves [" + start + ", "
              + end + ")");
    }
    List<byte[]> path = new ArrayList<>();
    long a = 0;
    long b = size;
    // Walk down from the root, recording the sibling at each level; reverse for leaf-first order.
    while (b - a > 1) {
      long k = Merkle.splitPoint(b - a);
      if (index < a + k) {
        path.add(hash(a + k, b));
        b = a + k;
      } else {
        path.add(hash(a, a + k));
        a = a + k;
      }
    }
    return reversedCopies(path);
  }

  /** RFC 6962 consistency proof between sizes, for start <= size1 <= size2 <= end, size1 > 0. */
  public List<byte[]> consistencyProof(long size1, long size2) {
    if (size1 <= 0 || size1 < start || size1 > size2 || size2 > end) {
      throw new IllegalArgumentException(
          "cannot prove consistency of sizes " + size1 + " and " + size2 + " from leaves ["
              + start + ", " + end + ")");
    }
    List<byte[]> proof = new ArrayList<>();
    if (size1 == size2) {
      return proof;
    }
    // RFC 6962 §2.1.2 SUBPROOF, unrolled: descend towards size1 collecting siblings.
    long a = 0;
    long b = size2;
    boolean whole = true;
    while (size1 != b) {
      long k = Merkle.splitPoint(b - a);
      if (size1 <= a + k) {
        proof.add(hash(a + k, b));
        b = a + k;
      } else {
        proof.add(hash(a, a + k));
        a = a + k;
        whole = false;
      }
    }
    if (!whole) {
      // The old tree's root is not a node of the new tree, so the subtree reached is included.
      proof.add(hash(a, b));
    }
    return reversedCopies(proof);
  }

  /** MTH of leaves [a, b), b <= end. */
  private byte[] hash(long a, long b) {
    long n = b - a;
    if (Long.bitCount(n) == 1 && a % n == 0) {
      int level = Long.numberOfTrailingZeros(n);
      if (a >= start) {
        return levels.get(level)[(int) (a / n - firstBlock.get(level))];
      }
      if (b <= start) {
        return compactNode(a, b);
      }
    }
    long k = Merkle.splitPoint(n);
    return Merkle.nodeHash(md, hash(a, a + k), hash(a + k, b));
  }

  private byte[] compactNode(long a, long b) {
    for (int i = 0; i < nodes.size(); i++) {
      if (nodeFrom[i] == a && nodeLen[i] == b - a) {
        return nodes.get(i);
      }
    }
    throw new IllegalArgumentException(
        "subtree [" + a + ", " + b + ") lies inside a compact range node left of " + start);
  }

  private static List<byte[]> reversedCopies(List<byte[]> hashes) {
    List<byte[]> out = new ArrayList<>(hashes.size());
    for (int i = hashes.size() - 1; i >= 0; i--) {
      out.add(hashes.get(i).clone());
    }
    return out;
  }

  private static long ceilDiv(long x, long y) {
    return -Math.floorDiv(-x, y);
  }
}
