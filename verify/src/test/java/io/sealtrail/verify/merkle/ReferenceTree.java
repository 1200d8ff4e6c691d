package io.sealtrail.verify.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Deliberately naive RFC 6962 MTH, written straight from the definition, as a test oracle. */
final class ReferenceTree {

  private ReferenceTree() {}

  static byte[] mth(List<byte[]> leafHashes, int from, int to) {
    int n = to - from;
    if (n == 0) {
      return sha256(new byte[0]);
    }
    if (n == 1) {
      return leafHashes.get(from);
    }
    int k = 1;
    while (k * 2 < n) {
      k *= 2;
    }
    byte[] left = mth(leafHashes, from, from + k);
    byte[] right = mth(leafHashes, from + k, to);
    byte[] buf = new byte[65];
    buf[0] = 1;
    System.arraycopy(left, 0, buf, 1, 32);
    System.arraycopy(right, 0, buf, 33, 32);
    return sha256(buf);
  }

  static byte[] root(List<byte[]> leafHashes, int size) {
    return mth(leafHashes, 0, size);
  }

  static List<byte[]> randomLeafHashes(long seed, int count) {
    Random rnd = new Random(seed);
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] entry = new byte[rnd.nextInt(40)];
      rnd.nextBytes(entry);
      out.add(Merkle.leafHash(entry));
    }
    return out;
  }

  static CompactRange rangeOf(List<byte[]> leafHashes) {
    CompactRange range = CompactRange.empty();
    leafHashes.forEach(range::append);
    return range;
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
