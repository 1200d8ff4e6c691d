package io.sealtrail.report;

import io.sealtrail.verify.note.NoteFormatException;
import io.sealtrail.verify.note.TlogProof;
import io.sealtrail.verify.note.TlogProofCheck;
import io.sealtrail.verify.note.VerifierKey;
import io.sealtrail.verify.proof.EventProofs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;

/**
 * Re-checks a report without the bundles: every embedded {@code .tlog-proof} must prove its event (carried
 * in the proof's extra data) into a checkpoint signed by one of the given keys, and its leaf index must be
 * the seq its file name cites. A report without any proof is not accepted.
 */
public final class ReportVerifier {

    /** The check of one embedded proof. */
    public record ProofOutcome(String file, long seq, boolean ok, List<String> problems) {
        public ProofOutcome {
            problems = List.copyOf(problems);
        }
    }

    /** All proofs of a report; {@link #ok()} only when there is at least one and every one holds. */
    public record Result(Path pdf, List<ProofOutcome> proofs, List<String> problems) {
        public Result {
            proofs = List.copyOf(proofs);
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty() && !proofs.isEmpty() && proofs.stream().allMatch(ProofOutcome::ok);
        }
    }

    public Result verify(Path pdf, List<VerifierKey> keys) throws IOException {
        List<ProofOutcome> outcomes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            Map<String, byte[]> files = embeddedFiles(doc);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                if (f.getKey().endsWith(".tlog-proof")) {
                    outcomes.add(check(f.getKey(), f.getValue(), keys));
                }
            }
            if (outcomes.isEmpty()) {
                problems.add("the report embeds no .tlog-proof file, so no cited event can be checked");
            }
        }
        return new Result(pdf, outcomes, problems);
    }

    static ProofOutcome check(String name, byte[] bytes, List<VerifierKey> keys) {
        long cited = citedSeq(name);
        TlogProof proof;
        try {
            proof = TlogProof.parse(bytes);
        } catch (NoteFormatException | IllegalArgumentException e) {
            return new ProofOutcome(name, cited, false, List.of("not a valid tlog-proof: " + e.getMessage()));
        }
        List<String> problems = new ArrayList<>();
        if (proof.extra() == null) {
            problems.add("the proof does not carry the event line");
        } else {
            TlogProofCheck c = EventProofs.verify(proof, null, keys);
            problems.addAll(c.problems());
        }
        if (cited >= 0 && proof.index() != cited) {
            problems.add("the file name cites seq " + cited + " but the proof is for leaf index " + proof.index());
        }
        return new ProofOutcome(name, proof.index(), problems.isEmpty(), problems);
    }

    /** {@code <bundle id>-<seq>.tlog-proof} → seq, or -1. */
    private static long citedSeq(String name) {
        String stem = name.substring(0, name.length() - ".tlog-proof".length());
        int dash = stem.lastIndexOf('-');
        try {
            return dash < 0 ? -1 : Long.parseLong(stem.substring(dash + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Name → bytes of every file in the EmbeddedFiles name tree (kids included). */
    static Map<String, byte[]> embeddedFiles(PDDocument doc) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        PDDocumentNameDictionary names = doc.getDocumentCatalog().getNames();
        if (names == null || names.getEmbeddedFiles() == null) {
            return out;
        }
        collect(names.getEmbeddedFiles(), out);
        return out;
    }

    private static void collect(PDEmbeddedFilesNameTreeNode node, Map<String, byte[]> out) throws IOException {
        Map<String, PDComplexFileSpecification> here = node.getNames();
        if (here != null) {
            for (Map.Entry<String, PDComplexFileSpecification> e : here.entrySet()) {
                PDComplexFileSpecification fs = e.getValue();
                PDEmbeddedFile ef = fs.getEmbeddedFileUnicode() != null ? fs.getEmbeddedFileUnicode() : fs.getEmbeddedFile();
                if (ef != null) {
                    out.put(e.getKey(), ef.toByteArray());
                }
            }
        }
        if (node.getKids() != null) {
            for (var kid : node.getKids()) {
                collect((PDEmbeddedFilesNameTreeNode) kid, out);
            }
        }
    }
}
