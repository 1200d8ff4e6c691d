package io.sealtrail.app.ui.bundles;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.ui.trust.TrustViewModel;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.CaseImporter;
import io.sealtrail.cases.JournalEntry;
import io.sealtrail.model.Finding;
import io.sealtrail.model.FindingCode;
import io.sealtrail.verify.BundleVerifier;
import io.sealtrail.verify.VerifyOptions;
import io.sealtrail.verify.gen.BundleGenerator;
import io.sealtrail.verify.note.NoteSigner;
import io.sealtrail.verify.note.VerifierKey;
import io.sealtrail.verify.trust.TrustStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Verification view of a case's evidence copies checks continuity with the exports the case holds. */
class CaseContinuityViewModelTest {
    private static final Executor NOW = Runnable::run;
    static final long SEED = 7;
    static final NoteSigner AUDITOR = NoteSigner.fromSeed("auditor/test@host", new byte[32]);

    @TempDir
    static Path shared;
    @TempDir
    Path tmp;
    static VerifierKey key;
    static Path first;
    static Path second;
    static Path third;
    /** Continues a shorter export that carries the first export's bundle id, so it does not continue the first. */
    static Path forged;

    @BeforeAll
    static void exports() throws Exception {
        key = BundleGenerator.seededSigner(BundleGenerator.DEFAULT_ORIGIN, SEED).verifierKey();
        BundleGenerator gen = new BundleGenerator();
        first = shared.resolve("export-1.zip");
        second = shared.resolve("export-2.zip");
        third = shared.resolve("export-3.zip");
        gen.generate(first, options(3000), n -> { });
        gen.generate(second, options(3000).withPrevious(first), n -> { });
        gen.generate(third, options(2000).withPrevious(second), n -> { });
        Path shorter = shared.resolve("shorter.zip");
        forged = shared.resolve("forged.zip");
        gen.generate(shorter, options(2500), n -> { });
        gen.generate(forged, options(3000).withPrevious(shorter), n -> { });
    }

    static BundleGenerator.Options options(long events) {
        return BundleGenerator.Options.defaults(events, SEED).withLayout(1000, 2000);
    }

    /** The evidence copies of a case holding these exports, in import order. */
    List<Path> copies(Path... bundles) throws Exception {
        CaseFolder c = CaseFolder.create(tmp.resolve("case"), "test", Clock.systemUTC());
        c.journal().append(AUDITOR, JournalEntry.CASE_CREATED, Map.of("name", "test"));
        for (Path b : bundles) {
            new CaseImporter().importBundle(c, b, VerifyOptions.trusting(List.of(key)), AUDITOR,
                    CaseImporter.Progress.NONE, () -> false);
        }
        return c.bundles().stream().map(r -> r.evidence(c.bundleDir(r.bundleId()))).toList();
    }

    /** The findings the Verification view shows for one copy. */
    List<Finding> shown(Path copy) {
        TrustViewModel trust = new TrustViewModel(new TrustStore(tmp.resolve("config").resolve(TrustStore.FILE_NAME)),
                NOW, NOW);
        WorkbenchViewModel vm = new WorkbenchViewModel(new BundleVerifier()::verify, trust, NOW, NOW, 2);
        vm.setDemo(true); // keeps these made-up logs out of the remembered checkpoints
        vm.trust().trustForSession(key);
        vm.open(List.of(copy));
        return vm.visibleFindings().stream().map(FindingRow::finding).toList();
    }

    @Test
    void theSecondExportImportedFirstIsCheckedAgainstTheFirst() throws Exception {
        List<Path> copies = copies(second, first);

        assertThat(shown(copies.get(0))).extracting(Finding::code)
                .doesNotContain(FindingCode.CONTINUITY_NOT_CHECKED, FindingCode.CONTINUITY_BROKEN);
        assertThat(shown(copies.get(1))).extracting(Finding::code).doesNotContain(FindingCode.CONTINUITY_NOT_CHECKED);
    }

    @Test
    void aMissingMiddleExportIsNamedInsteadOfACommandLineFlag() throws Exception {
        String middle = new BundleVerifier().verify(second, VerifyOptions.trusting(List.of(key))).manifest().bundleId();
        List<Path> copies = copies(first, third);

        assertThat(shown(copies.get(1))).filteredOn(f -> f.code() == FindingCode.CONTINUITY_NOT_CHECKED).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("export " + middle, "leaves 3000 to 5999")
                        .doesNotContain("--previous"));
    }

    @Test
    void anExportThatDoesNotContinueTheHeldPreviousIsContinuityBroken() throws Exception {
        List<Path> copies = copies(first, forged);

        assertThat(shown(copies.get(1))).extracting(Finding::code).contains(FindingCode.CONTINUITY_BROKEN)
                .doesNotContain(FindingCode.CONTINUITY_NOT_CHECKED);
    }

    @Test
    void theSameExportOpenedOutsideTheCaseKeepsTheVerifiersOwnWords() {
        assertThat(shown(second)).filteredOn(f -> f.code() == FindingCode.CONTINUITY_NOT_CHECKED).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("--previous"));
    }
}
