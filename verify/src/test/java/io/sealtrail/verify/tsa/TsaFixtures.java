package io.sealtrail.verify.tsa;

import io.sealtrail.tools.tsa.TestTimestampAuthority;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.util.CollectionStore;

/** Shared authorities (key derivation costs a fraction of a second each) and token surgery helpers. */
final class TsaFixtures {
    static final Instant NOT_BEFORE = Instant.parse("2020-01-01T00:00:00Z");
    static final Instant NOT_AFTER = Instant.parse("2099-01-01T00:00:00Z");
    static final Instant GEN_TIME = Instant.parse("2025-03-14T15:09:26.535Z");
    static final byte[] DATA = "sealtrail checkpoint\n42\nabc=\n".getBytes(StandardCharsets.UTF_8);

    static final TestTimestampAuthority AUTHORITY = TestTimestampAuthority.create(
            bytes("seed-one"), "Sealtrail Test TSA", NOT_BEFORE, NOT_AFTER);
    static final TestTimestampAuthority OTHER_AUTHORITY = TestTimestampAuthority.create(
            bytes("seed-two"), "Sealtrail Test TSA", NOT_BEFORE, NOT_AFTER);

    private TsaFixtures() {
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The TimeStampToken (CMS ContentInfo) inside a response, DER-encoded. */
    static byte[] bareToken(byte[] tsr) throws IOException, TSPException {
        return new TimeStampResponse(tsr).getTimeStampToken().getEncoded(ASN1Encoding.DER);
    }

    /** The bare token with its certificate set removed; the signature stays valid (certs are unsigned). */
    static byte[] tokenWithoutCertificates(byte[] tsr) throws IOException, TSPException, CMSException {
        CMSSignedData signed = new CMSSignedData(bareToken(tsr));
        CMSSignedData stripped = CMSSignedData.replaceCertificatesAndCRLs(
                signed, new CollectionStore<>(List.of()), null, null);
        return stripped.toASN1Structure().getEncoded(ASN1Encoding.DER);
    }
}
