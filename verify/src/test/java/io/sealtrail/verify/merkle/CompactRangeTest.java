package io.sealtrail.verify.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompactRangeTest {

  private final List<byte[]> leaves = ReferenceTree.randomLeafHashes(7, 13);

  @Test
  void emptyRangeHasEmptyRoot() {
    assertThat(CompactRange.empty().root()).isEqualTo(Merkle.emptyRoot());
  }

  @Test
  void singleLeafRootIsTheLeafHash() {
    CompactRange range = CompactRange.empty();
    range.append(leaves.get(0));
    assertThat(range.root()).isEqualTo(leaves.get(0));
  }

  @Test
  void holdsOneHashPerSetBitOfSize() {
    CompactRange range = ReferenceTree.rangeOf(leaves); // 13 = 0b1101
    assertThat(range.size()).isEqualTo(13);
    assertThat(range.hashes()).hasSize(3);
    assertThat(range.hashes().get(0)).isEqualTo(ReferenceTree.mth(leaves, 0, 8));
    assertThat(range.hashes().get(1)).isEqualTo(ReferenceTree.mth(leaves, 8, 12));
    assertThat(range.hashes().get(2)).isEqualTo(leaves.get(12));
  }

  @Test
  void rootMatchesReferenceForEveryPrefix() {
    CompactRange range = CompactRange.empty();
    for (int i = 0; i < leaves.size(); i++) {
      range.append(leaves.get(i));
      assertThat(range.root()).as("size %d", i + 1).isEqualTo(ReferenceTree.root(leaves, i + 1));
    }
  }

  @Test
  void hashesReturnsCopies() {
    CompactRange range = ReferenceTree.rangeOf(leaves);
    range.hashes().get(0)[0] ^= 1;
    assertThat(range.root()).isEqualTo(ReferenceTree.root(leaves, 13));
  }

  @Test
  void copyIsIndependent() {
    CompactRange range = ReferenceTree.rangeOf(leaves.subList(0, 5));
    CompactRange copy = range.copy();
    copy.append(leaves.get(5));
    assertThat(range.size()).isEqualTo(5);
    assertThat(range.root()).isEqualTo(ReferenceTree.root(leaves, 5));
    assertThat(copy.root()).isEqualTo(ReferenceTree.root(leaves, 6));
  }

  @Test
  void ofRejectsWrongNumberOfHashes() {
    List<byte[]> two = leaves.subList(0, 2);
    assertThatThrownBy(() -> CompactRange.of(4, two))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs 1");
  }

  @Test
  void ofRejectsShortHash() {
    assertThatThrownBy(() -> CompactRange.of(1, List.of(new byte[31])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("31 bytes");
  }

  @Test
  void appendRejectsShortLeafHash() {
    assertThatThrownBy(() -> CompactRange.empty().append(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
