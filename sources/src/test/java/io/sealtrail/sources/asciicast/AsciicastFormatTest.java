package io.sealtrail.sources.asciicast;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.model.AuditEvent;
import io.sealtrail.model.AuditEvent.Outcome;
import io.sealtrail.sources.Head;
import io.sealtrail.sources.Samples;
import io.sealtrail.sources.SourceFormat;
import io.sealtrail.sources.SourceFormats;
import io.sealtrail.sources.SourceRecord;
import io.sealtrail.sources.Transcript;
import io.sealtrail.sources.Transcript.Entry;
import io.sealtrail.sources.Transcript.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * asciicast recordings written for these tests from the format's specification (asciinema's docs, versions 2 and
 * 3): a session typed key by key with the terminal's echo, Backspace, a marker, a resize, non-ASCII output and one
 * broken line; a recording without input; a version 3 one with intervals and an exit status.
 */
class AsciicastFormatTest {
    static final AsciicastFormat FORMAT = new AsciicastFormat();
    static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

    private static List<SourceRecord> read(String name) throws IOException {
        return Samples.read(FORMAT, "asciicast/" + name);
    }

    private static List<AuditEvent> events(List<SourceRecord> records) {
        return records.stream().filter(r -> !r.isMalformed()).map(SourceRecord::event).toList();
    }

    @Test
    void everySampleIsDetectedAsAsciicastAndAsNothingElse() {
        for (String name : List.of("deploy-with-input.cast", "no-input.cast", "exit-v3.cast")) {
            Head head = Samples.headOfResource("asciicast/" + name);
            assertThat(SourceFormats.all().stream().filter(f -> f.recognizes(head)).map(SourceFormat::name))
                    .as(name).containsExactly(AsciicastFormat.NAME);
        }
    }

    @Test
    void eachLineTypedIsACommandWithBackspaceAppliedAndTheEchoLeftOut() throws IOException {
        List<AuditEvent> e = events(read("deploy-with-input.cast"));
        assertThat(e).extracting(AuditEvent::action).containsExactly("session.start", "command", "command", "command");
        assertThat(e).extracting(AuditEvent::command).containsExactly(null, "sudo systemctl restart payments",
                "cat /etc/motd", "exit");
    }

    @Test
    void aCommandIsTimedAtItsFirstKeyAndCarriesWhoAndWhereTheHeaderNames() throws IOException {
        AuditEvent sudo = events(read("deploy-with-input.cast")).get(1);
        assertThat(sudo.time()).isEqualTo(START.plusSeconds(1));
        assertThat(sudo.user().name()).isEqualTo("zoe.mueller");
        assertThat(sudo.target().name()).isEqualTo("bastion-01");
        assertThat(sudo.target().kind()).isEqualTo(AuditEvent.TargetKind.HOST);
        assertThat(sudo.sessionId()).isEqualTo("asciicast/deploy-with-input.cast@2026-03-02T10:00:00Z");
    }

    @Test
    void whatCameBackAfterACommandIsItsSearchableOutputWithoutTheEcho() throws IOException {
        List<SourceRecord> r = read("deploy-with-input.cast").stream().filter(x -> !x.isMalformed()).toList();
        assertThat(r.get(1).output()).contains("[sudo] password for zoe:").doesNotContain("restsrt");
        assertThat(r.get(2).output()).contains("Grüße aus Zürich — 東京 ✓");
        assertThat(r.get(0).output()).isEqualTo("zoe@bastion-01:~$ ");
    }

    @Test
    void aBrokenLineIsOneMalformedRecordAndTheOthersImport() throws IOException {
        List<SourceRecord> r = read("deploy-with-input.cast");
        assertThat(r).filteredOn(SourceRecord::isMalformed).singleElement().satisfies(m -> {
            assertThat(m.line()).isEqualTo(85);
            assertThat(m.problem()).isEqualTo("not an event [time, code, data]");
        });
    }

    @Test
    void everyLineOfTheFileIsInExactlyOneRecordInFileOrder() throws IOException {
        List<SourceRecord> r = read("deploy-with-input.cast");
        String joined = String.join("\n", r.stream().sorted(java.util.Comparator.comparingLong(SourceRecord::line))
                .map(x -> new String(x.raw(), StandardCharsets.UTF_8)).toList()) + "\n";
        assertThat(joined).isEqualTo(Samples.resourceText("asciicast/deploy-with-input.cast"));
    }

    @Test
    void aRecordingWithoutInputIsItsStartWithAllItsOutput() throws IOException {
        List<SourceRecord> r = read("no-input.cast");
        assertThat(r).singleElement().satisfies(s -> {
            assertThat(s.event().action()).isEqualTo("session.start");
            assertThat(s.event().user()).isNull();
            assertThat(s.output()).contains("uptime", "load average: 0.42");
        });
    }

    @Test
    void versionThreeCountsIntervalsAndItsExitStatusEndsTheSession() throws IOException {
        List<AuditEvent> e = events(read("exit-v3.cast"));
        assertThat(e).extracting(AuditEvent::action).containsExactly("session.start", "command", "command", "session.end");
        assertThat(e.get(1).command()).isEqualTo("DROP TABLE audit_2023;");
        assertThat(e.get(1).time()).isEqualTo(START.plus(Duration.ofHours(2)).plusMillis(1500));
        assertThat(e.get(3).time()).isEqualTo(START.plus(Duration.ofHours(2)).plusMillis(3560));
        assertThat(e.get(3).outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(e.get(3).reason()).isEqualTo("exit status 1");
    }

    @Test
    void aHeaderWithoutATimestampIsNamedAndItsLinesCounted() throws IOException {
        List<SourceRecord> r = Samples.readText(FORMAT, "{\"version\": 2, \"width\": 80, \"height\": 24}\n"
                + "[0.1, \"o\", \"a\"]\n[0.2, \"o\", \"b\"]\n");
        assertThat(r).singleElement().satisfies(m -> assertThat(m.problem()).isEqualTo("not an asciicast recording: the"
                + " header has no \"timestamp\": the recording cannot be placed in time; its 2 event lines are not read"));
    }

    @Test
    void theTranscriptFromTheRecordsRawBytesInterleavesTypedLinesAndOutput() throws IOException {
        List<SourceRecord> r = read("deploy-with-input.cast").stream().filter(x -> !x.isMalformed()).toList();
        Transcript t = AsciicastFormat.transcript("s", r.stream().map(SourceRecord::raw).toList());
        assertThat(t.entries()).extracting(Entry::kind).containsExactly(Kind.OUTPUT, Kind.INPUT, Kind.OUTPUT, Kind.INPUT,
                Kind.OUTPUT, Kind.INPUT, Kind.OUTPUT);
        assertThat(t.entries()).filteredOn(x -> x.kind() == Kind.INPUT).extracting(Entry::text)
                .containsExactly("sudo systemctl restart payments", "cat /etc/motd", "exit");
        assertThat(t.entries().get(4).text()).startsWith("\nGrüße aus Zürich — 東京 ✓\n");
        assertThat(t.elapsed(t.entries().get(1))).isEqualTo(Duration.ofSeconds(1));
    }
}
