package io.sealtrail.verify.merkle;

import java.security.MessageDigest;
import java.util.List;

/** Verifies RFC 9162 §2.1.3.2 inclusion proofs. */
public final class InclusionProof {

  private InclusionProof() {}

  /**
   * Checks that {@code leafHash} is the leaf at {@code index} of the tree of {@code size} leaves
   * whose root is {@code root}, given the audit {@code path} (leaf's sibling first).
   *
   * @throws ProofException if the proof does not verify, or any hash is not 32 bytes
   */
  public static void verify(long index, long size, byte[] leafHash, List<byte[]> path, byte[] root)
      throws ProofException {
    if (index < 0 || size < 0) {
      throw new ProofException("negative leaf index " + index + " or tree size " + size);
    }
    // Without this check a proof for a leaf "beyond" the tree can be made to verify.
    if (index >= size) {
      throw new ProofException("leaf index " + index + " is not below tree size " + size);
    }
    requireHash(leafHash, "leaf hash");
    requireHash(root, "root");
    for (int i = 0; i < path.size(); i++) {
      requireHash(path.get(i), "proof hash " + i);
    }

    MessageDigest md = Sha256.newDigest();
    long fn = index;
    long sn = size - 1;
    byte[] r = leafHash;
    for (byte[] p : path) {
      if (sn == 0) {
        throw new ProofException(
            "proof has " + path.size() + " hashes, too many for leaf " + index + " of " + size);
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = Merkle.nodeHash(md, p, r);
        // Skip levels where this node is the lone rightmost child (it is promoted, not hashed).
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        r = Merkle.nodeHash(md, r, p);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    // sn != 0 means the path stopped below the root: a truncated proof or a wrong tree size.
    if (sn != 0) {
      throw new ProofException(
          "proof has " + path.size() + " hashes, too few for leaf " + index + " of " + size);
    }
    if (!MessageDigest.isEqual(r, root)) {
      throw new ProofException(
          "computed root " + Merkle.b64(r) + ", expected " + Merkle.b64(root));
    }
  }

  static void requireHash(byte[] hash, String what) throws ProofException {
    if (hash == null) {
      throw new ProofException(what + " is missing");
    }
    if (hash.length != Merkle.HASH_SIZE) {
      throw new ProofException(
          what + " is " + hash.length + " bytes, expected " + Merkle.HASH_SIZE);
    }
  }
}
