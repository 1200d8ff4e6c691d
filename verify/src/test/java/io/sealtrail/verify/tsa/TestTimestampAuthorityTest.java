package io.sealtrail.verify.tsa;

import static io.sealtrail.verify.tsa.TsaFixtures.AUTHORITY;
import static io.sealtrail.verify.tsa.TsaFixtures.DATA;
import static io.sealtrail.verify.tsa.TsaFixtures.GEN_TIME;
import static io.sealtrail.verify.tsa.TsaFixtures.NOT_AFTER;
import static io.sealtrail.verify.tsa.TsaFixtures.NOT_BEFORE;
import static io.sealtrail.verify.tsa.TsaFixtures.OTHER_AUTHORITY;
import static io.sealtrail.verify.tsa.TsaFixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.tools.tsa.TestTimestampAuthority;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestTimestampAuthorityTest {
    private static final String TIME_STAMPING = "1.3.6.1.5.5.7.3.8";
    private static final String EXTENDED_KEY_USAGE = "2.5.29.37";

    @Test
    void sameSeedGivesIdenticalChainPem() {
        TestTimestampAuthority again = TestTimestampAuthority.create(bytes("seed-one"), "Sealtrail Test TSA", NOT_BEFORE, NOT_AFTER);

        assertThat(again.chainPem()).isEqualTo(AUTHORITY.chainPem());
    }

    @Test
    void sameSeedGivesIdenticalStampBytes() {
        TestTimestampAuthority again = TestTimestampAuthority.create(bytes("seed-one"), "Sealtrail Test TSA", NOT_BEFORE, NOT_AFTER);

        assertThat(again.stamp(DATA, GEN_TIME)).isEqualTo(AUTHORITY.stamp(DATA, GEN_TIME));
    }

    @Test
    void differentSeedGivesDifferentKeys() {
        assertThat(OTHER_AUTHORITY.tsaCertificate().getPublicKey()).isNotEqualTo(AUTHORITY.tsaCertificate().getPublicKey());
        assertThat(OTHER_AUTHORITY.rootCertificate().getSerialNumber()).isNotEqualTo(AUTHORITY.rootCertificate().getSerialNumber());
    }

    @Test
    void chainPemHoldsTsaThenRoot() throws Exception {
        assertThat(Pem.readCertificates(bytes(AUTHORITY.chainPem())))
                .containsExactly(AUTHORITY.tsaCertificate(), AUTHORITY.rootCertificate());
    }

    @Test
    void certificatesCarryTheRequestedNames() {
        assertThat(AUTHORITY.rootCertificate().getSubjectX500Principal().getName())
                .isEqualTo("CN=Sealtrail Test TSA Root CA,O=Sealtrail test TSA");
        assertThat(AUTHORITY.tsaCertificate().getSubjectX500Principal().getName())
                .isEqualTo("CN=Sealtrail Test TSA,O=Sealtrail test TSA");
        assertThat(AUTHORITY.tsaCertificate().getIssuerX500Principal())
                .isEqualTo(AUTHORITY.rootCertificate().getSubjectX500Principal());
    }

    @Test
    void tsaCertificateHasOnlyCriticalTimeStampingUsage() throws Exception {
        X509Certificate tsa = AUTHORITY.tsaCertificate();

        assertThat(tsa.getExtendedKeyUsage()).containsExactly(TIME_STAMPING);
        assertThat(tsa.getCriticalExtensionOIDs()).contains(EXTENDED_KEY_USAGE);
    }

    @Test
    void tsaCertificateIsAnEndEntityForSigning() {
        X509Certificate tsa = AUTHORITY.tsaCertificate();
        boolean[] keyUsage = tsa.getKeyUsage();

        assertThat(tsa.getBasicConstraints()).isEqualTo(-1);
        assertThat(keyUsage[0]).as("digitalSignature").isTrue();
        assertThat(keyUsage[1]).as("nonRepudiation").isTrue();
        assertThat(keyUsage[5]).as("keyCertSign").isFalse();
    }

    @Test
    void rootIsASelfSignedCa() {
        X509Certificate root = AUTHORITY.rootCertificate();

        assertThat(root.getBasicConstraints()).isEqualTo(0);
        assertThat(root.getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(TsaChain.isSelfSigned(root)).isTrue();
    }

    @Test
    void keysAreRsa2048() {
        RSAPublicKey key = (RSAPublicKey) AUTHORITY.tsaCertificate().getPublicKey();

        assertThat(key.getModulus().bitLength()).isEqualTo(2048);
    }

    @Test
    void certificatesAreValidForTheRequestedPeriod() {
        assertThat(AUTHORITY.tsaCertificate().getNotBefore().toInstant()).isEqualTo(NOT_BEFORE);
        assertThat(AUTHORITY.tsaCertificate().getNotAfter().toInstant()).isEqualTo(NOT_AFTER);
    }

    @Test
    void stampOutsideCertificateValidityIsRejected() {
        assertThatThrownBy(() -> AUTHORITY.stamp(DATA, NOT_AFTER.plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside");
    }

    @Test
    void notBeforeAfterNotAfterIsRejected() {
        assertThatThrownBy(() -> TestTimestampAuthority.create(bytes("s"), "x", NOT_AFTER, NOT_BEFORE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptySeedIsRejected() {
        assertThatThrownBy(() -> TestTimestampAuthority.create(new byte[0], "x", NOT_BEFORE, NOT_AFTER))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void chainPemIsReadableAsJdkCertificates() throws Exception {
        List<X509Certificate> chain = Pem.readCertificates(bytes(AUTHORITY.chainPem()));

        chain.get(0).verify(chain.get(1).getPublicKey());
    }
}
