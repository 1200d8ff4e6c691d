package io.sealtrail.verify.tsa;

import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Builds and PKIX-validates a TSA certificate's chain at the token's genTime.
 *
 * <p>Why genTime and not now: a timestamp proves the data existed while the TSA certificate was
 * valid; judging it "now" would turn every old bundle red the day its TSA certificate expires.
 *
 * <p>Revocation is not checked: this is an offline tool with no CRL or OCSP access.
 */
final class TsaChain {
    /** Outcome: either a validated anchor or the reason there is none. */
    sealed interface Result permits Valid, Invalid {
    }

    record Valid(X509Certificate anchor) implements Result {
    }

    record Invalid(String reason) implements Result {
    }

    private TsaChain() {
    }

    /**
     * Walks issuer links from the signer through the pool until it reaches a trusted root or a
     * self-signed certificate (the anchor), then validates the path with the JDK's PKIX validator.
     * At each step a trusted root is preferred as issuer, so a bundle that also carries its own
     * copy of some root cannot hide a trusted path.
     */
    static Result validate(X509Certificate signer, Collection<X509Certificate> pool,
            Collection<X509Certificate> trustedRoots, Instant genTime) {
        List<X509Certificate> path = new ArrayList<>();
        X509Certificate current = signer;
        // Every step consumes a distinct certificate, so this bounds loops in crafted chains.
        int maxSteps = pool.size() + trustedRoots.size() + 1;
        while (!trustedRoots.contains(current) && !isSelfSigned(current)) {
            if (path.size() == maxSteps || path.contains(current)) {
                return new Invalid("certificate chain loops at '" + subject(current) + "'");
            }
            path.add(current);
            X509Certificate issuer = issuerOf(current, trustedRoots);
            if (issuer == null) {
                issuer = issuerOf(current, pool);
            }
            if (issuer == null) {
                return new Invalid("no issuer certificate for '" + subject(current)
                        + "' (issuer '" + current.getIssuerX500Principal().getName()
                        + "'): the chain does not reach a self-signed root");
            }
            current = issuer;
        }
        X509Certificate anchor = current;
        Date at = Date.from(genTime);
        try {
            anchor.checkValidity(at); // PKIX ignores the anchor's dates; a root expired at genTime is still wrong
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            return new Invalid("root '" + subject(anchor) + "' was not valid at genTime " + genTime);
        }
        return validatePath(path, anchor, at);
    }

    private static Result validatePath(List<X509Certificate> path, X509Certificate anchor, Date at) {
        try {
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
            parameters.setRevocationEnabled(false);
            parameters.setDate(at);
            CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
            return new Valid(anchor);
        } catch (CertPathValidatorException e) {
            String where = e.getIndex() >= 0 && e.getIndex() < path.size()
                    ? " at '" + subject(path.get(e.getIndex())) + "'" : "";
            return new Invalid("PKIX validation at genTime failed" + where + ": " + e.getMessage());
        } catch (GeneralSecurityException e) {
            return new Invalid("PKIX validation could not run: " + e);
        }
    }

    /** A certificate in the pool whose subject is cert's issuer and whose key verifies cert. */
    private static X509Certificate issuerOf(X509Certificate cert, Collection<X509Certificate> pool) {
        for (X509Certificate candidate : pool) {
            if (candidate.getSubjectX500Principal().equals(cert.getIssuerX500Principal())
                    && !candidate.equals(cert) && signedBy(cert, candidate)) {
                return candidate;
            }
        }
        return null;
    }

    static boolean isSelfSigned(X509Certificate cert) {
        return cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal()) && signedBy(cert, cert);
    }

    private static boolean signedBy(X509Certificate cert, X509Certificate issuer) {
        try {
            cert.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false; // not this issuer: the caller tries the next candidate
        }
    }

    static String subject(X509Certificate cert) {
        return cert.getSubjectX500Principal().getName();
    }
}
