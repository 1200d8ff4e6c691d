package io.sealtrail.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.CaseImporter;
import io.sealtrail.cases.JournalEntry;
import io.sealtrail.index.EventQuery;
import io.sealtrail.index.EventSearch;
import io.sealtrail.index.Hit;
import io.sealtrail.index.Redaction;
import io.sealtrail.model.AuditEvent;
import io.sealtrail.verify.VerifyOptions;
import io.sealtrail.verify.bundle.BundleWriter;
import io.sealtrail.verify.note.NoteSigner;
import io.sealtrail.verify.note.TlogProof;
import io.sealtrail.verify.note.VerifierKey;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A report redacted with the standard profile, from a log whose commands carry secrets: no trace of them on the pages
 * or in the attachments, the proofs still verify without their lines, the method section names the profile.
 */
class RedactedReportTest {
    static final NoteSigner AUDITOR = NoteSigner.fromSeed("auditor/redact@host", new byte[32]);
    static final NoteSigner LOG = NoteSigner.fromSeed("db-gateway.example.com/audit", new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
            31, 32});
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T09:00:00Z"), ZoneOffset.UTC);
    static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    /** What the log holds that must not leave: a secret in each of the standard rules' shapes. */
    static final List<String> SECRETS = List.of("S3cretPass", "pa55word", "AKIAIOSFODNN7EXAMPLE",
            "eyJhbGciOiJIUzI1NiJ9", "zoe.mueller@example.ch", "10.20.30.40");
    static final List<String> COMMANDS = List.of("mysql -uroot -pS3cretPass orders", "PGPASSWORD=pa55word psql -h db",
            "aws configure set aws_access_key_id AKIAIOSFODNN7EXAMPLE",
            "curl -H 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig' https://api.internal/v1", "ls -pla /srv");

    @TempDir
    static Path tmp;
    static CaseFolder c;
    static VerifierKey key;

    @BeforeAll
    static void aCaseWithSecretsInItsCommands() throws Exception {
        key = LOG.verifierKey();
        Path bundle = tmp.resolve("db-gateway.zip");
        BundleWriter.Options o = new BundleWriter.Options("db-gateway.example.com/audit", LOG, List.of(), 4, 100,
                Duration.ofHours(1), null, null, "b-redact", "test", Instant.parse("2026-03-02T12:00:00Z"));
        Instant t = Instant.parse("2026-03-02T10:00:00Z");
        try (BundleWriter w = BundleWriter.create(bundle, o)) {
            for (int i = 0; i < 12; i++) {
                Instant at = t.plusSeconds(60L * i);
                w.append(new AuditEvent(-1, at, MICROS.format(at), null, "command", AuditEvent.Outcome.SUCCESS, null,
                        new AuditEvent.Actor("zoe.mueller@example.ch", "u-1", List.of()), null,
                        new AuditEvent.Source("10.20.30.40", 50000 + i, null),
                        new AuditEvent.Target(AuditEvent.TargetKind.DATABASE, "orders-db", "root", null), "s-1",
                        COMMANDS.get(i % COMMANDS.size()), null, "sealtrail"));
            }
            w.finish();
        }
        c = CaseFolder.create(tmp.resolve("case"), "redaction", CLOCK);
        c.journal().append(AUDITOR, JournalEntry.CASE_CREATED, Map.of("name", c.name()));
        new CaseImporter().importBundle(c, bundle, VerifyOptions.trusting(List.of(key)), AUDITOR,
                CaseImporter.Progress.NONE, () -> false);
        try (EventSearch s = c.openSearch(c.bundles())) {
            for (int i = 0; i < COMMANDS.size(); i++) {
                Hit h = s.search(EventQuery.of("seq:" + i), 1, null).hits().get(0);
                c.journal().append(AUDITOR, JournalEntry.ANNOTATION, Map.of("event", h.bundleId() + ":" + h.seq(),
                        "bookmark", "true", "comment", "typed " + h.command()));
            }
        }
    }

    static ReportOptions options(ReportTemplate t) {
        return ReportOptions.of("Database access", "Auditor", CLOCK.instant(), List.of(key)).withVersion("0.1.0-test")
                .withTemplate(t);
    }

    static Path write(String name, ReportTemplate t, Redaction r) throws Exception {
        Path pdf = tmp.resolve(name);
        ReportFile.write(c, options(t), pdf, AUDITOR, null, r, () -> false);
        Files.copy(pdf, Files.createDirectories(Path.of("target", "redacted-samples")).resolve(name),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING); // to look at
        return pdf;
    }

    /** The text of every page, every embedded file and every stream of the file after decoding its filters. */
    static String everything(Path pdf) throws Exception {
        StringBuilder all = new StringBuilder(new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1));
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            all.append(new PDFTextStripper().getText(doc));
            for (Map.Entry<String, byte[]> f : ReportVerifier.embeddedFiles(doc).entrySet()) {
                all.append(new String(f.getValue(), StandardCharsets.UTF_8));
                if (f.getKey().endsWith(".tlog-proof") && TlogProof.parse(f.getValue()).extra() != null) {
                    all.append(new String(TlogProof.parse(f.getValue()).extra(), StandardCharsets.UTF_8));
                }
            }
            for (COSObject obj : doc.getDocument().getXrefTable().keySet().stream()
                    .map(k -> doc.getDocument().getObjectFromPool(k)).toList()) {
                COSBase base = obj.getObject();
                if (base instanceof COSStream s) {
                    try (InputStream in = s.createInputStream()) {
                        all.append(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
                    }
                }
            }
        }
        return all.toString();
    }

    @Test
    void theSameReportInFullShowsTheSecrets() throws Exception {
        String full = everything(write("full.pdf", ReportTemplate.INCIDENT_TIMELINE, null));
        assertThat(SECRETS).allSatisfy(secret -> assertThat(full.contains(secret)).as(secret).isTrue());
    }

    @ParameterizedTest
    @EnumSource(ReportTemplate.class)
    void aRedactedReportHoldsNoTraceOfASecretOnItsPagesOrInItsAttachments(ReportTemplate t) throws Exception {
        String redacted = everything(write("redacted-" + t.id() + ".pdf", t, Redaction.standard()));
        assertThat(SECRETS).allSatisfy(secret -> assertThat(redacted.contains(secret)).as(secret).isFalse());
        assertThat(redacted.contains("[REDACTED:password-option]")).isTrue();
    }

    @Test
    void everyProofOfARedactedReportVerifiesWithItsLineWithheld() throws Exception {
        Path pdf = write("proofs.pdf", ReportTemplate.INCIDENT_TIMELINE, Redaction.standard());
        ReportVerifier.Result r = new ReportVerifier().verify(pdf, List.of(key));
        assertThat(r.problems()).isEmpty();
        assertThat(r.proofs()).hasSize(COMMANDS.size())
                .allSatisfy(p -> assertThat(p.status()).isEqualTo(ReportVerifier.Status.PROVEN))
                .allSatisfy(p -> assertThat(p.lineWithheld()).isTrue());
        assertThat(r.verdict()).isEqualTo(ReportVerifier.Verdict.VERIFIED);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            for (Map.Entry<String, byte[]> f : ReportVerifier.embeddedFiles(doc).entrySet()) {
                if (f.getKey().endsWith(".tlog-proof")) {
                    assertThat(TlogProof.parse(f.getValue()).extra()).as(f.getKey()).isNull();
                }
            }
        }
    }

    @Test
    void theMethodSectionAndTheJournalNameTheProfileAndWhatEachRuleBlanked() throws Exception {
        Path pdf = write("method.pdf", ReportTemplate.INCIDENT_TIMELINE, Redaction.standard());
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        String sha = Redaction.standard().sha256();
        assertThat(text).contains("redacted with the profile 'standard' (SHA-256 of its rules "
                + sha.substring(0, 20)).contains("Values blanked, by rule: email ").contains("password-option ");
        JournalEntry last = c.journal().entries().get(c.journal().entries().size() - 1);
        assertThat(last.type()).isEqualTo(JournalEntry.REPORT);
        assertThat(last.data()).containsEntry("redaction_profile", "standard")
                .containsEntry("redaction_profile_sha256", sha);
        assertThat(last.data().get("redacted")).contains("password-option ").contains("email ");
    }

    @Test
    void aRedactedProofIsBrokenWhenTheEntryHashItIsCheckedFromWasChanged() throws Exception {
        ReportModel m = ReportRedaction.apply(new ReportBuilder().build(c, options(ReportTemplate.INCIDENT_TIMELINE)),
                Redaction.standard());
        String first = m.cited().get(0).entryHash();
        String other = (first.charAt(0) == '0' ? "1" : "0") + first.substring(1);
        List<ReportModel.Attachment> files = m.attachments().stream().map(a -> !a.name().equals("cited-events.csv") ? a
                : new ReportModel.Attachment(a.name(), a.mimeType(), a.description(), new String(a.content(),
                StandardCharsets.UTF_8).replace(first, other).getBytes(StandardCharsets.UTF_8))).toList();
        Path pdf = tmp.resolve("tampered.pdf");
        try (var out = Files.newOutputStream(pdf)) {
            new ReportRenderer().render(new ReportModel(m.header(), m.provenance(), m.completeness(), m.fieldCoverage(),
                    m.access(), m.timeline(), m.integrity(), m.retention(), m.cited(), m.queries(), files, m.redacted()),
                    out);
        }
        ReportVerifier.Result r = new ReportVerifier().verify(pdf, List.of(key));
        assertThat(r.proofs()).filteredOn(p -> p.status() == ReportVerifier.Status.BROKEN).singleElement()
                .satisfies(p -> assertThat(p.problems()).anyMatch(x -> x.contains("the entry hash cited-events.csv gives")));
        assertThat(r.verdict()).isEqualTo(ReportVerifier.Verdict.BROKEN);
    }

    @Test
    void aRedactedReportIsValidPdfA3b() throws Exception {
        VeraPdf.assertPdfA3b(write("vera.pdf", ReportTemplate.ACCESS_REVIEW, Redaction.standard()));
    }
}
