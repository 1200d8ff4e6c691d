package io.sealtrail.report;

import io.sealtrail.index.EventSearch;
import io.sealtrail.index.Hit;
import io.sealtrail.index.IndexException;
import io.sealtrail.index.SessionDetail;
import io.sealtrail.report.ReportModel.ExcerptLine;
import io.sealtrail.report.ReportModel.TranscriptExcerpt;
import io.sealtrail.sources.Transcript;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The transcript excerpt beside a cited event of a recorded session (issue 15): what was typed at the event and what
 * came back, with a little before and after, so the reader of the report sees the command and its result, not only
 * that a command event exists. Sessions without a recording have no excerpt: their events are the record.
 */
final class TranscriptExcerpts {
    /** Stretches shown before the cited one, and after it (what it printed is the first of those). */
    static final int BEFORE = 2;
    static final int AFTER = 3;
    /** Lines of one stretch shown; the rest is said to be cut (the whole is in the evidence). */
    static final int MAX_LINES = 12;

    private TranscriptExcerpts() {
    }

    /** The excerpt around {@code h}, or null when it is of no recorded session or its recording cannot be read. */
    static TranscriptExcerpt around(EventSearch search, Hit h) {
        if (h == null || h.sessionId() == null || h.time() == null) {
            return null;
        }
        SessionDetail d;
        try {
            d = SessionDetail.load(search, h.sessionId());
        } catch (IndexException e) {
            return null; // the cited event's own block says what it is; a report never fails for want of an excerpt
        }
        if (!d.recorded() || d.transcript() == null || d.transcript().entries().isEmpty()) {
            return null;
        }
        Transcript t = d.transcript();
        List<Transcript.Entry> all = t.entries();
        int at = 0;
        for (int i = 0; i < all.size(); i++) {
            if (!all.get(i).time().isAfter(h.time())) {
                at = i; // the last stretch at or before the event: what was typed at it, or what it printed
            }
        }
        int from = Math.max(0, at - BEFORE);
        int to = Math.min(all.size(), at + AFTER + 1);
        List<ExcerptLine> lines = new ArrayList<>();
        for (Transcript.Entry e : all.subList(from, to)) {
            Duration off = t.elapsed(e);
            lines.add(new ExcerptLine(e.time(), String.format(Locale.ROOT, "+%d.%03d s", off.toSeconds(), off.toMillisPart()),
                    e.kind() == Transcript.Kind.INPUT, cut(e.text())));
        }
        Hit start = d.first("session.start");
        Hit where = start != null ? start : h;
        return new TranscriptExcerpt(h.sessionId(), where.file() + " line " + where.line(), lines, from, all.size() - to);
    }

    private static String cut(String text) {
        String s = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        String[] lines = s.split("\n", -1);
        if (lines.length <= MAX_LINES) {
            return s;
        }
        return String.join("\n", java.util.Arrays.copyOf(lines, MAX_LINES)) + "\n… (" + (lines.length - MAX_LINES)
                + " more lines in the evidence)";
    }
}
