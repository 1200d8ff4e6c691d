package io.sealtrail.sources.hoop;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.sources.Head;
import io.sealtrail.sources.Samples;
import io.sealtrail.sources.SourceFormat;
import io.sealtrail.sources.SourceFormats;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HoopDetectionTest {
    private static final List<String> HOOP = List.of("hoop/sessions.json", "hoop/sessions-page.json",
            "hoop/session-one.json", "hoop/sessions.jsonl", "hoop/sessions-bad-line.jsonl", "hoop/audit-logs.json");
    private static final List<String> OTHERS = List.of("teleport/generated-events.jsonl",
            "kubernetes-audit/generated-stages.jsonl", "jsonl-mapped/okta-system-log.jsonl",
            "jsonl-mapped/bastion-sessions.csv", "teleport/teleport_audit.jsonl");

    @Test
    void everyLayoutOfSessionsAndTheAuditLogIsDetectedAsHoop() {
        assertThat(HOOP).allSatisfy(r -> assertThat(SourceFormats.recognize(Samples.headOfResource(r)))
                .map(SourceFormat::name).as(r).contains(HoopFormat.NAME));
    }

    @Test
    void otherFormatsSamplesAreNotHoop() {
        assertThat(OTHERS).noneMatch(r -> HoopFixtures.FORMAT.recognizes(Samples.headOfResource(r)));
    }

    @Test
    void aSessionLongerThanTheHeadIsRecognisedByTheFieldsBeforeItsStream() {
        String start = "[{\"id\":\"s-1\",\"user\":\"a@example.com\",\"connection\":\"pg\",\"verb\":\"exec\","
                + "\"status\":\"done\",\"event_stream\":[[0.1,\"o\",\"" + "QUFB".repeat(Head.MAX_BYTES / 4) + "\"]";
        byte[] b = start.getBytes(StandardCharsets.UTF_8);

        assertThat(HoopFixtures.FORMAT.recognizes(new Head(b, Head.MAX_BYTES, false))).isTrue();
    }

    @Test
    void aListOfSomethingElseIsNotHoop() {
        assertThat(HoopFixtures.FORMAT.recognizes(Head.of(
                "{\"data\":[{\"id\":\"1\",\"name\":\"pgdemo\",\"type\":\"database\"}],\"has_next_page\":false}"))).isFalse();
    }
}
