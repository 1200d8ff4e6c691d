package io.sealtrail.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.CaseImporter;
import io.sealtrail.cases.JournalEntry;
import io.sealtrail.model.Finding;
import io.sealtrail.model.FindingCode;
import io.sealtrail.tools.tsa.LoopbackTsaServer;
import io.sealtrail.tools.tsa.TestTimestampAuthority;
import io.sealtrail.verify.VerifyOptions;
import io.sealtrail.verify.bundle.Timestamping;
import io.sealtrail.verify.gen.BundleGenerator;
import io.sealtrail.verify.note.NoteSigner;
import io.sealtrail.verify.note.VerifierKey;
import io.sealtrail.verify.pades.ReportSigningKey;
import io.sealtrail.verify.tsa.HttpTimestampAuthority;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports signed as PAdES (docs/reports.md): a signed report verifies and names its signer, B-T carries a timestamp
 * over the signature value, and every way of changing a signed report after signing is its own finding.
 */
class SignedReportTest {
    static final long SEED = 23;
    static final NoteSigner AUDITOR = NoteSigner.fromSeed("auditor/test", new byte[32]);
    static final Instant NOW = Instant.parse("2026-04-01T09:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final ReportSigningKey ZOE = ReportSigningKey.generate("Zoë Müller, Example Audit", Instant.parse("2026-01-01T00:00:00Z"),
            Instant.parse("2028-01-01T00:00:00Z"), new SecureRandom(new byte[] {1}));

    @TempDir
    static Path shared;
    static VerifierKey logKey;
    static byte[] unsigned;
    static Path unsignedPdf;

    @TempDir
    Path tmp;

    @BeforeAll
    static void reportCitingOneEvent() throws Exception {
        logKey = BundleGenerator.seededSigner(BundleGenerator.DEFAULT_ORIGIN, SEED).verifierKey();
        Path bundle = shared.resolve("b.zip");
        new BundleGenerator().generate(bundle, BundleGenerator.Options.defaults(120, SEED).withLayout(60, 60), n -> { });
        CaseFolder kase = CaseFolder.create(shared.resolve("case"), "signed", CLOCK);
        kase.journal().append(AUDITOR, JournalEntry.CASE_CREATED, Map.of("name", kase.name()));
        new CaseImporter().importBundle(kase, bundle, VerifyOptions.trusting(List.of(logKey)), AUDITOR,
                CaseImporter.Progress.NONE, () -> false);
        String bid = kase.bundles().get(0).bundleId();
        kase.journal().append(AUDITOR, JournalEntry.ANNOTATION, Map.of("event", bid + ":" + 7, "bookmark", "true"));
        ReportModel model = new ReportBuilder().build(kase, ReportOptions.of("Signed checks", "Zoë Müller", NOW,
                List.of(logKey)).withVersion("0.1.0-test"));
        unsignedPdf = shared.resolve("unsigned.pdf");
        try (OutputStream out = Files.newOutputStream(unsignedPdf)) {
            new ReportRenderer().render(model, out);
        }
        unsigned = Files.readAllBytes(unsignedPdf);
    }

    private Path sign(String name, ReportSigningKey key, Timestamping tsa, Instant when) throws Exception {
        Path out = tmp.resolve(name);
        try (OutputStream o = Files.newOutputStream(out)) {
            new ReportSigner(key, tsa).sign(unsigned, o, when);
        }
        return out;
    }

    private static ReportVerifier.Result verify(Path pdf, List<X509Certificate> signers, List<X509Certificate> tsaRoots)
            throws Exception {
        return new ReportVerifier().verify(pdf, List.of(logKey), signers, tsaRoots, NOW);
    }

    private static List<FindingCode> codes(ReportVerifier.Result r) {
        return r.signing().stream().map(Finding::code).toList();
    }

    private static String messages(ReportVerifier.Result r) {
        return r.signing().stream().map(Finding::message).collect(Collectors.joining("\n"));
    }

    @Test
    void aSignedReportVerifiesAndNamesItsSigner() throws Exception {
        ReportVerifier.Result r = verify(sign("signed.pdf", ZOE, null, NOW), List.of(ZOE.certificate()), List.of());
        assertThat(r.signing()).as(messages(r)).isEmpty();
        assertThat(r.verdict()).isEqualTo(ReportVerifier.Verdict.VERIFIED);
        assertThat(r.signatures()).singleElement().satisfies(s -> {
            assertThat(s.check().signer()).isEqualTo("CN=Zoë Müller\\, Example Audit");
            assertThat(s.label()).isEqualTo("signature 1 (Zoë Müller, Example Audit)");
            assertThat(s.check().fingerprint()).isEqualTo(ZOE.fingerprint());
            assertThat(s.check().level()).isEqualTo("PAdES B-B");
            assertThat(s.claimedTime()).isEqualTo(NOW);
        });
    }

    @Test
    void aSignedReportKeepsTheUnsignedRevisionByteForByte() throws Exception {
        byte[] signed = Files.readAllBytes(sign("signed.pdf", ZOE, null, NOW));
        assertThat(java.util.Arrays.copyOf(signed, unsigned.length)).isEqualTo(unsigned);
    }

