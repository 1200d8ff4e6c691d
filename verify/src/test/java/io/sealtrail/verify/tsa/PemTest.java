package io.sealtrail.verify.tsa;

import static io.sealtrail.verify.tsa.TsaFixtures.AUTHORITY;
import static io.sealtrail.verify.tsa.TsaFixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.tools.tsa.PemWriter;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PemTest {
    private static final List<X509Certificate> CHAIN = List.of(AUTHORITY.tsaCertificate(), AUTHORITY.rootCertificate());

    @Test
    void writtenCertificatesReadBackInOrder() throws Exception {
        assertThat(Pem.readCertificates(bytes(PemWriter.certificates(CHAIN)))).containsExactlyElementsOf(CHAIN);
    }

    @Test
    void writtenPemUsesStandardArmourAnd64ColumnLines() {
        String pem = PemWriter.certificates(List.of(AUTHORITY.rootCertificate()));

        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
        assertThat(pem.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(64));
    }

    @Test
    void textBetweenBlocksAndCrLfAreTolerated() throws Exception {
        String pem = "subject=CN=x\r\n" + PemWriter.certificates(CHAIN).replace("\n", "\r\n");

        assertThat(Pem.readCertificates(bytes(pem))).containsExactlyElementsOf(CHAIN);
    }

    @Test
    void emptyInputIsRejected() {
        assertThatThrownBy(() -> Pem.readCertificates(new byte[0]))
                .isInstanceOf(TimestampFormatException.class).hasMessageContaining("empty");
    }

    @Test
    void inputWithoutCertificateBlockIsRejected() {
        assertThatThrownBy(() -> Pem.readCertificates(bytes("hello")))
                .isInstanceOf(TimestampFormatException.class).hasMessageContaining("no '-----BEGIN CERTIFICATE-----'");
    }

    @Test
    void privateKeyBlockIsRejected() {
        String pem = "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n";

        assertThatThrownBy(() -> Pem.readCertificates(bytes(pem)))
                .isInstanceOf(TimestampFormatException.class).hasMessageContaining("PRIVATE KEY");
    }

    @Test
    void unterminatedBlockIsRejected() {
        String pem = PemWriter.certificates(CHAIN).replace("-----END CERTIFICATE-----\n", "");

        assertThatThrownBy(() -> Pem.readCertificates(bytes(pem)))
                .isInstanceOf(TimestampFormatException.class).hasMessageContaining("no '-----END CERTIFICATE-----'");
    }

    @Test
    void invalidBase64IsRejectedWithCause() {
        String pem = "-----BEGIN CERTIFICATE-----\nMII*notbase64\n-----END CERTIFICATE-----\n";

        assertThatThrownBy(() -> Pem.readCertificates(bytes(pem)))
                .isInstanceOf(TimestampFormatException.class).hasMessageContaining("base64")
                .hasCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void base64ThatIsNoCertificateIsRejected() {
        String pem = "-----BEGIN CERTIFICATE-----\naGVsbG8gd29ybGQ=\n-----END CERTIFICATE-----\n";

        assertThatThrownBy(() -> Pem.readCertificates(bytes(pem)))
                .isInstanceOf(TimestampFormatException.class).hasMessageContaining("not a valid X.509 certificate")
                .hasCauseInstanceOf(Exception.class);
    }

    @Test
    void moreThanTwentyCertificatesAreRejected() {
        String pem = PemWriter.certificates(Collections.nCopies(Pem.MAX_CERTIFICATES + 1, AUTHORITY.rootCertificate()));

        assertThatThrownBy(() -> Pem.readCertificates(bytes(pem)))
                .isInstanceOf(TimestampFormatException.class).hasMessageContaining("more than 20");
    }

    @Test
    void twentyCertificatesAreAccepted() throws Exception {
        String pem = PemWriter.certificates(Collections.nCopies(Pem.MAX_CERTIFICATES, AUTHORITY.rootCertificate()));

        assertThat(Pem.readCertificates(bytes(pem))).hasSize(20);
    }
}
