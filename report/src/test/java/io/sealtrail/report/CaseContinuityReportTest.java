package io.sealtrail.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.CaseImporter;
import io.sealtrail.cases.JournalEntry;
import io.sealtrail.model.FindingCode;
import io.sealtrail.report.ReportModel.FindingRow;
import io.sealtrail.verify.BundleVerifier;
import io.sealtrail.verify.VerifyOptions;
import io.sealtrail.verify.gen.BundleGenerator;
import io.sealtrail.verify.note.NoteSigner;
import io.sealtrail.verify.note.VerifierKey;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The integrity report of a case checks continuity between the exports it holds, in any import order. */
class CaseContinuityReportTest {
    static final long SEED = 7;
    static final NoteSigner AUDITOR = NoteSigner.fromSeed("auditor/test", new byte[32]);
    static final Instant NOW = Instant.parse("2026-04-01T09:00:00Z");

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

    ReportModel integrityReport(Path... bundles) throws Exception {
        CaseFolder c = CaseFolder.create(tmp.resolve("case"), "continuity", Clock.fixed(NOW, ZoneOffset.UTC));
        c.journal().append(AUDITOR, JournalEntry.CASE_CREATED, Map.of("name", c.name()));
        for (Path b : bundles) {
            new CaseImporter().importBundle(c, b, VerifyOptions.trusting(List.of(key)), AUDITOR,
                    CaseImporter.Progress.NONE, () -> false);
        }
        return new ReportBuilder().build(c, ReportOptions.of("Continuity", "Zoë Müller", NOW, List.of(key))
                .withVersion("0.1.0-test").withTemplate(ReportTemplate.INTEGRITY));
    }

    static List<FindingRow> findings(ReportModel m) {
        return m.integrity().bundles().stream().flatMap(b -> b.findings().stream()).toList();
    }

    static String pdfText(ReportModel m) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ReportRenderer().render(m, out);
        try (PDDocument d = Loader.loadPDF(out.toByteArray())) {
            return new PDFTextStripper().getText(d).replaceAll("\\s+", " ");
        }
    }

    @Test
    void exportsImportedNewestFirstAreProvenContinuous() throws Exception {
        ReportModel m = integrityReport(second, first);

        assertThat(findings(m)).extracting(FindingRow::code)
                .doesNotContain(FindingCode.CONTINUITY_NOT_CHECKED.name(), FindingCode.CONTINUITY_BROKEN.name());
        assertThat(pdfText(m)).contains("continues bundle 2 at leaf 3,000: final checkpoint and last entry hash match,"
                + " nothing missing in between").doesNotContain("--previous");
    }

    @Test
    void aMissingMiddleExportIsNamedInTheReport() throws Exception {
        String middle = new BundleVerifier().verify(second, VerifyOptions.trusting(List.of(key))).manifest().bundleId();

        ReportModel m = integrityReport(third, first);

        assertThat(findings(m)).filteredOn(f -> f.code().equals(FindingCode.CONTINUITY_NOT_CHECKED.name()))
                .singleElement().satisfies(f -> assertThat(f.message()).contains(middle, "leaves 3000 to 5999"));
        assertThat(pdfText(m)).doesNotContain("--previous");
    }

    @Test
    void anExportThatDoesNotContinueTheHeldPreviousIsContinuityBrokenInTheReport() throws Exception {
        ReportModel m = integrityReport(first, forged);

        assertThat(findings(m)).extracting(FindingRow::code).contains(FindingCode.CONTINUITY_BROKEN.name())
                .doesNotContain(FindingCode.CONTINUITY_NOT_CHECKED.name());
        assertThat(m.integrity().bundles().get(1).continuity().problems()).isNotEmpty();
    }
}
