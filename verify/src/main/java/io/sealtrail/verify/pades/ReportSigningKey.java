package io.sealtrail.verify.pades;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The auditor's key for signing report PDFs (PAdES, docs/decisions/0023-signed-reports.md): an ECDSA P-256 (or RSA)
 * private key with a self-signed X.509 certificate naming the auditor. Not the auditor's Ed25519 journal key: PDF
 * readers do not verify Ed25519 signatures yet, and a PDF signature needs a certificate to name its signer.
 *
 * <p>Stored as one PEM file holding the PKCS#8 PRIVATE KEY block and the CERTIFICATE block; the certificate alone
 * ({@link #certificatePem()}) is what the auditor hands to whoever checks their reports.
 */
public final class ReportSigningKey {
    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([^-]*)-----END \\1-----");
    private static final int MAX_PEM = 1 << 16;

    private final PrivateKey privateKey;
    private final X509Certificate certificate;

    private ReportSigningKey(PrivateKey privateKey, X509Certificate certificate) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.certificate = Objects.requireNonNull(certificate, "certificate");
    }

    /**
     * A new P-256 key and a self-signed certificate {@code CN=<name>} valid from {@code notBefore} to
     * {@code notAfter}, for signatures only (key usage digitalSignature and nonRepudiation, no CA).
     */
    public static ReportSigningKey generate(String name, Instant notBefore, Instant notAfter, SecureRandom random) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a signing key needs the auditor's name");
        }
        if (!notBefore.isBefore(notAfter)) {
            throw new IllegalArgumentException("the certificate's start " + notBefore + " is not before its end " + notAfter);
        }
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), random);
            KeyPair pair = g.generateKeyPair();
            var subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, name.strip()).build();
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509CertificateHolder holder = new JcaX509v3CertificateBuilder(subject, new BigInteger(127, random).add(BigInteger.ONE),
                    Date.from(notBefore), Date.from(notAfter), subject, pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()))
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
            return new ReportSigningKey(pair.getPrivate(), toX509(holder.getEncoded()));
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("cannot create a P-256 signing key", e);
        }
    }

    /** A key and certificate made elsewhere (e.g. by openssl), as long as the certificate is the key's. */
    public static ReportSigningKey of(PrivateKey privateKey, X509Certificate certificate) {
        return new ReportSigningKey(privateKey, certificate);
    }

    /** Reads what {@link #encode()} writes, or any PEM with one PKCS#8 EC or RSA PRIVATE KEY and its CERTIFICATE. */
    public static ReportSigningKey parse(String pem) throws SigningKeyException {
        if (pem.length() > MAX_PEM) {
            throw new SigningKeyException("a signing key file of " + pem.length() + " characters is not one", null);
        }
        PrivateKey key = null;
        X509Certificate cert = null;
        Matcher m = BLOCK.matcher(pem);
        while (m.find()) {
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(m.group(2).strip());
            } catch (IllegalArgumentException e) {
                throw new SigningKeyException("the " + m.group(1) + " block is not base64", e);
            }
            switch (m.group(1)) {
                case "PRIVATE KEY" -> key = privateKey(der);
                case "CERTIFICATE" -> {
                    if (cert == null) {
                        cert = certificate(der);
                    }
                }
                default -> throw new SigningKeyException("a " + m.group(1) + " block: only a PKCS#8 PRIVATE KEY"
                        + " (openssl pkcs8 -topk8 -nocrypt) and a CERTIFICATE belong in a signing key file", null);
            }
        }
        if (key == null || cert == null) {
            throw new SigningKeyException("a signing key file holds a PRIVATE KEY and a CERTIFICATE block; this one lacks the "
                    + (key == null ? "PRIVATE KEY" : "CERTIFICATE"), null);
        }
        ReportSigningKey k = new ReportSigningKey(key, cert);
        k.requireMatchingCertificate();
        return k;
    }

    public String encode() {
        return pem("PRIVATE KEY", privateKey.getEncoded()) + certificatePem();
    }

    public String certificatePem() {
        try {
            return pem("CERTIFICATE", certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a parsed certificate can be encoded again", e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The certificate's subject (RFC 2253), as PDF readers name the signer. */
    public String subject() {
        return subject(certificate);
    }

    /** SHA-256 of the certificate's DER, lower-case hex: how a self-signed certificate is recognised. */
    public String fingerprint() {
        return fingerprint(certificate);
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    /** SHA256withECDSA or SHA256withRSA, by the key. */
    String signatureAlgorithm() {
        return "EC".equals(privateKey.getAlgorithm()) || "ECDSA".equals(privateKey.getAlgorithm())
                ? "SHA256withECDSA" : "SHA256withRSA";
    }

    public static String subject(X509Certificate c) {
        return c.getSubjectX500Principal().getName();
    }

    public static String fingerprint(X509Certificate c) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has SHA-256 and can encode a parsed certificate", e);
        }
    }

    /** A file whose certificate is another key's would sign reports that no reader accepts: refuse it at once. */
    private void requireMatchingCertificate() throws SigningKeyException {
        try {
            java.security.Signature s = java.security.Signature.getInstance(signatureAlgorithm());
            byte[] probe = "sealtrail: is this certificate the key's?".getBytes(StandardCharsets.US_ASCII);
            s.initSign(privateKey);
            s.update(probe);
            byte[] sig = s.sign();
            s.initVerify(certificate.getPublicKey());
            s.update(probe);
            if (!s.verify(sig)) {
                throw new SigningKeyException("the certificate (" + subject() + ") is not the private key's", null);
            }
        } catch (GeneralSecurityException e) {
            throw new SigningKeyException("the private key and the certificate do not go together: " + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(byte[] der) throws SigningKeyException {
        for (String algorithm : new String[] {"EC", "RSA"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // not this algorithm: try the next
            }
        }
        throw new SigningKeyException("the PRIVATE KEY block is neither a PKCS#8 EC nor an RSA key (Ed25519 keys are not"
                + " accepted: PDF readers cannot verify their signatures)", null);
    }

    private static X509Certificate certificate(byte[] der) throws SigningKeyException {
        try {
            return toX509(der);
        } catch (GeneralSecurityException e) {
            throw new SigningKeyException("the CERTIFICATE block is not an X.509 certificate: " + e.getMessage(), e);
        }
    }

    static X509Certificate toX509(byte[] der) throws GeneralSecurityException {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
