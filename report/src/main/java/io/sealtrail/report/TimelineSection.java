package io.sealtrail.report;

import io.sealtrail.index.EventQuery;
import io.sealtrail.index.EventSearch;
import io.sealtrail.index.Hit;
import io.sealtrail.index.IndexException;
import io.sealtrail.index.SessionSpan;
import io.sealtrail.report.ReportModel.SessionRow;
import io.sealtrail.report.ReportModel.Timeline;
import io.sealtrail.report.ReportModel.TimelineRow;
import java.util.ArrayList;
import java.util.List;

/** The incident template's timeline: the selected events in time order, their sessions, their integrity. */
final class TimelineSection {
    static final int SESSION_CAP = 200;

    private TimelineSection() {
    }

    /** {@code selected} is the query log's run of the report's query: its count is the true number of events. */
    static Timeline build(EventSearch search, QueryLog q, ReportOptions o, QueryLog.Result selected) throws IndexException {
        int cap = Math.min(o.timelineCap(), EventSearch.MAX_PAGE);
        List<TimelineRow> rows = new ArrayList<>();
        for (Hit h : search.search(o.scope(), cap, null).hits()) {
            String target = h.targetName() == null ? null
                    : (h.targetKind() == null ? "" : h.targetKind() + ":") + h.targetName();
            String command = h.command() != null ? h.command() : h.query();
            rows.add(new TimelineRow(h.time(), h.bundleId(), h.seq(), h.userName(), target, h.action(), h.outcome(), command,
                    h.integrity() == null ? null : h.integrity().wireName()));
        }
        QueryLog.Result withSession = q.narrow(selected, "selected events with a session id (sessions = distinct session.id)",
                "session.id:*");
        List<SessionSpan> spans = search.sessions(o.scope());
        List<SessionRow> sessions = spans.stream().limit(SESSION_CAP)
                .map(s -> new SessionRow(s.sessionId(), s.start(), s.end(), s.user(), s.target(), s.events(), s.failures()))
                .toList();
        QueryLog.Result broken = q.narrow(selected, "selected events whose evidence is broken", "integrity:broken");
        QueryLog.Result notCovered = q.narrow(selected, "selected events not covered by a signed checkpoint",
                "integrity:not_covered");
        return new Timeline(selected.count(), selected.id(), cap, rows, spans.size(), withSession.id(), SESSION_CAP, sessions,
                broken.count(), broken.id(), notCovered.count(), notCovered.id());
    }
}
