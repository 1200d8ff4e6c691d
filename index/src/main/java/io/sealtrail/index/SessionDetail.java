package io.sealtrail.index;

import io.sealtrail.sources.Transcript;
import io.sealtrail.sources.asciicast.AsciicastFormat;
import io.sealtrail.sources.hoop.HoopFormat;
import io.sealtrail.sources.sudoio.SudoIolog;
import io.sealtrail.verify.event.EventLabels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One session as an investigator opens it: its events in time order (who, where, when, the approvals, how it
 * ended) and its transcript. A recorded session (a hoop.dev session object, an asciicast recording, a sudo I/O log) gives what
 * was typed and what came back, read again from the evidence records (for a sealed export, the exact record each
 * event line carries, so it replays as the export it was sealed from); any other session gives what its events say
 * was typed.
 *
 * @param sessionId  the session's id ({@code session.id})
 * @param events     the session's events in time order, at most {@link #MAX_EVENTS}
 * @param capped     whether the session has more events than {@link #MAX_EVENTS}
 * @param transcript what was typed (and, when {@code recorded}, what came back); null when no event has a time
 * @param recording  where the transcript was read from when it is a recording of the terminal or the connection;
 *                   null when it is what the events say was typed
 */
public record SessionDetail(String sessionId, List<Hit> events, boolean capped, Transcript transcript,
                            Recording recording) {
    /** The most events of one session loaded; a session with more still opens, and says it was cut. */
    public static final int MAX_EVENTS = 5_000;

    public SessionDetail {
        events = List.copyOf(events);
    }

    /**
     * The record a recorded transcript was read from (the first, when the recording spans several).
     *
     * @param format   the recording's format
     * @param file     the file its source named
     * @param line     the record's line there
     * @param sealedAt where a sealed export holds the record ({@code events/…jsonl line N}), or null when the
     *                 record was imported as its source wrote it
     */
    public record Recording(String format, String file, long line, String sealedAt) {
        /** As the session window and {@code sealtrail session} say it. */
        public String describe() {
            return "recorded (" + format + "), read from " + file + " line " + line
                    + (sealedAt == null ? "" : ", sealed at " + sealedAt);
        }
    }

    /** Whether the transcript is a recording of what was typed and what came back. */
    public boolean recorded() {
        return recording != null;
    }

    /**
     * Loads a session from the index.
     *
     * @throws IndexException when the index cannot be read, no event has this session id, or the session's
     *                        recording cannot be read (the message names the record)
     */
    public static SessionDetail load(EventSearch search, String sessionId) throws IndexException {
        List<Hit> events = new ArrayList<>();
        Page page = search.search(EventQuery.of(EventQuery.term(IndexSchema.SESSION_ID, sessionId)), MAX_EVENTS, null);
        events.addAll(page.hits());
        if (events.isEmpty()) {
            throw new IndexException("no event of session " + sessionId + " is in the case");
        }
        boolean capped = page.total() > events.size();
        List<Recorded> records = events.stream().map(Recorded::of).filter(r -> r != null).toList();
        for (Recorded r : records) {
            if (HoopFormat.NAME.equals(r.format()) && "session.start".equals(r.hit().action())) {
                try {
                    return new SessionDetail(sessionId, events, capped, HoopFormat.transcript(r.bytes()),
                            r.recording());
                } catch (IOException e) {
                    throw unreadable(r, sessionId, e);
                }
            }
        }
        List<Recorded> cast = records.stream().filter(r -> AsciicastFormat.NAME.equals(r.format()))
                .sorted(IN_FILE_ORDER).toList();
        if (!cast.isEmpty()) {
            // the recording's lines are spread over the session's records, each holding whole lines in file order
            try {
                return new SessionDetail(sessionId, events, capped, AsciicastFormat.transcript(sessionId,
                        cast.stream().map(Recorded::bytes).toList()), cast.get(0).recording());
            } catch (IOException e) {
                throw unreadable(cast.get(0), sessionId, e);
            }
        }
        List<Recorded> iolog = records.stream().filter(r -> SudoIolog.NAME.equals(r.format())
                        && !"session.start".equals(r.hit().action()) && r.hit().time() != null)
                .sorted(IN_FILE_ORDER).toList();
        if (!iolog.isEmpty()) {
            // the timing records hold the stream bytes their lines took; the session.start record is the header
            Hit start = events.stream().filter(h -> "session.start".equals(h.action()) && h.time() != null)
                    .findFirst().orElse(iolog.get(0).hit());
            try {
                return new SessionDetail(sessionId, events, capped, SudoIolog.transcript(sessionId, start.time(),
                        iolog.stream().map(r -> new SudoIolog.Stretch(r.hit().time(), r.bytes())).toList()),
                        iolog.get(0).recording());
            } catch (IOException e) {
                throw unreadable(iolog.get(0), sessionId, e);
            }
        }
        return new SessionDetail(sessionId, events, capped, typed(sessionId, events), null);
    }

    private static final Comparator<Recorded> IN_FILE_ORDER =
            Comparator.comparing(Recorded::file).thenComparingLong(Recorded::line);

    private static IndexException unreadable(Recorded r, String sessionId, IOException e) {
        return new IndexException(r.file() + " line " + r.line() + ": the recording of session " + sessionId
                + " cannot be read: " + e.getMessage());
    }

    /**
     * The source record an event was read from: the hit's own raw line for an imported source, and for a sealed
     * export's event (docs/decisions/0018-seal.md) the exact record its line carries, with the format, file and
     * line the record came from, so that a sealed session replays as the export it was sealed from.
     *
     * @param format the record's format ({@code hoop}, {@code asciicast}…)
     * @param file   the file the record was read from, as its source named it
     * @param line   its line in that file
     * @param bytes  the record exactly
     */
    private record Recorded(Hit hit, String format, String file, long line, byte[] bytes) {
        Recording recording() {
            return new Recording(format, file, line, hit.provable() ? hit.file() + " line " + hit.line() : null);
        }

        /** The hit's record, or null when the hit is one of our own events and carries none. */
        static Recorded of(Hit h) {
            if (h.raw() == null) {
                return null;
            }
            byte[] raw = h.raw().getBytes(StandardCharsets.UTF_8);
            if (!h.provable()) {
                return new Recorded(h, h.sourceFormat(), h.file(), h.line(), raw);
            }
            Map<String, String> labels = EventLabels.of(raw, 0, raw.length);
            String format = labels.get(EventLabels.RECORD_FORMAT);
            String text = labels.get(EventLabels.RECORD);
            String base64 = labels.get(EventLabels.RECORD_BASE64);
            if (format == null || (text == null && base64 == null)) {
                return null;
            }
            byte[] bytes;
            try {
                bytes = text != null ? text.getBytes(StandardCharsets.UTF_8) : Base64.getDecoder().decode(base64);
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
            long line;
            try {
                line = Long.parseLong(labels.getOrDefault(EventLabels.RECORD_LINE, ""));
            } catch (NumberFormatException e) {
                line = h.line();
            }
            return new Recorded(h, format, labels.getOrDefault(EventLabels.RECORD_FILE, h.file()), line, bytes);
        }
    }

    /** What the events say was typed: each command or query at its time. */
    private static Transcript typed(String sessionId, List<Hit> events) {
        Instant start = events.stream().map(Hit::time).filter(t -> t != null).findFirst().orElse(null);
        if (start == null) {
            return null;
        }
        List<Transcript.Entry> entries = new ArrayList<>();
        for (Hit h : events) {
            String typed = h.command() != null ? h.command() : h.query();
            if (typed != null && h.time() != null) {
                entries.add(new Transcript.Entry(h.time(), Transcript.Kind.INPUT, typed));
            }
        }
        return new Transcript(sessionId, start, entries, false);
    }

    /** Where a session ran, as one line: the target's kind and name, and the account it ran as when known. */
    public static String where(Hit h) {
        String account = HitFields.value(h, IndexSchema.TARGET_ACCOUNT);
        String place = ((h.targetKind() == null ? "" : h.targetKind() + " ") + (h.targetName() == null ? "" : h.targetName()))
                .strip();
        return account == null || account.isEmpty() ? place : (place.isEmpty() ? "" : place + " ") + "as " + account;
    }

    /** The first event with this action, or null. */
    public Hit first(String action) {
        return events.stream().filter(h -> action.equals(h.action())).findFirst().orElse(null);
    }

    /** The events about access to the session: requests, approvals, rejections, revocations. */
    public List<Hit> decisions() {
        return events.stream().filter(h -> h.action() != null && h.action().startsWith("access.")).toList();
    }

    /** When the session's first event happened, or null. */
    public Instant from() {
        return events.stream().map(Hit::time).filter(t -> t != null).min(Instant::compareTo).orElse(null);
    }

    /** When its last event happened, or null. */
    public Instant to() {
        return events.stream().map(Hit::time).filter(t -> t != null).max(Instant::compareTo).orElse(null);
    }
}
