package io.sealtrail.verify.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class CompactRangePropertyTest {

  @Property(tries = 200)
  void rootEqualsReferenceMth(@ForAll long seed, @ForAll @IntRange(min = 0, max = 300) int count) {
    List<byte[]> leaves = ReferenceTree.randomLeafHashes(seed, count);
    assertThat(ReferenceTree.rangeOf(leaves).root()).isEqualTo(ReferenceTree.root(leaves, count));
  }

  @Property(tries = 200)
  void restoredRangeContinuesLikeOneBuiltFromScratch(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 300) int count,
      @ForAll @IntRange(min = 0, max = 300) int cut) {
    List<byte[]> leaves = ReferenceTree.randomLeafHashes(seed, count);
    int split = Math.min(cut, count);
    CompactRange prefix = ReferenceTree.rangeOf(leaves.subList(0, split));
    CompactRange restored = CompactRange.of(prefix.size(), prefix.hashes());
    leaves.subList(split, count).forEach(restored::append);
    CompactRange scratch = ReferenceTree.rangeOf(leaves);
    assertThat(restored.size()).isEqualTo(scratch.size());
    assertThat(restored.hashes()).containsExactlyElementsOf(scratch.hashes());
    assertThat(restored.root()).isEqualTo(scratch.root());
  }
}
