package io.sealtrail.cases;

import io.sealtrail.verify.merkle.CompactRange;
import io.sealtrail.verify.merkle.Merkle;
import io.sealtrail.verify.note.Checkpoint;
import io.sealtrail.verify.note.NoteSigner;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What an attacker with the case folder and his own key can do to a journal: rewrite its entries as he likes, chain
 * them again and sign a fresh checkpoint. Everything a verifier must catch without anyone's private key.
 */
final class JournalForgery {
    private JournalForgery() {
    }

    static JournalEntry withActor(JournalEntry e, NoteSigner actor) {
        return new JournalEntry(e.seq(), e.time(), e.prev(), e.type(), actor.verifierKey().encode(), e.data());
    }

    static JournalEntry withData(JournalEntry e, UnaryOperator<Map<String, String>> change) {
        return new JournalEntry(e.seq(), e.time(), e.prev(), e.type(), e.actor(), change.apply(new LinkedHashMap<>(e.data())));
    }

    static JournalEntry entry(String type, NoteSigner actor, Map<String, String> data) {
        return new JournalEntry(0, java.time.Instant.parse("2026-11-28T11:00:00Z"), "", type, actor.verifierKey().encode(), data);
    }

    /** Writes {@code entries} as the journal, with seq and prev made right, and a checkpoint signed by {@code signer}. */
    static void write(CaseJournal journal, List<JournalEntry> entries, NoteSigner signer) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompactRange tree = CompactRange.empty();
        byte[] prev = new byte[32];
        for (int i = 0; i < entries.size(); i++) {
            JournalEntry e = entries.get(i);
            byte[] line = CaseJournal.encode(new JournalEntry(i, e.time(), HexFormat.of().formatHex(prev), e.type(),
                    e.actor(), e.data()));
            out.write(line);
            out.write('\n');
            prev = Merkle.leafHash(line);
            tree.append(prev);
        }
        Path dir = journal.file().getParent();
        Files.write(journal.file(), out.toByteArray());
        Files.write(dir.resolve(CaseJournal.CHECKPOINT),
                signer.sign(new Checkpoint(journal.origin(), tree.size(), tree.root(), List.of()).encode()));
    }

    /** The journal's entries, changed one by one, written back and signed by {@code signer}. */
    static void rewrite(CaseJournal journal, UnaryOperator<JournalEntry> change, NoteSigner signer) throws Exception {
        List<JournalEntry> out = new ArrayList<>();
        for (JournalEntry e : journal.entries()) {
            out.add(change.apply(e));
        }
        write(journal, out, signer);
    }
}
