package io.sealtrail.tools.tsa;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

/**
 * Writes PEM certificate chains (RFC 7468 "CERTIFICATE" blocks). The product only reads them
 * ({@code io.sealtrail.verify.tsa.Pem}); writing one is what a TSA, or a test of the reader, does.
 */
public final class PemWriter {
    private PemWriter() {
    }

    /** The certificates as consecutive PEM blocks with 64-column base64 and '\n' line ends. */
    public static String certificates(List<X509Certificate> certificates) {
        Base64.Encoder base64 = Base64.getMimeEncoder(64, new byte[] {'\n'});
        StringBuilder out = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            try {
                out.append("-----BEGIN CERTIFICATE-----\n")
                        .append(base64.encodeToString(certificate.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (CertificateEncodingException e) {
                throw new IllegalArgumentException("certificate cannot be encoded: " + certificate.getSubjectX500Principal(), e);
            }
        }
        return out.toString();
    }
}
