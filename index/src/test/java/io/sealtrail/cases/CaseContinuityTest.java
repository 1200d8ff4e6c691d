package io.sealtrail.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.model.Finding;
import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Verdict;
import io.sealtrail.verify.BundleVerifier;
import io.sealtrail.verify.VerificationReport;
import io.sealtrail.verify.VerifyOptions;
import io.sealtrail.verify.gen.BundleGenerator;
import io.sealtrail.verify.note.NoteSigner;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A case proves continuity between the exports of one log it holds, and names the export it lacks. */
class CaseContinuityTest {
    static final long SEED = 7;
    static final NoteSigner AUDITOR = NoteSigner.fromSeed("auditor/test@host", new byte[32]);

    @TempDir
    static Path shared;
    @TempDir
    Path tmp;
    static Path first;
    static Path second;
    static Path third;
    /** Continues a shorter export that carries the first export's bundle id, so it does not continue the first. */
    static Path forged;
    static VerifyOptions trust;

    @BeforeAll
    static void exports() throws Exception {
        BundleGenerator gen = new BundleGenerator();
        first = shared.resolve("export-1.zip");
        second = shared.resolve("export-2.zip");
        third = shared.resolve("export-3.zip");
        gen.generate(first, options(3000), n -> { });
        gen.generate(second, options(3000).withPrevious(first), n -> { });
        gen.generate(third, options(2000).withPrevious(second), n -> { });
        // same origin and seed, so the same bundle id as export 1, but 2500 events: its tree differs
        Path shorter = shared.resolve("shorter.zip");
        forged = shared.resolve("forged.zip");
        gen.generate(shorter, options(2500), n -> { });
        gen.generate(forged, options(3000).withPrevious(shorter), n -> { });
        trust = VerifyOptions.trusting(List.of(BundleGenerator.seededSigner(BundleGenerator.DEFAULT_ORIGIN, SEED)
                .verifierKey()));
    }

    static BundleGenerator.Options options(long events) {
        return BundleGenerator.Options.defaults(events, SEED).withLayout(1000, 2000);
    }

    CaseFolder caseOf(Path... bundles) throws Exception {
        CaseFolder c = CaseFolder.create(tmp.resolve("case"), "test", Clock.systemUTC());
        c.journal().append(AUDITOR, JournalEntry.CASE_CREATED, Map.of("name", "test"));
        for (Path b : bundles) {
            new CaseImporter().importBundle(c, b, trust, AUDITOR, CaseImporter.Progress.NONE, () -> false);
        }
        return c;
    }

    /** Each bundle of the case verified as the workbench does: found from its evidence copy's path. */
    static Map<String, VerificationReport> verifyInCase(CaseFolder c) throws Exception {
        Map<String, VerificationReport> out = new java.util.LinkedHashMap<>();
        for (ImportRecord r : c.bundles()) {
            Path evidence = r.evidence(c.bundleDir(r.bundleId()));
            CaseContinuity cc = CaseContinuity.around(evidence);
            out.put(r.bundleId(), cc.explain(new BundleVerifier().verify(evidence, cc.options(evidence, trust))));
        }
        return out;
    }

    static List<FindingCode> codes(Map<String, VerificationReport> reports) {
        return reports.values().stream().flatMap(v -> v.findings().stream()).map(Finding::code).toList();
    }

    @Test
    void bothExportsImportedInOrderProveContinuity() throws Exception {
        Map<String, VerificationReport> reports = verifyInCase(caseOf(first, second));

        assertThat(codes(reports)).doesNotContain(FindingCode.CONTINUITY_NOT_CHECKED, FindingCode.CONTINUITY_BROKEN);
        assertThat(reports.values()).extracting(VerificationReport::verdict).containsOnly(Verdict.VERIFIED);
    }

    @Test
    void bothExportsImportedInReverseOrderProveContinuity() throws Exception {
        CaseFolder c = caseOf(second, first);
        Map<String, VerificationReport> reports = verifyInCase(c);

        assertThat(codes(reports)).doesNotContain(FindingCode.CONTINUITY_NOT_CHECKED, FindingCode.CONTINUITY_BROKEN);
        String secondId = c.bundles().get(0).bundleId();
        assertThat(CaseContinuity.of(c).previousOf(secondId)).isEqualTo(c.bundles().get(1).evidence(
                c.bundleDir(c.bundles().get(1).bundleId())));
    }

    @Test
    void aMissingMiddleExportIsNamedWithItsLeaves() throws Exception {
        CaseFolder c = caseOf(first, third);
        String middle = new BundleVerifier().verify(second, trust).manifest().bundleId();
        String firstId = c.bundles().get(0).bundleId();

        List<Finding> notChecked = verifyInCase(c).values().stream().flatMap(v -> v.findings().stream())
                .filter(f -> f.code() == FindingCode.CONTINUITY_NOT_CHECKED).toList();

        assertThat(notChecked).singleElement().satisfies(f -> assertThat(f.message())
                .contains("export " + middle, "leaves 3000 to 5999", "after export " + firstId)
                .doesNotContain("--previous"));
    }

    @Test
    void anExportThatDoesNotContinueTheHeldPreviousIsContinuityBroken() throws Exception {
        Map<String, VerificationReport> reports = verifyInCase(caseOf(forged, first));

        assertThat(codes(reports)).contains(FindingCode.CONTINUITY_BROKEN).doesNotContain(FindingCode.CONTINUITY_NOT_CHECKED);
    }

    @Test
    void aBundleOpenedOutsideACaseHasNoCase() throws Exception {
        assertThat(CaseContinuity.around(second)).isNull();
    }
}
