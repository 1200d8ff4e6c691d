package io.sealtrail.verify.merkle;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConsistencyProofTest {

  private final List<byte[]> leaves = ReferenceTree.randomLeafHashes(3, 8);
  private final MerkleProver prover = new MerkleProver(CompactRange.empty(), leaves);

  private byte[] root(int size) {
    return ReferenceTree.root(leaves, size);
  }

  @Test
  void acceptsValidProof() {
    assertThatCode(() -> ConsistencyProof.verify(3, 7, root(3), root(7), prover.consistencyProof(3, 7)))
        .doesNotThrowAnyException();
  }

  @Test
  void acceptsPowerOfTwoFirstSizeWithImplicitFirstRoot() {
    assertThatCode(() -> ConsistencyProof.verify(4, 7, root(4), root(7), prover.consistencyProof(4, 7)))
        .doesNotThrowAnyException();
  }

  @Test
  void rejectsEmptyFirstTreeEvenWithEmptyProof() {
    assertThatThrownBy(() -> ConsistencyProof.verify(0, 0, root(0), root(0), List.of()))
        .isInstanceOf(ProofException.class)
        .hasMessageContaining("size1 = 0");
  }

  @Test
  void rejectsFirstSizeAboveSecond() {
    assertThatThrownBy(() -> ConsistencyProof.verify(5, 4, root(5), root(4), List.of()))
        .isInstanceOf(ProofException.class)
        .hasMessageContaining("exceeds");
  }

  @Test
  void acceptsEqualSizesWithEmptyProofAndEqualRoots() {
    assertThatCode(() -> ConsistencyProof.verify(5, 5, root(5), root(5), List.of()))
        .doesNotThrowAnyException();
  }

  @Test
  void rejectsEqualSizesWithNonEmptyProof() {
    assertThatThrownBy(() -> ConsistencyProof.verify(5, 5, root(5), root(5), List.of(root(5))))
        .isInstanceOf(ProofException.class)
        .hasMessageContaining("empty proof");
  }

  @Test
  void rejectsEqualSizesWithDifferentRoots() {
    assertThatThrownBy(() -> ConsistencyProof.verify(5, 5, root(5), root(6), List.of()))
        .isInstanceOf(ProofException.class)
        .hasMessageContaining("roots differ");
  }

  @Test
  void rejectsEmptyProofForDifferentSizes() {
    assertThatThrownBy(() -> ConsistencyProof.verify(3, 7, root(3), root(7), List.of()))
        .isInstanceOf(ProofException.class);
  }

  @Test
  void rejectsWrongSecondRoot() {
    assertThatThrownBy(
            () -> ConsistencyProof.verify(3, 7, root(3), root(8), prover.consistencyProof(3, 7)))
        .isInstanceOf(ProofException.class)
        .hasMessageContaining("second root");
  }
}
