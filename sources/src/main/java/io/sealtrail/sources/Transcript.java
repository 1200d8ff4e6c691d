package io.sealtrail.sources;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a recorded session shows: what was typed and what came back, in time order, decoded for reading (terminal
 * control sequences removed, line ends as LF). It is read again from the evidence record each time it is shown,
 * never stored beside it, so it cannot drift from what the case holds.
 *
 * @param sessionId the session's own id
 * @param start     when the recording starts; entries are timed from it
 * @param entries   in the recording's order
 * @param truncated whether the recorder says it cut the recording short (what it dropped is not here)
 */
public record Transcript(String sessionId, Instant start, List<Entry> entries, boolean truncated) {

    public Transcript {
        Objects.requireNonNull(start, "start");
        entries = List.copyOf(entries);
    }

    /** What a stretch of the recording is. */
    public enum Kind {
        /** What the user typed (keystrokes joined up to Enter, Backspace applied) or the script that was run. */
        INPUT,
        /** What came back (stdout and stderr together, as the recorder saw them). */
        OUTPUT,
        /** The session's final error, as the gateway recorded it. */
        ERROR
    }

    /** One stretch: when it starts, what it is, its text (LF line ends, never null). */
    public record Entry(Instant time, Kind kind, String text) {
        public Entry {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
        }
    }

    /** Time from the start of the recording to the entry. */
    public Duration elapsed(Entry e) {
        return Duration.between(start, e.time());
    }

    /**
     * The transcript as plain text to copy: each input line after "$ ", output as it came, an error after "error: ",
     * each entry's offset from the start in seconds in brackets.
     */
    public String plainText() {
        StringBuilder b = new StringBuilder();
        for (Entry e : entries) {
            Duration d = elapsed(e);
            b.append(String.format(java.util.Locale.ROOT, "[+%d.%03d s] ", d.toSeconds(), d.toMillisPart()));
            b.append(switch (e.kind()) {
                case INPUT -> "$ ";
                case OUTPUT -> "";
                case ERROR -> "error: ";
            });
            b.append(e.text());
            if (!e.text().endsWith("\n")) {
                b.append('\n');
            }
        }
        if (truncated) {
            b.append("(the recorder cut this recording short)\n");
        }
        return b.toString();
    }
}
