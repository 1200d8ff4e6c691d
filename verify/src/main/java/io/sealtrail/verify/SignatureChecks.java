package io.sealtrail.verify;

import io.sealtrail.model.Finding;
import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Location;
import io.sealtrail.verify.bundle.BundleSource;
import io.sealtrail.verify.bundle.Manifest;
import io.sealtrail.verify.bundle.ManifestSignature;
import io.sealtrail.verify.merkle.Sha256;
import io.sealtrail.verify.note.NoteFormatException;
import io.sealtrail.verify.note.NoteVerification;
import io.sealtrail.verify.note.SignedNote;
import io.sealtrail.verify.note.VerifierKey;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;

/**
 * Signed-note checks with the trust model of docs/decisions/0002: keys the bundle declares are claims
 * that make a note *intact*; only keys the auditor trusts make it *verified*.
 *
 * <p>A key vouches only for the log it is named for (C2SP: the log key's name is the origin). A key of
 * another name that signs a note of this log is {@code KEY_NAME_NOT_ORIGIN} and signs nothing here, even
 * when the auditor trusts it. And once the auditor trusts a key for this origin, the log has a known
 * signer: a note signed by any other key, whatever name it carries, is impersonation
 * ({@code SIGNER_KEY_MISMATCH}), not a bundle that merely lacks trust.
 *
 * <p>Trust is a judgement over all of a bundle's notes at once, so they are checked in one call: the
 * manifest's signature, then every checkpoint's.
 */
final class SignatureChecks {

    /** The outcome for one note: who signed it for this log, and whether a trusted key did. */
    record NoteResult(SignedNote note, List<VerifierKey> signedBy, boolean trusted) {
        NoteResult {
            signedBy = List.copyOf(signedBy);
        }
    }

    /**
     * What the signatures established.
     *
     * @param checkpoints checkpoint path -> its note's outcome (absent: its note could not be checked)
     * @param declared    the keys the bundle declares, in manifest order
     * @param trustedKeys the keys the auditor trusts
     * @param used        the keys named for this log that made a valid signature, in the order first used
     * @param trusted     whether every note was signed by a key the auditor trusts
     */
    record Result(Map<String, NoteResult> checkpoints, List<VerifierKey> declared, List<VerifierKey> trustedKeys,
                  List<VerifierKey> used, boolean trusted, FindingCollector.Collected findings) {
        Result {
            checkpoints = Map.copyOf(checkpoints);
            declared = List.copyOf(declared);
            trustedKeys = List.copyOf(trustedKeys);
            used = List.copyOf(used);
        }

        List<VerifierKey> signedBy(String checkpointPath) {
            NoteResult r = checkpoints.get(checkpointPath);
            return r == null ? List.of() : r.signedBy();
        }

        boolean trusted(String checkpointPath) {
            NoteResult r = checkpoints.get(checkpointPath);
            return r != null && r.trusted();
        }

        /** Every key declared or used, declared ones first. */
        List<VerificationReport.KeySummary> keySummaries() {
            Set<VerifierKey> keys = new LinkedHashSet<>(declared);
            keys.addAll(used);
            List<VerificationReport.KeySummary> out = new ArrayList<>();
            for (VerifierKey k : keys) {
                out.add(new VerificationReport.KeySummary(k.name(), String.format("%08x", k.keyId()), k.fingerprint(),
                        k.encode(), declared.contains(k), trustedKeys.contains(k), used.contains(k)));
            }
            return out;
        }
    }

