package io.sealtrail.verify;

import io.sealtrail.verify.note.VerifierKey;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What the auditor brings to a verification: the log keys and TSA roots they trust, and optionally the
 * previous export of the same log. Every check runs regardless; options only add evidence.
 *
 * @param threads how many segments to scan at once (at least 1)
 */
public record VerifyOptions(List<VerifierKey> trustedKeys, List<X509Certificate> trustedTsaRoots, Path previous,
                            int threads) {

    public VerifyOptions {
        trustedKeys = List.copyOf(trustedKeys);
        trustedTsaRoots = List.copyOf(trustedTsaRoots);
        threads = Math.max(1, threads);
    }

    public static VerifyOptions trusting(List<VerifierKey> keys) {
        return new VerifyOptions(keys, List.of(), null, Runtime.getRuntime().availableProcessors());
    }

    public VerifyOptions withPrevious(Path prev) {
        return new VerifyOptions(trustedKeys, trustedTsaRoots, prev, threads);
    }
}
