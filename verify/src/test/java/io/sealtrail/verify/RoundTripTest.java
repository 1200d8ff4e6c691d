package io.sealtrail.verify;

import static io.sealtrail.verify.testing.Bundles.describe;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.model.Severity;
import io.sealtrail.model.Verdict;
import io.sealtrail.verify.testing.Bundles;
import io.sealtrail.verify.testing.Tamper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Generate, then verify: every generated bundle, as a directory or a zip, verifies cleanly. */
class RoundTripTest {
    static final long CHECKPOINT_EVERY = 1000;
    static final int SEGMENT = 700;

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} events as {1}")
    @CsvSource({
            "1, dir", "2, dir", "999, dir", "1000, dir", "1001, dir", "5000, dir",
            "1, zip", "2, zip", "999, zip", "1000, zip", "1001, zip", "5000, zip"})
    void generatedBundleVerifies(long events, String layout) throws Exception {
        Path out = tmp.resolve(layout.equals("zip") ? "bundle.zip" : "bundle");
        Bundles.generate(out, Bundles.options(events, 7, CHECKPOINT_EVERY, SEGMENT));

        VerificationReport r = Bundles.verify(out, Bundles.trusting(7));

        assertClean(r, events);
    }

    @Test
    void bundleNamedDotSealtrailIsWrittenAsAZipThatVerifies() throws Exception {
        Path out = Bundles.generate(tmp.resolve("export-1.sealtrail"), Bundles.options(999, 7, CHECKPOINT_EVERY, SEGMENT));

        assertThat(out).isRegularFile();
        assertThat(java.nio.file.Files.readAllBytes(out)).startsWith((byte) 'P', (byte) 'K', (byte) 3, (byte) 4);
        assertClean(Bundles.verify(out, Bundles.trusting(7)), 999);
    }

    @Test
    void zipWithTheBundleInsideOneTopLevelFolderVerifies() throws Exception {
        Path dir = Bundles.generate(tmp.resolve("bundle"), Bundles.options(1001, 7, CHECKPOINT_EVERY, SEGMENT));
        Path zip = Tamper.zip(dir, tmp.resolve("nested.zip"), "audit-2026-03/");

        VerificationReport r = Bundles.verify(zip, Bundles.trusting(7));

        assertClean(r, 1001);
    }

    @Test
    void zipMadeByAnotherToolAtTheRootVerifies() throws Exception {
        Path dir = Bundles.generate(tmp.resolve("bundle"), Bundles.options(999, 7, CHECKPOINT_EVERY, SEGMENT));
        Path zip = Tamper.zip(dir, tmp.resolve("flat.zip"), "");

        assertClean(Bundles.verify(zip, Bundles.trusting(7)), 999);
    }

    private static void assertClean(VerificationReport r, long events) {
        assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.VERIFIED);
        assertThat(r.count(Severity.ERROR) + r.count(Severity.WARNING)).as(describe(r)).isZero();
        assertThat(r.events()).isEqualTo(events);
        assertThat(r.manifest().eventCount()).isEqualTo(events);
        assertThat(r.segments()).isEqualTo((int) ((events + SEGMENT - 1) / SEGMENT));
        assertThat(r.tail().treeSize()).isEqualTo(events);
        assertThat(r.checkpoints()).extracting(VerificationReport.CheckpointSummary::treeSize)
                .containsExactlyElementsOf(expectedCheckpoints(events));
        assertThat(r.checkpoints()).allSatisfy(c -> {
            assertThat(c.rootVerified()).as(c.file()).isTrue();
            assertThat(c.trusted()).as(c.file()).isTrue();
            assertThat(c.signedBy()).as(c.file()).isNotEmpty();
        });
    }

    private static List<Long> expectedCheckpoints(long events) {
        List<Long> sizes = new ArrayList<>();
        for (long s = CHECKPOINT_EVERY; s <= events; s += CHECKPOINT_EVERY) {
            sizes.add(s);
        }
        if (events % CHECKPOINT_EVERY != 0) {
            sizes.add(events);
        }
        return sizes;
    }
}
