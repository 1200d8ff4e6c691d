package io.sealtrail.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.verify.bundle.Timestamping;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The demo's recorded timestamps: what a recorder writes is what the demo replays, and nothing else. */
class DemoTimestampsTest {
    private static final String LOG = "gateway.example.com/prod-audit";
    private static final Instant T1 = Instant.parse("2026-03-02T10:12:46.554884Z");
    private static final Instant T2 = Instant.parse("2026-03-03T03:39:01Z");

    /** An authority whose answer names what it was asked, so a mixed-up replay shows. */
    private static Timestamping echo(String origin) {
        return new Timestamping((data, time) -> (origin + "|" + new String(data, StandardCharsets.UTF_8) + "|" + time)
                .getBytes(StandardCharsets.UTF_8), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static DemoTimestamps recordedTwo() {
        DemoTimestamps.Recorder recorder = new DemoTimestamps.Recorder(DemoTimestampsTest::echo);
        Timestamping live = recorder.forLog(LOG);
        live.authority().stamp(bytes("checkpoint one"), T1);
        live.authority().stamp(bytes("checkpoint two"), T2);
        return DemoTimestamps.parse(recorder.text());
    }

    @Test
    void aReplayAnswersWhatTheAuthorityAnsweredWhenRecorded() {
        Timestamping replay = recordedTwo().forLog(LOG);

        assertThat(replay.authority().stamp(bytes("checkpoint two"), T2)).isEqualTo(echo(LOG).authority()
                .stamp(bytes("checkpoint two"), T2));
        assertThat(replay.authority().stamp(bytes("checkpoint one"), T1)).isEqualTo(echo(LOG).authority()
                .stamp(bytes("checkpoint one"), T1));
        assertThat(replay.chainPem()).isEqualTo(echo(LOG).chainPem());
    }

    @Test
    void aCheckpointThatWasNotRecordedSaysTheDemoChangedAndHowToRecordAgain() {
        Timestamping replay = recordedTwo().forLog(LOG);

        assertThatThrownBy(() -> replay.authority().stamp(bytes("checkpoint three"), T1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the demo's evidence changed")
                .hasMessageContaining("io.sealtrail.tools.demo.RecordDemoTimestamps");
    }

    @Test
    void aRecordedCheckpointAtAnotherTimeIsNotReplayed() {
        Timestamping replay = recordedTwo().forLog(LOG);

        assertThatThrownBy(() -> replay.authority().stamp(bytes("checkpoint one"), T2))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(T2.toString());
    }

    @Test
    void anotherLogGetsNoneOfTheDemosTimestamps() {
        assertThatThrownBy(() -> recordedTwo().forLog("other.example.com/log"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("other.example.com/log");
    }

    @Test
    void theShippedTimestampsAreForTheDemosLog() {
        assertThat(DemoTimestamps.recorded().forLog(LOG).chainPem()).contains("-----BEGIN CERTIFICATE-----");
    }
}
