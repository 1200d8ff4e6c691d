package io.sealtrail.app.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.index.Hit;
import io.sealtrail.index.Integrity;
import io.sealtrail.model.Verdict;
import org.junit.jupiter.api.Test;

/** The detail pane says what an event's integrity means for where it came from: checkpoints, or signed files. */
class IntegrityWordsTest {

    private static Hit hit(Integrity i, String format) {
        return new Hit("b", 0, 0, null, null, null, null, null, null, null, null, null, i, "", "f", 1, "", false, format);
    }

    @Test
    void aBundlesVerifiedEventIsBelowAReproducedCheckpoint() {
        assertThat(EventDetailController.explain(hit(Integrity.VERIFIED, "sealtrail")))
                .isEqualTo("below a signed checkpoint whose root the events reproduce");
    }

    @Test
    void aCloudTrailVerifiedRecordIsInAFileItsSignedEvidenceLists() {
        assertThat(EventDetailController.explain(hit(Integrity.VERIFIED, "cloudtrail")))
                .isEqualTo("its file is listed, with the SHA-256 it has, in signed evidence that verified (cloudtrail)");
    }

    @Test
    void aRecordOfAnUnsealedSourceSaysItCarriesNoIntegrityEvidence() {
        assertThat(EventDetailController.explain(hit(Integrity.UNSEALED, "syslog"))).isEqualTo(Verdict.NO_EVIDENCE);
    }
}
