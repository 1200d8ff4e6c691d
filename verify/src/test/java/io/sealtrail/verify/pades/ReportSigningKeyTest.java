package io.sealtrail.verify.pades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The report signing key file: what 'sealtrail report key' writes reads back, and what cannot sign a report is refused. */
class ReportSigningKeyTest {
    static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant TO = Instant.parse("2028-01-01T00:00:00Z");

    static ReportSigningKey key(int seed) {
        return ReportSigningKey.generate("Zoë Müller", FROM, TO, new SecureRandom(new byte[] {(byte) seed}));
    }

    @Test
    void aWrittenKeyReadsBackWithTheSameCertificate() throws Exception {
        ReportSigningKey k = key(1);
        ReportSigningKey read = ReportSigningKey.parse(k.encode());
        assertThat(read.fingerprint()).isEqualTo(k.fingerprint());
        assertThat(read.subject()).isEqualTo("CN=Zoë Müller");
        assertThat(read.certificate().getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(read.certificate().getKeyUsage()[0]).as("digitalSignature").isTrue();
    }

    @Test
    void aCertificateOfAnotherKeyIsRefused() {
        String mixed = key(1).encode();
        mixed = mixed.substring(0, mixed.indexOf("-----BEGIN CERTIFICATE-----")) + key(2).certificatePem();
        String file = mixed;
        assertThatThrownBy(() -> ReportSigningKey.parse(file)).isInstanceOf(SigningKeyException.class)
                .hasMessageContaining("is not the private key's");
    }

    @Test
    void anEd25519KeyIsRefusedBecausePdfReadersCannotCheckIt() throws Exception {
        byte[] ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded();
        String file = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(ed)
                + "\n-----END PRIVATE KEY-----\n" + key(1).certificatePem();
        assertThatThrownBy(() -> ReportSigningKey.parse(file)).isInstanceOf(SigningKeyException.class)
                .hasMessageContaining("Ed25519 keys are not accepted");
    }

    @Test
    void aFileWithoutItsCertificateSaysWhatIsMissing() {
        String keyOnly = key(1).encode();
        String file = keyOnly.substring(0, keyOnly.indexOf("-----BEGIN CERTIFICATE-----"));
        assertThatThrownBy(() -> ReportSigningKey.parse(file)).isInstanceOf(SigningKeyException.class)
                .hasMessageContaining("lacks the CERTIFICATE");
    }
}
