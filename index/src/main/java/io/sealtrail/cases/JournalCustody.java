package io.sealtrail.cases;

import io.sealtrail.model.Finding;
import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Location;
import io.sealtrail.verify.note.Checkpoint;
import io.sealtrail.verify.note.NoteFormatException;
import io.sealtrail.verify.note.NoteSigner;
import io.sealtrail.verify.note.SignedNote;
import io.sealtrail.verify.note.VerifierKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who holds a case's journal, entry by entry. The key that created the case holds it (case.json names it; the first
 * entry's actor where case.json predates that); only the holder may append, and a {@code handover} entry, signed by
 * the holder over the journal so far and the new key, passes the case on. Entries are not signed one by one, only the
 * checkpoint over all of them is, by the last entry's author: without this walk, whoever signs the newest checkpoint
 * could have written every actor before it.
 */
final class JournalCustody {
    static final String TO = "to";
    static final String REASON = "reason";
    static final String SIGNED_CHECKPOINT = "signed_checkpoint";
    private static final String HANDOVER_LINE = "handover-to ";
    private static final String REASON_LINE = "reason ";

    /**
     * @param holderAt     per entry, the key that held the case when it was appended (null before the first entry
     *                     when nothing pins the case)
     * @param holder       who holds it after the last entry, and so may append the next
     * @param handedOverBy keys that signed a valid hand-over, so have proven that they held the case
     */
    record Result(List<Finding> findings, VerifierKey creator, List<VerifierKey> holderAt, VerifierKey holder,
                  Set<VerifierKey> handedOverBy) {
    }

    private JournalCustody() {
    }

    /**
     * Walks the entries in order.
     *
     * @param pinned  the creator's key as case.json records it, or null for a case from before case.json named it
     * @param entries the decoded entries, null where a line is not one
     * @param roots   roots.get(i) is the Merkle root of the first i + 1 lines
     */
    static Result walk(String origin, VerifierKey pinned, List<JournalEntry> entries, List<byte[]> roots) {
        List<Finding> findings = new ArrayList<>();
        List<VerifierKey> holderAt = new ArrayList<>();
        Set<VerifierKey> handedOverBy = new LinkedHashSet<>();
        Map<VerifierKey, Intruder> intruders = new LinkedHashMap<>();
        VerifierKey creator = pinned;
        VerifierKey holder = pinned;
        boolean handedOver = false;
        for (int i = 0; i < entries.size(); i++) {
            JournalEntry e = entries.get(i);
            VerifierKey actor = e == null ? null : actor(e);
            if (i == 0 && holder == null) {
                creator = actor;
                holder = actor;
            }
            holderAt.add(holder);
            if (e == null) {
                continue;
            }
            Location at = Location.line(CaseJournal.FILE, i + 1, i);
            if (actor == null) {
                findings.add(Finding.of(FindingCode.JOURNAL_MALFORMED, at, "actor is not a verifier key: " + e.actor()));
                continue;
            }
            if (!actor.equals(holder)) {
                Intruder in = intruders.get(actor);
                if (in == null) {
                    in = new Intruder(i, holder, !handedOver);
                    intruders.put(actor, in);
                }
                in.count++;
                continue;
            }
            if (JournalEntry.HANDOVER.equals(e.type())) {
                VerifierKey to = handedTo(origin, e, i, i == 0 ? null : roots.get(i - 1), holder, findings, at);
                if (to != null) {
                    handedOverBy.add(holder);
                    holder = to;
                    handedOver = true;
                }
            }
        }
        intruders.forEach((key, in) -> findings.add(Finding.of(FindingCode.JOURNAL_SIGNER_CHANGED,
                Location.line(CaseJournal.FILE, in.firstSeq + 1, in.firstSeq),
                (in.count == 1 ? "entry #" + in.firstSeq : in.count + " entries from #" + in.firstSeq) + " written by "
                        + describe(key) + ", which does not hold the case: " + describe(in.holder) + " holds it"
                        + (in.byCreator ? " as its creator" : "") + " and signed no hand-over to that key")));
        return new Result(findings, creator, holderAt, holder, handedOverBy);
    }

    /** The key a hand-over passes the case to, or null (with a finding) when it does not hold. */
    private static VerifierKey handedTo(String origin, JournalEntry e, long seq, byte[] rootBefore, VerifierKey holder,
                                        List<Finding> findings, Location at) {
        VerifierKey to;
        try {
            to = VerifierKey.parse(e.data().getOrDefault(TO, ""));
        } catch (NoteFormatException ex) {
            findings.add(Finding.of(FindingCode.JOURNAL_MALFORMED, at, "hand-over: data.to is not a verifier key ("
                    + ex.getMessage() + ")"));
            return null;
        }
        String reason = e.data().getOrDefault(REASON, "");
        String expected = rootBefore == null ? null : statement(origin, seq, rootBefore, to, reason);
        boolean valid = false;
        try {
            SignedNote note = SignedNote.parse(Base64.getDecoder().decode(e.data().getOrDefault(SIGNED_CHECKPOINT, "")));
            valid = note.text().equals(expected) && note.verify(List.of(holder)).accepted();
        } catch (NoteFormatException | IllegalArgumentException ex) {
            valid = false; // reported below: a signature that cannot be read is no signature
        }
        if (!valid) {
            findings.add(Finding.of(FindingCode.JOURNAL_SIGNER_CHANGED, at, "the hand-over to " + describe(to)
                    + " is not signed by " + describe(holder) + ", who holds the case, over the journal's first " + seq
                    + " entries and that key: the case stays with " + holder.name()));
            return null;
        }
        return to;
    }

    /**
     * What the holder signs to hand the case over: a C2SP checkpoint of the journal before the hand-over entry, with
     * the new key and the reason as extension lines, so the signature cannot be moved to another place, case or key.
     */
    static String statement(String origin, long size, byte[] root, VerifierKey to, String reason) {
        return new Checkpoint(origin, size, root, List.of(HANDOVER_LINE + to.encode(), REASON_LINE + reason)).encode();
    }

    static String sign(NoteSigner holder, String origin, long size, byte[] root, VerifierKey to, String reason) {
        return Base64.getEncoder().encodeToString(holder.sign(statement(origin, size, root, to, reason)));
    }

    /** A reason goes into a signed note line: one line of printable text. */
    static void checkReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a hand-over needs a reason");
        }
        if (reason.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("the reason of a hand-over must be one line without control characters");
        }
    }

    static VerifierKey actor(JournalEntry e) {
        try {
            return VerifierKey.parse(e.actor());
        } catch (NoteFormatException ex) {
            return null;
        }
    }

    static String describe(VerifierKey k) {
        return k == null ? "nobody" : k.name() + " (" + k.fingerprint() + ")";
    }

    /** Entries by a key that did not hold the case: one finding per key, at its first entry. */
    private static final class Intruder {
        final long firstSeq;
        final VerifierKey holder;
        final boolean byCreator;
        long count;

        Intruder(long firstSeq, VerifierKey holder, boolean byCreator) {
            this.firstSeq = firstSeq;
            this.holder = holder;
            this.byCreator = byCreator;
        }
    }
}
