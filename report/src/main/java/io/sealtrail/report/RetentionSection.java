package io.sealtrail.report;

import io.sealtrail.cases.ImportRecord;
import io.sealtrail.model.Finding;
import io.sealtrail.model.FindingCode;
import io.sealtrail.report.ReportModel.RetentionCoverage;
import io.sealtrail.report.ReportModel.Stretch;
import io.sealtrail.verify.VerificationReport;
import io.sealtrail.verify.bundle.Manifest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Retention coverage (PCI DSS 10.5.1: twelve months of audit logs): the required period ending at the report's end,
 * else at the case's last event (never the day the report is written: a review in December of logs up to June asks
 * whether June's year is covered), against the time the case's exports cover. Uncovered: before the first event, between exports, after the last
 * event, and inside an export wherever the verifier found a heartbeat gap — each a stretch longer than the
 * heartbeat rule of the bundle format allows (1.5 × the declared interval).
 */
final class RetentionSection {
    static final double HEARTBEAT_FACTOR = 1.5;

    private RetentionSection() {
    }

    /** One export's time span as its verified manifest states it, and its gap limit. */
    record Span(int bundle, Instant from, Instant to, Duration limit) {
    }

    /** @param end where the required period ends: the report's end, else the case's last event */
    static RetentionCoverage build(ReportOptions o, Instant end, List<ImportRecord> bundles,
                                   Map<String, VerificationReport> reports) {
        Instant start = end.atZone(ZoneOffset.UTC).minus(o.retention()).toInstant();
        List<Span> spans = new ArrayList<>();
        List<Stretch> raw = new ArrayList<>();
        for (int i = 0; i < bundles.size(); i++) {
            VerificationReport v = reports.get(bundles.get(i).bundleId());
            Manifest m = v.manifest();
            if (m == null || m.timeFrom() == null || m.timeTo() == null) {
                continue;
            }
            Duration limit = limit(m);
            spans.add(new Span(i + 1, m.timeFrom(), m.timeTo(), limit));
            for (Finding f : v.findings()) {
                if (f.code() == FindingCode.HEARTBEAT_GAP && f.details().containsKey("from") && f.details().containsKey("to")) {
                    raw.add(new Stretch(Instant.parse(f.details().get("from")), Instant.parse(f.details().get("to")),
                            "heartbeat gap inside bundle " + (i + 1) + " (HEARTBEAT_GAP)"));
                }
            }
        }
        return coverage(o, start, end, spans, raw);
    }

    /** The coverage of {@code [start, end)} by the spans, given the heartbeat gaps found inside them. */
    static RetentionCoverage coverage(ReportOptions o, Instant start, Instant end, List<Span> exports,
                                      List<Stretch> heartbeatGaps) {
        List<Span> spans = new ArrayList<>(exports);
        List<Stretch> raw = new ArrayList<>(heartbeatGaps);
        spans.sort(Comparator.comparing(Span::from));
        String rule = "a stretch is uncovered when no export covers it, or when it is longer than 1.5 × the heartbeat "
                + "interval the export declares (the bundle format's HEARTBEAT_GAP rule)";
        if (spans.isEmpty()) {
            raw.add(new Stretch(start, end, "no export in the case states its time range"));
            return result(o, start, end, null, null, rule, raw);
        }
        Instant first = spans.get(0).from();
        raw.add(new Stretch(start, first, "before the first event of the case"));
        Instant coveredTo = spans.get(0).to();
        Span last = spans.get(0);
        for (Span s : spans.subList(1, spans.size())) {
            Duration limit = s.limit().compareTo(last.limit()) > 0 ? s.limit() : last.limit();
            if (Duration.between(coveredTo, s.from()).compareTo(limit) > 0) {
                raw.add(new Stretch(coveredTo, s.from(), "between bundle " + last.bundle() + " and bundle " + s.bundle()));
            }
            if (s.to().isAfter(coveredTo)) {
                coveredTo = s.to();
                last = s;
            }
        }
        if (Duration.between(coveredTo, end).compareTo(last.limit()) > 0) {
            raw.add(new Stretch(coveredTo, end, "after the last event of the case"));
        }
        return result(o, start, end, first, coveredTo, rule, raw);
    }

    private static Duration limit(Manifest m) {
        long seconds = Math.max(1, m.heartbeatIntervalSeconds());
        return Duration.ofMillis((long) (seconds * 1000 * HEARTBEAT_FACTOR));
    }

    private static RetentionCoverage result(ReportOptions o, Instant start, Instant end, Instant coveredFrom,
                                            Instant coveredTo, String rule, List<Stretch> raw) {
        List<Stretch> clipped = new ArrayList<>();
        for (Stretch s : raw) {
            Instant from = s.from().isBefore(start) ? start : s.from();
            Instant to = s.to().isAfter(end) ? end : s.to();
            if (from.isBefore(to)) {
                clipped.add(new Stretch(from, to, s.reason()));
            }
        }
        clipped.sort(Comparator.comparing(Stretch::from));
        long uncovered = 0;
        Instant reach = start;
        for (Stretch s : clipped) { // overlapping stretches count once
            Instant from = s.from().isAfter(reach) ? s.from() : reach;
            if (s.to().isAfter(from)) {
                uncovered += Duration.between(from, s.to()).getSeconds();
                reach = s.to();
            }
        }
        long window = Duration.between(start, end).getSeconds();
        double share = window <= 0 ? 0 : Math.max(0, (double) (window - uncovered) / window);
        return new RetentionCoverage(ReportOptions.describe(o.retention()), start, end, coveredFrom, coveredTo, uncovered,
                share, rule, clipped);
    }
}
