package io.sealtrail.report;

import io.sealtrail.model.Finding;
import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Location;
import io.sealtrail.model.Severity;
import io.sealtrail.verify.pades.CadesSignatureVerifier;
import io.sealtrail.verify.pades.SignatureCheck;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;

/**
 * The PDF half of checking a signed report: each signature dictionary's /ByteRange must cover the whole file but
 * its own /Contents (a byte after the range is an update made after signing), and the CMS in /Contents must hold
 * over those bytes ({@link CadesSignatureVerifier}). A report whose latest revision carries no signature, but an
 * earlier revision did, had its signature removed by an update: that is not an unsigned report.
 */
final class ReportSignatures {
    private static final COSName ADBE_PKCS7_DETACHED = COSName.getPDFName("adbe.pkcs7.detached");
    private static final byte[] EOF_MARKER = "%%EOF".getBytes(StandardCharsets.US_ASCII);

    /** Whom the auditor expects to have signed, whose timestamps they trust, and the time of the check. */
    record Expectations(List<X509Certificate> signers, List<X509Certificate> tsaRoots, Instant now) {
        Expectations {
            signers = List.copyOf(signers);
            tsaRoots = List.copyOf(tsaRoots);
            Objects.requireNonNull(now, "now");
        }
    }

    private ReportSignatures() {
    }

    static List<ReportVerifier.SignatureOutcome> check(PDDocument doc, byte[] file, Expectations expect) throws IOException {
        List<PDSignature> signatures = doc.getSignatureDictionaries();
        if (signatures.isEmpty()) {
            return List.of();
        }
        CadesSignatureVerifier cades = new CadesSignatureVerifier(expect.tsaRoots(), expect.signers());
        List<ReportVerifier.SignatureOutcome> out = new ArrayList<>();
        int n = 0;
        for (PDSignature s : signatures) {
            n++;
            out.add(check(s, "signature " + n + (s.getName() == null ? "" : " (" + s.getName() + ")"), file, cades, expect.now()));
        }
        return out;
    }

    private static ReportVerifier.SignatureOutcome check(PDSignature s, String label, byte[] file,
                                                         CadesSignatureVerifier cades, Instant now) throws IOException {
        Location where = Location.file(label);
        Instant claimed = s.getSignDate() == null ? null : s.getSignDate().toInstant();
        List<Finding> findings = new ArrayList<>();
        COSName subFilter = s.getCOSObject().getCOSName(COSName.SUB_FILTER);
        if (!ReportSigner.ETSI_CADES_DETACHED.equals(subFilter) && !ADBE_PKCS7_DETACHED.equals(subFilter)) {
            findings.add(Finding.of(FindingCode.REPORT_SIGNATURE_INVALID, where, "/SubFilter " + subFilter
                    + " is not a detached CMS signature (ETSI.CAdES.detached or adbe.pkcs7.detached)"));
            return new ReportVerifier.SignatureOutcome(label, claimed, null, findings);
        }
        int[] range = s.getByteRange();
        String broken = rangeProblem(range, file);
        if (broken != null) {
            findings.add(Finding.of(FindingCode.REPORT_SIGNATURE_INVALID, where, "/ByteRange " + Arrays.toString(range)
                    + " " + broken));
            return new ReportVerifier.SignatureOutcome(label, claimed, null, findings);
        }
        long end = (long) range[2] + range[3];
        if (end < file.length) {
            findings.add(new Finding(FindingCode.REPORT_UPDATED_AFTER_SIGNING, Severity.ERROR, "the report was updated"
                    + " after it was signed: the signature covers its first " + end + " bytes, " + (file.length - end)
                    + " bytes follow (an incremental update the signature does not cover)", where,
                    Map.of("signed", Long.toString(end), "size", Integer.toString(file.length))));
        }
        ByteArrayOutputStream signed = new ByteArrayOutputStream(range[1] + range[3]);
        signed.write(file, range[0], range[1]);
        signed.write(file, range[2], range[3]);
        SignatureCheck c = cades.check(s.getContents(file), signed.toByteArray(), now, where);
        findings.addAll(c.findings());
        return new ReportVerifier.SignatureOutcome(label, claimed, c, findings);
    }

    /** Null when the range is [0, a, b, c] with exactly the /Contents string between a and b, within the file. */
    private static String rangeProblem(int[] r, byte[] file) {
        if (r == null || r.length != 4) {
            return "is not four numbers";
        }
        if (r[0] != 0 || r[1] <= 0 || r[2] <= r[1] || r[3] < 0 || (long) r[2] + r[3] > file.length) {
            return "does not start the file and stay within its " + file.length + " bytes";
        }
        if (file[r[1]] != '<' || file[r[2] - 1] != '>') {
            return "leaves out more than the signature's /Contents (bytes " + r[1] + " to " + r[2] + ")";
        }
        for (int i = r[1] + 1; i < r[2] - 1; i++) {
            if (Character.digit(file[i], 16) < 0) {
                return "leaves out bytes that are not the hex of /Contents (byte " + i + ")";
            }
        }
        return null;
    }

    /**
     * The unsigned latest revision of a file whose earlier revision was signed: each earlier revision ends at a
     * {@code %%EOF}; the first one found signed is named. Null when no earlier revision was signed.
     */
    static Finding signatureRemoved(byte[] file) {
        List<Integer> ends = new ArrayList<>();
        for (int i = indexOf(file, 0); i >= 0; i = indexOf(file, i + 1)) {
            ends.add(i + EOF_MARKER.length);
        }
        for (int k = 0; k < ends.size() - 1; k++) {
            int end = ends.get(k);
            try (PDDocument earlier = Loader.loadPDF(Arrays.copyOf(file, end))) {
                List<PDSignature> sigs = earlier.getSignatureDictionaries();
                if (!sigs.isEmpty()) {
                    String by = sigs.get(0).getName() == null ? "" : " by " + sigs.get(0).getName();
                    return Finding.of(FindingCode.REPORT_UPDATED_AFTER_SIGNING, Location.file("signature 1"),
                            "the report was signed" + by + " in a revision of its first " + end + " bytes; an update of "
                                    + (file.length - end) + " bytes after it removed the signature");
                }
            } catch (IOException | RuntimeException e) {
                // not a loadable revision (a "%%EOF" inside a stream): look at the next
            }
        }
        return null;
    }

    private static int indexOf(byte[] file, int from) {
        outer:
        for (int i = from; i <= file.length - EOF_MARKER.length; i++) {
            for (int j = 0; j < EOF_MARKER.length; j++) {
                if (file[i + j] != EOF_MARKER[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
