package io.sealtrail.app.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.index.SessionSpan;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lane geometry, packing sessions into rows, and what is under the mouse. */
class TimelineLayoutTest {
    private static final Instant T0 = Instant.parse("2026-03-02T06:00:00Z");
    private static final long MIN = 60_000_000L;

    private static SessionSpan session(String id, int fromMinute, int toMinute, long failures) {
        return new SessionSpan(id, T0.plusSeconds(60L * fromMinute), T0.plusSeconds(60L * toMinute), "alice", "db", 10,
                failures);
    }

    @Test
    void overlappingSessionsGetTheirOwnRowsUpToThree() {
        Lane lane = TimelineLayout.lane("alice", 40, List.of(session("a", 0, 30, 0), session("b", 10, 40, 0),
                session("c", 35, 50, 0), session("d", 12, 20, 0), session("e", 15, 16, 0)));
        assertThat(lane.rows()).isEqualTo(3);
        assertThat(lane.bars()).extracting(b -> b.session().sessionId()).containsExactly("a", "b", "d", "e", "c");
        assertThat(lane.bars()).extracting(Lane.Bar::row).containsExactly(0, 1, 2, 2, 0);
    }

    @Test
    void aSessionsColourLevelFollowsItsShareOfFailures() {
        Lane lane = TimelineLayout.lane("alice", 30, List.of(session("a", 0, 1, 0), session("b", 2, 3, 1),
                session("c", 4, 5, 3)));
        assertThat(lane.bars()).extracting(Lane.Bar::level).containsExactly(0, 1, 2);
    }

    @Test
    void heightsBelowTheAxisMapToLanes() {
        TimelineLayout l = new TimelineLayout(1000, TimelineLayout.AXIS + 10 * 40, 120, 10, 0);
        assertThat(l.laneHeight()).isCloseTo(39.8, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(l.laneAt(TimelineLayout.AXIS - 1)).isEqualTo(-1);
        assertThat(l.laneAt(TimelineLayout.AXIS + 1)).isZero();
        assertThat(l.laneAt(TimelineLayout.AXIS + 3.5 * l.laneHeight())).isEqualTo(3);
        assertThat(l.plotWidth()).isEqualTo(880);
    }

    @Test
    void lanesThatDoNotFitScrollAndTheScrollIsClamped() {
        TimelineLayout l = new TimelineLayout(1000, TimelineLayout.AXIS + 10 * TimelineLayout.MIN_LANE, 120, 50, 999);
        assertThat(l.visibleLanes()).isEqualTo(10);
        assertThat(l.firstLane()).isEqualTo(40);
        assertThat(l.laneAt(TimelineLayout.AXIS + 1)).isEqualTo(40);
        assertThat(new TimelineLayout(1000, 400, 120, 50, -3).firstLane()).isZero();
    }

    @Test
    void theSessionUnderTheMouseIsHit() {
        Lane lane = TimelineLayout.lane("alice", 40, List.of(session("a", 0, 30, 0), session("b", 40, 50, 2)));
        TimeScale scale = new TimeScale(TimeScale.micros(T0), MIN / 10.0, 880); // 10 px per minute
        TimelineLayout l = new TimelineLayout(1000, 400, 120, 1, 0);
        double y = l.barsTop(0) + 2;
        assertThat(l.hit(120 + 450, y, List.of(lane), Ticks.NONE, scale)).get()
                .isInstanceOfSatisfying(TimelineLayout.SessionHit.class, h -> assertThat(h.bar().session().sessionId()).isEqualTo("b"));
        assertThat(l.hit(120 + 350, y, List.of(lane), Ticks.NONE, scale)).isEmpty(); // between the two
        assertThat(l.hit(60, y, List.of(lane), Ticks.NONE, scale)).isEmpty(); // over the lane names
    }

    @Test
    void aOneEventSessionIsWideEnoughToHit() {
        Lane lane = TimelineLayout.lane("alice", 1, List.of(session("a", 30, 30, 0)));
        TimeScale scale = new TimeScale(TimeScale.micros(T0), MIN, 880); // one pixel a minute
        TimelineLayout l = new TimelineLayout(1000, 400, 120, 1, 0);
        assertThat(l.hit(120 + 31, l.barsTop(0) + 2, List.of(lane), Ticks.NONE, scale)).isPresent();
    }

    @Test
    void theTickBucketUnderTheMouseIsHit() {
        Lane lane = TimelineLayout.lane("alice", 7, List.of());
        long t0 = TimeScale.micros(T0);
        Ticks ticks = new Ticks(t0, t0 + 60 * MIN, 5 * MIN, Map.of("alice",
                List.of(new TickBucket(t0, 4, 1, 0), new TickBucket(t0 + 10 * MIN, 3, 0, 2))));
        TimeScale scale = new TimeScale(t0, MIN / 10.0, 880);
        TimelineLayout l = new TimelineLayout(1000, 400, 120, 1, 0);
        double y = l.ticksTop(0) + 2;
        assertThat(l.hit(120 + 120, y, List.of(lane), ticks, scale)).get()
                .isInstanceOfSatisfying(TimelineLayout.BucketHit.class, h -> {
                    assertThat(h.bucket().denied()).isEqualTo(2);
                    assertThat(h.intervalMicros()).isEqualTo(5 * MIN);
                });
        assertThat(l.hit(120 + 70, y, List.of(lane), ticks, scale)).isEmpty(); // the empty bucket between them
    }
}
