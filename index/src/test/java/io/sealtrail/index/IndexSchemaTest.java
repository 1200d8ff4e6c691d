package io.sealtrail.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IndexSchemaTest {
    @Test
    void shortKeywordIsKeptWhole() {
        assertThat(IndexSchema.truncate("kubectl get pods")).isEqualTo("kubectl get pods");
    }

    @Test
    void longKeywordIsCutToEightKilobytesOfUtf8() {
        String s = "ü".repeat(10_000);
        assertThat(IndexSchema.truncate(s).getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(IndexSchema.MAX_KEYWORD_BYTES)
                .isGreaterThan(IndexSchema.MAX_KEYWORD_BYTES - 2);
    }

    @Test
    void truncationNeverSplitsASurrogatePair() {
        String s = "a" + "\uD83D\uDE00".repeat(5_000);
        String t = IndexSchema.truncate(s);
        assertThat(Character.isHighSurrogate(t.charAt(t.length() - 1))).isFalse();
    }

    @Test
    void timeIsEpochMicrosecondsBothWays() {
        Instant t = Instant.parse("2026-03-02T06:00:27.866852Z");
        assertThat(IndexSchema.micros(t)).isEqualTo(1_772_431_227_866_852L);
        assertThat(IndexSchema.instant(IndexSchema.micros(t))).isEqualTo(t);
    }
}
