package io.sealtrail.app.ui.timeline;

import io.sealtrail.index.SessionSpan;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/** The timeline's words: tooltips for what the mouse is over, and lane names cut to fit. */
final class TimelineText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private TimelineText() {
    }

    static String describe(TimelineLayout.Hit hit) {
        return describe(hit, ZoneOffset.UTC);
    }

    /** The tooltip, its times in {@code zone}. */
    static String describe(TimelineLayout.Hit hit, java.time.ZoneId zone) {
        DateTimeFormatter time = TIME.withZone(zone);
        String z = " " + TimeScale.zoneName(zone);
        if (hit instanceof TimelineLayout.SessionHit s) {
            SessionSpan span = s.bar().session();
            long micros = s.bar().end() - s.bar().start();
            return "Session " + span.sessionId()
                    + "\nUser: " + orNone(span.user())
                    + "\nTarget: " + orNone(span.target())
                    + "\nStart: " + time.format(span.start()) + z
                    + "\nEnd:   " + (span.end() == null ? "unknown" : time.format(span.end()) + z)
                    + " (" + duration(micros) + ")"
                    + String.format("%nEvents: %,d", span.events())
                    + (span.failures() > 0 ? String.format("%nFailed or denied: %,d", span.failures()) : "\nNo failures or denials")
                    + "\nClick to show its events in Search";
        }
        TimelineLayout.BucketHit b = (TimelineLayout.BucketHit) hit;
        TickBucket t = b.bucket();
        long end = t.start() + b.intervalMicros();
        return b.lane() + "\n" + time.format(TimeScale.instant(t.start())) + " – " + time.format(TimeScale.instant(end)) + z
                + String.format("%n%,d %s", t.all(), t.all() == 1 ? "event" : "events")
                + (t.failed() > 0 ? String.format(", %,d failed", t.failed()) : "")
                + (t.denied() > 0 ? String.format(", %,d denied", t.denied()) : "")
                + "\nClick to show them in Search";
    }

    private static String orNone(String s) {
        return s == null ? "(none named)" : s;
    }

    /** "3 h 12 min", "42 s", "0.250 s". */
    static String duration(long micros) {
        long s = micros / 1_000_000;
        if (s >= 3600) {
            return s / 3600 + " h " + s % 3600 / 60 + " min";
        }
        if (s >= 60) {
            return s / 60 + " min " + s % 60 + " s";
        }
        return s >= 10 ? s + " s" : String.format("%.3f s", micros / 1e6);
    }

    /** The name, or as much of it as fits in {@code width} followed by an ellipsis. */
    static String fit(String name, double width, Font font) {
        Text t = new Text(name);
        t.setFont(font);
        if (t.getLayoutBounds().getWidth() <= width) {
            return name;
        }
        for (int n = name.length() - 1; n > 1; n--) {
            t.setText(name.substring(0, n) + "…");
            if (t.getLayoutBounds().getWidth() <= width) {
                return t.getText();
            }
        }
        return "…";
    }
}
