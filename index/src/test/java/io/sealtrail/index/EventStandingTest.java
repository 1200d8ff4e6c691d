package io.sealtrail.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.model.Verdict;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** One vocabulary for events: an event's integrity read with its export's verdict. */
class EventStandingTest {

    @Test
    void aVerifiedEventOfAVerifiedExportIsProven() {
        assertThat(EventStanding.of(Integrity.VERIFIED, Verdict.VERIFIED)).isEqualTo(EventStanding.PROVEN);
    }

    @Test
    void aVerifiedEventOfAnExportNobodyTrustsIsNeverCalledProvenAlone() {
        assertThat(EventStanding.of(Integrity.VERIFIED, Verdict.INTACT_UNTRUSTED)).isEqualTo(EventStanding.PROVEN_UNTRUSTED);
    }

    @Test
    void aVerifiedEventOfAnExportWithEditsIsProvenAmidEdits() {
        assertThat(EventStanding.of(Integrity.VERIFIED, Verdict.INTEGRITY_FAILURE)).isEqualTo(EventStanding.PROVEN_AMID_EDITS);
    }

    @Test
    void withoutARecordedVerdictTrustIsNotAssumed() {
        assertThat(EventStanding.of(Integrity.VERIFIED, null)).isEqualTo(EventStanding.PROVEN_UNTRUSTED);
    }

    @Test
    void theExportsVerdictDoesNotSoftenAnAlteredOrUncoveredOrUnsealedEvent() {
        for (Verdict v : Verdict.values()) {
            assertThat(EventStanding.of(Integrity.BROKEN, v)).isEqualTo(EventStanding.ALTERED);
            assertThat(EventStanding.of(Integrity.NOT_COVERED, v)).isEqualTo(EventStanding.NOT_COVERED);
            assertThat(EventStanding.of(Integrity.UNSEALED, v)).isEqualTo(EventStanding.NO_EVIDENCE);
        }
    }

    @Test
    void noEvidenceUsesTheVerdictsOwnWords() {
        assertThat(EventStanding.NO_EVIDENCE.meaning()).isEqualTo(Verdict.NO_EVIDENCE);
    }

    @Test
    void everyStandingHasItsOwnWordsAndStyle() {
        assertThat(Arrays.stream(EventStanding.values()).map(EventStanding::label)).doesNotHaveDuplicates();
        assertThat(Arrays.stream(EventStanding.values()).map(EventStanding::styleClass)).doesNotHaveDuplicates();
    }

    @Test
    void onlyTheProvenStandingsCanHaveAProof() {
        assertThat(Arrays.stream(EventStanding.values()).filter(EventStanding::proven))
                .containsExactly(EventStanding.PROVEN, EventStanding.PROVEN_UNTRUSTED, EventStanding.PROVEN_AMID_EDITS);
    }
}
