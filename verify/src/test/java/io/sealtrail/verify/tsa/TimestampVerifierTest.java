package io.sealtrail.verify.tsa;

import static io.sealtrail.verify.tsa.TsaFixtures.AUTHORITY;
import static io.sealtrail.verify.tsa.TsaFixtures.DATA;
import static io.sealtrail.verify.tsa.TsaFixtures.GEN_TIME;
import static io.sealtrail.verify.tsa.TsaFixtures.OTHER_AUTHORITY;
import static io.sealtrail.verify.tsa.TsaFixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.tools.tsa.TestTimestampAuthority;
import io.sealtrail.verify.merkle.Sha256;
import io.sealtrail.verify.tsa.TimestampCheck.Status;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIFreeText;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.cmp.PKIStatusInfo;
import org.bouncycastle.asn1.tsp.TimeStampResp;
import org.junit.jupiter.api.Test;

class TimestampVerifierTest {
    private static final byte[] TSR = AUTHORITY.stamp(DATA, GEN_TIME);
    private static final List<X509Certificate> CHAIN = List.of(AUTHORITY.tsaCertificate(), AUTHORITY.rootCertificate());

    private final TimestampVerifier trusting = new TimestampVerifier(List.of(AUTHORITY.rootCertificate()));
    private final TimestampVerifier trustingNothing = new TimestampVerifier(List.of());

    @Test
    void validStampIsOkWithRequestedGenTime() {
        TimestampCheck check = trusting.verify(TSR, DATA, CHAIN);

        assertThat(check.status()).as(check.message()).isEqualTo(Status.OK);
        assertThat(check.ok()).isTrue();
        assertThat(check.genTime()).isEqualTo(GEN_TIME);
    }

    @Test
    void validStampReportsTsaNamePolicyAndSerial() {
        TimestampCheck check = trusting.verify(TSR, DATA, CHAIN);

        assertThat(check.tsaName()).isEqualTo("CN=Sealtrail Test TSA,O=Sealtrail test TSA");
        assertThat(check.policyOid()).isEqualTo(TestTimestampAuthority.POLICY_OID);
        assertThat(check.serialNumber()).isPositive();
    }

    @Test
    void stampIsTrustedWhenItsRootIsTrusted() {
        assertThat(trusting.verify(TSR, DATA, CHAIN).tsaTrusted()).isTrue();
    }

    @Test
    void stampIsValidButUntrustedWithoutTrustedRoots() {
        TimestampCheck check = trustingNothing.verify(TSR, DATA, CHAIN);

        assertThat(check.status()).as(check.message()).isEqualTo(Status.OK);
        assertThat(check.tsaTrusted()).isFalse();
    }

    @Test
    void stampIsUntrustedWhenOnlyAnotherRootIsTrusted() {
        TimestampCheck check = new TimestampVerifier(List.of(OTHER_AUTHORITY.rootCertificate())).verify(TSR, DATA, CHAIN);

        assertThat(check.status()).as(check.message()).isEqualTo(Status.OK);
        assertThat(check.tsaTrusted()).isFalse();
    }

    @Test
    void trustedRootCompletesChainWhenBundleOmitsIt() {
        TimestampCheck check = trusting.verify(TSR, DATA, List.of());

        assertThat(check.status()).as(check.message()).isEqualTo(Status.OK);
        assertThat(check.tsaTrusted()).isTrue();
    }

    @Test
    void otherDataIsImprintMismatchNamingBothHashes() {
        TimestampCheck check = trusting.verify(TSR, bytes("other data"), CHAIN);

        assertThat(check.status()).isEqualTo(Status.IMPRINT_MISMATCH);
        assertThat(check.message()).contains(sha256Hex(bytes("other data")), sha256Hex(DATA));
    }

    /**
     * The response ends with the SignerInfo's signature OCTET STRING (no unsigned attributes follow),
     * so flipping one of its last bytes keeps the DER intact: parsing and the imprint succeed and
     * only the RSA signature check fails.
     */
    @Test
    void flippedSignatureByteIsSignatureInvalid() {
        byte[] tampered = TSR.clone();
        tampered[tampered.length - 10] ^= 0x01;

        TimestampCheck check = trusting.verify(tampered, DATA, CHAIN);

        assertThat(check.status()).as(check.message()).isEqualTo(Status.SIGNATURE_INVALID);
        assertThat(check.tsaTrusted()).isFalse();
    }

    @Test
    void tokenWithoutCertificatesAndWrongBundleChainIsSignatureInvalid() throws Exception {
        byte[] stripped = TsaFixtures.tokenWithoutCertificates(TSR);
        List<X509Certificate> wrongChain = List.of(OTHER_AUTHORITY.tsaCertificate(), OTHER_AUTHORITY.rootCertificate());

        TimestampCheck check = trusting.verify(stripped, DATA, wrongChain);

        assertThat(check.status()).as(check.message()).isEqualTo(Status.SIGNATURE_INVALID);
        assertThat(check.message()).contains("signer certificate");
    }

