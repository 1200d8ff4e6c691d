package io.sealtrail.app.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.index.SessionSpan;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the tooltips say. */
class TimelineTextTest {
    private static final Instant T0 = Instant.parse("2026-03-02T06:01:26.295690Z");

    @Test
    void aSessionsTooltipNamesWhoWhereWhenAndHowItWent() {
        SessionSpan s = new SessionSpan("s-f834554a2f06ad8e", T0, T0.plusSeconds(566), "jakub.nowak", "prod-api-01", 12, 1);
        Lane lane = TimelineLayout.lane("jakub.nowak", 12, List.of(s));
        String text = TimelineText.describe(new TimelineLayout.SessionHit("jakub.nowak", lane.bars().get(0)));
        assertThat(text).contains("Session s-f834554a2f06ad8e", "User: jakub.nowak", "Target: prod-api-01",
                "Start: 2026-03-02 06:01:26.295 UTC", "End:   2026-03-02 06:10:52.295 UTC (9 min 26 s)", "Events: 12",
                "Failed or denied: 1");
    }

    @Test
    void aTicksTooltipCountsItsBucket() {
        long t = TimeScale.micros(Instant.parse("2026-03-02T14:00:00Z"));
        String text = TimelineText.describe(new TimelineLayout.BucketHit("mei.chen", new TickBucket(t, 7, 2, 1), 300_000_000L));
        assertThat(text).contains("mei.chen", "2026-03-02 14:00:00.000 – 2026-03-02 14:05:00.000 UTC",
                "7 events, 2 failed, 1 denied");
    }
}
