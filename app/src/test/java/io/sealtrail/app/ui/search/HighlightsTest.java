package io.sealtrail.app.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HighlightsTest {
    @Test
    void valuesPhrasesAndFreeWordsAreTermsOperatorsAndRangesAreNot() {
        assertThat(Highlights.terms("event.outcome:denied AND (user.name:\"zoë.müller\" OR sudo) AND time:[2026-03-01 TO 2026-03-02]"))
                .containsExactlyInAnyOrder("zoë.müller", "denied", "sudo");
    }

    @Test
    void excludedTermsAreNotHighlighted() {
        assertThat(Highlights.terms("NOT event.outcome:success AND -user.name:bob AND target.kind:host"))
                .containsExactly("host");
    }

    @Test
    void aWildcardHighlightsItsFixedPart() {
        assertThat(Highlights.terms("command.keyword:sudo* user.name:zo?")).containsExactly("sudo", "zo");
    }

    @Test
    void spansCoverTheLineExactlyAndMarkMatchesIgnoringCase() {
        String line = "{\"outcome\":\"DENIED\",\"user\":\"bob\"}";
        List<Highlights.Span> spans = Highlights.spans(line, List.of("denied"));
        assertThat(spans.stream().map(s -> line.substring(s.start(), s.end())).collect(Collectors.joining())).isEqualTo(line);
        assertThat(spans).filteredOn(Highlights.Span::highlighted).singleElement()
                .satisfies(s -> assertThat(line.substring(s.start(), s.end())).isEqualTo("DENIED"));
    }

    @Test
    void anEmptyLineHasNoSpans() {
        assertThat(Highlights.spans("", List.of("x"))).isEmpty();
    }
}
