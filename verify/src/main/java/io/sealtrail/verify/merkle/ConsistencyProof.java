package io.sealtrail.verify.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/** Verifies RFC 9162 §2.1.4.2 consistency proofs. */
public final class ConsistencyProof {

  private ConsistencyProof() {}

  /**
   * Checks that the tree of {@code size2} leaves with root {@code root2} extends the tree of
   * {@code size1} leaves with root {@code root1}.
   *
   * @throws ProofException if the proof does not verify, or any hash is not 32 bytes
   */
  public static void verify(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof)
      throws ProofException {
    if (size1 < 0 || size2 < 0) {
      throw new ProofException("negative tree size " + size1 + " or " + size2);
    }
    if (size1 > size2) {
      throw new ProofException("first tree size " + size1 + " exceeds second size " + size2);
    }
    // Every tree extends the empty one, so a "proof" from size 0 proves nothing: refuse it rather
    // than let a caller believe it checked something.
    if (size1 == 0) {
      throw new ProofException("consistency from the empty tree is meaningless (size1 = 0)");
    }
    for (int i = 0; i < proof.size(); i++) {
      InclusionProof.requireHash(proof.get(i), "proof hash " + i);
    }
    if (size1 == size2) {
      // Nothing is hashed here: the claim is just "same tree, same root", so the roots are compared
      // as opaque bytes (the transparency-dev vectors expect this to pass for non-32-byte roots).
      if (!proof.isEmpty()) {
        throw new ProofException("equal tree sizes need an empty proof, got " + proof.size());
      }
      if (root1 == null || root2 == null || !MessageDigest.isEqual(root1, root2)) {
        throw new ProofException(
            "equal tree sizes " + size1 + " but roots differ: " + Merkle.b64(root1) + " vs "
                + Merkle.b64(root2));
      }
      return;
    }
    InclusionProof.requireHash(root1, "first root");
    InclusionProof.requireHash(root2, "second root");
    if (proof.isEmpty()) {
      throw new ProofException("empty proof for sizes " + size1 + " and " + size2);
    }

    List<byte[]> path = proof;
    if (Long.bitCount(size1) == 1) {
      // The old tree is a perfect subtree of the new one: its root is the proof's implicit start.
      path = new ArrayList<>(proof.size() + 1);
      path.add(root1);
      path.addAll(proof);
    }
    MessageDigest md = Sha256.newDigest();
    long fn = size1 - 1;
    long sn = size2 - 1;
    while ((fn & 1) == 1) {
      fn >>>= 1;
      sn >>>= 1;
    }
    byte[] fr = path.get(0);
    byte[] sr = path.get(0);
    for (byte[] c : path.subList(1, path.size())) {
      if (sn == 0) {
        throw new ProofException(
            "proof has too many hashes for sizes " + size1 + " and " + size2);
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = Merkle.nodeHash(md, c, fr);
        sr = Merkle.nodeHash(md, c, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        sr = Merkle.nodeHash(md, sr, c);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    if (sn != 0) {
      throw new ProofException("proof has too few hashes for sizes " + size1 + " and " + size2);
    }
    if (!MessageDigest.isEqual(fr, root1)) {
      throw new ProofException(
          "computed first root " + Merkle.b64(fr) + ", expected " + Merkle.b64(root1));
    }
    if (!MessageDigest.isEqual(sr, root2)) {
      throw new ProofException(
          "computed second root " + Merkle.b64(sr) + ", expected " + Merkle.b64(root2));
    }
  }
}
