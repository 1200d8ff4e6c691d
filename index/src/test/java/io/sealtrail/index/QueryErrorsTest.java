package io.sealtrail.index;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A query mistake is one sentence saying where and what, never Lucene's list of expected tokens. */
class QueryErrorsTest {
    private static EventSearch search;

    @BeforeAll
    static void open() throws Exception {
        search = EventSearch.open(List.of(TestBundles.shared().index()));
    }

    @AfterAll
    static void close() throws Exception {
        search.close();
    }

    private static void rejects(String query, String message) {
        assertThatThrownBy(() -> search.count(EventQuery.of(query))).isInstanceOf(IndexException.class)
                .hasMessage(message);
    }

    @Test
    void fieldWithNothingAfterItAsksForAValue() {
        rejects("user.name:", "nothing after user.name: — give a value, e.g. user.name:alice");
    }

    @Test
    void fieldWithNothingBeforeAClosingParenthesisAsksForAValue() {
        rejects("(event.outcome:failure OR seq: )", "nothing after seq: — give a value, e.g. seq:100");
    }

    @Test
    void unclosedQuoteSaysWhereItOpened() {
        rejects("command:\"kubectl logs", "the quote at column 9 is never closed — end the phrase with \"");
    }

    @Test
    void unclosedParenthesisSaysWhereItOpened() {
        rejects("user.name:(alice OR bob", "the ( at column 11 is never closed — add a )");
    }

    @Test
    void strayClosingParenthesisSaysWhere() {
        rejects("alice) login", "the ) at column 6 has no ( before it");
    }

    @Test
    void misspelledFieldNamesTheNearestOne() {
        rejects("usr.name:alice", "unknown field usr.name — did you mean user.name?"
                + " To search for a word with a colon, quote it: \"usr.name:…\"");
    }

    @Test
    void unknownFieldFarFromAnyListsTheFields() {
        rejects("colour:red", "unknown field colour — the fields are auth.method, auth.mfa, bundle.id, command,"
                + " command.keyword, event.action, event.hash, event.outcome, event.reason, file, integrity, leaf, line,"
                + " query, query.keyword, seq, session.id, session.output, source.format, source.ip, source.port,"
                + " target.account, target.kind, target.name, target.namespace, text, time, user.id, user.name, user.roles,"
                + " user_agent.original. To search for a word with a colon, quote it: \"colour:…\"");
    }

    @Test
    void rangeWithoutToShowsTheForm() {
        rejects("seq:[1 5]", "the range at column 5 needs two ends with TO between them, e.g. seq:[100 TO 200], not [1 5]");
    }

    @Test
    void unclosedRangeShowsTheForm() {
        rejects("time:[2026-03-01 TO 2026-03-02", "the range at column 6 is never closed — end it with ] or },"
                + " e.g. time:[2026-03-01 TO 2026-03-02]");
    }

    @Test
    void otherSyntaxErrorNamesTheColumnAndTheText() {
        rejects("alice AND OR bob", "the query cannot be read at column 11: \"OR\" does not fit there");
    }

    @Test
    void queryEndingInAnOperatorSaysWhatIsMissing() {
        rejects("alice AND", "the query stops too early at column 10 — something is missing after \"alice AND\"");
    }
}
