package io.sealtrail.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.report.ReportModel.RetentionCoverage;
import io.sealtrail.report.ReportModel.Stretch;
import io.sealtrail.report.RetentionSection.Span;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionSectionTest {
    static final Duration LIMIT = Duration.ofSeconds(90); // 1.5 × a 60 s heartbeat
    static final ReportOptions O = ReportOptions.of("t", "a", Instant.parse("2026-04-01T00:00:00Z"), List.of())
            .withRetention(ReportOptions.retention("30d"));
    static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
    static final Instant END = Instant.parse("2026-04-01T00:00:00Z");

    static Instant t(String s) {
        return Instant.parse(s);
    }

    @Test
    void aGapBetweenExportsLongerThanTheHeartbeatLimitIsUncovered() {
        RetentionCoverage r = RetentionSection.coverage(O, START, END, List.of(
                new Span(1, START, t("2026-03-10T00:00:00Z"), LIMIT),
                new Span(2, t("2026-03-12T00:00:00Z"), END, LIMIT)), List.of());
        assertThat(r.uncovered()).containsExactly(
                new Stretch(t("2026-03-10T00:00:00Z"), t("2026-03-12T00:00:00Z"), "between bundle 1 and bundle 2"));
        assertThat(r.uncoveredSeconds()).isEqualTo(Duration.ofDays(2).getSeconds());
        assertThat(r.coveredShare()).isEqualTo(28.0 / 30);
    }

    @Test
    void aGapWithinTheHeartbeatLimitIsNotAStretch() {
        RetentionCoverage r = RetentionSection.coverage(O, START, END, List.of(
                new Span(1, START, t("2026-03-10T00:00:00Z"), LIMIT),
                new Span(2, t("2026-03-10T00:01:30Z"), END, LIMIT)), List.of());
        assertThat(r.uncovered()).isEmpty();
        assertThat(r.coveredShare()).isEqualTo(1.0);
    }

    @Test
    void beforeTheFirstEventAndHeartbeatGapsAreUncoveredAndClippedToThePeriod() {
        Stretch gap = new Stretch(t("2026-03-20T10:00:00Z"), t("2026-03-20T12:00:00Z"), "heartbeat gap inside bundle 1");
        RetentionCoverage r = RetentionSection.coverage(O, START, END, List.of(
                new Span(1, t("2026-02-01T00:00:00Z"), t("2026-02-10T00:00:00Z"), LIMIT),
                new Span(2, t("2026-03-15T00:00:00Z"), END, LIMIT)), List.of(gap));
        assertThat(r.uncovered()).extracting(Stretch::reason)
                .containsExactly("between bundle 1 and bundle 2", "heartbeat gap inside bundle 1");
        assertThat(r.uncovered().get(0).from()).isEqualTo(START); // the part before the period is not counted
        assertThat(r.coveredFrom()).isEqualTo(t("2026-02-01T00:00:00Z"));
    }
}
