package io.sealtrail.verify.pades;

import io.sealtrail.verify.bundle.Timestamping;
import io.sealtrail.verify.tsa.Pem;
import io.sealtrail.verify.tsa.TimestampFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * The CMS half of a PAdES signature (ETSI EN 319 142-1, baseline B-B and B-T): a detached SignedData over the
 * bytes of the PDF's /ByteRange, whose signed attributes are content-type, message-digest and
 * signing-certificate-v2 (which binds the certificate to the signature, so it cannot be swapped) and, as PAdES
 * demands, no signing-time (the PDF's /M carries the claimed time). With an authority, B-T: an RFC 3161 token over
 * the signature value as the unsigned signature-time-stamp attribute, and the authority's chain in the
 * SignedData's certificates so a verifier can build the TSA's path without the network.
 */
public final class CadesSigner {
    private final ReportSigningKey key;
    private final Timestamping timestamping;

    /** @param timestamping null for B-B */
    public CadesSigner(ReportSigningKey key, Timestamping timestamping) {
        this.key = key;
        this.timestamping = timestamping;
    }

    /** The DER of the CMS SignedData, signing the bytes {@code signed} yields (read to its end). */
    public byte[] sign(InputStream signed, Instant now) throws IOException {
        try {
            X509Certificate cert = key.certificate();
            X509CertificateHolder holder = new JcaX509CertificateHolder(cert);
            byte[] certHash = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            // SHA-256 is ESSCertIDv2's default hash, so the algorithm is left out as DER requires
            Attribute signingCertificate = new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2(certHash,
                            new IssuerSerial(new GeneralNames(new GeneralName(holder.getIssuer())), holder.getSerialNumber())))));
            DefaultSignedAttributeTableGenerator defaults = new DefaultSignedAttributeTableGenerator(
                    new AttributeTable(new DERSet(signingCertificate)));
            CMSAttributeTableGenerator withoutSigningTime = parameters ->
                    defaults.getAttributes(parameters).remove(CMSAttributes.signingTime);

            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(withoutSigningTime)
                    .build(new JcaContentSignerBuilder(key.signatureAlgorithm()).build(key.privateKey()), cert));
            List<X509Certificate> certs = new ArrayList<>(List.of(cert));
            if (timestamping != null) {
                certs.addAll(tsaChain());
            }
            generator.addCertificates(new JcaCertStore(certs));
            CMSSignedData data = generator.generate(new Streamed(signed), false);
            if (timestamping != null) {
                data = withSignatureTimestamp(data, now);
            }
            return data.getEncoded("DER");
        } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
            throw new IOException("cannot sign the report: " + e.getMessage(), e);
        }
    }

    /** B-T: the authority stamps SHA-256 of the signature value (ETSI EN 319 122-1 5.3, RFC 3161 appendix A). */
    private CMSSignedData withSignatureTimestamp(CMSSignedData data, Instant now) throws IOException {
        SignerInformation signer = data.getSignerInfos().getSigners().iterator().next();
        byte[] reply = timestamping.authority().stamp(signer.getSignature(), now);
        TimeStampToken token;
        try {
            token = new TimeStampResponse(reply).getTimeStampToken();
        } catch (TSPException e) {
            throw new IOException("the time-stamping authority's answer is no time-stamp response: " + e.getMessage(), e);
        }
        if (token == null) {
            throw new IOException("the time-stamping authority granted no token");
        }
        Attribute stamp = new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                new DERSet(token.toCMSSignedData().toASN1Structure()));
        SignerInformation stamped = SignerInformation.replaceUnsignedAttributes(signer,
                new AttributeTable(new DERSet(stamp)));
        return CMSSignedData.replaceSigners(data, new SignerInformationStore(stamped));
    }

    private List<X509Certificate> tsaChain() throws IOException {
        if (timestamping.chainPem().isBlank()) {
            return List.of();
        }
        try {
            return Pem.readCertificates(timestamping.chainPem().getBytes(StandardCharsets.US_ASCII));
        } catch (TimestampFormatException e) {
            throw new IOException("the time-stamping authority's chain cannot be read: " + e.getMessage(), e);
        }
    }

    /** The PDF's signed bytes streamed once into the digest, never held whole. */
    private static final class Streamed implements CMSTypedData {
        private final InputStream in;

        Streamed(InputStream in) {
            this.in = in;
        }

        @Override
        public ASN1ObjectIdentifier getContentType() {
            return PKCSObjectIdentifiers.data;
        }

        @Override
        public void write(OutputStream out) throws IOException {
            in.transferTo(out);
        }

        @Override
        public Object getContent() {
            return in;
        }
    }
}
