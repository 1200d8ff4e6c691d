package io.sealtrail.verify;

import static io.sealtrail.verify.testing.Bundles.describe;
import static io.sealtrail.verify.testing.Bundles.findings;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Verdict;
import io.sealtrail.verify.conformance.ConformanceKit;
import io.sealtrail.verify.testing.Bundles;
import io.sealtrail.verify.testing.KeyHolder;
import io.sealtrail.verify.testing.Tamper;
import io.sealtrail.verify.trust.SeenCheckpoint;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A log that shows one history to one export and another to the next is caught from what the auditor
 * verified before (issue 11, item 5). The exports: {@code base} holds leaves [0, 800); {@code a} and
 * {@code b} both continue it, so they agree up to 800 and differ after: {@code a} is [800, 1000), {@code b}
 * [800, 1500); {@code bShort} is b's history to 1000 and {@code afterB} continues that at 1000.
 */
class ForkDetectionTest {
    static final long KEY_SEED = 21;
    static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @TempDir
    static Path dir;
    static Path base;
    static Path a;
    static Path b;
    static Path afterA;
    static Path afterB;

    @BeforeAll
    static void generate() throws Exception {
        base = Bundles.generate(dir.resolve("base"), Bundles.options(800, KEY_SEED, 200, 400));
        a = Bundles.generate(dir.resolve("a"), continuing(base, 200, 31));
        b = Bundles.generate(dir.resolve("b"), continuing(base, 700, 32));
        Path bShort = Bundles.generate(dir.resolve("b-short"), continuing(base, 200, 32));
        afterA = Bundles.generate(dir.resolve("after-a"), continuing(a, 300, 33));
        afterB = Bundles.generate(dir.resolve("after-b"), continuing(bShort, 300, 33));
    }

    static io.sealtrail.verify.gen.BundleGenerator.Options continuing(Path previous, long events, long seed) {
        return Bundles.options(events, seed, 200, 400).withSigner(Bundles.signer(KEY_SEED)).withPrevious(previous);
    }

