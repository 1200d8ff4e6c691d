package io.sealtrail.sources.hoop;

import io.sealtrail.model.AuditEvent;
import io.sealtrail.sources.Samples;
import io.sealtrail.sources.SourceRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Predicate;

/**
 * The hoop.dev fixtures in src/test/resources/hoop, written from the API's Session type by a seeded script:
 * sessions.json holds 40 sessions (database queries, ssh commands with output, a rejected review, a guardrail
 * match, a failed exit code, a running session, non-ASCII output, a truncated stream, masking); the other files
 * hold some of the same sessions in the other layouts.
 */
final class HoopFixtures {
    static final HoopFormat FORMAT = new HoopFormat();

    private HoopFixtures() {
    }

    static List<SourceRecord> read(String name) {
        try {
            return Samples.read(FORMAT, "hoop/" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<SourceRecord> readText(String text) {
        try {
            return Samples.readText(FORMAT, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The records of the one session in sessions.json that has a record matching {@code which}. */
    static List<SourceRecord> session(Predicate<SourceRecord> which) {
        List<SourceRecord> all = read("sessions.json");
        String id = all.stream().filter(r -> !r.isMalformed()).filter(which).map(r -> r.event().sessionId())
                .findFirst().orElseThrow();
        return all.stream().filter(r -> id.equals(r.event().sessionId())).toList();
    }

    static Predicate<SourceRecord> queryContains(String text) {
        return r -> r.event().query() != null && r.event().query().contains(text);
    }

    static Predicate<SourceRecord> commandContains(String text) {
        return r -> r.event().command() != null && r.event().command().contains(text);
    }

    static SourceRecord only(List<SourceRecord> records, String action) {
        List<SourceRecord> found = records.stream().filter(r -> r.event().action().equals(action)).toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " " + action + " records, expected one");
        }
        return found.get(0);
    }

    static AuditEvent event(List<SourceRecord> records, String action) {
        return only(records, action).event();
    }
}
