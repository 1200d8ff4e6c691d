package io.sealtrail.sources.hoop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SessionObjectTest {

    private static SessionObject parse(String json) throws SessionObject.MalformedException {
        return SessionObject.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void chunksDecodeToTheirExactBytesEvenWhenNotUtf8() throws Exception {
        byte[] bytes = {(byte) 0xff, 0x00, 0x1b, '[', 'm', (byte) 0xc3};
        SessionObject s = parse("{\"event_stream\":[[0.5,\"o\",\"" + Base64.getEncoder().encodeToString(bytes) + "\"]]}");

        assertThat(s.chunks()).singleElement().satisfies(c -> assertThat(c.bytes()).isEqualTo(bytes));
    }

    @Test
    void elapsedSecondsKeepTheirExactDecimalValue() throws Exception {
        SessionObject s = parse("{\"event_stream\":[[5e-06,\"i\",\"\"],[0.268589438,\"o\",\"\"]]}");

        assertThat(s.chunks()).extracting(SessionObject.Chunk::elapsedSeconds)
                .containsExactly(new BigDecimal("0.000005"), new BigDecimal("0.268589438"));
    }

    @Test
    void anUnknownChunkTypeIsMalformed() {
        assertThatThrownBy(() -> parse("{\"event_stream\":[[0.1,\"x\",\"\"]]}"))
                .hasMessage("event_stream[0]: unknown type \"x\" (i input, o output, e error)");
    }

    @Test
    void aMemberTwiceIsMalformed() {
        assertThatThrownBy(() -> parse("{\"id\":\"a\",\"id\":\"b\"}")).hasMessage("the member \"id\" appears twice");
    }
}
