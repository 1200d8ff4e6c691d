package io.sealtrail.verify.tsa;

import io.sealtrail.verify.tsa.TimestampCheck.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.SignerId;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;

/**
 * Checks RFC 3161 timestamps offline: parse, message imprint, CMS signature with ESS binding, and the
 * TSA chain at genTime. Not checked: revocation (no network), nonce (tokens are re-checked long after
 * the request) and policy (any TSA policy is accepted; it is reported for the caller to judge).
 *
 * <p>Thread-safe; one instance can check every timestamp of a bundle.
 */
public final class TimestampVerifier {
    private static final Map<ASN1ObjectIdentifier, String> DIGESTS = Map.of(
            NISTObjectIdentifiers.id_sha256, "SHA-256",
            NISTObjectIdentifiers.id_sha384, "SHA-384",
            NISTObjectIdentifiers.id_sha512, "SHA-512");

    /** A private instance: registering BouncyCastle globally would change the whole JVM's providers. */
    private final Provider bc = new BouncyCastleProvider();
    private final List<X509Certificate> trustedRoots;

    /** @param trustedRoots roots whose TSAs the user trusts; may be empty (then nothing is tsaTrusted) */
    public TimestampVerifier(Collection<X509Certificate> trustedRoots) {
        this.trustedRoots = List.copyOf(trustedRoots);
    }

    /**
     * Checks a timestamp over stampedData. Never throws for bad input: unusable bytes give MALFORMED.
     *
     * @param tsrOrToken      a DER TimeStampResp (.tsr) or a bare DER TimeStampToken (CMS ContentInfo)
     * @param stampedData     the exact bytes that were timestamped
     * @param chainFromBundle certificates shipped next to the token (TSA certificate, intermediates,
     *                        root); may be empty if the token carries them
     */
    public TimestampCheck verify(byte[] tsrOrToken, byte[] stampedData, List<X509Certificate> chainFromBundle) {
        Objects.requireNonNull(stampedData, "stampedData");
        List<X509Certificate> bundleChain = chainFromBundle == null ? List.of() : chainFromBundle;
        TimeStampToken token;
        TimeStampTokenInfo info;
        try {
            token = TokenReader.read(tsrOrToken);
            info = token.getTimeStampInfo();
        } catch (TimestampFormatException e) {
            return TimestampCheck.malformed(e.getMessage());
        }
        Facts facts = new Facts(info.getGenTime().toInstant(), info.getPolicy().getId(), info.getSerialNumber());
        try {
            return verify(token, info, facts, stampedData, bundleChain);
        } catch (RuntimeException e) {
            // BouncyCastle reports some structural problems only lazily, as unchecked exceptions.
            return facts.result(Status.MALFORMED, null, false, "token cannot be processed: " + e);
        }
    }

