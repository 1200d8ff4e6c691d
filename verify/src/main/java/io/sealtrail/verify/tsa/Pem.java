package io.sealtrail.verify.tsa;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads PEM certificate chains (RFC 7468 "CERTIFICATE" blocks); the tools write them (PemWriter). */
public final class Pem {
    /** Bundles carry a TSA chain, typically two or three certificates; anything longer is suspect. */
    public static final int MAX_CERTIFICATES = 20;
    /** Hostile-input guard: a 20-certificate chain is far below this. */
    private static final int MAX_BYTES = 1 << 20;

    private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final String CERTIFICATE = "CERTIFICATE";

    private Pem() {
    }

    /**
     * Parses every CERTIFICATE block, in order. Text outside blocks is ignored (openssl writes
     * "subject=" lines there); any other block type is rejected, because a private key or CRL in a
     * bundle's chain file is a mistake the user should hear about.
     */
    public static List<X509Certificate> readCertificates(byte[] pem) throws TimestampFormatException {
        if (pem == null || pem.length == 0) {
            throw new TimestampFormatException("PEM input is empty");
        }
        if (pem.length > MAX_BYTES) {
            throw new TimestampFormatException("PEM input is " + pem.length + " bytes, more than the limit of " + MAX_BYTES);
        }
        String text = new String(pem, StandardCharsets.US_ASCII);
        List<X509Certificate> certificates = new ArrayList<>();
        Matcher begin = BEGIN.matcher(text);
        int position = 0;
        int index = 0;
        while (begin.find(position)) {
            String label = begin.group(1);
            index++;
            if (!label.equals(CERTIFICATE)) {
                throw new TimestampFormatException("PEM block " + index + " is '" + label + "', only CERTIFICATE is allowed");
            }
            String end = "-----END " + label + "-----";
            int endAt = text.indexOf(end, begin.end());
            if (endAt < 0) {
                throw new TimestampFormatException("PEM certificate " + index + " has no '" + end + "' line");
            }
            if (certificates.size() == MAX_CERTIFICATES) {
                throw new TimestampFormatException("PEM input holds more than " + MAX_CERTIFICATES + " certificates");
            }
            certificates.add(decode(text.substring(begin.end(), endAt), index));
            position = endAt + end.length();
        }
        if (certificates.isEmpty()) {
            throw new TimestampFormatException("PEM input contains no '-----BEGIN CERTIFICATE-----' block");
        }
        return List.copyOf(certificates);
    }

    private static X509Certificate decode(String body, int index) throws TimestampFormatException {
        byte[] der;
        try {
            // The MIME decoder would silently skip stray characters; strip whitespace, reject the rest.
            der = Base64.getDecoder().decode(WHITESPACE.matcher(body).replaceAll(""));
        } catch (IllegalArgumentException e) {
            throw new TimestampFormatException("PEM certificate " + index + " is not valid base64", e);
        }
        if (der.length == 0) {
            throw new TimestampFormatException("PEM certificate " + index + " is empty");
        }
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            // RuntimeException: the JDK parser has been known to leak unchecked exceptions on odd DER.
            throw new TimestampFormatException("PEM certificate " + index + " is not a valid X.509 certificate", e);
        }
    }
}
