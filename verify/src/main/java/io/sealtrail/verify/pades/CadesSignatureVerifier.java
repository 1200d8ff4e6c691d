package io.sealtrail.verify.pades;

import io.sealtrail.model.Finding;
import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Location;
import io.sealtrail.verify.tsa.TimestampCheck;
import io.sealtrail.verify.tsa.TimestampVerifier;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertID;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificate;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Checks the CMS half of a report's PAdES signature over the bytes its /ByteRange names: that those bytes are the
 * ones signed (message-digest), that the signature value is the certificate's over the signed attributes, that
 * signing-certificate-v2 names that very certificate, the RFC 3161 token over the signature value when there is one,
 * the certificate's validity (at the token's time, else now: without a token nothing proves an earlier signing time)
 * and whether it is the certificate the caller expects. Every check runs; every problem is a {@link Finding}.
 */
public final class CadesSignatureVerifier {
    private static final Map<ASN1ObjectIdentifier, String> DIGESTS = Map.of(
            NISTObjectIdentifiers.id_sha256, "SHA-256",
            NISTObjectIdentifiers.id_sha384, "SHA-384",
            NISTObjectIdentifiers.id_sha512, "SHA-512");

    private final Provider bc = new BouncyCastleProvider();
    private final List<X509Certificate> tsaRoots;
    private final List<X509Certificate> expectedSigners;

    /**
     * @param tsaRoots        roots of the time-stamping authorities the auditor trusts
     * @param expectedSigners the certificates the report should be signed with; empty when the caller expects none
     *                        in particular (then the signer is only named, with a warning)
     */
    public CadesSignatureVerifier(Collection<X509Certificate> tsaRoots, Collection<X509Certificate> expectedSigners) {
        this.tsaRoots = List.copyOf(tsaRoots);
        this.expectedSigners = List.copyOf(expectedSigners);
    }

    /**
     * @param cms    the signature dictionary's /Contents (trailing zero padding is ignored)
     * @param signed the bytes its /ByteRange covers
     * @param now    the time of the check, when there is no timestamp to judge the certificate at
     * @param where  where the signature is, for the findings
     */
    public SignatureCheck check(byte[] cms, byte[] signed, Instant now, Location where) {
        List<Finding> findings = new ArrayList<>();
        CMSSignedData data;
        SignerInformation signer;
        try {
            data = new CMSSignedData(new CMSProcessableByteArray(signed), withoutPadding(cms));
            var signers = data.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                return failed(findings, where, "the signature holds " + signers.size() + " signers; a PAdES signature has one", now);
            }
            signer = signers.iterator().next();
        } catch (CMSException | RuntimeException e) {
            return failed(findings, where, "the signature's /Contents is not a CMS SignedData: " + e.getMessage(), now);
        }
        X509Certificate cert = certificate(data, signer);
        if (cert == null) {
            return failed(findings, where, "the signature does not carry the certificate of its signer", now);
        }
        String subject = ReportSigningKey.subject(cert);
        String fingerprint = ReportSigningKey.fingerprint(cert);
        String who = subject + " (SHA-256 " + fingerprint + ")";

