package io.sealtrail.verify.merkle;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InclusionProofTest {

  private final List<byte[]> leaves = ReferenceTree.randomLeafHashes(11, 8);
  private final MerkleProver prover = new MerkleProver(CompactRange.empty(), leaves);
  private final byte[] root7 = ReferenceTree.root(leaves, 7);

  @Test
  void acceptsValidProof() {
    assertThatCode(() -> InclusionProof.verify(5, 7, leaves.get(5), prover.inclusionPath(5, 7), root7))
        .doesNotThrowAnyException();
  }

  @Test
  void acceptsSingleLeafTreeWithEmptyPath() {
    assertThatCode(() -> InclusionProof.verify(0, 1, leaves.get(0), List.of(), leaves.get(0)))
        .doesNotThrowAnyException();
  }

  @Test
  void rejectsIndexEqualToSize() {
    byte[] root8 = ReferenceTree.root(leaves, 8);
    assertThatThrownBy(() -> InclusionProof.verify(8, 8, leaves.get(7), List.of(), root8))
        .isInstanceOf(ProofException.class)
        .hasMessage("leaf index 8 is not below tree size 8");
  }

  @Test
  void rejectsTruncatedPathEvenIfItHashesToGivenRoot() {
    // Hashing only the first sibling yields an interior node; passing it off as the root must fail.
    List<byte[]> path = prover.inclusionPath(4, 7).subList(0, 1);
    byte[] interior = Merkle.nodeHash(leaves.get(4), leaves.get(5));
    assertThatThrownBy(() -> InclusionProof.verify(4, 7, leaves.get(4), path, interior))
        .isInstanceOf(ProofException.class)
        .hasMessageContaining("too few");
  }

  @Test
  void rejectsExtraTrailingHash() {
    List<byte[]> path = new ArrayList<>(prover.inclusionPath(5, 7));
    path.add(root7);
    assertThatThrownBy(() -> InclusionProof.verify(5, 7, leaves.get(5), path, root7))
        .isInstanceOf(ProofException.class)
        .hasMessageContaining("too many");
  }

  @Test
  void rejectsWrongLeafWithBothRootsInMessage() {
    assertThatThrownBy(
            () -> InclusionProof.verify(5, 7, leaves.get(4), prover.inclusionPath(5, 7), root7))
        .isInstanceOf(ProofException.class)
        .hasMessageContaining("computed root")
        .hasMessageContaining(java.util.Base64.getEncoder().encodeToString(root7));
  }

  @Test
  void rejectsShortPathHash() {
    List<byte[]> path = new ArrayList<>(prover.inclusionPath(5, 7));
    path.set(0, new byte[31]);
    assertThatThrownBy(() -> InclusionProof.verify(5, 7, leaves.get(5), path, root7))
        .isInstanceOf(ProofException.class)
        .hasMessageContaining("31 bytes");
  }

  @Test
  void rejectsShortRoot() {
    assertThatThrownBy(() -> InclusionProof.verify(0, 1, leaves.get(0), List.of(), new byte[31]))
        .isInstanceOf(ProofException.class)
        .hasMessageContaining("root is 31 bytes");
  }
}
