package io.sealtrail.sources.hoop;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.model.AuditEvent;
import io.sealtrail.sources.SourceRecord;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HoopLayoutsTest {

    private static List<AuditEvent> eventsOf(List<SourceRecord> records, Set<String> sessions) {
        return records.stream().filter(r -> !r.isMalformed()).map(SourceRecord::event)
                .filter(e -> sessions.contains(e.sessionId())).toList();
    }

    private static Set<String> sessionIds(List<SourceRecord> records) {
        return records.stream().map(r -> r.event().sessionId()).collect(Collectors.toSet());
    }

    @Test
    void jsonLinesGiveTheSameEventsAsTheArray() {
        List<SourceRecord> lines = HoopFixtures.read("sessions.jsonl");

        assertThat(lines).noneMatch(SourceRecord::isMalformed);
        assertThat(eventsOf(lines, sessionIds(lines))).isEqualTo(eventsOf(HoopFixtures.read("sessions.json"),
                sessionIds(lines)));
    }

    @Test
    void theApiListGivesTheSameEventsAsTheArray() {
        List<SourceRecord> page = HoopFixtures.read("sessions-page.json");

        assertThat(sessionIds(page)).hasSize(4);
        assertThat(eventsOf(page, sessionIds(page))).isEqualTo(eventsOf(HoopFixtures.read("sessions.json"),
                sessionIds(page)));
    }

    @Test
    void oneSessionObjectIsOneSession() {
        List<SourceRecord> one = HoopFixtures.read("session-one.json");

        assertThat(one).extracting(r -> r.event().action()).containsExactly("session.start", "db.query", "session.end");
    }

    @Test
    void aBrokenLineIsOneMalformedRecordWithItsLineAndTheNextLinesImport() {
        List<SourceRecord> r = HoopFixtures.read("sessions-bad-line.jsonl");

        assertThat(r).filteredOn(SourceRecord::isMalformed).singleElement().satisfies(m -> {
            assertThat(m.line()).isEqualTo(2);
            assertThat(m.problem()).startsWith("record 2: not JSON: Unexpected end-of-input");
        });
        assertThat(r).filteredOn(x -> !x.isMalformed() && x.line() == 3).isNotEmpty();
    }

    @Test
    void aBrokenArrayKeepsTheSessionsBeforeTheBreak() {
        List<SourceRecord> r = HoopFixtures.readText("[\n{\"id\":\"s1\",\"user\":\"a@x\",\"connection\":\"h\","
                + "\"verb\":\"exec\",\"status\":\"done\",\"exit_code\":0,\"start_date\":\"2026-03-02T08:00:00Z\","
                + "\"end_date\":\"2026-03-02T08:00:01Z\"},\n{\"id\":\"s2\",\"user\":");

        assertThat(r).filteredOn(x -> !x.isMalformed()).extracting(x -> x.event().action())
                .containsExactly("session.start", "session.end");
        assertThat(r).filteredOn(SourceRecord::isMalformed).singleElement()
                .satisfies(m -> assertThat(m.problem()).startsWith("the list is not valid JSON from line 3 on"));
    }

    @Test
    void aSessionWithBadBase64IsMalformedAndTheNextSessionImports() {
        List<SourceRecord> r = HoopFixtures.readText("[{\"id\":\"s1\",\"verb\":\"exec\",\"start_date\":"
                + "\"2026-03-02T08:00:00Z\",\"event_stream\":[[0.1,\"i\",\"not base64!\"]]},\n"
                + "{\"id\":\"s2\",\"verb\":\"exec\",\"start_date\":\"2026-03-02T08:00:00Z\"}]");

        assertThat(r.get(0).problem()).startsWith("record 1: event_stream[0]: the content is not base64");
        assertThat(r.get(0).line()).isEqualTo(1);
        assertThat(r.get(1).event().sessionId()).isEqualTo("s2");
        assertThat(r.get(1).line()).isEqualTo(2);
    }

    @Test
    void aSessionWithoutAStartDateIsMalformed() {
        List<SourceRecord> r = HoopFixtures.readText("{\"id\":\"s1\",\"verb\":\"exec\",\"connection\":\"h\"}\n");

        assertThat(r).singleElement().satisfies(m -> assertThat(m.problem()).isEqualTo("record 1: session s1: no start_date"));
    }

    @Test
    void theFirstSessionIsPassedOnBeforeTheRestOfTheArrayIsRead() {
        byte[] one = ("{\"id\":\"s\",\"user\":\"a@x\",\"connection\":\"h\",\"verb\":\"exec\",\"event_stream\":"
                + "[[0.1,\"o\",\"" + "QUFB".repeat(2_000) + "\"]],\"start_date\":\"2026-03-02T08:00:00Z\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long total = 10_000L * (one.length + 1);
        long[] served = {0};
        java.io.InputStream export = new java.io.InputStream() { // "[" then 10,000 sessions, made as they are read
            @Override
            public int read() {
                if (served[0] > total) {
                    return -1;
                }
                long at = served[0]++;
                if (at == 0) {
                    return '[';
                }
                long in = (at - 1) % (one.length + 1);
                return in < one.length ? one[(int) in] : at == total ? ']' : ',';
            }
        };
        List<SourceRecord> got = new java.util.ArrayList<>();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HoopFixtures.FORMAT.read(export,
                new io.sealtrail.sources.SourceFile("big.json", java.time.Instant.EPOCH),
                io.sealtrail.sources.ReadContext.defaults(), r -> {
                    got.add(r);
                    throw new java.io.IOException("seen enough");
                })).hasMessage("seen enough");
        assertThat(got).singleElement().satisfies(r -> assertThat(r.event().action()).isEqualTo("session.start"));
        assertThat(served[0]).isLessThan(64 * 1024).isLessThan(total / 1000);
    }
}
