package io.sealtrail.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class BusinessHoursTest {
    static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");

    static Instant t(String s) {
        return Instant.parse(s);
    }

    @Test
    void aWeekendAndTheEveningsAroundItAreOneWindow() {
        List<BusinessHours.Window> w = BusinessHours.DEFAULT.offHours(t("2026-03-06T12:00:00Z"), t("2026-03-09T12:00:00Z"));
        assertThat(w).containsExactly(new BusinessHours.Window(t("2026-03-06T20:00:00Z"), t("2026-03-09T06:00:00Z")));
    }

    @Test
    void windowsFollowTheZoneAcrossDaylightSavingTime() {
        BusinessHours h = BusinessHours.parse("08:00-18:00", ZURICH);
        // Zurich moves to UTC+2 on Sunday 2026-03-29: 08:00 local is 07:00Z on Friday, 06:00Z on Monday
        List<BusinessHours.Window> w = h.offHours(t("2026-03-27T10:00:00Z"), t("2026-03-30T10:00:00Z"));
        assertThat(w).containsExactly(new BusinessHours.Window(t("2026-03-27T17:00:00Z"), t("2026-03-30T06:00:00Z")));
    }

    @Test
    void theWindowsAreAQueryOfHalfOpenTimeRanges() {
        List<BusinessHours.Window> w = BusinessHours.DEFAULT.offHours(t("2026-03-03T12:00:00Z"), t("2026-03-03T23:00:00Z"));
        assertThat(BusinessHours.query(w)).isEqualTo("(time:[2026-03-03T20:00:00Z TO 2026-03-04T06:00:00Z})");
    }

    @Test
    void badBusinessHoursAreExplained() {
        assertThatThrownBy(() -> BusinessHours.parse("8-18", ZURICH)).hasMessageContaining("HH:MM-HH:MM, e.g. 08:00-18:00");
        assertThatThrownBy(() -> BusinessHours.parse("18:00-08:00", ZURICH)).hasMessageContaining("must start before they end");
    }

    @Test
    void retentionPeriodsAreNumbersWithAUnit() {
        assertThat(ReportOptions.retention("12m")).isEqualTo(Period.ofMonths(12));
        assertThat(ReportOptions.retention("90d")).isEqualTo(Period.ofDays(90));
        assertThat(ReportOptions.retention("1y")).isEqualTo(Period.ofYears(1));
        assertThat(ReportOptions.describe(Period.ofMonths(12))).isEqualTo("12 months");
        assertThatThrownBy(() -> ReportOptions.retention("12 months")).hasMessageContaining("e.g. 12m, 90d or 1y");
    }
}
