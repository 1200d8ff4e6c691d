package io.sealtrail.app.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The time scale's arithmetic: fitting, zooming around a point, panning, bucket widths and axis labels. */
class TimeScaleTest {
    private static final long S = 1_000_000;
    private static final long H = 3600 * S;
    private static final long DAY = 24 * H;
    private static final long T0 = TimeScale.micros(Instant.parse("2026-03-02T06:00:16.467242Z"));

    @Test
    void fitShowsTheWholeRangeWithASmallMargin() {
        TimeScale s = TimeScale.fit(T0, T0 + 2 * DAY, 1000);
        assertThat(s.startMicros()).isLessThan(T0);
        assertThat(s.endMicros()).isGreaterThan(T0 + 2 * DAY);
        assertThat(s.x(T0)).isBetween(1.0, 50.0);
        assertThat(s.x(T0 + 2 * DAY)).isBetween(950.0, 999.0);
    }

    @Test
    void zoomKeepsTheTimeUnderTheCursorWhereItIs() {
        TimeScale s = TimeScale.fit(T0, T0 + DAY, 1000);
        long under = s.time(300);
        TimeScale z = s.zoom(4, 300);
        assertThat(z.microsPerPixel()).isCloseTo(s.microsPerPixel() / 4, within(1e-6));
        assertThat((double) z.time(300)).isCloseTo(under, within(z.microsPerPixel()));
    }

    @Test
    void zoomStopsAtTheFinestResolution() {
        TimeScale s = TimeScale.fit(T0, T0 + S, 1000).zoom(1e9, 500);
        assertThat(s.microsPerPixel()).isEqualTo(TimeScale.MIN_MICROS_PER_PIXEL);
    }

    @Test
    void dragToTheRightShowsEarlierTimes() {
        TimeScale s = TimeScale.fit(T0, T0 + DAY, 1000);
        long at100 = s.time(100);
        TimeScale p = s.pan(50);
        assertThat((double) p.time(150)).isCloseTo(at100, within(2.0));
        assertThat(p.startMicros()).isLessThan(s.startMicros());
    }

    @Test
    void withinStopsZoomingOutFarPastTheData() {
        TimeScale s = TimeScale.fit(T0, T0 + DAY, 1000).zoom(0.001, 500).within(T0, T0 + DAY);
        assertThat(s.endMicros() - s.startMicros()).isLessThanOrEqualTo(2 * DAY + 2 * S);
    }

    @Test
    void withinStopsPanningAwayFromTheData() {
        TimeScale s = TimeScale.fit(T0, T0 + DAY, 1000).pan(1e7).within(T0, T0 + DAY);
        assertThat(s.endMicros()).isGreaterThan(T0); // at least part of the data stays in view
        TimeScale r = TimeScale.fit(T0, T0 + DAY, 1000).pan(-1e7).within(T0, T0 + DAY);
        assertThat(r.startMicros()).isLessThan(T0 + DAY);
    }

    @Test
    void bucketIsTheNarrowestRoundWidthAtLeastThatManyPixelsWide() {
        TimeScale s = new TimeScale(T0, 200 * S, 1000); // 200 s per pixel
        assertThat(s.bucketMicros(2)).isEqualTo(10 * 60 * S); // 400 s → 10 min
        assertThat(s.bucketMicros(2) / s.microsPerPixel()).isBetween(2.0, 4.0);
        assertThat(new TimeScale(T0, 50, 1000).bucketMicros(2)).isEqualTo(100); // 100 µs
        assertThat(new TimeScale(T0, 30 * DAY, 1000).bucketMicros(2) % (7 * DAY)).isZero();
    }

    @Test
    void tickBucketsAreTwoToFivePixelsAtEveryZoom() {
        for (double mpp = TimeScale.MIN_MICROS_PER_PIXEL; mpp < 1e11; mpp *= 1.07) {
            TimeScale s = new TimeScale(T0, mpp, 1000);
            assertThat(s.bucketMicros(3, 2) / mpp).as("at %.0f µs/px", mpp).isBetween(2.0, 5.0);
        }
    }

    @Test
    void axisTicksAreRoundUtcTimesAtLeastTheSpacingApart() {
        TimeScale s = TimeScale.fit(T0, T0 + 2 * DAY, 1200);
        List<TimeScale.AxisTick> ticks = s.ticks(110);
        assertThat(ticks).hasSizeGreaterThan(3);
        for (int i = 1; i < ticks.size(); i++) {
            assertThat(ticks.get(i).x() - ticks.get(i - 1).x()).isGreaterThanOrEqualTo(110);
        }
        assertThat(ticks).allMatch(t -> t.micros() % H == 0).allMatch(t -> t.x() >= 0 && t.x() <= 1200);
        assertThat(ticks.get(0).label()).matches("03-0[23] \\d\\d:00");
    }

    @Test
    void inAnotherZoneTheTicksAreRoundOnItsClockAndLabelledInIt() {
        java.time.ZoneId kolkata = java.time.ZoneId.of("Asia/Kolkata"); // +05:30: an hour tick in UTC is :30 there
        TimeScale s = TimeScale.fit(T0, T0 + 6 * H, 1000);
        List<TimeScale.AxisTick> ticks = s.ticks(120, kolkata);
        assertThat(ticks).isNotEmpty().allSatisfy(t -> {
            assertThat(t.label()).endsWith(":00");
            assertThat(TimeScale.instant(t.micros()).atZone(kolkata).getMinute()).isZero();
        });
        assertThat(s.describe(kolkata)).endsWith(" Asia/Kolkata").startsWith("2026-03-02 11:");
        assertThat(s.offsetName(kolkata)).isEqualTo("UTC+05:30");
        assertThat(s.ticks(120)).isEqualTo(s.ticks(120, java.time.ZoneOffset.UTC));
    }

    @Test
    void labelsAreAsPreciseAsTheStep() {
        long t = TimeScale.micros(Instant.parse("2026-03-02T14:05:30.250Z"));
        assertThat(TimeScale.label(t, DAY)).isEqualTo("2026-03-02");
        assertThat(TimeScale.label(t, H)).isEqualTo("03-02 14:05");
        assertThat(TimeScale.label(t, 10 * S)).isEqualTo("14:05:30");
        assertThat(TimeScale.label(t, 100_000)).isEqualTo("14:05:30.250");
    }

    @Test
    void humanWidthsReadNaturally() {
        assertThat(TimeScale.human(10 * 60 * S)).isEqualTo("10 min");
        assertThat(TimeScale.human(3 * H)).isEqualTo("3 h");
        assertThat(TimeScale.human(DAY)).isEqualTo("1 day");
        assertThat(TimeScale.human(500_000)).isEqualTo("500 ms");
        assertThat(TimeScale.human(50)).isEqualTo("50 µs");
    }
}
