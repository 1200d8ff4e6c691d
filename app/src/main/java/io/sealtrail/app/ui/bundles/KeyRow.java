package io.sealtrail.app.ui.bundles;

/**
 * A key seen in a bundle or in the auditor's trust, display-ready.
 *
 * @param trust  "trusted", "trusted for this session only" or "not trusted"
 * @param role   what the key did in this bundle, e.g. "declared, signed"
 */
public record KeyRow(String name, String fingerprint, boolean trusted, String trust, String role) {
}
