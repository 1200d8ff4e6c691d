package io.sealtrail.verify.pades;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.model.Finding;
import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Location;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;

/** The CMS half of a report signature, without a PDF: what PAdES B-B requires of the signed attributes. */
class CadesSignatureVerifierTest {
    static final Instant NOW = Instant.parse("2026-04-01T09:00:00Z");
    static final byte[] SIGNED = "%PDF-1.7 the bytes of the byte range".getBytes(StandardCharsets.US_ASCII);
    static final ReportSigningKey KEY = ReportSigningKey.generate("Zoë Müller", Instant.parse("2026-01-01T00:00:00Z"),
            Instant.parse("2028-01-01T00:00:00Z"), new SecureRandom());

    private static List<FindingCode> codes(SignatureCheck c) {
        return c.findings().stream().map(Finding::code).toList();
    }

    private static SignatureCheck check(byte[] cms) {
        return new CadesSignatureVerifier(List.of(), List.of(KEY.certificate())).check(cms, SIGNED, NOW, Location.file("t"));
    }

    @Test
    void aSignatureInZeroPaddedContentsHolds() throws Exception {
        byte[] cms = new CadesSigner(KEY, null).sign(new ByteArrayInputStream(SIGNED), NOW);
        SignatureCheck c = check(Arrays.copyOf(cms, cms.length + 4096)); // the room PDF reserves, filled with zeros
        assertThat(c.findings()).isEmpty();
        assertThat(c.fingerprint()).isEqualTo(KEY.fingerprint());
    }

    @Test
    void aSignatureWithoutSigningCertificateV2IsInvalid() throws Exception {
        // a plain CMS signature: the certificate it carries could be replaced by another of the same key
        ReportSigningKey plain = ReportSigningKey.generate("Plain", Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2028-01-01T00:00:00Z"), new SecureRandom());
        CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
        gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(plain.privateKey()), plain.certificate()));
        gen.addCertificates(new JcaCertStore(List.of(plain.certificate())));
        byte[] cms = gen.generate(new CMSProcessableByteArray(SIGNED), false).getEncoded();
        SignatureCheck c = new CadesSignatureVerifier(List.of(), List.of(plain.certificate()))
                .check(cms, SIGNED, NOW, Location.file("t"));
        assertThat(codes(c)).containsExactly(FindingCode.REPORT_SIGNATURE_INVALID);
        assertThat(c.findings().get(0).message()).contains("no signing-certificate-v2 attribute");
    }
}
