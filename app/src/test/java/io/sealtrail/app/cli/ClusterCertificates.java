package io.sealtrail.app.cli;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * SecuredCluster's own PKI, made afresh for each start: a CA, the node's certificate (for 127.0.0.1 and localhost,
 * server and client: the node talks TLS to itself on transport) and key, and the certificate whose subject the
 * security plugin takes as its admin. EC P-256 keys: quick to make, and the plugin reads them from PKCS#8 PEM.
 */
record ClusterCertificates(X509Certificate ca, X509Certificate node, KeyPair nodeKey, X509Certificate admin) {
    static final String NODE_DN = "CN=node.sealtrail.test";
    static final String ADMIN_DN = "CN=admin.sealtrail.test";

    static ClusterCertificates make() throws Exception {
        KeyPair caKey = ecKey();
        KeyPair nodeKey = ecKey();
        X509Certificate ca = certificate("CN=Sealtrail test CA", caKey, "CN=Sealtrail test CA", caKey, b -> {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        });
        X509Certificate node = certificate(NODE_DN, nodeKey, "CN=Sealtrail test CA", caKey, b -> {
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                    new GeneralName(GeneralName.dNSName, "localhost")}));
            // the node is the server of HTTP and of transport, and the client of transport (to itself)
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[] {
                    KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
        });
        X509Certificate admin = certificate(ADMIN_DN, ecKey(), "CN=Sealtrail test CA", caKey, b -> b.addExtension(
                Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth)));
        return new ClusterCertificates(ca, node, nodeKey, admin);
    }

    void write(Path conf) throws Exception {
        Files.writeString(conf.resolve("ca.pem"), pem("CERTIFICATE", ca.getEncoded()));
        Files.writeString(conf.resolve("node.pem"), pem("CERTIFICATE", node.getEncoded()));
        Files.writeString(conf.resolve("node-key.pem"), pem("PRIVATE KEY", nodeKey.getPrivate().getEncoded()));
        Files.writeString(conf.resolve("admin.pem"), pem("CERTIFICATE", admin.getEncoded()));
    }

    SSLContext trustingCa() throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        store.setCertificateEntry("ca", ca);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    interface Extensions {
        void add(JcaX509v3CertificateBuilder b) throws Exception;
    }

    private static X509Certificate certificate(String subject, KeyPair subjectKey, String issuer, KeyPair issuerKey,
                                               Extensions extensions) throws Exception {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                new BigInteger(64, new SecureRandom()), java.util.Date.from(now.minus(Duration.ofHours(1))),
                java.util.Date.from(now.plus(Duration.ofDays(2))), new X500Name(subject), subjectKey.getPublic());
        extensions.add(b);
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey.getPrivate())));
    }

    private static KeyPair ecKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        return g.generateKeyPair();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
