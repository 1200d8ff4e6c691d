package io.sealtrail.verify.tsa;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/**
 * Outcome of checking one RFC 3161 timestamp. Fields the check got far enough to read are filled
 * in even when it fails (a token with a bad signature still reports its claimed genTime), so never
 * trust them unless {@link #ok()}.
 *
 * @param genTime      the token's genTime, or null if the token could not be parsed
 * @param tsaName      the signer certificate's subject (RFC 2253), or null if it was not found
 * @param policyOid    the token's TSA policy, or null if unparsed
 * @param serialNumber the token's serial number, or null if unparsed
 * @param tsaTrusted   the chain was validated to one of the verifier's trusted roots; false
 *                     unless the status is OK
 * @param message      a human-readable explanation, never null
 */
public record TimestampCheck(
        Status status,
        Instant genTime,
        String tsaName,
        String policyOid,
        BigInteger serialNumber,
        boolean tsaTrusted,
        String message) {

    public enum Status {
        OK,
        /** Not a parsable granted response or token, or uses an unsupported imprint algorithm. */
        MALFORMED,
        /** Well-formed, but it timestamps other data. */
        IMPRINT_MISMATCH,
        /** Signer certificate missing, CMS signature wrong, or ESS binding/EKU/validity at genTime wrong. */
        SIGNATURE_INVALID,
        /** The signer certificate does not chain to a root at genTime. */
        CHAIN_INVALID
    }

    public TimestampCheck {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        if (tsaTrusted && status != Status.OK) {
            throw new IllegalArgumentException("only an OK check can be trusted");
        }
    }

    public boolean ok() {
        return status == Status.OK;
    }

    static TimestampCheck malformed(String message) {
        return new TimestampCheck(Status.MALFORMED, null, null, null, null, false, message);
    }
}
