package io.sealtrail.app.ui.report;

import io.sealtrail.report.ReportSigner;
import io.sealtrail.verify.bundle.Timestamping;
import io.sealtrail.verify.pades.ReportSigningKey;
import io.sealtrail.verify.pades.SigningKeyException;
import io.sealtrail.verify.tsa.HttpTimestampAuthority;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The report dialog's "Sign with key…": the {@code report key} file and an optional time-stamping authority, read as
 * {@code sealtrail report --sign-key/--tsa} reads them (docs/reports.md), every refusal in words for the dialog.
 *
 * @param keyFile the PEM file with the private key and its certificate, or null for an unsigned report
 * @param tsa     the authority's URL for PAdES B-T, or blank for B-B
 */
public record ReportSigning(Path keyFile, String tsa) {
    public static final ReportSigning NONE = new ReportSigning(null, "");

    public ReportSigning {
        tsa = tsa == null ? "" : tsa.strip();
    }

    /** @throws IllegalArgumentException for a timestamp without a key, said before anything runs */
    void check() {
        if (keyFile == null && !tsa.isEmpty()) {
            throw new IllegalArgumentException("A timestamp authority timestamps the report's signature: choose the"
                    + " signing key too (Sign with key…)");
        }
    }

    /**
     * The signer, or null for an unsigned report; asks the authority once, as {@code sealtrail seal} does, so a TSA that
     * cannot be used fails before the report is written. Off the FX thread.
     *
     * @throws IOException the key cannot be read, is not a report signing key or has expired; the TSA fails
     */
    ReportSigner signer() throws IOException {
        if (keyFile == null) {
            return null;
        }
        ReportSigningKey key;
        try {
            key = ReportSigningKey.parse(Files.readString(keyFile, StandardCharsets.US_ASCII));
        } catch (SigningKeyException e) {
            throw new IOException(keyFile + ": not a report signing key: " + e.getMessage()
                    + " (create one with 'sealtrail report key')", e);
        }
        if (!key.certificate().getNotAfter().toInstant().isAfter(Instant.now())) {
            throw new IOException(keyFile + ": its certificate expired on " + key.certificate().getNotAfter().toInstant()
                    + "; every reader would reject the signature (create a new key with 'sealtrail report key')");
        }
        Timestamping timestamping = null;
        if (!tsa.isEmpty()) {
            try {
                timestamping = HttpTimestampAuthority.connect(URI.create(tsa), List.of(),
                        HttpTimestampAuthority.DEFAULT_TIMEOUT);
            } catch (IllegalArgumentException e) {
                throw new IOException("time-stamping authority " + tsa + ": not a URL (" + e.getMessage() + ")", e);
            } catch (HttpTimestampAuthority.TsaException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        return new ReportSigner(key, timestamping);
    }
}
