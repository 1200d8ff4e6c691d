package io.sealtrail.report;

import io.sealtrail.verify.merkle.InclusionProof;
import io.sealtrail.verify.merkle.Merkle;
import io.sealtrail.verify.merkle.ProofException;
import io.sealtrail.verify.note.Checkpoint;
import io.sealtrail.verify.note.NoteFormatException;
import io.sealtrail.verify.note.NoteVerification;
import io.sealtrail.verify.note.SignedNote;
import io.sealtrail.verify.note.TlogProof;
import io.sealtrail.verify.note.VerifierKey;
import io.sealtrail.model.Finding;
import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Location;
import io.sealtrail.model.Severity;
import io.sealtrail.verify.pades.SignatureCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
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
 * in the proof's extra data) into a checkpoint signed by one of the given keys, its leaf index must be the seq
 * its file name cites, and the embedded {@code cited-events.csv} must agree with the proofs (same seq, entry
 * hash, checkpoint size and root; no proof missing, none extra). A report without any proof is not accepted.
 * A signed report's PDF signature is checked too ({@link ReportSignatures}); an unsigned one is said to be unsigned.
 * A redacted report (it embeds {@code redaction.json}) carries proofs without the event line: each is checked from
 * the entry hash its CSV row gives, and the outcome says the line was withheld.
 */
public final class ReportVerifier {

    /** What became of one cited event's proof. */
    public enum Status {
        /** The event is in a checkpoint signed by one of the given keys. */
        PROVEN,
        /** Event, path and checkpoint are intact, but none of the given keys signed the checkpoint. */
        UNTRUSTED,
        /** Not a proof of the event: edited event line, failing inclusion path, seq mismatch, unreadable, bad signature. */
        BROKEN,
        /** The report cites the event without a proof (the report says why, e.g. the event was altered). */
        NOT_PROVEN
    }

    /** The overall verdict; {@code sealtrail report verify} exits with 0, 1 and 3 for them, as verify does. */
    public enum Verdict {
        VERIFIED, BROKEN, UNTRUSTED
    }

    /** The check of one cited event (one embedded proof, or one CSV row without a proof). */
    /**
     * @param lineWithheld the report is redacted and the proof carries no event line: it was checked from the entry
     *                     hash cited-events.csv gives, and the evidence holder checks the line against that hash
     */
    public record ProofOutcome(String file, long seq, Status status, List<String> problems, boolean lineWithheld) {
        public ProofOutcome {
            problems = List.copyOf(problems);
        }

        public ProofOutcome(String file, long seq, Status status, List<String> problems) {
            this(file, seq, status, problems, false);
        }

        public boolean ok() {
            return status == Status.PROVEN;
        }
    }

    /**
     * One PDF signature of the report (docs/reports.md): where it is, the time the signer claims (/M), the check of
     * its CMS (null when the dictionary could not be checked at all) and every finding about it.
     */
    public record SignatureOutcome(String label, Instant claimedTime, SignatureCheck check, List<Finding> findings) {
        public SignatureOutcome {
            findings = List.copyOf(findings);
        }

        public boolean ok() {
            return findings.stream().noneMatch(f -> f.severity() == Severity.ERROR);
        }
    }

    /**
     * All proofs of a report, the problems of the report as a whole (no proof, CSV disagreeing with the proofs), its
     * PDF signatures and the findings about signing ({@code REPORT_NOT_SIGNED} for a report without a signature).
     * {@link #verdict()}: VERIFIED only when there is a proof, every one holds, nothing disagrees and no signature
     * finding is an error; BROKEN when anything is broken or unproven, or a signature fails; otherwise UNTRUSTED
     * (intact, but signed by none of the keys given).
     */
    public record Result(Path pdf, List<ProofOutcome> proofs, List<String> problems, List<SignatureOutcome> signatures,
                         List<Finding> signing) {
        public Result {
            proofs = List.copyOf(proofs);
            problems = List.copyOf(problems);
            signatures = List.copyOf(signatures);
            signing = List.copyOf(signing);
        }

        /** A result without a signature check (the proofs alone). */
        public Result(Path pdf, List<ProofOutcome> proofs, List<String> problems) {
            this(pdf, proofs, problems, List.of(), List.of());
        }

        public boolean signed() {
            return !signatures.isEmpty();
        }

        public Verdict verdict() {
            if (!problems.isEmpty() || proofs.isEmpty()
                    || proofs.stream().anyMatch(p -> p.status() == Status.BROKEN || p.status() == Status.NOT_PROVEN)
                    || signing.stream().anyMatch(f -> f.severity() == Severity.ERROR)) {
                return Verdict.BROKEN;
            }
            return proofs.stream().allMatch(ProofOutcome::ok) ? Verdict.VERIFIED : Verdict.UNTRUSTED;
        }

        public boolean ok() {
            return verdict() == Verdict.VERIFIED;
        }
    }

