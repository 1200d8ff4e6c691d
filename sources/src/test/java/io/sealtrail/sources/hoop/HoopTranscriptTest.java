package io.sealtrail.sources.hoop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.sources.SourceRecord;
import io.sealtrail.sources.Transcript;
import io.sealtrail.sources.Transcript.Entry;
import io.sealtrail.sources.Transcript.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A session's transcript, read again from the exact bytes its session.start event came from. */
class HoopTranscriptTest {

    /** The transcript of the session in sessions.json with this id, from its session.start record's raw bytes. */
    private static Transcript transcript(String id) throws IOException {
        List<SourceRecord> records = HoopFixtures.session(r -> id.equals(r.event().sessionId()));
        return HoopFormat.transcript(HoopFixtures.only(records, "session.start").raw());
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anInteractiveSessionInterleavesTheTypedLinesAndTheirOutputInOrder() throws IOException {
        Transcript t = transcript("6c4e6db0-1182-20c1-6eb4-9d132bcbf7a3");
        assertThat(t.entries()).extracting(Entry::kind).containsExactly(Kind.OUTPUT, Kind.INPUT, Kind.OUTPUT, Kind.INPUT,
                Kind.OUTPUT, Kind.INPUT, Kind.OUTPUT, Kind.INPUT, Kind.OUTPUT);
        assertThat(t.entries()).filteredOn(e -> e.kind() == Kind.INPUT).extracting(Entry::text).containsExactly(
                "ls --color=auto /srv/app", "cat /srv/app/shared/config/Grüße.txt",
                "sudo systemctl restart payments-worker", "exit");
    }

    @Test
    void outputIsDecodedWithoutTerminalControlSequencesAndWithLfLineEnds() throws IOException {
        Entry afterCat = transcript("6c4e6db0-1182-20c1-6eb4-9d132bcbf7a3").entries().get(4);
        assertThat(afterCat.text()).startsWith("Grüße aus München — 東京オフィス ✓\nkunde: Jörg Müller\n")
                .doesNotContain("\u001B", "\r");
    }

    @Test
    void entriesAreTimedFromTheSessionStartByTheirElapsedSeconds() throws IOException {
        Transcript t = transcript("6c4e6db0-1182-20c1-6eb4-9d132bcbf7a3");
        assertThat(t.elapsed(t.entries().get(1))).isEqualTo(Duration.ofMillis(3200));
        assertThat(t.elapsed(t.entries().get(8))).isEqualTo(Duration.ofMillis(24010));
    }

    @Test
    void aFailedQueryEndsWithTheGatewaysError() throws IOException {
        Transcript t = transcript("5b6cf238-45e3-cd2e-c285-965f214253d8");
        assertThat(t.entries()).extracting(Entry::kind).containsExactly(Kind.INPUT, Kind.ERROR);
        assertThat(t.entries().get(0).text()).isEqualTo("SELECT * FROM paymnets LIMIT 10;");
        assertThat(t.entries().get(1).text()).contains("relation \"paymnets\" does not exist");
    }

    @Test
    void keystrokesTypedOneByOneAreJoinedIntoTheLineWithBackspaceApplied() throws IOException {
        String stream = "[[1.0,\"i\",\"" + b64("l") + "\"],[1.1,\"i\",\"" + b64("s") + "\"],[1.2,\"i\",\"" + b64("x")
                + "\"],[1.3,\"i\",\"" + b64("\u007f") + "\"],[1.4,\"i\",\"" + b64("\r") + "\"],[1.5,\"o\",\""
                + b64("a  b\r\n") + "\"]]";
        String session = "{\"id\":\"s-1\",\"user\":\"ann@example.org\",\"verb\":\"connect\",\"connection\":\"bastion\","
                + "\"start_date\":\"2026-03-02T10:00:00Z\",\"event_stream\":" + stream + "}";

        Transcript t = HoopFormat.transcript(session.getBytes(StandardCharsets.UTF_8));

        assertThat(t.entries()).extracting(Entry::text).containsExactly("ls", "a  b\n");
        assertThat(t.elapsed(t.entries().get(0))).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aRecordingTheGatewayCutShortSaysSo() throws IOException {
        Transcript t = transcript("66230f44-b206-5723-1bdd-6482a89d9dea");
        assertThat(t.truncated()).isTrue();
        assertThat(t.plainText()).endsWith("(the recorder cut this recording short)\n");
    }

    @Test
    void thePlainTextMarksInputAndGivesEachEntrysOffset() throws IOException {
        String text = transcript("5b6cf238-45e3-cd2e-c285-965f214253d8").plainText();
        assertThat(text).startsWith("[+0.000 s] $ SELECT * FROM paymnets LIMIT 10;\n[+0.051 s] error: ERROR:  relation");
    }

    @Test
    void bytesThatAreNotASessionObjectAreRefused() {
        assertThatThrownBy(() -> HoopFormat.transcript("{\"actor_email\":\"a\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class).hasMessageContaining("not a hoop.dev session");
        assertThatThrownBy(() -> HoopFormat.transcript("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
    }
}
