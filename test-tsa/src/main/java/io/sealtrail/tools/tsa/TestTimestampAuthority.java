package io.sealtrail.tools.tsa;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * A local, fully deterministic RFC 3161 time-stamping authority for generated (test) bundles: the
 * same seed yields byte-identical certificates, and the same (data, genTime) byte-identical
 * responses. It is not a trustworthy TSA: anyone with the seed can forge its tokens, which is why
 * it lives in this tools module, which no product module depends on
 * (docs/decisions/0017-tools-apart.md).
 *
 * <p><b>Key algorithm: RSA-2048, PKCS#1 v1.5 with SHA-256.</b> Ed25519 was tried first (its
 * signatures are deterministic and BouncyCastle's TimeStampTokenGenerator accepts it), but
 * {@code openssl ts -verify} (OpenSSL 3.0) rejects such tokens: its PKCS#7 code cannot verify
 * EdDSA ("operation not supported for this keytype"). Third parties must be able to re-check our
 * tokens with standard tools, so RSA it is; PKCS#1 v1.5 signatures are deterministic too. Keys
 * come from {@link DeterministicKeys#rsa}.
 *
 * <p>Token policy is {@value #POLICY_OID}, the example policy of OpenSSL's default
 * configuration ({@code tsa_policy1}): unregistered, which suits a test TSA.
 */
public final class TestTimestampAuthority {
    public static final String POLICY_OID = "1.2.3.4.1";
    /** The validity of {@link #forLog}'s certificates: wide, so a generated log may start at any date in it. */
    public static final Instant LOG_TSA_NOT_BEFORE = Instant.parse("2020-01-01T00:00:00Z");
    public static final Instant LOG_TSA_NOT_AFTER = Instant.parse("2045-01-01T00:00:00Z");
    private static final String ORGANIZATION = "Sealtrail test TSA";
    private static final String SIGNATURE_ALGORITHM = "SHA256withRSA";

    private final Provider bc = new BouncyCastleProvider();
    private final byte[] seed;
    private final KeyPair tsaKeys;
    private final X509Certificate root;
    private final X509Certificate tsa;
    private final X509CertificateHolder tsaHolder;

    private TestTimestampAuthority(byte[] seed, String name, Instant notBefore, Instant notAfter) {
        this.seed = seed.clone();
        KeyPair rootKeys = DeterministicKeys.rsa(seed, "root");
        this.tsaKeys = DeterministicKeys.rsa(seed, "tsa");
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X500Name rootName = name(name + " Root CA");
            X500Name tsaName = name(name);
            Date from = Date.from(notBefore);
            Date to = Date.from(notAfter);

            X509v3CertificateBuilder rootBuilder = new JcaX509v3CertificateBuilder(rootName,
                    DeterministicKeys.serial(seed, "root-serial"), from, to, rootName, rootKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(rootKeys.getPublic()));
            this.root = toX509(rootBuilder.build(signer(rootKeys)));

            // RFC 3161 2.3: the TSA certificate must carry exactly one, critical, EKU: timeStamping.
            X509v3CertificateBuilder tsaBuilder = new JcaX509v3CertificateBuilder(rootName,
                    DeterministicKeys.serial(seed, "tsa-serial"), from, to, tsaName, tsaKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                    .addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(tsaKeys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(rootKeys.getPublic()));
            this.tsaHolder = tsaBuilder.build(signer(rootKeys));
            this.tsa = toX509(tsaHolder);
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create test TSA certificates", e);
        }
    }

    /**
     * Creates the authority: a self-signed root "CN=&lt;name&gt; Root CA, O=Sealtrail test TSA" and a TSA
     * certificate "CN=&lt;name&gt;, O=Sealtrail test TSA" issued by it, both valid from notBefore to
     * notAfter (X.509 keeps whole seconds). Key generation takes a fraction of a second.
     */
    public static TestTimestampAuthority create(byte[] seed, String name, Instant notBefore, Instant notAfter) {
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(name, "name");
        if (seed.length == 0) {
            throw new IllegalArgumentException("seed must not be empty");
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (!notBefore.isBefore(notAfter)) {
            throw new IllegalArgumentException("notBefore " + notBefore + " is not before notAfter " + notAfter);
        }
        return new TestTimestampAuthority(seed, name, notBefore, notAfter);
    }

    /**
     * The authority {@code sealtrail gen --timestamp} stamps a log's checkpoints with: one per log origin, so
     * consecutive exports of a log share it, and the same origin always gives the same certificates.
     */
    public static TestTimestampAuthority forLog(String origin) {
        try {
            byte[] seed = MessageDigest.getInstance("SHA-256")
                    .digest(("sealtrail-test-tsa:" + origin).getBytes(StandardCharsets.UTF_8));
            return create(seed, "Sealtrail Test TSA", LOG_TSA_NOT_BEFORE, LOG_TSA_NOT_AFTER);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * A DER TimeStampResp (status granted) over SHA-256(data) at genTime, which is recorded with
     * millisecond precision. The token carries the TSA certificate, an ESSCertIDv2 signing-certificate
     * attribute and no nonce; its serial number is derived from (seed, data, genTime).
     *
     * @throws IllegalArgumentException if genTime lies outside the TSA certificate's validity: such a
     *         token could never verify, so producing one is a caller bug
     */
    public byte[] stamp(byte[] data, Instant genTime) {
        Objects.requireNonNull(data, "data");
        try {
            byte[] imprint = MessageDigest.getInstance("SHA-256", bc).digest(data);
            TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
            requests.setCertReq(true); // without it the generator leaves the certificates out
            return granted(requests.generate(TSPAlgorithms.SHA256, imprint), genTime);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create timestamp token", e);
        }
    }

    /**
     * The answer to a DER TimeStampReq as a TSA serving HTTP gives it (RFC 3161 §3.4): granted over the request's
     * SHA-256 imprint at genTime, with its nonce, and the certificate when asked for.
     *
     * @throws IOException when the bytes are not a time-stamp request
     */
    public byte[] respond(byte[] timeStampReq, Instant genTime) throws IOException {
        TimeStampRequest request = new TimeStampRequest(timeStampReq);
        if (!TSPAlgorithms.SHA256.equals(request.getMessageImprintAlgOID())) {
            throw new IOException("only SHA-256 imprints are stamped, not " + request.getMessageImprintAlgOID());
        }
        return granted(request, genTime);
    }

    /** A TimeStampResp that refuses: PKIStatus rejection with failInfo badAlg and {@code text}. */
    public byte[] reject(String text) {
        try {
            return new TimeStampResponseGenerator(null, TSPAlgorithms.ALLOWED)
                    .generateFailResponse(org.bouncycastle.asn1.cmp.PKIStatus.REJECTION,
                            org.bouncycastle.asn1.cmp.PKIFailureInfo.badAlg, text)
                    .getEncoded(ASN1Encoding.DER);
        } catch (TSPException | IOException e) {
            throw new IllegalStateException("cannot create a rejection", e);
        }
    }

    private byte[] granted(TimeStampRequest request, Instant genTime) {
        Date time = Date.from(genTime);
        if (time.before(tsa.getNotBefore()) || time.after(tsa.getNotAfter())) {
            throw new IllegalArgumentException("genTime " + genTime + " is outside the TSA certificate's validity "
                    + tsa.getNotBefore().toInstant() + " .. " + tsa.getNotAfter().toInstant());
        }
        byte[] imprint = request.getMessageImprintDigest();
        try {
            DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().setProvider(bc).build();
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                    new JcaSignerInfoGeneratorBuilder(digests).build(signer(tsaKeys), tsaHolder),
                    digests.get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                    new ASN1ObjectIdentifier(POLICY_OID));
            tokens.setResolution(TimeStampTokenGenerator.R_MILLISECONDS);
            tokens.addCertificates(new JcaCertStore(List.of(tsa)));
            return new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED)
                    .generateGrantedResponse(request, tokenSerial(imprint, genTime), time)
                    .getEncoded(ASN1Encoding.DER);
        } catch (TSPException | OperatorCreationException | GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot create timestamp token", e);
        }
    }

    /** The chain as PEM, TSA certificate first, then the root. */
    public String chainPem() {
        return PemWriter.certificates(List.of(tsa, root));
    }

    public X509Certificate rootCertificate() {
        return root;
    }

    public X509Certificate tsaCertificate() {
        return tsa;
    }

    private BigInteger tokenSerial(byte[] imprint, Instant genTime) {
        ByteBuffer input = ByteBuffer.allocate(seed.length + imprint.length + Long.BYTES + Integer.BYTES)
                .put(seed).put(imprint).putLong(genTime.getEpochSecond()).putInt(genTime.getNano());
        return DeterministicKeys.serial(input.array(), "token-serial");
    }

    private ContentSigner signer(KeyPair keys) throws OperatorCreationException {
        return new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).setProvider(bc).build(keys.getPrivate());
    }

    /** RFC 4514 order "CN=..., O=..." means the O RDN is encoded first. */
    private static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, ORGANIZATION)
                .addRDN(BCStyle.CN, commonName)
                .build();
    }

    /** Converted by the JDK's factory so the objects equal those read back from PEM. */
    private static X509Certificate toX509(X509CertificateHolder holder) throws GeneralSecurityException, IOException {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
    }
}
