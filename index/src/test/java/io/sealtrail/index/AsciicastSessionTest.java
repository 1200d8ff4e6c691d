package io.sealtrail.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.sources.Transcript;
import io.sealtrail.sources.asciicast.AsciicastFormat;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An asciicast recording imported as a source: searchable by what was typed and printed, and replayable as a session. */
class AsciicastSessionTest {
    @TempDir
    static Path dir;
    private static EventSearch search;

    @BeforeAll
    static void build() throws Exception {
        search = SourceIndexes.open(new AsciicastFormat(), "asciicast/deploy-with-input.cast", dir);
    }

    @AfterAll
    static void close() throws Exception {
        search.close();
    }

    @Test
    void wordsPrintedAfterACommandFindThatCommand() throws Exception {
        assertThat(search.search(EventQuery.of("session.output:zürich"), 10, null).hits()).singleElement()
                .satisfies(h -> assertThat(h.command()).isEqualTo("cat /etc/motd"));
    }

    @Test
    void theSessionOpensWithTheRecordingReadAgainFromItsRecords() throws Exception {
        String id = search.search(EventQuery.of("command:motd"), 1, null).hits().get(0).sessionId();

        SessionDetail d = SessionDetail.load(search, id);

        assertThat(d.recorded()).isTrue();
        assertThat(d.transcript().entries()).filteredOn(e -> e.kind() == Transcript.Kind.INPUT)
                .extracting(Transcript.Entry::text).containsExactly("sudo systemctl restart payments", "cat /etc/motd", "exit");
    }
}
