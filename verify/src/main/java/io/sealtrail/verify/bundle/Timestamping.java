package io.sealtrail.verify.bundle;

import java.time.Instant;
import java.util.Objects;

/**
 * How a {@link BundleWriter} timestamps its checkpoints: the authority that answers with RFC 3161
 * responses, and the certificate chain (PEM) that the bundle carries for them. The product has no
 * authority of its own; the test TSA of the tools is one (docs/decisions/0017-tools-apart.md).
 */
public record Timestamping(Authority authority, String chainPem) {
    public Timestamping {
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(chainPem, "chainPem");
    }

    /** An RFC 3161 time-stamping authority. */
    @FunctionalInterface
    public interface Authority {
        /** A DER TimeStampResp over SHA-256(data) at genTime. */
        byte[] stamp(byte[] data, Instant genTime);
    }
}
