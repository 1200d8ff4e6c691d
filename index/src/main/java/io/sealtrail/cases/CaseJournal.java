package io.sealtrail.cases;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.sealtrail.model.Finding;
import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Location;
import io.sealtrail.verify.io.AtomicFiles;
import io.sealtrail.verify.io.CrashPoints;
import io.sealtrail.verify.merkle.CompactRange;
import io.sealtrail.verify.merkle.Merkle;
import io.sealtrail.verify.note.Checkpoint;
import io.sealtrail.verify.note.NoteFormatException;
import io.sealtrail.verify.note.NoteSigner;
import io.sealtrail.verify.note.NoteVerification;
import io.sealtrail.verify.note.SignedNote;
import io.sealtrail.verify.note.VerifierKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The case's chain of custody: an append-only JSON Lines file, hash-chained exactly like a bundle's
 * events (entry hash = SHA-256(0x00 || line), {@code prev} links them), whose Merkle root is signed
 * after every append as a C2SP checkpoint by the auditor who appended. The workbench holds itself to
 * the rigour it demands of the logs it checks. Appending is the commit point of every case change.
 */
public final class CaseJournal {
    public static final String FILE = "journal.jsonl";
    public static final String CHECKPOINT = "journal.checkpoint";
    private static final HexFormat HEX = HexFormat.of();
    private static final JsonFactory JSON = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final Path dir;
    private final String origin;
    private final VerifierKey creator;
    private final Clock clock;

    /** The journal of a case whose case.json names no creator: its first entry's author pins it. */
    public CaseJournal(Path dir, String caseId, Clock clock) {
        this(dir, caseId, null, clock);
    }

    /** @param creator the key case.json says created the case, which holds it until it hands it over; may be null */
    public CaseJournal(Path dir, String caseId, VerifierKey creator, Clock clock) {
        this.dir = dir;
        this.origin = "sealtrail.io/case/" + caseId;
        this.creator = creator;
        this.clock = clock;
    }

    public Path file() {
        return dir.resolve(FILE);
    }

    public String origin() {
        return origin;
    }

    /**
     * Appends an entry and re-signs the journal.
     *
     * @throws IOException also when {@code auditor} does not hold the case: only the key that created it, or the last
     *                     one it was handed over to, may write to its journal
     */
    public synchronized JournalEntry append(NoteSigner auditor, String type, Map<String, String> data) throws IOException {
        if (JournalEntry.HANDOVER.equals(type)) {
            throw new IllegalArgumentException("a hand-over is signed as one; use handOver");
        }
        return append(auditor, type, data, null, null);
    }

    /**
     * Hands the case over to {@code to}: appends a {@code handover} entry carrying {@code holder}'s signature over the
     * journal so far, the new key and the reason. From then on only {@code to} may append.
     */
    public synchronized JournalEntry handOver(NoteSigner holder, VerifierKey to, String reason) throws IOException {
        JournalCustody.checkReason(reason);
        if (to.type() != VerifierKey.TYPE_ED25519) {
            throw new IllegalArgumentException(to.name() + " is not an Ed25519 key, so it cannot sign a journal");
        }
        return append(holder, JournalEntry.HANDOVER, Map.of(), to, reason);
    }

    /**
     * Fails unless {@code auditor} may append now: for work whose result is useless unless journaled (a report), so
     * it is refused before it is done rather than after.
     */
    public void requireHolder(NoteSigner auditor) throws IOException {
        requireHolder(replay(lines()).holder(), auditor.verifierKey());
    }

    /** The committed lines' tree, the last one's entry hash, and who holds the case after them. */
    private record Replay(CompactRange tree, byte[] lastLeaf, VerifierKey holder) {
    }

    private Replay replay(List<byte[]> lines) {
        CompactRange tree = CompactRange.empty();
        List<JournalEntry> entries = new ArrayList<>();
        List<byte[]> roots = new ArrayList<>();
        byte[] last = new byte[32];
        for (byte[] l : lines) {
            last = Merkle.leafHash(l);
            tree.append(last);
            roots.add(tree.root());
            entries.add(decodeOrNull(l));
        }
        return new Replay(tree, last, JournalCustody.walk(origin, creator, entries, roots).holder());
    }