    @Test
    void anExportThatDisagreesWithARememberedCheckpointInsideItsRangeIsAFork() throws Exception {
        VerificationReport r = verify(b, remembered(a));
        assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.INTEGRITY_FAILURE);
        assertThat(findings(r, FindingCode.LOG_FORKED)).as(describe(r)).singleElement().satisfies(f -> {
            assertThat(f.location().file()).isEqualTo("checkpoints/1000.checkpoint");
            assertThat(f.message()).contains("tree size 1000", a.getFileName().toString(),
                    "this bundle's signed checkpoint gives another root");
        });
        assertThat(r.failureSummary()).isEqualTo("the log showed another history before: it forked");
    }

    @Test
    void theForkIsFoundWhenTheLongerExportWasVerifiedFirst() throws Exception {
        VerificationReport r = verify(a, remembered(b));
        assertThat(findings(r, FindingCode.LOG_FORKED)).as(describe(r)).singleElement()
                .satisfies(f -> assertThat(f.location().file()).isEqualTo("checkpoints/1000.checkpoint"));
    }

    @Test
    void aRememberedCheckpointAfterTheRangeIsSaidToBeUnchecked() throws Exception {
        List<SeenCheckpoint> onlyLast = remembered(afterA).stream().filter(c -> c.size() == 1300).toList();
        VerificationReport r = verify(a, onlyLast);
        assertThat(findings(r, FindingCode.FORK_NOT_CHECKED)).as(describe(r)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("tree size 1300", "you verified a later export"));
    }

    @Test
    void anExportThatStartsExactlyAtARememberedCheckpointMustContinueIt() throws Exception {
        VerificationReport forked = verify(afterB, remembered(a));
        assertThat(findings(forked, FindingCode.LOG_FORKED)).as(describe(forked)).singleElement()
                .satisfies(f -> assertThat(f.location().file()).isEqualTo("manifest.json"));
        VerificationReport continued = verify(afterA, remembered(a));
        assertThat(continued.verdict()).as(describe(continued)).isEqualTo(Verdict.VERIFIED);
        assertThat(findings(continued, FindingCode.LOG_FORKED)).isEmpty();
        assertThat(findings(continued, FindingCode.FORK_NOT_CHECKED)).isEmpty();
    }

    @Test
    void exportsThatAgreeUpToTheirCommonSizeAreNotAFork() throws Exception {
        VerificationReport r = verify(b, remembered(base));
        assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.VERIFIED);
        assertThat(findings(r, FindingCode.LOG_FORKED)).isEmpty();
        assertThat(findings(r, FindingCode.FORK_NOT_CHECKED)).isEmpty();
    }

    @Test
    void aRememberedCheckpointBeforeTheRangeIsSaidToBeUnchecked() throws Exception {
        VerificationReport r = verify(afterA, remembered(base));
        assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.VERIFIED);
        assertThat(findings(r, FindingCode.FORK_NOT_CHECKED)).as(describe(r)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("4 checkpoint(s)", "tree size 800",
                        "verify the exports in between"));
    }

    @Test
    void checkpointsOfAnotherLogAreNotCompared() throws Exception {
        SeenCheckpoint other = new SeenCheckpoint("other.example/log", 1000, remembered(base).get(0).rootHash(),
                "other", NOW, "elsewhere");
        VerificationReport r = verify(b, List.of(other));
        assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.VERIFIED);
        assertThat(findings(r, FindingCode.LOG_FORKED)).isEmpty();
        assertThat(findings(r, FindingCode.FORK_NOT_CHECKED)).isEmpty();
    }

    @Test
    void onlyACheckpointSignedByATrustedKeyAndReproducedIsWorthRemembering() throws Exception {
        assertThat(Bundles.verify(a, VerifyOptions.trusting(List.of())).worthRemembering("a", NOW)).isEmpty();
        assertThat(verify(a, List.of()).worthRemembering("a", NOW)).extracting(SeenCheckpoint::size)
                .containsExactly(1000L);
        assertThat(verify(b, List.of()).worthRemembering("b", NOW)).extracting(SeenCheckpoint::size)
                .containsExactly(1000L, 1200L, 1400L, 1500L);
    }

    @Test
    void aRememberedSizeThatIsNoCheckpointOfTheBundleIsReadFromItsEvents() throws Exception {
        // b's checkpoints every 300 leaves (900, 1200, 1500) do not include the remembered 1000: the root there
        // comes from the events, vouched for by the signed checkpoint at 1200 that they reproduce
        Path sparse = Bundles.generate(dir.resolve("b-sparse"), Bundles.options(700, 32, 300, 400)
                .withSigner(Bundles.signer(KEY_SEED)).withPrevious(base));
        VerificationReport forked = verify(sparse, remembered(a));
        assertThat(findings(forked, FindingCode.LOG_FORKED)).as(describe(forked)).singleElement()
                .satisfies(f -> assertThat(f.location().file()).isEqualTo("checkpoints/1200.checkpoint"));
        Path agreeing = Bundles.generate(dir.resolve("a-sparse"), Bundles.options(500, 31, 300, 400)
                .withSigner(Bundles.signer(KEY_SEED)).withPrevious(base));
        VerificationReport same = verify(agreeing, remembered(a));
        assertThat(same.verdict()).as(describe(same)).isEqualTo(Verdict.VERIFIED);
        assertThat(findings(same, FindingCode.LOG_FORKED)).isEmpty();
        assertThat(findings(same, FindingCode.FORK_NOT_CHECKED)).isEmpty();
    }

    @Test
    void aRememberedSizeBetweenCheckpointsIsReadFromTheEventsAsSignedWhenAnEventWasAltered() throws Exception {
        // a-sparse agrees with a; its event at seq 850 is edited after signing, and the checkpoints at 900 and 1200
        // match only with its signed hash restored: the root at the remembered 1000 is read the same way
        Path agreeing = Bundles.generate(dir.resolve("a-sparse-altered"), Bundles.options(500, 31, 300, 400)
                .withSigner(Bundles.signer(KEY_SEED)).withPrevious(base));
        Tamper.copyOf(agreeing, dir.resolve("a-sparse-edited")).editLine(Tamper.segment(800), 51,
                l -> l.replaceFirst("\"outcome\":\"[a-z]+\"", "\"outcome\":\"denied\""));
        VerificationReport r = verify(dir.resolve("a-sparse-edited"), remembered(a));
        assertThat(findings(r, FindingCode.EVENT_ALTERED)).as(describe(r)).singleElement()
                .satisfies(f -> assertThat(f.location().seq()).isEqualTo(850));
        assertThat(findings(r, FindingCode.LOG_FORKED)).as(describe(r)).isEmpty();
        assertThat(findings(r, FindingCode.FORK_NOT_CHECKED)).as(describe(r)).isEmpty();
    }

    @Test
    void aRememberedCheckpointAtTheStartOfAnExportWhoseCompactRangeIsBrokenLiesBeforeIt() throws Exception {
        Path broken = Tamper.copyOf(afterA, dir.resolve("after-a-broken-range")).dir();
        KeyHolder.manifest(broken, Bundles.signer(KEY_SEED), m -> ConformanceKit.withCompactRange(m,
                List.of(m.compactRange().get(0))));
        List<SeenCheckpoint> at1000 = remembered(a).stream().filter(c -> c.size() == 1000).toList();
        VerificationReport r = verify(broken, at1000);
        assertThat(findings(r, FindingCode.COMPACT_RANGE_INVALID)).as(describe(r)).isNotEmpty();
        assertThat(findings(r, FindingCode.FORK_NOT_CHECKED)).as(describe(r)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("tree size 1000", "lies before it"));
    }

    private static List<SeenCheckpoint> remembered(Path bundle) throws Exception {
        return verify(bundle, List.of()).worthRemembering(bundle.getFileName().toString(), NOW);
    }

    private static VerificationReport verify(Path bundle, List<SeenCheckpoint> seen) throws Exception {
        return Bundles.verify(bundle, Bundles.trusting(KEY_SEED).withSeen(seen));
    }
}