    @Test
    void aSignedReportIsStillPdfA3b() throws Exception {
        Path pdf = sign("signed.pdf", ZOE, null, NOW);
        VeraPdf.assertPdfA3b(pdf);
    }

    @Test
    void aSignatureWithATimestampFromTheAuthorityIsBaselineT() throws Exception {
        Instant stampedAt = Instant.parse("2026-04-01T09:00:05Z");
        try (LoopbackTsaServer server = LoopbackTsaServer.start(TestTimestampAuthority.forLog("report-tsa"),
                Clock.fixed(stampedAt, ZoneOffset.UTC))) {
            List<X509Certificate> root = List.of(server.authority().rootCertificate());
            Timestamping tsa = HttpTimestampAuthority.connect(server.url(), root, Duration.ofSeconds(5));
            ReportVerifier.Result r = verify(sign("b-t.pdf", ZOE, tsa, NOW), List.of(ZOE.certificate()), root);
            assertThat(r.signing()).as(messages(r)).isEmpty();
            assertThat(r.signatures()).singleElement().satisfies(s -> {
                assertThat(s.check().level()).isEqualTo("PAdES B-T");
                assertThat(s.check().timestamp().tsaTrusted()).isTrue();
                assertThat(s.check().timestamp().genTime()).isEqualTo(stampedAt);
            });
        }
    }

    @Test
    void aTimestampByAnAuthorityWhoseRootIsNotTrustedIsAWarningOnly() throws Exception {
        TestTimestampAuthority authority = TestTimestampAuthority.forLog("report-tsa");
        Timestamping tsa = new Timestamping((data, at) -> authority.stamp(data, NOW), authority.chainPem());
        ReportVerifier.Result r = verify(sign("b-t.pdf", ZOE, tsa, NOW), List.of(ZOE.certificate()), List.of());
        assertThat(codes(r)).containsExactly(FindingCode.TIMESTAMP_TSA_UNTRUSTED);
        assertThat(r.signatures().get(0).check().level()).isEqualTo("PAdES B-T");
        assertThat(r.verdict()).isEqualTo(ReportVerifier.Verdict.VERIFIED);
    }

    @Test
    void aTimestampOverOtherBytesThanTheSignatureValueFails() throws Exception {
        TestTimestampAuthority authority = TestTimestampAuthority.forLog("report-tsa");
        Timestamping elsewhere = new Timestamping((data, at) -> authority.stamp("other bytes".getBytes(StandardCharsets.UTF_8),
                NOW), authority.chainPem());
        ReportVerifier.Result r = verify(sign("wrong-stamp.pdf", ZOE, elsewhere, NOW), List.of(ZOE.certificate()),
                List.of(authority.rootCertificate()));
        assertThat(codes(r)).containsExactly(FindingCode.REPORT_TIMESTAMP_INVALID);
        assertThat(messages(r)).contains("IMPRINT_MISMATCH");
        assertThat(r.verdict()).isEqualTo(ReportVerifier.Verdict.BROKEN);
    }

