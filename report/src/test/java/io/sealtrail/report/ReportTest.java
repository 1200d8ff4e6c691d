package io.sealtrail.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.CaseImporter;
import io.sealtrail.cases.ImportRecord;
import io.sealtrail.cases.JournalEntry;
import io.sealtrail.index.EventQuery;
import io.sealtrail.index.EventSearch;
import io.sealtrail.index.Hit;
import io.sealtrail.verify.VerifyOptions;
import io.sealtrail.verify.gen.BundleGenerator;
import io.sealtrail.verify.note.NoteSigner;
import io.sealtrail.verify.note.TlogProof;
import io.sealtrail.verify.note.VerifierKey;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report from a generated case of two bundles with annotations: content, attachments, proofs, PDF/A. */
class ReportTest {
    static final long SEED = 7;
    static final NoteSigner AUDITOR = NoteSigner.fromSeed("auditor/test", new byte[32]);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-01T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path tmp;
    static VerifierKey key;
    static CaseFolder kase;
    static ReportModel model;
    static Path pdf;
    static final List<String> CITED = new ArrayList<>();

    @BeforeAll
    static void buildReport() throws Exception {
        key = BundleGenerator.seededSigner(BundleGenerator.DEFAULT_ORIGIN, SEED).verifierKey();
        Path b1 = tmp.resolve("export-1.zip");
        Path b2 = tmp.resolve("export-2.zip");
        BundleGenerator gen = new BundleGenerator();
        gen.generate(b1, BundleGenerator.Options.defaults(3000, SEED).withLayout(1000, 2000), n -> { });
        gen.generate(b2, BundleGenerator.Options.defaults(3000, SEED).withLayout(1000, 2000).withPrevious(b1), n -> { });
        kase = CaseFolder.create(tmp.resolve("case"), "ACME PCI 2026 – zoë's review", CLOCK);
        kase.journal().append(AUDITOR, JournalEntry.CASE_CREATED, Map.of("name", kase.name()));
        for (Path b : List.of(b1, b2)) {
            new CaseImporter().importBundle(kase, b, VerifyOptions.trusting(List.of(key)), AUDITOR,
                    CaseImporter.Progress.NONE, () -> false);
        }
        List<ImportRecord> bundles = kase.bundles();
        try (EventSearch s = search()) {
            List<Hit> picks = new ArrayList<>();
            picks.addAll(s.search(EventQuery.of("user.name:\"zoë.müller\""), 1, null).hits());
            picks.addAll(s.search(EventQuery.of("command.keyword:sudo*"), 2, null).hits());
            picks.addAll(s.search(EventQuery.of("event.outcome:denied AND bundle.id:\"" + bundles.get(1).bundleId() + "\""), 1,
                    null).hits());
            for (Hit h : picks) {
                String ref = h.bundleId() + ":" + h.seq();
                CITED.add(ref);
                kase.journal().append(AUDITOR, JournalEntry.ANNOTATION, Map.of("event", ref, "bookmark", "true",
                        "comment", "Reviewed with the system owner: " + h.action() + " by " + h.userName()
                                + " needs a change ticket; a long explanation follows so that the cell must wrap over "
                                + "several lines without being cut off at the column edge."));
            }
        }
        ReportOptions o = ReportOptions.of("ACME payments platform — PCI DSS access review Q1 2026", "Zoë Müller (auditor)",
                CLOCK.instant(), List.of(key)).withVersion("0.1.0-test");
        model = new ReportBuilder().build(kase, o);
        pdf = tmp.resolve("report.pdf");
        try (OutputStream out = Files.newOutputStream(pdf)) {
            new ReportRenderer().render(model, out);
        }
        Path sample = Path.of("target", "report-sample.pdf");
        Files.createDirectories(sample.getParent());
        Files.copy(pdf, sample, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static EventSearch search() throws Exception {
        List<Path> idx = new ArrayList<>();
        for (ImportRecord r : kase.bundles()) {
            idx.add(kase.bundleDir(r.bundleId()).resolve("index"));
        }
        return EventSearch.open(idx);
    }

    static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", cmd) + "\n" + out).isZero();
        return out;
    }

    static String num(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    @Test
    void theModelsFiguresAreWhatSearchReports() throws Exception {
        try (EventSearch s = search()) {
            assertThat(model.header().totalEvents()).isEqualTo(s.count(EventQuery.all())).isEqualTo(6000);
            assertThat(model.access().failures()).isEqualTo(s.count(EventQuery.of("event.outcome:failure")));
            assertThat(model.access().denials()).isEqualTo(s.count(EventQuery.of("event.outcome:denied")));
            assertThat(model.access().privileged()).isEqualTo(s.count(EventQuery.of("command.keyword:sudo*"))).isPositive();
            assertThat(model.access().sessions()).isEqualTo(s.sessions(EventQuery.all()).size());
            assertThat(model.access().users().get(0).events())
                    .isEqualTo(s.facets(EventQuery.all(), "user.name", 1).get(0).count());
            long base = s.count(EventQuery.of("NOT event.action:log.heartbeat"));
            assertThat(model.fieldCoverage().base()).isEqualTo(base);
            assertThat(model.fieldCoverage().rows()).filteredOn(r -> r.field().equals("user.name")).singleElement()
                    .satisfies(r -> assertThat(r.count()).isEqualTo(s.count(EventQuery.of("NOT event.action:log.heartbeat AND user.name:*"))));
            long perDay = model.completeness().perDay().values().stream().flatMapToLong(java.util.Arrays::stream).sum();
            assertThat(perDay).isEqualTo(s.count(EventQuery.all()));
        }
        for (ReportModel.QueryRecord q : model.queries()) {
            try (EventSearch s = search()) {
                assertThat(s.count(new EventQuery(q.query(), q.from(), q.to()))).as(q.id() + " " + q.query()).isEqualTo(q.count());
            }
        }
        assertThat(model.provenance()).hasSize(2).allSatisfy(b -> {
            assertThat(b.verdict()).isEqualTo("VERIFIED");
            assertThat(b.keys()).anySatisfy(k -> assertThat(k.trusted()).isTrue());
        });
        assertThat(model.cited()).extracting(c -> c.bundleId() + ":" + c.seq()).containsExactlyElementsOf(CITED);
    }

    @Test
    void pdftotextShowsEverySectionAndTheFigures() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/pdftotext")), "poppler-utils not installed");
        String text = run("/usr/bin/pdftotext", "-layout", pdf.toString(), "-");
        assertThat(text).contains("1 Evidence provenance", "2 Completeness", "3 Field coverage (PCI DSS 10.2.2)",
                "4 Access summary", "5 Cited events", "Appendix A Queries", "Appendix B Embedded files",
                "Method and statement", "Sign-off", "zoë.müller", "Zoë Müller");
        String[] lines = text.split("\n");
        assertThat(line(lines, "Failed events")).contains(num(model.access().failures()));
        assertThat(line(lines, "Denied events")).contains(num(model.access().denials()));
        assertThat(line(lines, "Privileged commands (sudo)")).contains(num(model.access().privileged()));
        assertThat(line(lines, "Events in scope")).contains(num(model.header().totalEvents()));
        int pages = Integer.parseInt(run("/usr/bin/pdfinfo", pdf.toString()).lines()
                .filter(l -> l.startsWith("Pages:")).findFirst().orElseThrow().replaceAll("\\D", ""));
        assertThat(text).contains("Page 1 of " + pages, "Page " + pages + " of " + pages);
        for (ReportModel.QueryRecord q : model.queries()) {
            assertThat(text).contains(q.resultSha256().substring(0, 16));
        }
    }

    @Test
    void theMethodSaysTheCasesLocalIndexSearchedAndCountedAndTheProofsComeFromTheEvidence() throws Exception {
        String text;
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        assertThat(model.header().searchedBy()).isEqualTo(ReportSearch.LOCAL);
        assertThat(text).contains("The events were searched and counted by the case's local index (read-only, in the"
                + " case folder); every cited event's proof comes from the case's own evidence.")
                .contains("Searched by the case's local index (see Method)");
    }

    @Test
    void theFirstPageSaysEachVerifiedBundleIsVerifiedAndMarksNoFigureAsFailed() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/pdftotext")), "poppler-utils not installed");
        String firstPage = run("/usr/bin/pdftotext", "-layout", "-l", "1", pdf.toString(), "-");
        assertThat(firstPage.lines()).anySatisfy(l -> assertThat(l).contains("export-1.zip", "verified"))
                .anySatisfy(l -> assertThat(l).contains("export-2.zip", "verified"));
        assertThat(model.header().failedQueryId()).isNull();
        assertThat(run("/usr/bin/pdftotext", pdf.toString(), "-")).doesNotContain("FAILED");
    }