    private static void requireHolder(VerifierKey holder, VerifierKey me) throws IOException {
        if (holder != null && !holder.equals(me)) {
            throw new IOException("this case is held by " + JournalCustody.describe(holder) + ", not by your key "
                    + JournalCustody.describe(me) + "; its holder must hand it over to you first (sealtrail journal"
                    + " handover --to " + me.encode() + ")");
        }
    }

    private JournalEntry append(NoteSigner auditor, String type, Map<String, String> data, VerifierKey to, String reason)
            throws IOException {
        Files.createDirectories(dir);
        dropUncommittedTail();
        List<byte[]> lines = lines();
        Replay journal = replay(lines);
        CompactRange tree = journal.tree();
        VerifierKey me = auditor.verifierKey();
        requireHolder(journal.holder(), me);
        if (to != null) {
            if (lines.isEmpty()) {
                throw new IOException("a journal without entries has nobody to hand it over");
            }
            data = Map.of(JournalCustody.TO, to.encode(), JournalCustody.REASON, reason, JournalCustody.SIGNED_CHECKPOINT,
                    JournalCustody.sign(auditor, origin, lines.size(), tree.root(), to, reason));
        }
        JournalEntry e = new JournalEntry(lines.size(), clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS),
                HEX.formatHex(journal.lastLeaf()), type, me.encode(), data);
        byte[] line = encode(e);
        try (FileChannel ch = FileChannel.open(file(), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.allocate(line.length + 1).put(line).put((byte) '\n').flip();
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        AtomicFiles.forceFolder(dir); // a journal created by this append must survive as a name too
        CrashPoints.reached("journal line " + e.seq() + " (" + type + ") appended");
        tree.append(Merkle.leafHash(line));
        byte[] note = auditor.sign(new Checkpoint(origin, tree.size(), tree.root(), List.of()).encode());
        AtomicFiles.write(dir.resolve(CHECKPOINT), AtomicFiles.Existing.REPLACE, note);
        return e;
    }

    private static JournalEntry decodeOrNull(byte[] line) {
        try {
            return decode(line);
        } catch (IOException e) {
            return null; // not an entry; journal verify reports it, and it moves custody nowhere
        }
    }

    /** A line cut short by a crash was never committed; the next append removes it first. */
    private void dropUncommittedTail() throws IOException {
        Path f = file();
        if (!Files.exists(f)) {
            return;
        }
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            if (size == 0) {
                return;
            }
            ByteBuffer one = ByteBuffer.allocate(1);
            ch.read(one, size - 1);
            if (one.get(0) == '\n') {
                return;
            }
            long keep = size - 1;
            while (keep > 0) {
                one.clear();
                ch.read(one, keep - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                keep--;
            }
            ch.truncate(keep);
            ch.force(true);
        }
    }

    /** The committed lines, without their LF (a trailing partial line is not one). */
    private List<byte[]> lines() throws IOException {
        Path f = file();
        List<byte[]> out = new ArrayList<>();
        if (!Files.exists(f)) {
            return out;
        }
        byte[] all = Files.readAllBytes(f);
        int start = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == '\n') {
                out.add(Arrays.copyOfRange(all, start, i));
                start = i + 1;
            }
        }
        return out;
    }

    public List<JournalEntry> entries() throws IOException {
        List<JournalEntry> out = new ArrayList<>();
        for (byte[] l : lines()) {
            out.add(decode(l));
        }
        return out;
    }

    /**
     * The outcome of {@link #verify}: findings (empty when sound), who signed the journal, and who holds the case.
     *
     * @param creator the key that created the case (case.json's, else the first entry's author)
     * @param holder  the key that holds it now: the creator, or the last one it was validly handed over to
     */
    public record Check(List<Finding> findings, long entries, long signedEntries, VerifierKey signer, boolean signerTrusted,
                        VerifierKey creator, VerifierKey holder) {
        public boolean ok() {
            return findings.stream().noneMatch(f -> f.severity() == io.sealtrail.model.Severity.ERROR);
        }
    }

    /**
     * Checks every line, the chain, who wrote each entry (see {@link JournalCustody}), the signed checkpoint and its
     * signature. The signature must be by the key that held the case when the last covered entry was written;
     * {@code trusted} (may be empty) says whose keys you expect: a journal that none of them has signed is not the one
     * you expect, however sound it is.
     */
    public Check verify(Collection<VerifierKey> trusted) throws IOException {
        List<Finding> findings = new ArrayList<>();
        List<byte[]> lines = lines();
        CompactRange tree = CompactRange.empty();
        List<byte[]> roots = new ArrayList<>();
        byte[] prev = new byte[32];
        List<JournalEntry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Location at = Location.line(FILE, i + 1, i);
            byte[] leaf = Merkle.leafHash(lines.get(i));
            try {
                JournalEntry e = decode(lines.get(i));
                entries.add(e);
                if (e.seq() != i) {
                    findings.add(Finding.mismatch(FindingCode.JOURNAL_CHAIN_BROKEN, at, "seq", Long.toString(i),
                            Long.toString(e.seq())));
                }
                if (!e.prev().equals(HEX.formatHex(prev))) {
                    findings.add(Finding.mismatch(FindingCode.JOURNAL_CHAIN_BROKEN, at,
                            "prev is not the entry hash of the line before", HEX.formatHex(prev), e.prev()));
                }
            } catch (IOException ex) {
                entries.add(null);
                findings.add(Finding.of(FindingCode.JOURNAL_MALFORMED, at, ex.getMessage()));
            }
            prev = leaf;
            tree.append(leaf);
            roots.add(tree.root());
        }
        JournalCustody.Result custody = JournalCustody.walk(origin, creator, entries, roots);
        findings.addAll(custody.findings());
        Path cpFile = dir.resolve(CHECKPOINT);
        long signed = 0;
        VerifierKey signer = null;
        boolean signerTrusted = false;
        if (!Files.exists(cpFile)) {
            if (!lines.isEmpty()) {
                findings.add(Finding.of(FindingCode.JOURNAL_SIGNATURE_INVALID, Location.file(CHECKPOINT),
                        "the journal has entries but no signed checkpoint"));
            }
            return new Check(findings, lines.size(), 0, null, false, custody.creator(), custody.holder());
        }
        try {
            SignedNote note = SignedNote.parse(Files.readAllBytes(cpFile));
            Checkpoint cp = Checkpoint.parse(note.text());
            if (!cp.origin().equals(origin)) {
                findings.add(Finding.mismatch(FindingCode.JOURNAL_ROOT_MISMATCH, Location.file(CHECKPOINT),
                        "origin (a checkpoint signs one case's journal only)", origin, cp.origin()));
            } else if (cp.size() < 1 || cp.size() > lines.size()) {
                findings.add(Finding.mismatch(FindingCode.JOURNAL_ROOT_MISMATCH, Location.file(CHECKPOINT),
                        "the checkpoint covers more entries than the journal holds: size", "at most " + lines.size(),
                        Long.toString(cp.size())));
            } else if (!Arrays.equals(roots.get((int) cp.size() - 1), cp.rootHash())) {
                findings.add(Finding.mismatch(FindingCode.JOURNAL_ROOT_MISMATCH, Location.file(CHECKPOINT),
                        "root of the first " + cp.size() + " entries",
                        java.util.Base64.getEncoder().encodeToString(cp.rootHash()),
                        java.util.Base64.getEncoder().encodeToString(roots.get((int) cp.size() - 1))));
            } else {
                int lastCovered = (int) cp.size() - 1;
                VerifierKey holder = custody.holderAt().get(lastCovered);
                VerifierKey author = entries.get(lastCovered) == null ? null : JournalCustody.actor(entries.get(lastCovered));
                if (holder != null && note.verify(List.of(holder)).accepted()) {
                    signer = holder;
                } else if (author != null && !author.equals(holder) && note.verify(List.of(author)).accepted()) {
                    signer = author;
                    findings.add(Finding.of(FindingCode.JOURNAL_SIGNER_CHANGED, Location.file(CHECKPOINT),
                            "signed by " + JournalCustody.describe(author) + ", which does not hold the case: "
                                    + JournalCustody.describe(holder) + " holds it and signed no hand-over to that key"));
                } else {
                    findings.add(Finding.of(FindingCode.JOURNAL_SIGNATURE_INVALID, Location.file(CHECKPOINT),
                            "not validly signed by " + (holder == null ? "the auditor of the last entry"
                                    : JournalCustody.describe(holder))));
                }
                if (signer != null) {
                    signed = cp.size();
                    signerTrusted = trusted.contains(signer);
                    findings.addAll(trust(signer, custody, trusted));
                }
            }
        } catch (NoteFormatException e) {
            findings.add(Finding.of(FindingCode.JOURNAL_SIGNATURE_INVALID, Location.file(CHECKPOINT),
                    "not a signed checkpoint: " + e.getMessage()));
        }
        if (signed < lines.size()) {
            findings.add(Finding.of(FindingCode.JOURNAL_NOT_COVERED, Location.line(FILE, signed + 1, signed),
                    (lines.size() - signed) + " entr" + (lines.size() - signed == 1 ? "y is" : "ies are")
                            + " not covered by the signed checkpoint"));
        }
        return new Check(findings, lines.size(), signed, signer, signerTrusted, custody.creator(), custody.holder());
    }

    /**
     * Against the keys you expect. Anyone can create a case and sign its whole journal, copying another's entries
     * and case.json, so a journal that no key you named has signed (the checkpoint, or a hand-over) is not the one you
     * expect: an error. One that a key you named handed over to a key you did not name is only a warning.
     */
    private static List<Finding> trust(VerifierKey signer, JournalCustody.Result custody, Collection<VerifierKey> trusted) {
        if (trusted.isEmpty() || trusted.contains(signer)) {
            return List.of();
        }
        if (custody.handedOverBy().stream().noneMatch(trusted::contains)) {
            return List.of(Finding.of(FindingCode.JOURNAL_SIGNER_CHANGED, Location.file(CHECKPOINT),
                    "signed by " + JournalCustody.describe(signer) + ", and no key you named has signed this journal or"
                            + " handed the case over (created by " + JournalCustody.describe(custody.creator()) + ")"));
        }
        return List.of(Finding.of(FindingCode.JOURNAL_SIGNER_UNTRUSTED, Location.file(CHECKPOINT),
                "signed by " + JournalCustody.describe(signer) + ", not a key you named; the case came to it by"
                        + " hand-over from a key you named"));
    }

    /** Entries that decode, in order; a line that does not is left out (journal verify reports it). */
    List<JournalEntry> readableEntries() throws IOException {
        List<JournalEntry> out = new ArrayList<>();
        for (byte[] l : lines()) {
            JournalEntry e = decodeOrNull(l);
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    static byte[] encode(JournalEntry e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("seq", e.seq());
            g.writeStringField("time", e.time().toString());
            g.writeStringField("prev", e.prev());
            g.writeStringField("type", e.type());
            g.writeStringField("actor", e.actor());
            g.writeObjectFieldStart("data");
            for (Map.Entry<String, String> d : new TreeMap<>(e.data()).entrySet()) {
                g.writeStringField(d.getKey(), d.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }

    static JournalEntry decode(byte[] line) throws IOException {
        long seq = -1;
        String time = null;
        String prev = null;
        String type = null;
        String actor = null;
        Map<String, String> data = new TreeMap<>();
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String k = p.currentName();
                JsonToken t = p.nextToken();
                switch (k) {
                    case "seq" -> seq = t == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : -1;
                    case "time" -> time = p.getValueAsString();
                    case "prev" -> prev = p.getValueAsString();
                    case "type" -> type = p.getValueAsString();
                    case "actor" -> actor = p.getValueAsString();
                    case "data" -> {
                        if (t != JsonToken.START_OBJECT) {
                            throw new IOException("data must be an object");
                        }
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String dk = p.currentName();
                            if (p.nextToken() != JsonToken.VALUE_STRING) {
                                throw new IOException("data." + dk + " must be a string");
                            }
                            data.put(dk, p.getText());
                        }
                    }
                    default -> throw new IOException("unknown key " + k);
                }
            }
            if (p.nextToken() != null) {
                throw new IOException("content after the JSON object");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (seq < 0 || time == null || prev == null || type == null || actor == null) {
            throw new IOException("missing seq, time, prev, type or actor");
        }
        Instant when;
        try {
            when = Instant.parse(time);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IOException("time is not an RFC 3339 instant", e);
        }
        return new JournalEntry(seq, when, prev, type, actor, data);
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
