package io.sealtrail.verify;

import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Location;
import io.sealtrail.verify.note.NoteFormatException;
import io.sealtrail.verify.note.NoteVerification;
import io.sealtrail.verify.note.SignedNote;
import io.sealtrail.verify.note.VerifierKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Signed-note checks with the trust model of docs/decisions/0002: keys the bundle declares are claims
 * that make a note *intact*; only keys the auditor trusts make it *verified*. A note signed under the
 * name of a trusted key but not by that key is an impersonation, and an integrity failure.
 */
final class SignatureChecks {
    private final List<VerifierKey> declared;
    private final List<VerifierKey> trusted;
    private final List<VerifierKey> all;
    final Set<VerifierKey> usedKeys = new LinkedHashSet<>();
    final Set<VerifierKey> witnesses = new LinkedHashSet<>();
    private boolean everyNoteTrusted = true;
    private int notes;

    SignatureChecks(List<VerifierKey> declared, List<VerifierKey> trusted) {
        this.declared = List.copyOf(declared);
        this.trusted = List.copyOf(trusted);
        List<VerifierKey> union = new ArrayList<>(declared);
        trusted.stream().filter(k -> !union.contains(k)).forEach(union::add);
        this.all = List.copyOf(union);
    }

    /** The outcome for one note: who signed it, and whether a trusted key did. */
    record NoteResult(SignedNote note, List<VerifierKey> signedBy, boolean trusted) {
    }

    /**
     * Checks one signed note; findings go to {@code findings} under the given codes.
     *
     * @return null when the note cannot be parsed
     */
    NoteResult check(String path, byte[] bytes, FindingCode malformed, FindingCode invalid, FindingCode unsigned,
                     FindingCollector findings) {
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
        List<VerifierKey> signers = v.verifiedBy().stream().filter(k -> k.type() == VerifierKey.TYPE_ED25519).toList();
        v.verifiedBy().stream().filter(k -> k.type() != VerifierKey.TYPE_ED25519).forEach(witnesses::add);
        usedKeys.addAll(signers);
        if (signers.isEmpty()) {
            findings.add(unsigned, Location.file(path), "no valid log signature by any declared or trusted key"
                    + " (signed as: " + signerNames(note) + "; witness cosignatures alone do not count)");
        }
        boolean byTrusted = signers.stream().anyMatch(trusted::contains) && v.failedBy().isEmpty();
        if (!byTrusted) {
            everyNoteTrusted = false;
        }
        return new NoteResult(note, signers, byTrusted);
    }

    /**
     * After all notes: the bundle-level trust findings. Returns whether every note was signed by a
     * trusted key.
     */
    boolean conclude(String origin, FindingCollector findings) {
        if (notes == 0) {
            return false;
        }
        if (everyNoteTrusted) {
            return true;
        }
        // A key that signs under the name of a key the auditor trusts, without being that key, impersonates it.
        List<VerifierKey> impostors = usedKeys.stream()
                .filter(u -> !trusted.contains(u) && trusted.stream().anyMatch(t -> t.name().equals(u.name())))
                .toList();
        List<VerifierKey> untrusted = usedKeys.stream().filter(u -> !trusted.contains(u)).toList();
        if (!impostors.isEmpty()) {
            List<VerifierKey> genuine = trusted.stream()
                    .filter(t -> impostors.stream().anyMatch(i -> i.name().equals(t.name()))).toList();
            findings.add(FindingCode.SIGNER_KEY_MISMATCH, Location.BUNDLE,
                    "signed as " + impostors.get(0).name() + " by " + impostors.stream().map(SignatureChecks::describe)
                            .toList() + ", but the key you trust under that name is "
                            + genuine.stream().map(SignatureChecks::describe).toList() + " (log " + origin + ")");
        } else if (!untrusted.isEmpty()) {
            findings.add(FindingCode.SIGNATURE_UNTRUSTED_KEY, Location.BUNDLE,
                    "signed only by " + untrusted.stream().map(SignatureChecks::describe).toList()
                            + ", which you do not trust; add it with 'sealtrail trust add' or --trust once you have"
                            + " confirmed its fingerprint with the producer");
        }
        return false;
    }

    boolean declares(VerifierKey k) {
        return declared.contains(k);
    }

    boolean trusts(VerifierKey k) {
        return trusted.contains(k);
    }

    static String describe(VerifierKey k) {
        return k.name() + " (" + k.fingerprint() + ")";
    }

    private static String signerNames(SignedNote note) {
        return String.join(", ", note.signatures().stream().map(s -> s.keyName()).distinct().toList());
    }
}
