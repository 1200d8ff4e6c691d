package io.sealtrail.report;

import io.sealtrail.verify.bundle.Timestamping;
import io.sealtrail.verify.pades.CadesSigner;
import io.sealtrail.verify.pades.ReportSigningKey;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.GregorianCalendar;
import java.util.Objects;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

/**
 * Signs a rendered report as PAdES baseline B-B, or B-T with a time-stamping authority
 * (docs/decisions/0023-signed-reports.md): an incremental update appends an invisible signature field whose
 * dictionary (/SubFilter ETSI.CAdES.detached) holds the CMS signature over every byte of the file but its own
 * /Contents, so the PDF/A-3b revision the renderer wrote stays byte for byte what it was.
 */
public final class ReportSigner {
    public static final COSName ETSI_CADES_DETACHED = COSName.getPDFName("ETSI.CAdES.detached");
    /**
     * Room for the CMS in /Contents (hex doubles it): a P-256 certificate and signature take under 1 KB, an RFC 3161
     * token with its RSA TSA certificate 2–4 KB, the TSA chain a few KB more.
     */
    static final int SIGNATURE_ROOM = 24 * 1024;

    private final ReportSigningKey key;
    private final Timestamping timestamping;

    /** @param timestamping the authority for B-T, or null for B-B */
    public ReportSigner(ReportSigningKey key, Timestamping timestamping) {
        this.key = Objects.requireNonNull(key, "key");
        this.timestamping = timestamping;
    }

    public ReportSigningKey key() {
        return key;
    }

    public boolean timestamped() {
        return timestamping != null;
    }

    /** Writes {@code pdf} followed by the incremental update that signs it. */
    public void sign(byte[] pdf, OutputStream out, Instant when) throws IOException {
        CadesSigner cades = new CadesSigner(key, timestamping);
        try (PDDocument doc = Loader.loadPDF(pdf); SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(ETSI_CADES_DETACHED);
            signature.setName(commonName(key.subject()));
            signature.setReason("Evidence report signed by the auditor who prepared it");
            GregorianCalendar at = GregorianCalendar.from(when.atZone(ZoneOffset.UTC));
            signature.setSignDate(at);
            options.setPreferredSignatureSize(SIGNATURE_ROOM);
            doc.addSignature(signature, content -> cades.sign(content, when), options);
            printable(doc);
            doc.saveIncremental(out);
        }
    }

    /**
     * PDF/A-3 (ISO 19005-3 6.3.2) wants every annotation printable; PDFBox leaves the invisible signature's widget
     * without flags, and the widget belongs to this revision, so setting the flag changes no signed byte of the report.
     */
    private static void printable(PDDocument doc) {
        // without PDFBox's fix-ups, which would add Helvetica (a font PDF/A cannot have unembedded) to the form's resources
        for (PDField f : doc.getDocumentCatalog().getAcroForm(null).getFields()) {
            if (f instanceof PDSignatureField s) {
                for (PDAnnotationWidget w : s.getWidgets()) {
                    w.setPrinted(true);
                    w.getCOSObject().setNeedToBeUpdated(true);
                }
            }
        }
    }

    /** The CN of an RFC 2253 name, else the whole name: what PDF readers show as "signed by". */
    static String commonName(String subject) {
        // RFC 2253 escapes a comma inside a value as "\,"; only an unescaped comma separates names
        for (String rdn : subject.split("(?<!\\\\),")) {
            if (rdn.strip().startsWith("CN=")) {
                return rdn.strip().substring(3).replaceAll("\\\\(.)", "$1");
            }
        }
        return subject;
    }
}