    /** What a proof establishes about its event, for comparing with the CSV. */
    private record Proven(long seq, String entryHash, long checkpointSize, String checkpointRoot) {
    }

    /** Checks the proofs, and any signature with no expected signer and no trusted TSA root, as of now. */
    public Result verify(Path pdf, List<VerifierKey> keys) throws IOException {
        return verify(pdf, keys, List.of(), List.of(), Instant.now());
    }

    /**
     * @param signers  the certificates the report should be signed with (empty: the signer is named, not judged)
     * @param tsaRoots roots of the time-stamping authorities trusted for the signature's timestamp
     * @param now      the time to judge the signer's certificate at when the signature carries no timestamp
     */
    public Result verify(Path pdf, List<VerifierKey> keys, List<X509Certificate> signers, List<X509Certificate> tsaRoots,
                         Instant now) throws IOException {
        List<ProofOutcome> outcomes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<SignatureOutcome> signatures;
        List<Finding> signing = new ArrayList<>();
        byte[] file = Files.readAllBytes(pdf);
        try (PDDocument doc = Loader.loadPDF(file)) {
            signatures = ReportSignatures.check(doc, file, new ReportSignatures.Expectations(signers, tsaRoots, now));
            signatures.forEach(s -> signing.addAll(s.findings()));
            if (signatures.isEmpty()) {
                Finding removed = ReportSignatures.signatureRemoved(file);
                signing.add(removed != null ? removed : Finding.of(FindingCode.REPORT_NOT_SIGNED,
                        Location.file(pdf.getFileName().toString()),
                        "the report carries no PDF signature: only its embedded proofs vouch for it"));
            }
            Map<String, byte[]> files = embeddedFiles(doc);
            Map<String, Proven> proven = new HashMap<>();
            byte[] csv = files.get("cited-events.csv");
            // a redacted report's proofs carry no line: their leaf is the entry hash the CSV cites for them
            Map<String, String> withheld = files.containsKey(ReportRedaction.ATTACHMENT) && csv != null
                    ? entryHashes(csv) : Map.of();
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                if (f.getKey().endsWith(".tlog-proof")) {
                    outcomes.add(check(f.getKey(), f.getValue(), keys, proven, withheld));
                }
            }
            if (csv == null) {
                problems.add("the report embeds no cited-events.csv, so its proofs cannot be matched to what it cites");
            } else {
                compare(csv, proven, outcomes, problems);
            }
            if (outcomes.stream().noneMatch(o -> o.status() != Status.NOT_PROVEN)) {
                problems.add("the report embeds no .tlog-proof file, so no cited event can be checked");
            }
        }
        return new Result(pdf, outcomes, problems, signatures, signing);
    }

    static ProofOutcome check(String name, byte[] bytes, List<VerifierKey> keys) {
        return check(name, bytes, keys, new HashMap<>(), Map.of());
    }

    /** proof file → the entry hash cited-events.csv gives for it (rows that cannot be read are judged later). */
    private static Map<String, String> entryHashes(byte[] csv) {
        Map<String, String> out = new HashMap<>();
        try {
            for (Map<String, String> r : CitedEventsCsv.read(csv)) {
                String file = r.getOrDefault("proof_file", "");
                if (!file.isEmpty()) {
                    out.put(file, r.getOrDefault("entry_hash", ""));
                }
            }
        } catch (IllegalArgumentException e) {
            return Map.of(); // compare() says why the CSV cannot be read
        }
        return out;
    }

    private static ProofOutcome check(String name, byte[] bytes, List<VerifierKey> keys, Map<String, Proven> proven,
                                      Map<String, String> withheld) {
        long cited = citedSeq(name);
        TlogProof proof;
        SignedNote note;
        Checkpoint cp;
        try {
            proof = TlogProof.parse(bytes);
            note = SignedNote.parse(proof.checkpointNote());
            cp = Checkpoint.parse(note.text());
        } catch (NoteFormatException | IllegalArgumentException e) {
            return new ProofOutcome(name, cited, Status.BROKEN, List.of("not a valid tlog-proof: " + e.getMessage()));
        }
        List<String> broken = new ArrayList<>();
        byte[] leaf = proof.extra() != null ? Merkle.leafHash(proof.extra()) : leafOf(withheld.get(name));
        boolean lineWithheld = proof.extra() == null && leaf != null;
        if (leaf == null) {
            broken.add(withheld.isEmpty() ? "the proof does not carry the event line"
                    : "the line is withheld by redaction, but cited-events.csv gives no entry hash for this proof");
        } else {
            try {
                InclusionProof.verify(proof.index(), cp.size(), leaf, proof.path(), cp.rootHash());
            } catch (ProofException e) {
                broken.add((lineWithheld ? "the entry hash cited-events.csv gives" : "the event line") + " is not in"
                        + " checkpoint " + cp.size() + " at leaf " + proof.index() + " (the " + (lineWithheld
                        ? "hash" : "line") + " or the path was changed): " + e.getMessage());
            }
            proven.put(name, new Proven(proof.index(), HexFormat.of().formatHex(leaf), cp.size(),
                    Base64.getEncoder().encodeToString(cp.rootHash())));
        }
        if (cited >= 0 && proof.index() != cited) {
            broken.add("the file name cites seq " + cited + " but the proof is for leaf index " + proof.index());
        }
        NoteVerification sigs = note.verify(keys);
        for (VerifierKey failed : sigs.failedBy()) {
            broken.add("the checkpoint's signature by the given key " + failed.name() + " does not verify");
        }
        if (!broken.isEmpty()) {
            return new ProofOutcome(name, proof.index(), Status.BROKEN, broken, lineWithheld);
        }
        boolean logSigned = sigs.verifiedBy().stream()
                .anyMatch(k -> k.name().equals(cp.origin()) && k.type() == VerifierKey.TYPE_ED25519);
        if (!logSigned) {
            return new ProofOutcome(name, proof.index(), Status.UNTRUSTED, List.of("the proof is intact, but checkpoint "
                    + cp.size() + " of " + cp.origin() + " is not signed by any key given"), lineWithheld);
        }
        return new ProofOutcome(name, proof.index(), Status.PROVEN, List.of(), lineWithheld);
    }

    private static byte[] leafOf(String hex) {
        if (hex == null || !hex.matches("[0-9a-f]{64}")) {
            return null;
        }
        return HexFormat.of().parseHex(hex);
    }

    /** Every CSV row must match its proof; every proof must have its row; rows without a proof are NOT_PROVEN. */
    private static void compare(byte[] csv, Map<String, Proven> proven, List<ProofOutcome> outcomes, List<String> problems) {
        List<Map<String, String>> rows;
        try {
            rows = CitedEventsCsv.read(csv);
        } catch (IllegalArgumentException e) {
            problems.add("cited-events.csv cannot be read: " + e.getMessage());
            return;
        }
        Map<String, Boolean> seen = new TreeMap<>();
        outcomes.stream().filter(o -> o.file().endsWith(".tlog-proof")).forEach(o -> seen.put(o.file(), false));
        for (Map<String, String> r : rows) {
            String file = r.getOrDefault("proof_file", "");
            String ref = r.get("bundle_id") + ":" + r.get("seq");
            if (file.isEmpty()) {
                outcomes.add(new ProofOutcome("(no proof) " + ref, parseLong(r.get("seq")), Status.NOT_PROVEN,
                        List.of((r.getOrDefault("standing", "").isEmpty() ? "" : r.get("standing") + "; ")
                                + "cited without a proof: " + r.getOrDefault("no_proof_reason", ""))));
                continue;
            }
            if (!seen.containsKey(file)) {
                problems.add("cited-events.csv names " + file + " for " + ref + ", but the report embeds no such proof");
                continue;
            }
            seen.put(file, true);
            Proven p = proven.get(file);
            if (p == null) {
                continue; // the proof itself is already BROKEN
            }
            mismatch(problems, file, "seq", Long.toString(p.seq()), r.get("seq"));
            mismatch(problems, file, "entry_hash", p.entryHash(), r.get("entry_hash"));
            mismatch(problems, file, "checkpoint_size", Long.toString(p.checkpointSize()), r.get("checkpoint_size"));
            mismatch(problems, file, "checkpoint_root", p.checkpointRoot(), r.get("checkpoint_root"));
        }
        seen.forEach((file, matched) -> {
            if (!matched) {
                problems.add("the report embeds " + file + ", which no row of cited-events.csv cites");
            }
        });
    }

    private static void mismatch(List<String> problems, String file, String column, String proven, String csv) {
        if (!proven.equals(csv)) {
            problems.add("cited-events.csv disagrees with " + file + " on " + column + ": the proof gives " + proven
                    + ", the CSV " + csv);
        }
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
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
