package io.sealtrail.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.model.Finding;
import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Location;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How findings are kept, counted, merged and ordered for the auditor. */
class FindingCollectorTest {

    @Test
    void eachCodeKeepsItsFirstThousandAndOneSummarySaysHowManyMore() {
        FindingCollector c = new FindingCollector();
        for (int i = 0; i < FindingCollector.MAX_PER_CODE + 5; i++) {
            c.add(FindingCode.CHAIN_BROKEN, Location.line("events/000000000000.jsonl", i + 1, i), "link " + i);
        }
        List<Finding> sorted = c.sorted();
        assertThat(sorted).hasSize(FindingCollector.MAX_PER_CODE + 1);
        assertThat(sorted.get(sorted.size() - 1).message())
                .isEqualTo("and 5 more CHAIN_BROKEN findings like the ones above (1005 in all)");
        assertThat(sorted.get(sorted.size() - 1).location()).isEqualTo(Location.BUNDLE);
    }

    @Test
    void exactlyAThousandNeedNoSummary() {
        FindingCollector c = new FindingCollector();
        for (int i = 0; i < FindingCollector.MAX_PER_CODE; i++) {
            c.add(FindingCode.SEQ_GAP, Location.seq(i), "gap " + i);
        }
        assertThat(c.sorted()).hasSize(FindingCollector.MAX_PER_CODE).noneMatch(f -> f.message().startsWith("and "));
    }

    @Test
    void absorbingKeepsWhatAddingInOrderKeeps() {
        FindingCollector part = new FindingCollector();
        for (int i = 0; i < 1200; i++) {
            part.add(FindingCode.LINE_MALFORMED, Location.line("events/a.jsonl", i + 1, i), "bad " + i);
        }
        FindingCollector whole = new FindingCollector();
        whole.add(FindingCode.LINE_MALFORMED, Location.line("events/0.jsonl", 1, 0), "first");
        whole.absorb(part);
        List<Finding> sorted = whole.sorted();
        assertThat(sorted).hasSize(FindingCollector.MAX_PER_CODE + 1);
        assertThat(sorted).anyMatch(f -> f.message().equals("first"));
        assertThat(sorted.get(sorted.size() - 1).message()).contains("and 201 more", "(1201 in all)");
    }

    @Test
    void absorbingCountsFindingsThePartAlreadyDropped() {
        FindingCollector part = new FindingCollector();
        for (int i = 0; i < 1003; i++) {
            part.add(FindingCode.FIELD_INVALID, Location.seq(i), "x");
        }
        FindingCollector whole = new FindingCollector();
        whole.absorb(part.collected());
        assertThat(whole.sorted().get(FindingCollector.MAX_PER_CODE).message()).contains("and 3 more", "(1003 in all)");
        assertThat(whole.has(FindingCode.FIELD_INVALID)).isTrue();
        assertThat(whole.has(FindingCode.SEQ_GAP)).isFalse();
    }

    @Test
    void errorsComeBeforeWarningsAndLineFindingsBeforeFileOnes() {
        FindingCollector c = new FindingCollector();
        c.add(FindingCode.TIME_BACKWARDS, Location.line("events/a.jsonl", 3, 2), "warning on a line");
        c.add(FindingCode.FILE_HASH_MISMATCH, Location.file("events/a.jsonl"), "file error");
        c.add(FindingCode.CHAIN_BROKEN, Location.line("events/a.jsonl", 9, 8), "line error");
        c.add(FindingCode.CONTINUITY_NOT_CHECKED, Location.BUNDLE, "info");
        assertThat(c.sorted()).extracting(Finding::message)
                .containsExactly("line error", "file error", "warning on a line", "info");
    }

    @Test
    void withinAFileFindingsGoByLineThenSeqThenCodeInItsDeclaredOrder() {
        FindingCollector c = new FindingCollector();
        c.add(FindingCode.SEQ_GAP, Location.line("events/a.jsonl", 5, 7), "line 5 seq 7 gap");
        c.add(FindingCode.CHAIN_BROKEN, Location.line("events/a.jsonl", 5, 7), "line 5 seq 7 chain");
        c.add(FindingCode.CHAIN_BROKEN, Location.line("events/a.jsonl", 5, 6), "line 5 seq 6");
        c.add(FindingCode.CHAIN_BROKEN, Location.line("events/a.jsonl", 2, 9), "line 2");
        assertThat(c.sorted()).extracting(Finding::message)
                .containsExactly("line 2", "line 5 seq 6", "line 5 seq 7 gap", "line 5 seq 7 chain"); // SEQ_GAP is declared first
    }

    @Test
    void filesGoInNaturalOrderAndBundleWideFindingsLast() {
        FindingCollector c = new FindingCollector();
        c.add(FindingCode.CHECKPOINT_ROOT_MISMATCH, Location.BUNDLE, "bundle");
        c.add(FindingCode.CHECKPOINT_ROOT_MISMATCH, Location.file("checkpoints/10000.checkpoint"), "10000");
        c.add(FindingCode.CHECKPOINT_ROOT_MISMATCH, Location.file("checkpoints/9000.checkpoint"), "9000");
        assertThat(c.sorted()).extracting(Finding::message).containsExactly("9000", "10000", "bundle");
    }

    @Test
    void naturalOrderComparesNumbersByValue() {
        assertThat(FindingCollector.natural("checkpoints/9000.checkpoint", "checkpoints/10000.checkpoint")).isNegative();
        assertThat(FindingCollector.natural("checkpoints/10000.checkpoint", "checkpoints/9000.checkpoint")).isPositive();
        assertThat(FindingCollector.natural("a/007.x", "a/7.x")).isZero();
        assertThat(FindingCollector.natural("a/12b", "a/12c")).isNegative();
        assertThat(FindingCollector.natural("a/0", "a/00")).isZero();
        assertThat(FindingCollector.natural("abc", "abd")).isNegative();
        assertThat(FindingCollector.natural("ab", "abc")).isNegative();
        assertThat(FindingCollector.natural("abc", "ab")).isPositive();
        assertThat(FindingCollector.natural("a12", "a12")).isZero();
        assertThat(FindingCollector.natural("a19", "a21")).isNegative();
    }
}
