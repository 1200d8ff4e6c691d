package io.sealtrail.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

// model has no test dependencies of its own; its first user with tests holds them
class EventRefTest {

    @Test
    void writtenFormReadsBackAsTheSameEvent() {
        EventRef ref = new EventRef("sha256-ab:cd", 42);
        assertThat(ref.toString()).isEqualTo("sha256-ab:cd:42");
        assertThat(EventRef.parse(ref.toString())).isEqualTo(ref);
    }

    @Test
    void textWithoutABundleBeforeTheColonIsNoRef() {
        assertThat(EventRef.parse(null)).isNull();
        assertThat(EventRef.parse("42")).isNull();
        assertThat(EventRef.parse(":42")).isNull();
    }

    @Test
    void aSeqThatIsNoNumberIsRefused() {
        assertThatThrownBy(() -> EventRef.parse("b-1:x")).isInstanceOf(NumberFormatException.class);
    }
}
