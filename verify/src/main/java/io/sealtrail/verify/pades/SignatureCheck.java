package io.sealtrail.verify.pades;

import io.sealtrail.model.Finding;
import io.sealtrail.model.Severity;
import io.sealtrail.verify.tsa.TimestampCheck;
import java.time.Instant;
import java.util.List;

/**
 * What checking one CMS signature of a report found. The signer's name and fingerprint are filled in whenever the
 * certificate could be read, also when the signature fails, so the output always names who claims to have signed.
 *
 * @param signer      the signer certificate's subject (RFC 2253), or null when the signature names none it carries
 * @param fingerprint SHA-256 of the signer certificate, lower-case hex, or null
 * @param timestamp   the check of the signature's RFC 3161 token (PAdES B-T), or null when it carries none (B-B)
 * @param checkedAt   the time the certificate's validity was judged at: the token's time when it verifies, else now
 * @param findings    every problem; none of severity ERROR means the signature holds
 */
public record SignatureCheck(String signer, String fingerprint, TimestampCheck timestamp, Instant checkedAt,
                             List<Finding> findings) {
    public SignatureCheck {
        findings = List.copyOf(findings);
    }

    public boolean ok() {
        return findings.stream().noneMatch(f -> f.severity() == Severity.ERROR);
    }

    /** B-T when a timestamp verified over the signature, else B-B. */
    public String level() {
        return timestamp != null && timestamp.ok() ? "PAdES B-T" : "PAdES B-B";
    }
}