    @Test
    void aTimestampProvesTheCertificateWasValidWhenItHasExpiredSince() throws Exception {
        ReportSigningKey lastYear = ReportSigningKey.generate("Zoë Müller", Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00Z"), new SecureRandom(new byte[] {2}));
        Instant signedAt = Instant.parse("2025-06-01T12:00:00Z");
        try (LoopbackTsaServer server = LoopbackTsaServer.start(TestTimestampAuthority.forLog("report-tsa"),
                Clock.fixed(signedAt, ZoneOffset.UTC))) {
            List<X509Certificate> root = List.of(server.authority().rootCertificate());
            Timestamping tsa = HttpTimestampAuthority.connect(server.url(), root, Duration.ofSeconds(5));
            ReportVerifier.Result r = verify(sign("b-t-2025.pdf", lastYear, tsa, signedAt), List.of(lastYear.certificate()), root);
            assertThat(r.signing()).as(messages(r)).isEmpty();
        }
    }

    @Test
    void anExpiredCertificateWithoutATimestampIsNamed() throws Exception {
        ReportSigningKey lastYear = ReportSigningKey.generate("Zoë Müller", Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00Z"), new SecureRandom(new byte[] {3}));
        ReportVerifier.Result r = verify(sign("expired.pdf", lastYear, null, Instant.parse("2025-06-01T12:00:00Z")),
                List.of(lastYear.certificate()), List.of());
        assertThat(codes(r)).containsExactly(FindingCode.REPORT_SIGNER_CERT_INVALID);
        assertThat(messages(r)).contains("CN=Zoë Müller", lastYear.fingerprint(), "expired on 2026-01-01T00:00:00Z");
        assertThat(r.verdict()).isEqualTo(ReportVerifier.Verdict.BROKEN);
    }

    @Test
    void anotherSignerThanTheOneExpectedIsNamedWithBoth() throws Exception {
        ReportSigningKey mallory = ReportSigningKey.generate("Zoë Müller, Example Audit", Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2028-01-01T00:00:00Z"), new SecureRandom(new byte[] {4}));
        ReportVerifier.Result r = verify(sign("mallory.pdf", mallory, null, NOW), List.of(ZOE.certificate()), List.of());
        assertThat(codes(r)).containsExactly(FindingCode.REPORT_SIGNER_MISMATCH);
        assertThat(messages(r)).contains("expected CN=Zoë Müller\\, Example Audit (SHA-256 " + ZOE.fingerprint(),
                "found CN=Zoë Müller\\, Example Audit (SHA-256 " + mallory.fingerprint());
        assertThat(r.verdict()).isEqualTo(ReportVerifier.Verdict.BROKEN);
    }

    @Test
    void aSignerNoCertificateWasGivenForIsNamedWithAWarningOnly() throws Exception {
        ReportVerifier.Result r = verify(sign("signed.pdf", ZOE, null, NOW), List.of(), List.of());
        assertThat(codes(r)).containsExactly(FindingCode.REPORT_SIGNER_UNTRUSTED);
        assertThat(messages(r)).contains(ZOE.fingerprint());
        assertThat(r.verdict()).isEqualTo(ReportVerifier.Verdict.VERIFIED);
    }

    @Test
    void aByteChangedInTheSignedRangeFails() throws Exception {
        Path pdf = sign("signed.pdf", ZOE, null, NOW);
        byte[] bytes = Files.readAllBytes(pdf);
        // the title in the XMP metadata, which is stored uncompressed: the report still opens, its words changed
        int at = indexOf(bytes, "Signed checks".getBytes(StandardCharsets.US_ASCII));
        bytes[at] = 'Z';
        Path tampered = tmp.resolve("tampered.pdf");
        Files.write(tampered, bytes);
        ReportVerifier.Result r = verify(tampered, List.of(ZOE.certificate()), List.of());
        assertThat(codes(r)).containsExactly(FindingCode.REPORT_SIGNED_BYTES_ALTERED);
        assertThat(messages(r)).contains("changed after it was signed");
        assertThat(r.verdict()).isEqualTo(ReportVerifier.Verdict.BROKEN);
    }

    @Test
    void anUpdateAppendedAfterSigningFails() throws Exception {
        Path pdf = sign("signed.pdf", ZOE, null, NOW);
        Path updated = tmp.resolve("updated.pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile()); OutputStream out = Files.newOutputStream(updated)) {
            doc.getDocumentInformation().setTitle("Nothing to see");
            doc.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
            doc.saveIncremental(out);
        }
        ReportVerifier.Result r = verify(updated, List.of(ZOE.certificate()), List.of());
        assertThat(codes(r)).containsExactly(FindingCode.REPORT_UPDATED_AFTER_SIGNING);
        assertThat(messages(r)).contains("updated after it was signed", "bytes follow");
        assertThat(r.verdict()).isEqualTo(ReportVerifier.Verdict.BROKEN);
    }

    @Test
    void anUpdateThatRemovesTheSignatureIsNotAnUnsignedReport() throws Exception {
        Path pdf = sign("signed.pdf", ZOE, null, NOW);
        Path stripped = tmp.resolve("stripped.pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile()); OutputStream out = Files.newOutputStream(stripped)) {
            doc.getDocumentCatalog().getCOSObject().removeItem(org.apache.pdfbox.cos.COSName.ACRO_FORM);
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            doc.saveIncremental(out);
        }
        ReportVerifier.Result r = verify(stripped, List.of(ZOE.certificate()), List.of());
        assertThat(codes(r)).containsExactly(FindingCode.REPORT_UPDATED_AFTER_SIGNING);
        assertThat(messages(r)).contains("removed the signature");
        assertThat(r.verdict()).isEqualTo(ReportVerifier.Verdict.BROKEN);
    }

    @Test
    void contentsThatAreNoCmsSignatureAreAnInvalidSignature() throws Exception {
        Path pdf = sign("signed.pdf", ZOE, null, NOW);
        byte[] bytes = Files.readAllBytes(pdf);
        int contents;
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            contents = doc.getSignatureDictionaries().get(0).getByteRange()[1];
        }
        bytes[contents + 1] = (byte) (bytes[contents + 1] == 'F' ? '0' : 'F'); // the DER's first tag: no SEQUENCE any more
        Path garbled = tmp.resolve("garbled.pdf");
        Files.write(garbled, bytes);
        ReportVerifier.Result r = verify(garbled, List.of(ZOE.certificate()), List.of());
        assertThat(codes(r)).containsExactly(FindingCode.REPORT_SIGNATURE_INVALID);
        assertThat(r.verdict()).isEqualTo(ReportVerifier.Verdict.BROKEN);
    }

    @Test
    void anUnsignedReportStillVerifiesAndSaysItIsNotSigned() throws Exception {
        ReportVerifier.Result r = verify(unsignedPdf, List.of(), List.of());
        assertThat(r.signed()).isFalse();
        assertThat(codes(r)).containsExactly(FindingCode.REPORT_NOT_SIGNED);
        assertThat(messages(r)).contains("no PDF signature");
        assertThat(r.verdict()).isEqualTo(ReportVerifier.Verdict.VERIFIED);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not in the report: " + new String(needle, StandardCharsets.US_ASCII));
    }
}
