package io.sealtrail.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.model.Finding;
import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Location;
import io.sealtrail.model.Severity;
import io.sealtrail.model.Verdict;
import io.sealtrail.verify.bundle.BundleFormatException;
import io.sealtrail.verify.bundle.Manifest;
import io.sealtrail.verify.bundle.ManifestCodec;
import io.sealtrail.verify.conformance.ConformanceKit;
import io.sealtrail.verify.testing.Bundles;
import io.sealtrail.verify.testing.Reseal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The continuity check on its own: the conformance kit's CONTINUED export against its previous export
 * (PLAIN), with one thing about the pair changed at a time, in the manifest or in the previous export's
 * report. Each break is one CONTINUITY_BROKEN at manifest.json that names both values.
 */
class ContinuityChecksTest {
    private static final Location MANIFEST = Location.file(Manifest.MANIFEST);

    @TempDir
    static Path dir;
    static Path previous;
    static VerificationReport previousReport;
    static Manifest continued;

    @BeforeAll
    static void generate() throws Exception {
        previous = ConformanceKit.generate(ConformanceKit.Base.PLAIN, dir.resolve("plain"));
        previousReport = Bundles.verify(previous, VerifyOptions.trusting(List.of(ConformanceKit.key().verifierKey())));
        Path next = ConformanceKit.generate(ConformanceKit.Base.CONTINUED, dir.resolve("continued"));
        continued = ManifestCodec.read(Files.readAllBytes(next.resolve(Manifest.MANIFEST)));
    }

    private static List<Finding> check(Manifest m, VerificationReport prev) {
        return new ContinuityChecks().check(m, previous, p -> {
            assertThat(p).isEqualTo(previous);
            return prev;
        }).kept();
    }

    private static Finding onlyBreak(List<Finding> findings) {
        assertThat(findings).extracting(Finding::code).containsExactly(FindingCode.CONTINUITY_BROKEN);
        assertThat(findings.get(0).location()).isEqualTo(MANIFEST);
        return findings.get(0);
    }

    private static VerificationReport report(Manifest m, Verdict verdict, List<Finding> findings,
                                             VerificationReport.Tail tail) {
        VerificationReport r = previousReport;
        return new VerificationReport(r.bundle(), m, verdict, r.events(), r.segments(), r.eventBytes(), r.checkpoints(),
                r.keys(), findings, tail, r.elapsed());
    }

