package io.sealtrail.app.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.index.EventStanding;
import io.sealtrail.index.Hit;
import io.sealtrail.index.Integrity;
import io.sealtrail.model.Verdict;
import org.junit.jupiter.api.Test;

/** The detail pane says what an event's standing means for where it came from: checkpoints, or signed files. */
class IntegrityWordsTest {

    private static Hit hit(Integrity i, String format) {
        return new Hit("b", 0, 0, null, null, null, null, null, null, null, null, null, i, "", "f", 1, "", false, format);
    }

    @Test
    void aBundlesProvenEventSaysWhatTheStandingMeans() {
        assertThat(EventDetailController.explain(hit(Integrity.VERIFIED, "sealtrail"), EventStanding.PROVEN))
                .isEqualTo(EventStanding.PROVEN.meaning());
    }

    @Test
    void aCloudTrailRecordUnderATrustedDigestIsInAFileEvidenceSignedByATrustedKeyLists() {
        assertThat(EventDetailController.explain(hit(Integrity.VERIFIED, "cloudtrail"), EventStanding.PROVEN))
                .isEqualTo("its file is listed, with the SHA-256 it has, in evidence signed by a key you trust (cloudtrail)");
    }

    @Test
    void aCloudTrailRecordUnderAnUntrustedDigestSaysNoTrustedKeySignedIt() {
        assertThat(EventDetailController.explain(hit(Integrity.VERIFIED, "cloudtrail"), EventStanding.PROVEN_UNTRUSTED))
                .contains("no key you trust signed it");
    }

    @Test
    void aRecordOfAnUnsealedSourceSaysItCarriesNoIntegrityEvidence() {
        assertThat(EventDetailController.explain(hit(Integrity.UNSEALED, "syslog"), EventStanding.NO_EVIDENCE))
                .isEqualTo(Verdict.NO_EVIDENCE);
    }
}
