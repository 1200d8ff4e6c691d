package io.sealtrail.app.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryAssistTest {
    @Test
    void theWordAtTheCaretCompletesToFieldNames() {
        QueryAssist.Completion c = QueryAssist.complete("event.outcome:denied AND tar", 28);
        assertThat(c.start()).isEqualTo(25);
        assertThat(c.fields()).containsExactly("target.kind", "target.name", "target.account", "target.namespace");
    }

    @Test
    void aValueAfterAColonIsNotCompleted() {
        assertThat(QueryAssist.complete("user.name:us", 12).fields()).isEmpty();
    }

    @Test
    void textInsideQuotesIsNotCompleted() {
        assertThat(QueryAssist.complete("command:\"sudo us", 16).fields()).isEmpty();
    }

    @Test
    void aCompleteFieldNameOffersOnlyLongerOnes() {
        assertThat(QueryAssist.complete("command", 7).fields()).containsExactly("command.keyword");
    }

    @Test
    void everyOfferedFieldIsOneTheIndexKnows() {
        assertThat(QueryAssist.FIELDS).doesNotHaveDuplicates().allMatch(f -> !f.isBlank());
    }

    @Test
    void upAndDownWalkTheHistoryAndDownPastTheNewestClears() {
        QueryAssist a = new QueryAssist();
        a.ran("a");
        a.ran("b");
        a.ran("b");
        a.ran(" ");
        assertThat(a.history()).containsExactly("a", "b");
        assertThat(a.previous()).isEqualTo("b");
        assertThat(a.previous()).isEqualTo("a");
        assertThat(a.previous()).isNull();
        assertThat(a.next()).isEqualTo("b");
        assertThat(a.next()).isEqualTo("");
    }
}
