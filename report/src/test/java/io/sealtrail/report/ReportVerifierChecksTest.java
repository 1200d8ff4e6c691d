package io.sealtrail.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.CaseImporter;
import io.sealtrail.cases.JournalEntry;
import io.sealtrail.verify.VerifyOptions;
import io.sealtrail.verify.gen.BundleGenerator;
import io.sealtrail.verify.note.NoteSigner;
import io.sealtrail.verify.note.VerifierKey;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report verify}'s checks of the report as a whole: the proofs and cited-events.csv must name each
 * other one to one, and a report must prove something. Each test removes one thing from a sound report.
 */
class ReportVerifierChecksTest {
    static final long SEED = 17;
    static final NoteSigner AUDITOR = NoteSigner.fromSeed("auditor/test", new byte[32]);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-01T09:00:00Z"), ZoneOffset.UTC);
    static final String CSV = "cited-events.csv";

    @TempDir
    static Path shared;
    static VerifierKey key;
    static Path pdf;
    static List<String> proofs;

    @TempDir
    Path tmp;

    @BeforeAll
    static void reportCitingTwoEvents() throws Exception {
        key = BundleGenerator.seededSigner(BundleGenerator.DEFAULT_ORIGIN, SEED).verifierKey();
        Path bundle = shared.resolve("b.zip");
        new BundleGenerator().generate(bundle, BundleGenerator.Options.defaults(300, SEED).withLayout(100, 100), n -> { });
        CaseFolder kase = CaseFolder.create(shared.resolve("case"), "checks", CLOCK);
        kase.journal().append(AUDITOR, JournalEntry.CASE_CREATED, Map.of("name", kase.name()));
        new CaseImporter().importBundle(kase, bundle, VerifyOptions.trusting(List.of(key)), AUDITOR,
                CaseImporter.Progress.NONE, () -> false);
        String bid = kase.bundles().get(0).bundleId();
        for (long seq : new long[] {42, 250}) {
            kase.journal().append(AUDITOR, JournalEntry.ANNOTATION, Map.of("event", bid + ":" + seq, "bookmark", "true"));
        }
        ReportModel model = new ReportBuilder().build(kase, ReportOptions.of("Checks", "Auditor", CLOCK.instant(),
                List.of(key)).withVersion("0.1.0-test"));
        pdf = shared.resolve("report.pdf");
        try (OutputStream out = Files.newOutputStream(pdf)) {
            new ReportRenderer().render(model, out);
        }
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            proofs = ReportVerifier.embeddedFiles(doc).keySet().stream().filter(n -> n.endsWith(".tlog-proof")).toList();
        }
        assertThat(proofs).hasSize(2);
    }

    private ReportVerifier.Result verify(Path report) throws Exception {
        return new ReportVerifier().verify(report, List.of(key));
    }

    @Test
    void theUntouchedReportIsVerified() throws Exception {
        ReportVerifier.Result r = verify(pdf);

        assertThat(r.verdict()).as("%s", r).isEqualTo(ReportVerifier.Verdict.VERIFIED);
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void aReportWithoutCitedEventsCsvIsBroken() throws Exception {
        ReportVerifier.Result r = verify(edit(n -> n.equals(CSV), null));

        assertThat(r.verdict()).isEqualTo(ReportVerifier.Verdict.BROKEN);
        assertThat(r.proofs()).allMatch(ReportVerifier.ProofOutcome::ok);
        assertThat(r.problems()).containsExactly(
                "the report embeds no cited-events.csv, so its proofs cannot be matched to what it cites");
    }

    @Test
    void aReportWithoutAnyProofIsBroken() throws Exception {
        Path stripped = edit(n -> n.endsWith(".tlog-proof"), null);
        Path noRows = editCsv(stripped, row -> false);

        ReportVerifier.Result r = verify(noRows);

        assertThat(r.verdict()).isEqualTo(ReportVerifier.Verdict.BROKEN);
        assertThat(r.proofs()).isEmpty();
        assertThat(r.problems()).containsExactly("the report embeds no .tlog-proof file, so no cited event can be checked");
    }

    /** The verdict does not rest on the verifier having written that problem down. */
    @Test
    void aResultWithoutProofsIsNeverVerified() {
        assertThat(new ReportVerifier.Result(pdf, List.of(), List.of()).verdict()).isEqualTo(ReportVerifier.Verdict.BROKEN);
    }

    @Test
    void aRowWhoseProofIsNotEmbeddedIsBroken() throws Exception {
        String gone = proofs.get(0);

        ReportVerifier.Result r = verify(edit(n -> n.equals(gone), null));

        assertThat(r.verdict()).isEqualTo(ReportVerifier.Verdict.BROKEN);
        assertThat(r.proofs()).singleElement().satisfies(p -> assertThat(p.ok()).isTrue());
        assertThat(r.problems()).singleElement().asString()
                .startsWith("cited-events.csv names " + gone).endsWith("but the report embeds no such proof");
    }

    @Test
    void aProofNoRowCitesIsBroken() throws Exception {
        String uncited = proofs.get(1);

        ReportVerifier.Result r = verify(editCsv(pdf, row -> !row.contains(uncited)));

        assertThat(r.verdict()).isEqualTo(ReportVerifier.Verdict.BROKEN);
        assertThat(r.proofs()).hasSize(2).allMatch(ReportVerifier.ProofOutcome::ok);
        assertThat(r.problems()).containsExactly("the report embeds " + uncited + ", which no row of cited-events.csv cites");
    }

    /** A copy of the report keeping only the CSV's header and the rows {@code keep} accepts. */
    private Path editCsv(Path report, Predicate<String> keep) throws Exception {
        byte[][] csv = new byte[1][];
        try (PDDocument doc = Loader.loadPDF(report.toFile())) {
            String text = new String(ReportVerifier.embeddedFiles(doc).get(CSV), StandardCharsets.UTF_8);
            List<String> lines = text.lines().toList();
            String kept = lines.get(0) + "\r\n" + lines.stream().skip(1).filter(keep)
                    .map(l -> l + "\r\n").collect(Collectors.joining());
            csv[0] = (text.contains("\r\n") ? kept : kept.replace("\r\n", "\n")).getBytes(StandardCharsets.UTF_8);
        }
        return edit(report, n -> n.equals(CSV), csv[0]);
    }

    private Path edit(Predicate<String> which, byte[] content) throws Exception {
        return edit(pdf, which, content);
    }

    /** A copy of {@code report} whose matching attachments are removed ({@code content} null) or replaced. */
    private Path edit(Path report, Predicate<String> which, byte[] content) throws Exception {
        Path out = Files.createTempFile(tmp, "edited", ".pdf");
        try (PDDocument doc = Loader.loadPDF(report.toFile())) {
            PDEmbeddedFilesNameTreeNode tree = doc.getDocumentCatalog().getNames().getEmbeddedFiles();
            Map<String, PDComplexFileSpecification> names = new TreeMap<>(tree.getNames());
            List<String> matching = names.keySet().stream().filter(which).toList();
            assertThat(matching).as("attachments to edit").isNotEmpty();
            for (String n : matching) {
                if (content == null) {
                    names.remove(n);
                } else {
                    PDEmbeddedFile ef = names.get(n).getEmbeddedFile();
                    try (OutputStream os = ef.getCOSObject().createOutputStream()) {
                        os.write(content);
                    }
                }
            }
            tree.setNames(names);
            doc.save(out.toFile());
        }
        return out;
    }
}
