package io.sealtrail.app.ui.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimeInputTest {
    static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");

    @Test
    void aDateIsMidnightInTheZoneShown() {
        assertThat(TimeInput.parse("2026-03-02", ZoneOffset.UTC)).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
        assertThat(TimeInput.parse("2026-03-02", ZURICH)).isEqualTo(Instant.parse("2026-03-01T23:00:00Z"));
    }

    @Test
    void minutesAndSecondsAreReadInTheZoneShown() {
        assertThat(TimeInput.parse("2026-07-02 10:00", ZURICH)).isEqualTo(Instant.parse("2026-07-02T08:00:00Z"));
        assertThat(TimeInput.parse(" 2026-07-02 10:00:30 ", ZoneOffset.UTC)).isEqualTo(Instant.parse("2026-07-02T10:00:30Z"));
    }

    @Test
    void anRfc3339TimeKeepsItsOwnOffset() {
        assertThat(TimeInput.parse("2026-03-02T10:00:00+02:00", ZoneOffset.UTC)).isEqualTo(Instant.parse("2026-03-02T08:00:00Z"));
    }

    @Test
    void blankIsAnOpenBound() {
        assertThat(TimeInput.parse("  ", ZURICH)).isNull();
    }

    @Test
    void garbageIsRefusedWithTheFormatsThatWork() {
        assertThatThrownBy(() -> TimeInput.parse("yesterday", ZURICH)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("yesterday").hasMessageContaining("2026-03-02 10:00");
    }

    @Test
    void formatReadsBack() {
        Instant t = Instant.parse("2026-03-02T10:11:12Z");
        assertThat(TimeInput.parse(TimeInput.format(t, ZURICH), ZURICH)).isEqualTo(t);
    }
}