    private static Manifest.Previous previousWith(String bundleId, byte[] root, String lastEntryHash) {
        Manifest.Previous p = continued.previous();
        return new Manifest.Previous(bundleId, p.treeSize(), root, lastEntryHash);
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    @Test
    void theExportItNamesContinuesWithoutFindings() {
        assertThat(previousReport.verdict()).isEqualTo(Verdict.VERIFIED);

        assertThat(check(continued, previousReport)).isEmpty();
    }

    @Test
    void aPreviousExportThatCannotBeReadBreaksContinuity() {
        List<Finding> f = new ContinuityChecks().check(continued, previous, p -> {
            throw new BundleFormatException(p + ": manifest.json is missing, so this is not a Sealtrail bundle");
        }).kept();

        assertThat(onlyBreak(f).message()).isEqualTo("the previous export cannot be read: " + previous
                + ": manifest.json is missing, so this is not a Sealtrail bundle");
    }

    @Test
    void aPreviousExportThatFailsItselfBreaksContinuityAndSaysHowManyErrors() {
        List<Finding> errors = List.of(Finding.of(FindingCode.CHAIN_BROKEN, Location.BUNDLE, "a"),
                Finding.of(FindingCode.SEQ_GAP, Location.BUNDLE, "b"),
                Finding.of(FindingCode.CONTINUITY_NOT_CHECKED, Location.BUNDLE, "not an error"));
        VerificationReport failed = report(previousReport.manifest(), Verdict.INTEGRITY_FAILURE, errors,
                previousReport.tail());
        assertThat(failed.count(Severity.ERROR)).isEqualTo(2);

        assertThat(onlyBreak(check(continued, failed)).message()).isEqualTo("the previous export " + previous
                + " fails verification itself (2 errors); verify it on its own to see them");
    }

    @Test
    void aPreviousExportWithoutAReadableManifestIsOnlySaidToFail() {
        VerificationReport unreadable = report(null, Verdict.INTEGRITY_FAILURE,
                List.of(Finding.of(FindingCode.MANIFEST_INVALID, MANIFEST, "not JSON")), null);

        assertThat(onlyBreak(check(continued, unreadable)).message()).contains("fails verification itself (1 errors)");
    }

    @Test
    void aManifestThatNamesNoPreviousExportCannotContinueTheOneGiven() {
        assertThat(onlyBreak(check(Reseal.withoutPrevious(continued), previousReport)).message())
                .isEqualTo("the manifest names no previous export, so it cannot continue " + previous);
    }

    @Test
    void aPreviousExportOfAnotherLogBreaksContinuity() {
        Manifest pm = previousReport.manifest();
        Manifest otherLog = new Manifest(pm.formatVersion(), "other.example/log", pm.bundleId(), pm.created(),
                pm.producer(), pm.timeFrom(), pm.timeTo(), pm.start(), pm.end(), pm.heartbeatIntervalSeconds(),
                pm.checkpointInterval(), pm.keys(), pm.previous(), pm.compactRange(), pm.finalCheckpoint(), pm.files());

        Finding f = onlyBreak(check(continued, report(otherLog, Verdict.VERIFIED, List.of(), previousReport.tail())));

        assertThat(f.message()).startsWith("origin of the previous export");
        assertThat(f.details()).containsEntry("expected", Bundles.ORIGIN).containsEntry("found", "other.example/log");
    }

    @Test
    void aPreviousExportWithAnotherBundleIdBreaksContinuity() {
        Manifest.Previous p = continued.previous();
        Manifest m = ConformanceKit.withPrevious(continued, previousWith("another-export", p.rootHash(), p.lastEntryHash()));

        Finding f = onlyBreak(check(m, previousReport));

        assertThat(f.message()).startsWith("previous.bundle_id");
        assertThat(f.details()).containsEntry("expected", "another-export")
                .containsEntry("found", previousReport.manifest().bundleId());
    }

    @Test
    void aPreviousRootOtherThanTheFinalCheckpointsBreaksContinuity() {
        Manifest.Previous p = continued.previous();
        byte[] otherRoot = new byte[32];
        Manifest m = ConformanceKit.withPrevious(continued, previousWith(p.bundleId(), otherRoot, p.lastEntryHash()));

        Finding f = onlyBreak(check(m, previousReport));

        Manifest.TreeHead fin = previousReport.manifest().finalCheckpoint();
        assertThat(f.message()).startsWith("the previous export's final checkpoint (size, root)");
        assertThat(f.details()).containsEntry("expected", "6, " + b64(otherRoot))
                .containsEntry("found", "6, " + b64(fin.rootHash()));
    }

    @Test
    void aFinalCheckpointOfAnotherSizeThanTheStartBreaksContinuity() {
        Manifest pm = previousReport.manifest();
        Manifest.TreeHead fin = pm.finalCheckpoint();
        Manifest shorter = Reseal.withFinalCheckpoint(pm, new Manifest.TreeHead(5, fin.rootHash()));

        Finding f = onlyBreak(check(continued, report(shorter, Verdict.VERIFIED, List.of(), previousReport.tail())));

        assertThat(f.details()).containsEntry("expected", "6, " + b64(continued.previous().rootHash()))
                .containsEntry("found", "5, " + b64(fin.rootHash()));
    }

    @Test
    void aLastEntryHashOtherThanThePreviousExportsLastEventBreaksContinuity() {
        Manifest.Previous p = continued.previous();
        Manifest m = ConformanceKit.withPrevious(continued, previousWith(p.bundleId(), p.rootHash(), "ab".repeat(32)));

        Finding f = onlyBreak(check(m, previousReport));

        assertThat(f.message()).startsWith("entry hash of the previous export's last event");
        assertThat(f.details()).containsEntry("expected", "ab".repeat(32))
                .containsEntry("found", previousReport.tail().lastEntryHash());
    }

    @Test
    void withoutTheLogStateAfterThePreviousExportTheLastEntryHashIsNotCompared() {
        Manifest.Previous p = continued.previous();
        Manifest m = ConformanceKit.withPrevious(continued, previousWith(p.bundleId(), p.rootHash(), "ab".repeat(32)));

        assertThat(check(m, report(previousReport.manifest(), Verdict.VERIFIED, List.of(), null))).isEmpty();
    }

    @Test
    void withoutAPreviousExportAContinuedBundleIsNotChecked() {
        List<Finding> f = new ContinuityChecks().check(continued, null, p -> {
            throw new AssertionError("nothing to verify");
        }).kept();

        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.code()).isEqualTo(FindingCode.CONTINUITY_NOT_CHECKED);
            assertThat(x.message()).isEqualTo("continues export " + continued.previous().bundleId()
                    + " at leaf 6; pass --previous to prove that nothing is missing in between");
        });
    }
}
