package io.sealtrail.verify.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Proofs from a prover holding only a window of the log, checked against a full-leaf oracle. */
class MerkleProverTest {

  private static final int LOG_SIZE = 70;
  private final List<byte[]> leaves = ReferenceTree.randomLeafHashes(42, LOG_SIZE);
  /** Oracle roots by size, computed once: the naive MTH is the slow part of these loops. */
  private final byte[][] roots = new byte[LOG_SIZE + 1][];

  MerkleProverTest() {
    for (int size = 0; size <= LOG_SIZE; size++) {
      roots[size] = ReferenceTree.root(leaves, size);
    }
  }

  private MerkleProver window(int start, int end) {
    return new MerkleProver(ReferenceTree.rangeOf(leaves.subList(0, start)), leaves.subList(start, end));
  }

  @Test
  void rootsMatchReferenceForEveryWindowAndSize() {
    for (int start = 0; start <= 40; start++) {
      for (int end = start; end <= LOG_SIZE; end += 3) {
        MerkleProver prover = window(start, end);
        for (int size = start; size <= end; size++) {
          assertThat(prover.root(size))
              .as("start %d end %d size %d", start, end, size)
              .isEqualTo(roots[size]);
        }
      }
    }
  }

  @Test
  void inclusionProofsVerifyForEveryWindowIndexAndSize() {
    for (int start = 1; start <= 40; start++) {
      for (int end = start + 1; end <= LOG_SIZE; end += 5) {
        MerkleProver prover = window(start, end);
        for (int size = start + 1; size <= end; size++) {
          byte[] root = roots[size];
          for (int index = start; index < size; index++) {
            long i = index;
            long n = size;
            List<byte[]> path = prover.inclusionPath(i, n);
            assertThatCode(() -> InclusionProof.verify(i, n, leaves.get((int) i), path, root))
                .as("start %d end %d index %d size %d", start, end, index, size)
                .doesNotThrowAnyException();
          }
        }
      }
    }
  }

  @Test
  void consistencyProofsVerifyForEveryWindowAndSizePair() {
    for (int start = 1; start <= 40; start++) {
      for (int end = start; end <= LOG_SIZE; end += 5) {
        MerkleProver prover = window(start, end);
        for (int size1 = start; size1 <= end; size1++) {
          for (int size2 = size1; size2 <= end; size2++) {
            long m = size1;
            long n = size2;
            byte[] root1 = roots[size1];
            byte[] root2 = roots[size2];
            List<byte[]> proof = prover.consistencyProof(m, n);
            assertThatCode(() -> ConsistencyProof.verify(m, n, root1, root2, proof))
                .as("start %d end %d size1 %d size2 %d", start, end, size1, size2)
                .doesNotThrowAnyException();
          }
        }
      }
    }
  }

  @Test
  void proofsFromWindowEqualProofsFromFullLog() {
    MerkleProver full = new MerkleProver(CompactRange.empty(), leaves);
    MerkleProver part = window(37, 61);
    assertThat(part.inclusionPath(45, 59)).containsExactlyElementsOf(full.inclusionPath(45, 59));
    assertThat(part.consistencyProof(39, 60))
        .containsExactlyElementsOf(full.consistencyProof(39, 60));
  }

  @Test
  void reportsWindowBounds() {
    MerkleProver prover = window(5, 9);
    assertThat(prover.start()).isEqualTo(5);
    assertThat(prover.end()).isEqualTo(9);
  }

  @Test
  void emptyLogHasEmptyRoot() {
    assertThat(new MerkleProver(CompactRange.empty(), List.of()).root(0))
        .isEqualTo(Merkle.emptyRoot());
  }

  @Test
  void rejectsInclusionOfLeafBeforeStart() {
    assertThatThrownBy(() -> window(5, 9).inclusionPath(4, 8))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsInclusionInTreeBeyondEnd() {
    assertThatThrownBy(() -> window(5, 9).inclusionPath(6, 10))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsConsistencyFromSizeBeforeStart() {
    assertThatThrownBy(() -> window(5, 9).consistencyProof(4, 8))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsConsistencyFromEmptyTree() {
    assertThatThrownBy(() -> window(0, 9).consistencyProof(0, 8))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsRootBeforeStart() {
    assertThatThrownBy(() -> window(5, 9).root(4)).isInstanceOf(IllegalArgumentException.class);
  }
}
