package io.sealtrail.verify;

import static io.sealtrail.verify.testing.Bundles.describe;
import static io.sealtrail.verify.testing.Bundles.findings;
import static io.sealtrail.verify.testing.Bundles.trusting;
import static io.sealtrail.verify.testing.Tamper.segment;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.model.Finding;
import io.sealtrail.model.FindingCode;
import io.sealtrail.verify.testing.Bundles;
import io.sealtrail.verify.testing.Tamper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the chain and the signed roots together prove exactly which events were edited. */
class AlterationProofTest {
    static final long SEED = 11;

    @TempDir
    static Path shared;
    static Path fixture;

    @TempDir
    Path tmp;

    @BeforeAll
    static void generate() throws Exception {
        fixture = Bundles.generate(shared.resolve("b"), Bundles.options(1500, SEED, 500, 600));
    }

    private VerificationReport verify(Path b) throws Exception {
        return Bundles.verify(b, trusting(SEED));
    }

    private static String rename(String line) {
        return line.replaceFirst("\"outcome\":\"(success|failure|denied)\"", "\"outcome\":\"X$1\"")
                .replace("\"outcome\":\"Xsuccess\"", "\"outcome\":\"failure\"")
                .replace("\"outcome\":\"Xfailure\"", "\"outcome\":\"success\"")
                .replace("\"outcome\":\"Xdenied\"", "\"outcome\":\"success\"");
    }

    @Test
    void oneEditedEventIsNamedAndEveryOtherEventIsProvenAsSigned() throws Exception {
        Path b = Tamper.copyOf(fixture, tmp.resolve("one")).editLine(segment(0), 101, AlterationProofTest::rename).dir();
        VerificationReport r = verify(b);
        assertThat(findings(r, FindingCode.EVENT_ALTERED)).as(describe(r)).singleElement().satisfies(f -> {
            assertThat(f.location().seq()).isEqualTo(100);
            assertThat(f.location().file()).isEqualTo(segment(0));
            assertThat(f.location().line()).isEqualTo(101);
        });
        assertThat(r.checkpoints()).allSatisfy(c -> assertThat(c.rootVerifiedWithAlterations()).isTrue());
        assertThat(findings(r, FindingCode.EVENTS_NOT_COVERED)).isEmpty();
    }

    @Test
    void anEditedLastLineOfASegmentIsNamedAcrossTheBoundary() throws Exception {
        Path b = Tamper.copyOf(fixture, tmp.resolve("edge")).editLine(segment(0), 600, AlterationProofTest::rename).dir();
        VerificationReport r = verify(b);
        assertThat(findings(r, FindingCode.EVENT_ALTERED)).as(describe(r)).singleElement()
                .satisfies(f -> assertThat(f.location().seq()).isEqualTo(599));
    }

    @Test
    void twoEditedEventsAreBothNamed() throws Exception {
        Path b = Tamper.copyOf(fixture, tmp.resolve("two")).editLine(segment(0), 11, AlterationProofTest::rename)
                .editLine(segment(600), 301, AlterationProofTest::rename).dir();
        VerificationReport r = verify(b);
        assertThat(findings(r, FindingCode.EVENT_ALTERED)).as(describe(r)).extracting(Finding::location)
                .extracting(l -> l.seq()).containsExactly(10L, 900L);
    }

    @Test
    void aDeletedLineIsNeverPassedOffAsAnEdit() throws Exception {
        Path b = Tamper.copyOf(fixture, tmp.resolve("gone")).deleteLine(segment(0), 50).dir();
        VerificationReport r = verify(b);
        assertThat(findings(r, FindingCode.CHAIN_BROKEN)).isNotEmpty();
        assertThat(findings(r, FindingCode.EVENT_ALTERED)).as(describe(r)).isEmpty();
        assertThat(r.checkpoints()).noneSatisfy(c -> assertThat(c.rootVerifiedWithAlterations()).isTrue());
    }
}