        boolean bytesIntact = checkDigest(signer, signed, where, findings);
        checkSigningCertificateAttribute(signer, cert, who, where, findings);
        if (bytesIntact) {
            checkSignatureValue(signer, cert, who, where, findings);
        }
        TimestampCheck timestamp = checkTimestamp(data, signer, where, findings);
        Instant at = timestamp != null && timestamp.ok() ? timestamp.genTime() : now;
        checkCertificate(cert, who, at, timestamp != null && timestamp.ok(), where, findings);
        checkExpected(cert, subject, fingerprint, where, findings);
        return new SignatureCheck(subject, fingerprint, timestamp, at, findings);
    }

    /**
     * The DER object at the start of /Contents: PDF pads the reserved room with zeros, which BouncyCastle rejects as
     * extra data. A definite length is read from the header; anything unreadable is left for the parser to refuse.
     */
    static byte[] withoutPadding(byte[] contents) {
        if (contents.length < 2 || contents[0] != 0x30) {
            return contents;
        }
        int first = contents[1] & 0xff;
        long length;
        int header;
        if (first < 0x80) {
            length = first;
            header = 2;
        } else {
            int n = first & 0x7f;
            if (n == 0 || n > 4 || contents.length < 2 + n) {
                return contents;
            }
            length = 0;
            for (int i = 0; i < n; i++) {
                length = (length << 8) | (contents[2 + i] & 0xff);
            }
            header = 2 + n;
        }
        long total = header + length;
        return total <= contents.length ? java.util.Arrays.copyOf(contents, (int) total) : contents;
    }

    private static SignatureCheck failed(List<Finding> findings, Location where, String message, Instant now) {
        findings.add(Finding.of(FindingCode.REPORT_SIGNATURE_INVALID, where, message));
        return new SignatureCheck(null, null, null, now, findings);
    }

    /** False when the bytes differ from what was signed: then the signature value cannot hold either. */
    private static boolean checkDigest(SignerInformation signer, byte[] signed, Location where, List<Finding> findings) {
        AttributeTable attributes = signer.getSignedAttributes();
        Attribute claimed = attributes == null ? null : attributes.get(CMSAttributes.messageDigest);
        String algorithm = DIGESTS.get(signer.getDigestAlgorithmID().getAlgorithm());
        if (claimed == null || algorithm == null) {
            findings.add(Finding.of(FindingCode.REPORT_SIGNATURE_INVALID, where, claimed == null
                    ? "the signature has no message-digest attribute, so it does not bind the report's bytes"
                    : "the signature digests with " + signer.getDigestAlgOID() + " (supported: SHA-256, SHA-384, SHA-512)"));
            return false;
        }
        byte[] expected = ASN1OctetString.getInstance(claimed.getAttrValues().getObjectAt(0)).getOctets();
        byte[] computed;
        try {
            computed = MessageDigest.getInstance(algorithm).digest(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK lacks " + algorithm, e);
        }
        if (!MessageDigest.isEqual(expected, computed)) {
            HexFormat hex = HexFormat.of();
            findings.add(Finding.mismatch(FindingCode.REPORT_SIGNED_BYTES_ALTERED, where,
                    "the report was changed after it was signed: the " + algorithm + " of the bytes its signature covers",
                    hex.formatHex(expected), hex.formatHex(computed)));
            return false;
        }
        return true;
    }

    /** PAdES B-B requires signing-certificate-v2 (v1 is tolerated): without it the certificate could be swapped. */
    private static void checkSigningCertificateAttribute(SignerInformation signer, X509Certificate cert, String who,
                                                         Location where, List<Finding> findings) {
        AttributeTable attributes = signer.getSignedAttributes();
        if (attributes == null) {
            return; // already reported: no message-digest
        }
        byte[] der;
        try {
            der = cert.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a parsed certificate can be encoded again", e);
        }
        try {
            Attribute v2 = attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
            Attribute v1 = attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificate);
            byte[] named;
            byte[] actual;
            if (v2 != null) {
                ESSCertIDv2 id = SigningCertificateV2.getInstance(v2.getAttrValues().getObjectAt(0)).getCerts()[0];
                String algorithm = DIGESTS.get(id.getHashAlgorithm().getAlgorithm());
                if (algorithm == null) {
                    findings.add(Finding.of(FindingCode.REPORT_SIGNATURE_INVALID, where,
                            "signing-certificate-v2 hashes with an unsupported algorithm " + id.getHashAlgorithm().getAlgorithm()));
                    return;
                }
                named = id.getCertHash();
                actual = MessageDigest.getInstance(algorithm).digest(der);
            } else if (v1 != null) {
                ESSCertID id = SigningCertificate.getInstance(v1.getAttrValues().getObjectAt(0)).getCerts()[0];
                named = id.getCertHash();
                actual = MessageDigest.getInstance("SHA-1").digest(der);
            } else {
                findings.add(Finding.of(FindingCode.REPORT_SIGNATURE_INVALID, where, "the signature has no"
                        + " signing-certificate-v2 attribute, which PAdES B-B requires to bind " + who + " to it"));
                return;
            }
            if (!MessageDigest.isEqual(named, actual)) {
                HexFormat hex = HexFormat.of();
                findings.add(Finding.mismatch(FindingCode.REPORT_SIGNATURE_INVALID, where,
                        "the signing-certificate attribute names another certificate than " + who,
                        hex.formatHex(named), hex.formatHex(actual)));
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            findings.add(Finding.of(FindingCode.REPORT_SIGNATURE_INVALID, where,
                    "the signing-certificate attribute cannot be read: " + e.getMessage()));
        }
    }

    private void checkSignatureValue(SignerInformation signer, X509Certificate cert, String who, Location where,
                                     List<Finding> findings) {
        try {
            // by the public key, not the certificate: BouncyCastle would otherwise judge validity at a signing-time
            // attribute, which PAdES leaves out; validity is checked below, at the timestamp's time or now
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(bc).build(cert.getPublicKey()))) {
                findings.add(Finding.of(FindingCode.REPORT_SIGNATURE_INVALID, where,
                        "the signature value is not " + who + "'s signature over the signed attributes"));
            }
        } catch (CMSException | OperatorCreationException | RuntimeException e) {
            findings.add(Finding.of(FindingCode.REPORT_SIGNATURE_INVALID, where,
                    "the signature by " + who + " does not verify: " + e.getMessage()));
        }
    }

    private TimestampCheck checkTimestamp(CMSSignedData data, SignerInformation signer, Location where,
                                          List<Finding> findings) {
        AttributeTable unsigned = signer.getUnsignedAttributes();
        Attribute stamp = unsigned == null ? null : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (stamp == null) {
            return null;
        }
        byte[] token;
        try {
            token = stamp.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded("DER");
        } catch (IOException | RuntimeException e) {
            findings.add(Finding.of(FindingCode.REPORT_TIMESTAMP_INVALID, where, "the signature's timestamp cannot be read: " + e));
            return null;
        }
        TimestampCheck c = new TimestampVerifier(tsaRoots).verify(token, signer.getSignature(), certificates(data));
        if (!c.ok()) {
            findings.add(Finding.of(FindingCode.REPORT_TIMESTAMP_INVALID, where,
                    "the signature's timestamp does not verify (" + c.status() + "): " + c.message()));
        } else if (!c.tsaTrusted()) {
            findings.add(Finding.of(FindingCode.TIMESTAMP_TSA_UNTRUSTED, where, "the signature's timestamp (" + c.genTime()
                    + ", TSA " + c.tsaName() + ") chains to a root that is not among the TSA roots you trust"));
        }
        return c;
    }

    private static void checkCertificate(X509Certificate cert, String who, Instant at, boolean stamped, Location where,
                                         List<Finding> findings) {
        String when = stamped ? "at " + at + ", the time its timestamp proves"
                : "at " + at + ", now: the signature has no timestamp to prove it was made earlier";
        try {
            cert.checkValidity(Date.from(at));
        } catch (CertificateExpiredException e) {
            findings.add(Finding.of(FindingCode.REPORT_SIGNER_CERT_INVALID, where, "the signer's certificate " + who
                    + " expired on " + cert.getNotAfter().toInstant() + "; checked " + when));
        } catch (CertificateNotYetValidException e) {
            findings.add(Finding.of(FindingCode.REPORT_SIGNER_CERT_INVALID, where, "the signer's certificate " + who
                    + " is valid only from " + cert.getNotBefore().toInstant() + "; checked " + when));
        }
        boolean[] usage = cert.getKeyUsage();
        if (usage != null && !usage[0] && !usage[1]) {
            findings.add(Finding.of(FindingCode.REPORT_SIGNER_CERT_INVALID, where, "the signer's certificate " + who
                    + " is not for signing: its key usage has neither digitalSignature nor nonRepudiation"));
        }
    }

    private void checkExpected(X509Certificate cert, String subject, String fingerprint, Location where,
                               List<Finding> findings) {
        if (expectedSigners.isEmpty()) {
            findings.add(Finding.of(FindingCode.REPORT_SIGNER_UNTRUSTED, where, "signed by " + subject + " (SHA-256 "
                    + fingerprint + "), but no certificate was given to compare it with: anyone can make a certificate"
                    + " with this name"));
        } else if (!expectedSigners.contains(cert)) {
            findings.add(Finding.mismatch(FindingCode.REPORT_SIGNER_MISMATCH, where, "the report's signer",
                    expectedSigners.stream().map(c -> ReportSigningKey.subject(c) + " (SHA-256 "
                            + ReportSigningKey.fingerprint(c) + ")").collect(Collectors.joining(" or ")),
                    subject + " (SHA-256 " + fingerprint + ")"));
        }
    }

    private static X509Certificate certificate(CMSSignedData data, SignerInformation signer) {
        Collection<X509CertificateHolder> matches = data.getCertificates().getMatches(signer.getSID());
        for (X509CertificateHolder h : matches) {
            try {
                return ReportSigningKey.toX509(h.getEncoded());
            } catch (GeneralSecurityException | IOException e) {
                // unreadable: try the next match
            }
        }
        return null;
    }

    private static List<X509Certificate> certificates(CMSSignedData data) {
        List<X509Certificate> out = new ArrayList<>();
        Collection<X509CertificateHolder> all = data.getCertificates().getMatches(null);
        for (X509CertificateHolder h : all) {
            try {
                out.add(ReportSigningKey.toX509(h.getEncoded()));
            } catch (GeneralSecurityException | IOException e) {
                // a certificate that cannot be read cannot be in the TSA's path either
            }
        }
        return out;
    }
}
