package io.sealtrail.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.sources.hoop.HoopFormat;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hoop.dev export (the sources module's fixture of 40 sessions) imported the way a source is: what was typed
 * and what came back are searchable, and a statement finds the event of the session that ran it.
 */
class HoopSessionSearchTest {
    @TempDir
    static Path dir;
    private static EventSearch search;

    @BeforeAll
    static void build() throws Exception {
        search = SourceIndexes.open(new HoopFormat(), "hoop/sessions.json", dir);
    }

    @AfterAll
    static void close() throws Exception {
        search.close();
    }

    @Test
    void theStatementFindsTheQueryEventOfTheSessionThatRanIt() throws Exception {
        Page page = search.search(EventQuery.of("\"DROP TABLE\""), 10, null);

        assertThat(page.hits()).singleElement().satisfies(h -> {
            assertThat(h.action()).isEqualTo("db.query");
            assertThat(h.query()).isEqualTo("DROP TABLE audit_archive_2023;");
            assertThat(h.sessionId()).isEqualTo("a985641d-9110-581b-fcbd-4c169ac06515");
            assertThat(h.raw()).isEqualTo("[5e-06,\"i\",\"RFJPUCBUQUJMRSBhdWRpdF9hcmNoaXZlXzIwMjM7\"]");
        });
    }

    @Test
    void wordsOfTheDecodedOutputAreFoundInSessionOutput() throws Exception {
        Page page = search.search(EventQuery.of("session.output:münchen"), 10, null);

        assertThat(page.hits()).singleElement()
                .satisfies(h -> assertThat(h.command()).isEqualTo("cat /srv/app/shared/config/Grüße.txt"));
    }

    @Test
    void aBareWordFindsTheOutputToo() throws Exception {
        assertThat(search.count(EventQuery.of("\"does not exist\""))).isEqualTo(2); // the query's output and the end's reason
    }

    @Test
    void wordsOfTheInputAreNotSessionOutput() throws Exception {
        assertThat(search.count(EventQuery.of("session.output:paymnets"))).isEqualTo(1); // psql echoes the line
        assertThat(search.count(EventQuery.of("session.output:audit_archive_2023"))).isZero();
    }

    @Test
    void theSessionThatRanAStatementOpensWithTheStatementAndWhatCameBack() throws Exception {
        String id = search.search(EventQuery.of("\"DROP TABLE\""), 1, null).hits().get(0).sessionId();

        SessionDetail d = SessionDetail.load(search, id);

        assertThat(d.recorded()).isTrue();
        List<io.sealtrail.sources.Transcript.Entry> entries = d.transcript().entries();
        assertThat(entries).extracting(io.sealtrail.sources.Transcript.Entry::text)
                .startsWith("DROP TABLE audit_archive_2023;");
        assertThat(entries.get(0).kind()).isEqualTo(io.sealtrail.sources.Transcript.Kind.INPUT);
        assertThat(entries.get(1).kind()).isNotEqualTo(io.sealtrail.sources.Transcript.Kind.INPUT);
        assertThat(d.first("session.start")).isNotNull();
        assertThat(d.first("session.end")).isNotNull();
    }

    @Test
    void aRejectedSessionListsItsReviewDecisions() throws Exception {
        String id = search.search(EventQuery.of("event.action:access.reject"), 1, null).hits().get(0).sessionId();

        SessionDetail d = SessionDetail.load(search, id);

        assertThat(d.decisions()).extracting(Hit::action).contains("access.request", "access.reject");
    }

    @Test
    void aSessionIdNoEventHasIsRefusedByName() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SessionDetail.load(search, "no-such-\"session"))
                .isInstanceOf(IndexException.class).hasMessage("no event of session no-such-\"session is in the case");
    }
}
