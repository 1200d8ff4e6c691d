package io.sealtrail.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.index.TestBundles.Fixture;
import io.sealtrail.sources.Transcript;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A session of one of our bundles has no recording: its transcript is what its events say was typed. */
class SessionDetailTest {
    private static EventSearch search;

    @BeforeAll
    static void open() throws Exception {
        Fixture fixture = TestBundles.shared();
        search = EventSearch.open(List.of(fixture.index()));
    }

    @AfterAll
    static void close() throws Exception {
        search.close();
    }

    @Test
    void aBundleSessionsTranscriptIsItsCommandsAndQueriesInTimeOrder() throws Exception {
        Hit command = search.search(EventQuery.of("command:* AND session.id:*"), 1, null).hits().get(0);

        SessionDetail d = SessionDetail.load(search, command.sessionId());

        assertThat(d.recorded()).isFalse();
        List<Hit> typed = d.events().stream().filter(h -> h.command() != null || h.query() != null).toList();
        assertThat(d.transcript().entries()).extracting(Transcript.Entry::text)
                .containsExactlyElementsOf(typed.stream().map(h -> h.command() != null ? h.command() : h.query()).toList());
        assertThat(d.transcript().entries()).allMatch(e -> e.kind() == Transcript.Kind.INPUT);
        assertThat(d.events()).allMatch(h -> command.sessionId().equals(h.sessionId()));
        assertThat(d.events()).extracting(Hit::time).isSorted();
    }
}