    private TimestampCheck verify(TimeStampToken token, TimeStampTokenInfo info, Facts facts,
            byte[] stampedData, List<X509Certificate> bundleChain) {
        String algorithm = DIGESTS.get(info.getMessageImprintAlgOID());
        if (algorithm == null) {
            return facts.result(Status.MALFORMED, null, false,
                    "unsupported message imprint algorithm " + info.getMessageImprintAlgOID().getId()
                            + " (supported: SHA-256, SHA-384, SHA-512)");
        }
        byte[] expected = digest(algorithm, stampedData);
        byte[] actual = info.getMessageImprintDigest();
        if (!MessageDigest.isEqual(expected, actual)) {
            HexFormat hex = HexFormat.of();
            return facts.result(Status.IMPRINT_MISMATCH, null, false, "message imprint mismatch: data "
                    + algorithm + " is " + hex.formatHex(expected) + ", token imprint is " + hex.formatHex(actual));
        }

        Set<X509Certificate> pool = new LinkedHashSet<>();
        try {
            pool.addAll(tokenCertificates(token));
        } catch (TimestampFormatException e) {
            return facts.result(Status.MALFORMED, null, false, e.getMessage());
        }
        pool.addAll(bundleChain);

        List<X509Certificate> candidates = signerCandidates(token.getSID(), pool);
        if (candidates.isEmpty()) {
            return facts.result(Status.SIGNATURE_INVALID, null, false, "signer certificate (" + describe(token.getSID())
                    + ") is neither in the token nor in the bundle's chain");
        }
        X509Certificate signer = null;
        String signatureProblem = null;
        for (X509Certificate candidate : candidates) { // several only if certificates reuse issuer+serial
            String problem = signatureProblem(token, candidate);
            if (problem == null) {
                signer = candidate;
                break;
            }
            signatureProblem = signatureProblem == null ? problem : signatureProblem;
        }
        if (signer == null) {
            return facts.result(Status.SIGNATURE_INVALID, TsaChain.subject(candidates.get(0)), false, signatureProblem);
        }

        String tsaName = TsaChain.subject(signer);
        TsaChain.Result chain = TsaChain.validate(signer, pool, trustedRoots, facts.genTime());
        if (chain instanceof TsaChain.Invalid invalid) {
            return facts.result(Status.CHAIN_INVALID, tsaName, false, invalid.reason());
        }
        X509Certificate anchor = ((TsaChain.Valid) chain).anchor();
        boolean trusted = trustedRoots.contains(anchor);
        return facts.result(Status.OK, tsaName, trusted, "timestamp valid at " + facts.genTime() + ", TSA '" + tsaName
                + "', root '" + TsaChain.subject(anchor) + "' " + (trusted ? "trusted" : "not among the trusted roots"));
    }

    /** Null if BouncyCastle accepts the token with this certificate, else the reason. */
    private String signatureProblem(TimeStampToken token, X509Certificate candidate) {
        try {
            // Checks the ESS signing-certificate binding, critical timeStamping EKU, the certificate's
            // validity at genTime and the CMS signature.
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(bc).build(candidate));
            return null;
        } catch (TSPException | OperatorCreationException e) { // TSPValidationException is a TSPException
            return "token signature check failed with '" + TsaChain.subject(candidate) + "': " + e.getMessage()
                    + (e.getCause() != null && e.getCause() != e ? " (" + e.getCause() + ")" : "");
        }
    }

    private static List<X509Certificate> signerCandidates(SignerId sid, Collection<X509Certificate> pool) {
        List<X509Certificate> matches = new ArrayList<>();
        for (X509Certificate cert : pool) {
            try {
                if (sid.match(new X509CertificateHolder(cert.getEncoded()))) {
                    matches.add(cert);
                }
            } catch (GeneralSecurityException | IOException e) {
                // A bundle certificate BouncyCastle cannot re-read cannot be the signer either.
            }
        }
        return matches;
    }

    /** The token's certificates as JDK objects, so they compare equal to PEM-read ones. */
    private static List<X509Certificate> tokenCertificates(TimeStampToken token) throws TimestampFormatException {
        List<X509Certificate> certs = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (X509CertificateHolder holder : token.getCertificates().getMatches(null)) {
                certs.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(holder.getEncoded())));
            }
        } catch (GeneralSecurityException | IOException e) {
            throw new TimestampFormatException("a certificate inside the token cannot be parsed: " + e.getMessage(), e);
        }
        return certs;
    }

    private static String describe(SignerId sid) {
        if (sid.getIssuer() != null) {
            return "issuer '" + sid.getIssuer() + "', serial " + sid.getSerialNumber();
        }
        return "subject key identifier " + HexFormat.of().formatHex(sid.getSubjectKeyIdentifier());
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK lacks " + algorithm, e);
        }
    }

    /** What the token claims; reported even when a later check fails. */
    private record Facts(Instant genTime, String policyOid, BigInteger serialNumber) {
        TimestampCheck result(Status status, String tsaName, boolean trusted, String message) {
            return new TimestampCheck(status, genTime, tsaName, policyOid, serialNumber, trusted, message);
        }
    }
}
