package io.sealtrail.verify.tsa;

import java.io.IOException;
import java.util.StringJoiner;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.tsp.TimeStampResp;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/** Parses a TimeStampResp or a bare TimeStampToken into a token, refusing anything else. */
final class TokenReader {
    /** Far above any real token (a few KiB with a chain); guards the DER parser. */
    private static final int MAX_BYTES = 1 << 20;

    private TokenReader() {
    }

    static TimeStampToken read(byte[] bytes) throws TimestampFormatException {
        if (bytes == null || bytes.length == 0) {
            throw new TimestampFormatException("timestamp is empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw new TimestampFormatException("timestamp is " + bytes.length + " bytes, more than the limit of " + MAX_BYTES);
        }
        ASN1Sequence sequence = sequence(bytes);
        // ContentInfo starts with its contentType OID; TimeStampResp starts with a PKIStatusInfo SEQUENCE.
        if (sequence.size() > 0 && sequence.getObjectAt(0) instanceof ASN1ObjectIdentifier) {
            return token(sequence);
        }
        return fromResponse(sequence);
    }

    private static ASN1Sequence sequence(byte[] bytes) throws TimestampFormatException {
        ASN1Primitive primitive;
        try {
            primitive = ASN1Primitive.fromByteArray(bytes); // also rejects trailing bytes
        } catch (IOException | RuntimeException e) {
            throw new TimestampFormatException("timestamp is not valid DER: " + e.getMessage(), e);
        }
        if (!(primitive instanceof ASN1Sequence sequence)) {
            throw new TimestampFormatException("timestamp is not a DER SEQUENCE (TimeStampResp or TimeStampToken)");
        }
        return sequence;
    }

    private static TimeStampToken token(ASN1Sequence sequence) throws TimestampFormatException {
        try {
            return new TimeStampToken(ContentInfo.getInstance(sequence));
        } catch (TSPException | IOException | RuntimeException e) {
            throw new TimestampFormatException("not a valid TimeStampToken: " + e.getMessage(), e);
        }
    }

    private static TimeStampToken fromResponse(ASN1Sequence sequence) throws TimestampFormatException {
        TimeStampResponse response;
        try {
            response = new TimeStampResponse(TimeStampResp.getInstance(sequence));
        } catch (TSPException | IOException | RuntimeException e) {
            throw new TimestampFormatException("not a valid TimeStampResp: " + e.getMessage(), e);
        }
        int status = response.getStatus();
        if (status != PKIStatus.GRANTED && status != PKIStatus.GRANTED_WITH_MODS) {
            throw new TimestampFormatException("TSA did not grant the timestamp: status " + statusName(status)
                    + describe(response.getStatusString(), response.getFailInfo()));
        }
        TimeStampToken token = response.getTimeStampToken();
        if (token == null) {
            throw new TimestampFormatException("TimeStampResp has status " + statusName(status) + " but no token");
        }
        return token;
    }

    private static String statusName(int status) {
        String name = switch (status) {
            case PKIStatus.GRANTED -> "granted";
            case PKIStatus.GRANTED_WITH_MODS -> "grantedWithMods";
            case PKIStatus.REJECTION -> "rejection";
            case PKIStatus.WAITING -> "waiting";
            case PKIStatus.REVOCATION_WARNING -> "revocationWarning";
            case PKIStatus.REVOCATION_NOTIFICATION -> "revocationNotification";
            default -> "unknown";
        };
        return name + " (" + status + ")";
    }

    private static String describe(String statusString, PKIFailureInfo failInfo) {
        StringBuilder out = new StringBuilder();
        if (statusString != null) {
            out.append(", text '").append(statusString).append('\'');
        }
        if (failInfo != null) {
            out.append(", failInfo ").append(failureNames(failInfo.intValue()));
        }
        return out.toString();
    }

    /** The failure bits RFC 3161 section 2.4.2 defines; others are shown as a hex mask. */
    private static String failureNames(int bits) {
        int[] masks = {PKIFailureInfo.badAlg, PKIFailureInfo.badRequest, PKIFailureInfo.badDataFormat,
            PKIFailureInfo.timeNotAvailable, PKIFailureInfo.unacceptedPolicy, PKIFailureInfo.unacceptedExtension,
            PKIFailureInfo.addInfoNotAvailable, PKIFailureInfo.systemFailure};
        String[] names = {"badAlg", "badRequest", "badDataFormat", "timeNotAvailable", "unacceptedPolicy",
            "unacceptedExtension", "addInfoNotAvailable", "systemFailure"};
        StringJoiner out = new StringJoiner(", ", "[", "]");
        int rest = bits;
        for (int i = 0; i < masks.length; i++) {
            if ((bits & masks[i]) != 0) {
                out.add(names[i]);
                rest &= ~masks[i];
            }
        }
        if (rest != 0) {
            out.add("0x" + Integer.toHexString(rest));
        }
        return out.toString();
    }
}
