package io.sealtrail.verify.bundle;

import java.util.HexFormat;

/**
 * The text of manifest.sig, a C2SP signed note binding the manifest's SHA-256 to the log's origin and
 * the bundle id. Without it, someone could cut a bundle back to an earlier checkpoint and rewrite the
 * manifest to match.
 */
public final class ManifestSignature {
    public static final String HEADER = "sealtrail.io/bundle-manifest/v1";

    private ManifestSignature() {
    }

    public static String text(String origin, String bundleId, byte[] manifestSha256) {
        return HEADER + "\n" + origin + "\n" + bundleId + "\n" + HexFormat.of().formatHex(manifestSha256) + "\n";
    }
}
