package io.sealtrail.app.ui.bundles;

import io.sealtrail.verify.BundleVerifier;
import io.sealtrail.verify.VerificationReport;
import io.sealtrail.verify.VerifyOptions;
import io.sealtrail.verify.bundle.BundleFormatException;
import java.nio.file.Path;

/** The core call the workbench makes: {@code new BundleVerifier()::verify} in production. */
@FunctionalInterface
public interface BundleVerification {
    VerificationReport verify(Path bundle, VerifyOptions options, BundleVerifier.Progress progress)
            throws BundleFormatException;
}