    @Test
    void wordsWithFiAndFlAreExtractedAsLettersNotLigatures() throws Exception {
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        }
        assertThat(text).doesNotContain("\uFB00", "\uFB01", "\uFB02", "\uFB03", "\uFB04")
                .contains("verified without error", "Field coverage", "files");
    }

    private static String line(String[] lines, String label) {
        return java.util.Arrays.stream(lines).filter(l -> l.contains(label)).findFirst().orElseThrow();
    }

    @Test
    void theEvidenceFilesAreAttached() throws Exception {
        List<String> expected = new ArrayList<>(List.of("cited-events.csv", "journal-excerpt.jsonl", "queries.tsv"));
        for (ImportRecord r : kase.bundles()) {
            expected.add(r.bundleId() + "-verification.json");
        }
        for (String c : CITED) {
            expected.add(c.replace(':', '-') + ".tlog-proof");
        }
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            Map<String, byte[]> files = ReportVerifier.embeddedFiles(doc);
            assertThat(files.keySet()).containsExactlyInAnyOrderElementsOf(expected);
            String csv = new String(files.get("cited-events.csv"), StandardCharsets.UTF_8);
            assertThat(csv.lines()).hasSize(1 + CITED.size());
            assertThat(new String(files.get("journal-excerpt.jsonl"), StandardCharsets.UTF_8).lines())
                    .hasSize(CITED.size()).allSatisfy(l -> assertThat(l).contains("\"type\":\"annotation\""));
        }
        if (Files.isExecutable(Path.of("/usr/bin/pdfdetach"))) {
            String list = run("/usr/bin/pdfdetach", "-list", pdf.toString());
            for (String e : expected) {
                assertThat(list).contains(e);
            }
        }
    }

    @Test
    void theVerifierAcceptsTheProofsUnderTheLogKey() throws Exception {
        ReportVerifier.Result ok = new ReportVerifier().verify(pdf, List.of(key));
        assertThat(ok.proofs()).hasSize(CITED.size());
        assertThat(ok.verdict()).as(ok.toString()).isEqualTo(ReportVerifier.Verdict.VERIFIED);
    }

    @Test
    void underAnotherKeyTheProofsAreIntactButUntrusted() throws Exception {
        VerifierKey stranger = BundleGenerator.seededSigner(BundleGenerator.DEFAULT_ORIGIN, SEED + 1).verifierKey();
        ReportVerifier.Result r = new ReportVerifier().verify(pdf, List.of(stranger));
        assertThat(r.verdict()).isEqualTo(ReportVerifier.Verdict.UNTRUSTED);
        assertThat(r.proofs()).extracting(ReportVerifier.ProofOutcome::status).containsOnly(ReportVerifier.Status.UNTRUSTED);
    }

    @Test
    void aProofWhoseEventLineWasEditedIsBroken() throws Exception {
        Path tampered = tmp.resolve("tampered-line.pdf");
        String[] victim = new String[1];
        rewriteAttachment(pdf, tampered, n -> n.endsWith(".tlog-proof"), (name, bytes) -> {
            victim[0] = name;
            TlogProof proof = TlogProof.parse(bytes);
            String line = new String(proof.extra(), StandardCharsets.UTF_8);
            String forged = line.replaceFirst("\"name\":\"[^\"]*\"", "\"name\":\"nobody\"");
            assertThat(forged).isNotEqualTo(line);
            return new TlogProof(forged.getBytes(StandardCharsets.UTF_8), proof.index(), proof.path(),
                    proof.checkpointNote()).encode();
        });
        ReportVerifier.Result bad = new ReportVerifier().verify(tampered, List.of(key));
        assertThat(bad.verdict()).isEqualTo(ReportVerifier.Verdict.BROKEN);
        assertThat(bad.proofs()).filteredOn(p -> !p.ok()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(victim[0]);
            assertThat(p.status()).isEqualTo(ReportVerifier.Status.BROKEN);
        });
    }

    @Test
    void aCitedEventsCsvThatDisagreesWithTheProofsIsRejected() throws Exception {
        Path tampered = tmp.resolve("tampered-csv.pdf");
        String hash = model.cited().get(0).entryHash();
        rewriteAttachment(pdf, tampered, n -> n.equals("cited-events.csv"), (name, bytes) -> new String(bytes,
                StandardCharsets.UTF_8).replace(hash, "0".repeat(64)).getBytes(StandardCharsets.UTF_8));
        ReportVerifier.Result bad = new ReportVerifier().verify(tampered, List.of(key));
        assertThat(bad.verdict()).isEqualTo(ReportVerifier.Verdict.BROKEN);
        assertThat(bad.proofs()).allMatch(ReportVerifier.ProofOutcome::ok);
        assertThat(bad.problems()).singleElement().asString().contains("disagrees with").contains("on entry_hash: the proof gives "
                + hash + ", the CSV " + "0".repeat(64));
    }

    interface Rewrite {
        byte[] apply(String name, byte[] content) throws Exception;
    }

    /** Copies a report, replacing the bytes of the first embedded file whose name matches. */
    static void rewriteAttachment(Path in, Path out, java.util.function.Predicate<String> which, Rewrite how) throws Exception {
        try (PDDocument doc = Loader.loadPDF(in.toFile())) {
            Map<String, PDComplexFileSpecification> names = doc.getDocumentCatalog().getNames().getEmbeddedFiles().getNames();
            String victim = names.keySet().stream().filter(which).findFirst().orElseThrow();
            PDEmbeddedFile ef = names.get(victim).getEmbeddedFile();
            byte[] altered = how.apply(victim, ef.toByteArray());
            try (OutputStream os = ef.getCOSObject().createOutputStream()) {
                os.write(altered);
            }
            doc.save(out.toFile());
        }
    }

    @Test
    void veraPdfValidatesPdfA3b() throws Exception {
        VeraPdf.assertPdfA3b(pdf);
    }
}
