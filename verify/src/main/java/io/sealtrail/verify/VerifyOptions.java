package io.sealtrail.verify;

import io.sealtrail.verify.note.VerifierKey;
import io.sealtrail.verify.trust.SeenCheckpoint;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What the auditor brings to a verification: the log keys and TSA roots they trust, the checkpoints they
 * have verified before (to catch a log that forked), and optionally the previous export of the same log.
 * Every check runs regardless; options only add evidence.
 *
 * @param seen    checkpoints remembered from earlier verifications, of any log (only this bundle's origin
 *                is used)
 * @param threads how many segments to scan at once (at least 1)
 */
public record VerifyOptions(List<VerifierKey> trustedKeys, List<X509Certificate> trustedTsaRoots, Path previous,
                            int threads, List<SeenCheckpoint> seen) {

    public VerifyOptions {
        trustedKeys = List.copyOf(trustedKeys);
        trustedTsaRoots = List.copyOf(trustedTsaRoots);
        threads = Math.max(1, threads);
        seen = List.copyOf(seen);
    }

    /** Options that remember nothing from earlier verifications. */
    public VerifyOptions(List<VerifierKey> trustedKeys, List<X509Certificate> trustedTsaRoots, Path previous,
                         int threads) {
        this(trustedKeys, trustedTsaRoots, previous, threads, List.of());
    }

    public static VerifyOptions trusting(List<VerifierKey> keys) {
        return new VerifyOptions(keys, List.of(), null, Runtime.getRuntime().availableProcessors());
    }

    public VerifyOptions withPrevious(Path prev) {
        return new VerifyOptions(trustedKeys, trustedTsaRoots, prev, threads, seen);
    }

    public VerifyOptions withSeen(List<SeenCheckpoint> remembered) {
        return new VerifyOptions(trustedKeys, trustedTsaRoots, previous, threads, remembered);
    }
}
