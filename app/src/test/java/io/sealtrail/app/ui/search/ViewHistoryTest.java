package io.sealtrail.app.ui.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.app.ui.session.QueryView;
import io.sealtrail.model.EventRef;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The history of views Back and Forward walk, without the toolkit. */
class ViewHistoryTest {
    private static QueryView typed(String text) {
        return new QueryView(text, List.of(), null, null, null, "");
    }

    @Test
    void backAndForwardWalkTheViewsInTheOrderTheyWereShown() {
        ViewHistory h = new ViewHistory();
        h.visit(typed("a"));
        h.visit(typed("b"));
        h.visit(typed("c"));

        assertThat(h.back().text()).isEqualTo("b");
        assertThat(h.back().text()).isEqualTo("a");
        assertThat(h.back()).isNull();
        assertThat(h.canBack()).isFalse();
        assertThat(h.forward().text()).isEqualTo("b");
        assertThat(h.forward().text()).isEqualTo("c");
        assertThat(h.forward()).isNull();
        assertThat(h.canForward()).isFalse();
    }

    @Test
    void aNewViewAfterGoingBackDropsTheViewsThatWereAhead() {
        ViewHistory h = new ViewHistory();
        h.visit(typed("a"));
        h.visit(typed("b"));
        h.back();
        h.visit(typed("d"));

        assertThat(h.canForward()).isFalse();
        assertThat(h.size()).isEqualTo(2);
        assertThat(h.back().text()).isEqualTo("a");
        assertThat(h.forward().text()).isEqualTo("d");
    }

    @Test
    void theHistoryKeepsTheNewestHundredViewsAndForgetsTheOldest() {
        ViewHistory h = new ViewHistory();
        for (int i = 0; i < 250; i++) {
            h.visit(typed("q" + i));
        }
        assertThat(h.size()).isEqualTo(ViewHistory.MAX).isEqualTo(100);
        QueryView oldest = null;
        for (QueryView v = h.current(); v != null; v = h.back()) {
            oldest = v;
        }
        assertThat(oldest.text()).isEqualTo("q150");
    }

    @Test
    void runningTheSameQueryAgainIsNoNewStep() {
        ViewHistory h = new ViewHistory();
        h.visit(typed("a"));
        h.visit(typed("b"));
        h.visit(typed(" b "));
        assertThat(h.size()).isEqualTo(2);
        assertThat(h.previous().text()).isEqualTo("a");
    }

    @Test
    void aDifferentTimeFilterOrChipIsANewView() {
        ViewHistory h = new ViewHistory();
        h.visit(typed("a"));
        h.visit(new QueryView("a", List.of(), Instant.parse("2026-03-01T00:00:00Z"), null, null, ""));
        h.visit(new QueryView("a", List.of("user.name:\"x\""), Instant.parse("2026-03-01T00:00:00Z"), null, null, ""));
        assertThat(h.size()).isEqualTo(3);
    }

    @Test
    void goingBackReturnsToTheEventThatWasSelectedThere() {
        ViewHistory h = new ViewHistory();
        h.visit(typed("a"));
        h.select(new EventRef("b-1", 7));
        h.visit(QueryView.drill("around b-1:7", List.of("time:[2026-03-01T00:00:00Z TO 2026-03-01T00:05:00Z]"), null, null)
                .selecting(new EventRef("b-1", 7)));
        h.select(new EventRef("b-1", 9));

        assertThat(h.back().selected()).isEqualTo(new EventRef("b-1", 7));
        assertThat(h.forward().selected()).isEqualTo(new EventRef("b-1", 9));
        assertThat(h.current().label()).isEqualTo("around b-1:7");
    }

    @Test
    void aHistoryHoldsAtLeastOneView() {
        assertThatThrownBy(() -> new ViewHistory(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