    /**
     * Checks manifest.sig and the signatures of every checkpoint (parsed and checked for shape before).
     *
     * @param declared the keys the manifest declares that parsed
     * @param trusted  the keys the auditor trusts
     * @param files    the bundle's small files that could be read, by path
     */
    Result check(BundleSource source, Manifest m, byte[] manifestBytes, List<VerifierKey> declared,
                 List<VerifierKey> trusted, NavigableMap<Long, CheckpointFile> checkpoints, Map<String, byte[]> files) {
        Tally tally = new Tally(m.origin(), declared, trusted);
        checkManifestSignature(source, m, manifestBytes, tally);
        Map<String, CheckpointFile> byPath = new HashMap<>();
        checkpoints.values().forEach(c -> byPath.put(c.path(), c));
        Map<String, NoteResult> results = new HashMap<>();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            if (!byPath.containsKey(f.getKey())) {
                continue; // malformed, foreign or out of range: already reported
            }
            NoteResult r = tally.check(f.getKey(), f.getValue(), FindingCode.CHECKPOINT_MALFORMED,
                    FindingCode.CHECKPOINT_SIGNATURE_INVALID, FindingCode.CHECKPOINT_UNSIGNED);
            if (r != null) {
                results.put(f.getKey(), r);
            }
        }
        boolean everyNoteTrusted = tally.conclude();
        return new Result(results, declared, trusted, List.copyOf(tally.usedKeys), everyNoteTrusted,
                tally.findings.collected());
    }

    private static void checkManifestSignature(BundleSource source, Manifest m, byte[] manifestBytes, Tally tally) {
        Location at = Location.file(Manifest.MANIFEST_SIG);
        if (!source.exists(Manifest.MANIFEST_SIG)) {
            tally.findings.add(FindingCode.MANIFEST_SIGNATURE_MISSING, at, "manifest.sig is missing");
            return;
        }
        byte[] sig;
        try {
            sig = source.readSmall(Manifest.MANIFEST_SIG, 1 << 20);
        } catch (IOException e) {
            tally.findings.add(FindingCode.MANIFEST_SIGNATURE_INVALID, at, "cannot be read: " + e.getMessage());
            return;
        }
        NoteResult r = tally.check(Manifest.MANIFEST_SIG, sig, FindingCode.MANIFEST_SIGNATURE_INVALID,
                FindingCode.MANIFEST_SIGNATURE_INVALID, FindingCode.MANIFEST_SIGNATURE_INVALID);
        if (r == null) {
            return;
        }
        String expected = ManifestSignature.text(m.origin(), m.bundleId(),
                Sha256.of(manifestBytes));
        if (!r.note().text().equals(expected)) {
            tally.findings.add(Finding.mismatch(FindingCode.MANIFEST_SIGNATURE_INVALID, at,
                    "the signed note does not name this manifest: signed text",
                    expected.strip().replace('\n', ' '), r.note().text().strip().replace('\n', ' ')));
        }
    }

    /** What the notes of one bundle showed so far; lives for one {@link #check} call, on its thread. */
    private static final class Tally {
        private final String origin;
        private final List<VerifierKey> declared;
        private final List<VerifierKey> trusted;
        private final List<VerifierKey> all;
        private final FindingCollector findings = new FindingCollector();
        private final Set<VerifierKey> usedKeys = new LinkedHashSet<>();
        /** Keys named for another log that signed here, with the notes they signed. */
        private final Map<VerifierKey, List<String>> foreign = new LinkedHashMap<>();
        /** Notes that carry a valid Ed25519 signature, but none by a key the auditor trusts for this log. */
        private final List<String> untrustedNotes = new ArrayList<>();
        private boolean everyNoteTrusted = true;
        private int notes;

        Tally(String origin, List<VerifierKey> declared, List<VerifierKey> trusted) {
            this.origin = origin;
            this.declared = List.copyOf(declared);
            this.trusted = List.copyOf(trusted);
            List<VerifierKey> union = new ArrayList<>(declared);
            trusted.stream().filter(k -> !union.contains(k)).forEach(union::add);
            this.all = List.copyOf(union);
        }

        /**
         * Checks one signed note; findings go under the given codes.
         *
         * @return null when the note cannot be parsed
         */
        NoteResult check(String path, byte[] bytes, FindingCode malformed, FindingCode invalid, FindingCode unsigned) {
            notes++;
            SignedNote note;
            try {
                note = SignedNote.parse(bytes);
            } catch (NoteFormatException e) {
                findings.add(malformed, Location.file(path), "not a valid signed note: " + e.getMessage());
                everyNoteTrusted = false;
                return null;
            }
            NoteVerification v = note.verify(all);
            for (VerifierKey k : v.failedBy()) {
                findings.add(invalid, Location.file(path), "the signature by " + describe(k) + " does not verify");
            }
            // Only log keys sign for the log; a witness cosignature (type 0x04) attests, it does not sign.
            List<VerifierKey> logKeys = v.verifiedBy().stream().filter(k -> k.type() == VerifierKey.TYPE_ED25519).toList();
            List<VerifierKey> signers = logKeys.stream().filter(k -> k.name().equals(origin)).toList();
            List<VerifierKey> misnamed = logKeys.stream().filter(k -> !k.name().equals(origin)).toList();
            misnamed.forEach(k -> foreign.computeIfAbsent(k, x -> new ArrayList<>()).add(path));
            usedKeys.addAll(signers);
            if (signers.isEmpty()) {
                findings.add(unsigned, Location.file(path), "no valid log signature by a declared or trusted key named "
                        + origin + " (signed as: " + signerNames(note) + "; witness cosignatures and keys named for"
                        + " another log do not count)");
            }
            boolean byTrusted = signers.stream().anyMatch(trusted::contains) && v.failedBy().isEmpty();
            if (!byTrusted) {
                everyNoteTrusted = false;
                if (!logKeys.isEmpty() && signers.stream().noneMatch(trusted::contains)) {
                    untrustedNotes.add(path); // a failing signature beside a trusted one is already its own error
                }
            }
            return new NoteResult(note, signers, byTrusted);
        }

        /**
         * After all notes: the bundle-level trust findings. Returns whether every note was signed by a
         * trusted key.
         */
        boolean conclude() {
            for (VerifierKey k : declared) {
                if (k.type() == VerifierKey.TYPE_ED25519 && !k.name().equals(origin) && !foreign.containsKey(k)) {
                    findings.add(FindingCode.KEY_NAME_NOT_ORIGIN, Location.file(Manifest.MANIFEST),
                            "keys declares " + describe(k) + " as a signer of the log " + origin
                                    + ", but a log key must be named for its log");
                }
            }
            foreign.forEach((k, paths) -> findings.add(FindingCode.KEY_NAME_NOT_ORIGIN, Location.file(paths.get(0)),
                    describe(k) + (trusted.contains(k) ? ", a key you trust for the log " + k.name() + "," : "")
                            + " signed " + paths.size() + " note(s) of the log " + origin + " (" + first(paths)
                            + "); a key vouches only for the log it is named for, so these signatures count for nothing"));
            if (notes == 0) {
                return false;
            }
            if (everyNoteTrusted) {
                return true;
            }
            List<VerifierKey> logKeys = trusted.stream()
                    .filter(t -> t.type() == VerifierKey.TYPE_ED25519 && t.name().equals(origin)).toList();
            List<VerifierKey> untrusted = usedKeys.stream().filter(u -> !trusted.contains(u)).toList();
            if (!logKeys.isEmpty() && !untrustedNotes.isEmpty()) {
                List<VerifierKey> others = new ArrayList<>(untrusted);
                foreign.keySet().stream().filter(k -> !others.contains(k)).forEach(others::add);
                findings.add(FindingCode.SIGNER_KEY_MISMATCH, Location.file(untrustedNotes.get(0)),
                        untrustedNotes.size() + " note(s) of the log " + origin + " (" + first(untrustedNotes)
                                + ") are signed by " + others.stream().map(SignatureChecks::describe).toList()
                                + " but not by the key you trust for this log, "
                                + logKeys.stream().map(SignatureChecks::describe).toList()
                                + ": someone else signed under this log's name. If the log's operator rotated its key,"
                                + " confirm the new key's fingerprint with them and trust it too");
            } else if (!untrusted.isEmpty()) {
                findings.add(FindingCode.SIGNATURE_UNTRUSTED_KEY, Location.BUNDLE,
                        "signed only by " + untrusted.stream().map(SignatureChecks::describe).toList()
                                + ", which you do not trust; add it with 'sealtrail trust add' or --trust once you have"
                                + " confirmed its fingerprint with the producer");
            }
            return false;
        }
    }

    static String describe(VerifierKey k) {
        return k.name() + " (" + k.fingerprint() + ")";
    }

    private static String first(List<String> paths) {
        return paths.size() <= 3 ? String.join(", ", paths)
                : String.join(", ", paths.subList(0, 3)) + ", … " + (paths.size() - 3) + " more";
    }

    private static String signerNames(SignedNote note) {
        return String.join(", ", note.signatures().stream().map(s -> s.keyName()).distinct().toList());
    }
}
