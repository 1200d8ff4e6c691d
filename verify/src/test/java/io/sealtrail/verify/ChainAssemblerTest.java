package io.sealtrail.verify;

import static io.sealtrail.verify.conformance.ConformanceKit.CP3;
import static io.sealtrail.verify.conformance.ConformanceKit.SEG0;
import static io.sealtrail.verify.conformance.ConformanceKit.SEG3;
import static io.sealtrail.verify.testing.Bundles.describe;
import static io.sealtrail.verify.testing.Bundles.findings;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.model.Finding;
import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Location;
import io.sealtrail.model.Verdict;
import io.sealtrail.verify.bundle.Manifest;
import io.sealtrail.verify.conformance.ConformanceKit;
import io.sealtrail.verify.testing.Bundles;
import io.sealtrail.verify.testing.KeyHolder;
import io.sealtrail.verify.testing.Tamper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What is checked where one segment meets the next, and at the end of the events, on the conformance
 * kit's PLAIN bundle: seq 0-2 in {@code SEG0}, seq 3-5 in {@code SEG3}, checkpoints at 3 and 6, heartbeats
 * (interval 60 s) at seq 3 (06:01:00) and seq 5 (06:02:00), the first event at 06:00:12.671825. Most
 * changes are re-sealed with the log key, so only the boundary check can catch them.
 */
class ChainAssemblerTest {
    static final String FIRST_TIME = "2026-03-02T06:00:12.671825Z";

    @TempDir
    static Path shared;
    static Path plain;

    @TempDir
    Path tmp;

    @BeforeAll
    static void generate() throws Exception {
        plain = ConformanceKit.generate(ConformanceKit.Base.PLAIN, shared.resolve("plain"));
    }

    private Tamper copy() throws Exception {
        return Tamper.copyOf(plain, tmp.resolve("copy"));
    }

    private static VerificationReport verify(Path bundle) throws Exception {
        return Bundles.verify(bundle, VerifyOptions.trusting(List.of(ConformanceKit.key().verifierKey())));
    }

    /** Re-seals the events (prev, checkpoints, final checkpoint) and then the manifest with {@code edit} applied. */
    private static void reseal(Tamper t, UnaryOperator<Manifest> edit) throws Exception {
        KeyHolder.events(t.dir(), ConformanceKit.key());
        KeyHolder.manifest(t.dir(), ConformanceKit.key(), edit);
    }

    private static UnaryOperator<Manifest> heartbeatEvery(long seconds) {
        return m -> new Manifest(m.formatVersion(), m.origin(), m.bundleId(), m.created(), m.producer(), m.timeFrom(),
                m.timeTo(), m.start(), m.end(), seconds, m.checkpointInterval(), m.keys(), m.previous(),
                m.compactRange(), m.finalCheckpoint(), m.files());
    }

    private static String seq(String line, long seq) {
        return line.replaceFirst("\"seq\":[0-9]+", "\"seq\":" + seq);
    }

    private static String flipOutcome(String line) {
        return line.contains("\"outcome\":\"success\"") ? line.replace("\"outcome\":\"success\"", "\"outcome\":\"failure\"")
                : line.replaceFirst("\"outcome\":\"[a-z]+\"", "\"outcome\":\"success\"");
    }

    private static Finding only(VerificationReport r, FindingCode code) {
        List<Finding> f = findings(r, code);
        assertThat(f).as("one %s in%n%s", code, describe(r)).hasSize(1);
        return f.get(0);
    }

    @Test
    void aSegmentThatDoesNotStartWhereTheManifestSaysIsARangeMismatchAtThatSegment() throws Exception {
        Path b = copy().deleteLine(SEG0, 2).dir();

        VerificationReport r = verify(b);

        assertThat(findings(r, FindingCode.RANGE_MISMATCH)).as(describe(r))
                .filteredOn(f -> f.location().equals(Location.file(SEG3)))
                .singleElement().satisfies(f -> {
                    assertThat(f.message()).startsWith("the manifest says this segment starts at leaf 3, but it follows"
                            + " leaf 1: first leaf");
                    assertThat(f.details()).containsEntry("expected", "2").containsEntry("found", "3");
                });
    }

    @Test
    void aLaterSegmentWhoseFirstSeqIsZeroGoesBackwards() throws Exception {
        Tamper t = copy().editLine(SEG3, 1, l -> seq(l, 0));
        reseal(t, UnaryOperator.identity());

        VerificationReport r = verify(t.dir());

        Finding f = only(r, FindingCode.SEQ_OUT_OF_ORDER);
        assertThat(f.location()).isEqualTo(Location.line(SEG3, 1, 0));
        assertThat(f.message()).startsWith("first seq of the segment");
        assertThat(f.details()).containsEntry("expected", "3").containsEntry("found", "0");
    }

    @Test
    void theNextSegmentIsCheckedAgainstTheLastSeqActuallySeen() throws Exception {
        Tamper t = copy().editLine(SEG0, 3, l -> seq(l, 5));
        reseal(t, UnaryOperator.identity());

        VerificationReport r = verify(t.dir());

        assertThat(only(r, FindingCode.SEQ_GAP).location()).isEqualTo(Location.line(SEG0, 3, 5));
        Finding back = only(r, FindingCode.SEQ_OUT_OF_ORDER);
        assertThat(back.location()).isEqualTo(Location.line(SEG3, 1, 3));
        assertThat(back.details()).containsEntry("expected", "6").containsEntry("found", "3");
    }

