package io.sealtrail.app.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.index.Bucket;
import io.sealtrail.index.ValueHistogram;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TicksTest {
    private static final Instant T0 = Instant.parse("2026-03-02T06:00:00Z");
    private static final long T = TimeScale.micros(T0);

    @Test
    void joinPutsAllFailedAndDeniedCountsOfALaneBucketTogether() {
        List<ValueHistogram> all = List.of(new ValueHistogram("alice", 5, List.of(new Bucket(T0, 3),
                new Bucket(T0.plusSeconds(60), 2))), new ValueHistogram("bob", 1, List.of(new Bucket(T0, 1))));
        List<ValueHistogram> failed = List.of(new ValueHistogram("alice", 1, List.of(new Bucket(T0.plusSeconds(60), 1))));
        List<ValueHistogram> denied = List.of(new ValueHistogram("alice", 1, List.of(new Bucket(T0, 1))));
        var joined = Ticks.join(all, failed, denied, Set.of("alice"));
        assertThat(joined).containsOnlyKeys("alice");
        assertThat(joined.get("alice")).containsExactly(new TickBucket(T, 3, 0, 1),
                new TickBucket(T + 60_000_000L, 2, 1, 0));
    }

    @Test
    void ticksCoverOnlyTheirRangeAtTheirBucketWidth() {
        Ticks t = new Ticks(T, T + 1000, 10, java.util.Map.of());
        assertThat(t.covers(T + 10, T + 900, 10)).isTrue();
        assertThat(t.covers(T - 1, T + 900, 10)).isFalse();
        assertThat(t.covers(T + 10, T + 900, 20)).isFalse();
        assertThat(Ticks.NONE.covers(0, 0, 1)).isFalse();
    }
}
