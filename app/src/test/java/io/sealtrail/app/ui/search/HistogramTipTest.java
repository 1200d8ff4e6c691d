package io.sealtrail.app.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.index.Bucket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/** What a histogram bar's tooltip says: its whole time range, in the zone shown, and its count. */
class HistogramTipTest {
    static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    @Test
    void aBarSaysFromWhenToWhenAndHowManyEvents() {
        String tip = HistogramView.describe(new Bucket(Instant.parse("2026-03-02T06:00:00Z"), 1111), Duration.ofMinutes(30), UTC);
        assertThat(tip).startsWith("2026-03-02 06:00 – 06:30 UTC: 1,111 events");
    }

    @Test
    void aBarAcrossMidnightWritesBothDatesInTheZoneShown() {
        DateTimeFormatter ny = UTC.withZone(ZoneId.of("America/New_York"));
        String tip = HistogramView.describe(new Bucket(Instant.parse("2026-03-03T04:00:00Z"), 1), Duration.ofHours(2), ny);
        assertThat(tip).startsWith("2026-03-02 23:00 – 2026-03-03 01:00 America/New_York: 1 event\n");
    }

    @Test
    void anEmptyBarSaysSoWithoutOfferingToNarrow() {
        String tip = HistogramView.describe(new Bucket(Instant.parse("2026-03-02T06:00:00Z"), 0), Duration.ofHours(1), UTC);
        assertThat(tip).isEqualTo("2026-03-02 06:00 – 07:00 UTC: no events");
    }

    @Test
    void aBarOfSecondsSaysSeconds() {
        assertThat(HistogramView.human(Duration.ofSeconds(5))).isEqualTo("5 s");
        assertThat(HistogramView.human(Duration.ofMinutes(15))).isEqualTo("15 min");
        assertThat(HistogramView.describe(new Bucket(Instant.parse("2026-03-02T06:01:05Z"), 3), Duration.ofSeconds(5), UTC))
                .startsWith("2026-03-02 06:01:05 – 06:01:10 UTC: 3 events");
    }
}
