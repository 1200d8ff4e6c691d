package io.sealtrail.verify;

import static io.sealtrail.verify.testing.Bundles.describe;
import static io.sealtrail.verify.testing.Bundles.findings;
import static io.sealtrail.verify.testing.Tamper.segment;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Verdict;
import io.sealtrail.verify.testing.Bundles;
import io.sealtrail.verify.testing.Tamper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Segments are scanned in parallel, but the report must not depend on the number of threads. */
class ReportDeterminismTest {
    @TempDir
    static Path shared;
    static Path fixture;
    static final java.util.regex.Pattern PREV = java.util.regex.Pattern.compile("\"prev\":\"([0-9a-f])");

    @TempDir
    Path tmp;

    @BeforeAll
    static void generate() throws Exception {
        fixture = Bundles.generate(shared.resolve("bundle"), Bundles.options(4000, 3, 500, 1000));
    }

    private static VerificationReport verify(Path bundle, int threads) throws Exception {
        return Bundles.verify(bundle, new VerifyOptions(List.of(Bundles.signer(3).verifierKey()), List.of(), null, threads));
    }

    private static java.util.Map<String, Long> perFile(VerificationReport r) {
        return findings(r, FindingCode.CHAIN_BROKEN).stream().collect(java.util.stream.Collectors.groupingBy(
                f -> String.valueOf(f.location().file()), java.util.TreeMap::new, java.util.stream.Collectors.counting()));
    }

    private static List<String> keys(VerificationReport r) {
        return r.findings().stream().map(f -> f.code() + " @ " + f.location() + ": " + f.message()).toList();
    }

    @Test
    void fewFindingsAreTheSameWithOneOrManyThreads() throws Exception {
        Path bundle = Tamper.copyOf(fixture, tmp.resolve("t")).deleteLine(segment(1000), 5).swapWithNext(segment(3000), 7)
                .dir();

        VerificationReport one = verify(bundle, 1);
        assertThat(one.verdict()).isEqualTo(Verdict.INTEGRITY_FAILURE);
        for (int threads : new int[] {2, 4, 8}) {
            assertThat(keys(verify(bundle, threads))).as("threads %d", threads).isEqualTo(keys(one));
        }
    }

    @Test
    void lastLineOfASegmentDeletedIsCaughtAcrossTheBoundary() throws Exception {
        Path bundle = Tamper.copyOf(fixture, tmp.resolve("t")).deleteLine(segment(1000), 1000).dir();

        VerificationReport r = verify(bundle, 2);

        assertThat(r.verdict()).isEqualTo(Verdict.INTEGRITY_FAILURE);
        // seq 1999 is gone: the next segment's first event (seq 2000) follows seq 1998
        assertThat(findings(r, FindingCode.SEQ_GAP)).as(describe(r)).anySatisfy(f -> {
            assertThat(f.location().file()).isEqualTo(segment(2000));
            assertThat(f.location().line()).isEqualTo(1);
        });
        assertThat(findings(r, FindingCode.CHAIN_BROKEN)).as(describe(r)).anySatisfy(f -> {
            assertThat(f.location().file()).isEqualTo(segment(2000));
            assertThat(f.location().line()).isEqualTo(1);
        });
    }

    /** Every line's prev altered in every segment: about 4000 CHAIN_BROKEN findings, over the cap of 1000. */
    @Test
    void overflowingFindingsAreTheSameWithOneOrManyThreads() throws Exception {
        Tamper t = Tamper.copyOf(fixture, tmp.resolve("t"));
        for (long seg = 0; seg < 4000; seg += 1000) {
            // the first hex digit of every prev, plus one (mod 16): still well-formed, never the right hash
            t.editText(segment(seg), s -> PREV.matcher(s).replaceAll(m ->
                    "\"prev\":\"" + Integer.toHexString((Character.digit(m.group(1).charAt(0), 16) + 1) % 16)));
        }

        VerificationReport one = verify(t.dir(), 1);
        assertThat(findings(one, FindingCode.CHAIN_BROKEN)).hasSizeGreaterThan(1000);
        for (int i = 0; i < 5; i++) {
            VerificationReport two = verify(t.dir(), 2);
            assertThat(perFile(two)).as("CHAIN_BROKEN kept per file, run %d with 2 threads", i)
                    .isEqualTo(perFile(one));
            assertThat(keys(two)).as("run %d with 2 threads", i).isEqualTo(keys(one));
        }
    }

}
