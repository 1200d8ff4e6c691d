package io.sealtrail.tools.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.demo.DemoBundles;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The demo replays recorded timestamps; they must be exactly what the test TSA answers for the demo today. */
class RecordDemoTimestampsTest {
    @Test
    void theShippedDemoTimestampsAreWhatTheTestTsaAnswersForTheDemo() throws Exception {
        String shipped;
        try (InputStream in = DemoBundles.class.getResourceAsStream("demo-timestamps.txt")) {
            assertThat(in).as("demo-timestamps.txt in the app jar").isNotNull();
            shipped = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }

        assertThat(RecordDemoTimestamps.record())
                .as("record them again with io.sealtrail.tools.demo.RecordDemoTimestamps (see its comment)")
                .isEqualTo(shipped);
    }
}