    @Test
    void theNextSegmentFollowsTheLastSeqSeenEvenWhenItWentBackTo0() throws Exception {
        Tamper t = copy().editLine(SEG0, 3, l -> seq(l, 0));
        reseal(t, UnaryOperator.identity());

        VerificationReport r = verify(t.dir());

        assertThat(only(r, FindingCode.SEQ_OUT_OF_ORDER).location()).isEqualTo(Location.line(SEG0, 3, 0));
        Finding gap = only(r, FindingCode.SEQ_GAP);
        assertThat(gap.location()).isEqualTo(Location.line(SEG3, 1, 3));
        assertThat(gap.details()).containsEntry("expected", "1").containsEntry("found", "3");
    }

    @Test
    void aSegmentWithoutAReadableSeqStillAdvancesTheSeqByItsLines() throws Exception {
        Tamper t = copy();
        for (int line = 1; line <= 3; line++) {
            t.editLine(SEG0, line, l -> l.replaceFirst("\"seq\":[0-9]+", "\"seq\":\"unknown\""));
        }
        reseal(t, UnaryOperator.identity());

        VerificationReport r = verify(t.dir());

        assertThat(r.findings()).as(describe(r)).extracting(Finding::code)
                .containsOnly(FindingCode.FIELD_INVALID).hasSize(3);
    }

    @Test
    void aHeartbeatTooLongAfterTheFirstEventIsAGapAtTheSegmentItOpens() throws Exception {
        Tamper t = copy();
        KeyHolder.manifest(t.dir(), ConformanceKit.key(), heartbeatEvery(30));

        VerificationReport r = verify(t.dir());

        // 47 s from the first event to the first heartbeat, at the start of SEG3; then 60 s inside SEG3
        List<Finding> gaps = findings(r, FindingCode.HEARTBEAT_GAP);
        assertThat(gaps).as(describe(r)).extracting(Finding::location)
                .containsExactly(Location.line(SEG3, 1, 3), Location.line(SEG3, 3, 5));
        assertThat(gaps.get(0).message()).isEqualTo("no heartbeat for 47 s between " + FIRST_TIME
                + " and 2026-03-02T06:01:00Z (limit 45 s)");
        assertThat(gaps.get(0).details()).containsEntry("from", FIRST_TIME).containsEntry("to", "2026-03-02T06:01:00Z");
    }

    @ParameterizedTest
    @CsvSource({"2026-03-02T06:02:31Z, 1", "2026-03-02T06:02:30Z, 0"})
    void eventsThatGoOnTooLongAfterTheLastHeartbeatEndInAGap(String lastTime, int gaps) throws Exception {
        // seq 5 is no heartbeat now, so the last one is seq 3 at 06:01:00; the limit is 90 s
        Tamper t = copy().editLine(SEG3, 3, l -> l.replace("\"log.heartbeat\"", "\"command\""));
        ConformanceKit.setTime(t, SEG3, 3, lastTime);
        reseal(t, m -> ConformanceKit.withTimeTo(m, Instant.parse(lastTime)));

        VerificationReport r = verify(t.dir());

        assertThat(findings(r, FindingCode.HEARTBEAT_GAP)).as(describe(r)).hasSize(gaps)
                .allSatisfy(f -> {
                    assertThat(f.location()).isEqualTo(Location.BUNDLE);
                    assertThat(f.message()).isEqualTo("no heartbeat for 91 s between 2026-03-02T06:01:00Z and "
                            + lastTime + " (limit 90 s)");
                });
        assertThat(r.findings()).as(describe(r)).extracting(Finding::code).isSubsetOf(FindingCode.HEARTBEAT_GAP);
    }

    @Test
    void anEditToTheVeryFirstEventIsProvenByTheCheckpointsAfterIt() throws Exception {
        Path b = copy().editLine(SEG0, 1, ChainAssemblerTest::flipOutcome).dir();

        VerificationReport r = verify(b);

        assertThat(only(r, FindingCode.EVENT_ALTERED).location()).isEqualTo(Location.line(SEG0, 1, 0));
        assertThat(findings(r, FindingCode.CHECKPOINT_ROOT_MISMATCH)).as(describe(r)).hasSize(2)
                .allSatisfy(f -> assertThat(f.message()).contains(
                        " — with the altered events' signed hashes restored it matches, so only they changed"));
    }

    @Test
    void anEditAfterTheLastCheckpointTheEditsExplainIsNotClaimedProven() throws Exception {
        // seq 1 and 3 edited, each named by the next prev; seq 5, the last, has no next prev, so the root at 6
        // cannot be explained: only the edit before 3 is proven, not the one at leaf 3
        Path b = copy().editLine(SEG0, 2, ChainAssemblerTest::flipOutcome).editLine(SEG3, 1, ChainAssemblerTest::flipOutcome)
                .editLine(SEG3, 3, ChainAssemblerTest::flipOutcome).dir();

        VerificationReport r = verify(b);

        assertThat(only(r, FindingCode.EVENT_ALTERED).location()).isEqualTo(Location.line(SEG0, 2, 1));
        assertThat(findings(r, FindingCode.CHECKPOINT_ROOT_MISMATCH)).as(describe(r))
                .extracting(f -> f.location().file(), f -> f.message().contains("restored it matches"))
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(CP3, true),
                        org.assertj.core.groups.Tuple.tuple(Tamper.checkpoint(6), false));
        assertThat(r.verdict()).isEqualTo(Verdict.INTEGRITY_FAILURE);
    }

    @ParameterizedTest
    @CsvSource({"0, 0 s", "119, 119 s", "120, 2 min", "7199, 119 min", "7200, 2.0 h", "9000, 2.5 h"})
    void durationsAreShownInTheUnitThatReadsBest(long seconds, String shown) {
        assertThat(ChainAssembler.human(Duration.ofSeconds(seconds))).isEqualTo(shown);
    }
}
