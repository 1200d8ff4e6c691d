package io.sealtrail.app.ui.timeline;

import io.sealtrail.index.SessionSpan;
import java.util.List;

/**
 * One swimlane: a user or a target, its matching events, and its sessions as bars packed into up to
 * {@link TimelineLayout#MAX_SUB_ROWS} rows so that overlapping sessions do not hide each other. The
 * {@code unnamed} lane holds the matching events that name no user (or target), such as the log's own
 * heartbeats: ticks only, no sessions, and a name that is a label, not a value.
 */
public record Lane(String name, long events, List<Bar> bars, int rows, boolean unnamed) {
    public Lane {
        bars = List.copyOf(bars);
    }

    public Lane(String name, long events, List<Bar> bars, int rows) {
        this(name, events, bars, rows, false);
    }

    /** The lane of the {@code events} matching events without a {@code one} ("user", "target"). */
    public static Lane unnamed(String one, long events) {
        return new Lane("(no " + one + ")", events, List.of(), 1, true);
    }

    /** A session drawn from {@code start} to {@code end} (epoch microseconds) in sub-row {@code row}. */
    public record Bar(SessionSpan session, long start, long end, int row) {
        /** A quarter of its events failed or were denied: drawn in red. */
        public static final double MOSTLY_FAILED = 0.25;

        /** 0: no failures or denials; 1: some; 2: at least {@link #MOSTLY_FAILED} of its events. */
        public int level() {
            if (session.failures() == 0) {
                return 0;
            }
            return session.failures() >= MOSTLY_FAILED * session.events() ? 2 : 1;
        }
    }
}