    @Test
    void tokenWithoutCertificatesVerifiesWithBundleChain() throws Exception {
        TimestampCheck check = trusting.verify(TsaFixtures.tokenWithoutCertificates(TSR), DATA, CHAIN);

        assertThat(check.status()).as(check.message()).isEqualTo(Status.OK);
    }

    @Test
    void wrongBundleChainWithoutTrustedRootIsChainInvalid() {
        List<X509Certificate> wrongChain = List.of(OTHER_AUTHORITY.tsaCertificate(), OTHER_AUTHORITY.rootCertificate());

        TimestampCheck check = trustingNothing.verify(TSR, DATA, wrongChain);

        assertThat(check.status()).as(check.message()).isEqualTo(Status.CHAIN_INVALID);
        assertThat(check.message()).contains("no issuer certificate");
    }

    @Test
    void tokenFromCertificateExpiredNowButValidAtGenTimeIsOk() {
        TestTimestampAuthority expired = TestTimestampAuthority.create(bytes("expired"), "Old TSA",
                Instant.parse("2019-01-01T00:00:00Z"), Instant.parse("2021-01-01T00:00:00Z"));
        Instant genTime = Instant.parse("2020-06-30T23:59:59Z");
        byte[] tsr = expired.stamp(DATA, genTime);
        TimestampVerifier verifier = new TimestampVerifier(List.of(expired.rootCertificate()));

        TimestampCheck check = verifier.verify(tsr, DATA, List.of(expired.tsaCertificate(), expired.rootCertificate()));

        assertThat(check.status()).as(check.message()).isEqualTo(Status.OK);
        assertThat(check.genTime()).isEqualTo(genTime);
        assertThat(check.tsaTrusted()).isTrue();
    }

    @Test
    void garbageBytesAreMalformed() {
        TimestampCheck check = trusting.verify(bytes("this is not DER at all"), DATA, CHAIN);

        assertThat(check.status()).isEqualTo(Status.MALFORMED);
        assertThat(check.message()).isNotBlank();
        assertThat(check.genTime()).isNull();
    }

    @Test
    void emptyBytesAreMalformed() {
        assertThat(trusting.verify(new byte[0], DATA, CHAIN).status()).isEqualTo(Status.MALFORMED);
    }

    @Test
    void nullBytesAreMalformed() {
        assertThat(trusting.verify(null, DATA, CHAIN).status()).isEqualTo(Status.MALFORMED);
    }

    @Test
    void everyTruncationOfTheResponseIsMalformed() {
        for (int length = 1; length < TSR.length; length += 7) {
            TimestampCheck check = trusting.verify(Arrays.copyOf(TSR, length), DATA, CHAIN);
            assertThat(check.status()).as("truncated to %d bytes: %s", length, check.message()).isEqualTo(Status.MALFORMED);
        }
    }

    @Test
    void trailingBytesAfterResponseAreMalformed() {
        byte[] extended = Arrays.copyOf(TSR, TSR.length + 1);

        assertThat(trusting.verify(extended, DATA, CHAIN).status()).isEqualTo(Status.MALFORMED);
    }

    @Test
    void bareTokenIsAccepted() throws Exception {
        TimestampCheck check = trusting.verify(TsaFixtures.bareToken(TSR), DATA, CHAIN);

        assertThat(check.status()).as(check.message()).isEqualTo(Status.OK);
        assertThat(check.genTime()).isEqualTo(GEN_TIME);
    }

    @Test
    void rejectedResponseIsMalformedWithStatusText() throws Exception {
        byte[] rejected = new TimeStampResp(new PKIStatusInfo(PKIStatus.rejection, new PKIFreeText("policy not accepted"),
                new PKIFailureInfo(PKIFailureInfo.unacceptedPolicy)), null).getEncoded(ASN1Encoding.DER);

        TimestampCheck check = trusting.verify(rejected, DATA, CHAIN);

        assertThat(check.status()).isEqualTo(Status.MALFORMED);
        assertThat(check.message()).contains("rejection", "policy not accepted", "unacceptedPolicy");
    }

    @Test
    void grantedResponseWithoutTokenIsMalformed() throws Exception {
        byte[] empty = new TimeStampResp(new PKIStatusInfo(PKIStatus.granted), null).getEncoded(ASN1Encoding.DER);

        TimestampCheck check = trusting.verify(empty, DATA, CHAIN);

        assertThat(check.status()).isEqualTo(Status.MALFORMED);
        assertThat(check.message()).contains("no token");
    }

    private static String sha256Hex(byte[] data) {
        return Sha256.hex(data);
    }

    @Test
    void distinctStampsHaveDistinctSerials() {
        BigInteger first = trusting.verify(TSR, DATA, CHAIN).serialNumber();
        byte[] later = AUTHORITY.stamp(DATA, GEN_TIME.plusSeconds(1));

        assertThat(trusting.verify(later, DATA, CHAIN).serialNumber()).isNotEqualTo(first);
    }
}
