package io.sealtrail.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.model.Finding;
import io.sealtrail.model.FindingCode;
import io.sealtrail.verify.note.NoteSigner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseJournalTest {
    static final NoteSigner AUDITOR = NoteSigner.fromSeed("auditor/alice@laptop", new byte[32]);
    static final NoteSigner OTHER = NoteSigner.fromSeed("auditor/mallory@laptop", filled(7));

    @TempDir
    Path dir;
    CaseJournal journal;

    static byte[] filled(int v) {
        byte[] b = new byte[32];
        java.util.Arrays.fill(b, (byte) v);
        return b;
    }

    @BeforeEach
    void threeEntries() throws Exception {
        journal = new CaseJournal(dir, "case-1", Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC));
        journal.append(AUDITOR, JournalEntry.CASE_CREATED, Map.of("name", "Q3 access review"));
        journal.append(AUDITOR, JournalEntry.IMPORT, Map.of("bundle_id", "b-1", "verdict", "VERIFIED"));
        journal.append(AUDITOR, JournalEntry.ANNOTATION, Map.of("event", "b-1:42", "comment", "zoë's sudo at 3am"));
    }

    private static List<FindingCode> codes(CaseJournal.Check c) {
        return c.findings().stream().map(Finding::code).toList();
    }

    @Test
    void anUntouchedJournalVerifiesAndNamesItsSigner() throws Exception {
        CaseJournal.Check c = journal.verify(List.of(AUDITOR.verifierKey()));
        assertThat(c.findings()).isEmpty();
        assertThat(c.entries()).isEqualTo(3);
        assertThat(c.signedEntries()).isEqualTo(3);
        assertThat(c.signer()).isEqualTo(AUDITOR.verifierKey());
        assertThat(c.signerTrusted()).isTrue();
    }

    @Test
    void entriesRoundTripWithUnicode() throws Exception {
        List<JournalEntry> e = journal.entries();
        assertThat(e).hasSize(3);
        assertThat(e.get(2).data()).containsEntry("comment", "zoë's sudo at 3am");
        assertThat(e.get(0).prev()).isEqualTo("0".repeat(64));
        assertThat(e.get(1).actor()).isEqualTo(AUDITOR.verifierKey().encode());
    }

    @Test
    void anEditedEarlierEntryBreaksTheChainAndTheRoot() throws Exception {
        String text = Files.readString(journal.file(), StandardCharsets.UTF_8);
        Files.writeString(journal.file(), text.replace("\"VERIFIED\"", "\"VERIFIED!\""), StandardCharsets.UTF_8);
        CaseJournal.Check c = journal.verify(List.of());
        assertThat(codes(c)).contains(FindingCode.JOURNAL_CHAIN_BROKEN, FindingCode.JOURNAL_ROOT_MISMATCH);
        assertThat(c.ok()).isFalse();
    }

    @Test
    void aRemovedLastEntryIsCaughtByTheSignedSize() throws Exception {
        List<String> lines = Files.readAllLines(journal.file(), StandardCharsets.UTF_8);
        Files.write(journal.file(), (String.join("\n", lines.subList(0, 2)) + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(codes(journal.verify(List.of()))).contains(FindingCode.JOURNAL_ROOT_MISMATCH);
    }

    @Test
    void aCheckpointReSignedByAnotherAuditorIsRejected() throws Exception {
        String body = io.sealtrail.verify.note.SignedNote.parse(Files.readAllBytes(dir.resolve(CaseJournal.CHECKPOINT))).text();
        Files.write(dir.resolve(CaseJournal.CHECKPOINT), OTHER.sign(body));
        assertThat(codes(journal.verify(List.of()))).contains(FindingCode.JOURNAL_SIGNATURE_INVALID);
    }

    @Test
    void aJournalThatNoKeyYouNamedHasSignedFails() throws Exception {
        CaseJournal.Check c = journal.verify(List.of(OTHER.verifierKey()));
        assertThat(codes(c)).containsExactly(FindingCode.JOURNAL_SIGNER_CHANGED);
        assertThat(c.findings().get(0).message()).contains(AUDITOR.verifierKey().fingerprint());
        assertThat(c.ok()).isFalse();
    }

    @Test
    void aCheckpointOfAnotherCasesJournalFails() throws Exception {
        Path other = dir.resolve("other");
        CaseJournal theirs = new CaseJournal(other, "case-2", Clock.systemUTC());
        theirs.append(AUDITOR, JournalEntry.CASE_CREATED, Map.of("name", "another case"));
        Files.copy(theirs.file(), journal.file(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(other.resolve(CaseJournal.CHECKPOINT), dir.resolve(CaseJournal.CHECKPOINT),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        CaseJournal.Check c = journal.verify(List.of(AUDITOR.verifierKey()));
        assertThat(codes(c)).containsExactly(FindingCode.JOURNAL_ROOT_MISMATCH, FindingCode.JOURNAL_NOT_COVERED);
        assertThat(c.findings().get(0).message()).contains("sealtrail.io/case/case-1").contains("sealtrail.io/case/case-2");
    }

    @Test
    void aLineCutShortByACrashIsDroppedByTheNextAppend() throws Exception {
        Files.writeString(journal.file(), "{\"seq\":3,\"time\":\"2026-", StandardOpenOption.APPEND);
        journal.append(AUDITOR, JournalEntry.REPORT, Map.of("sha256", "ab"));
        CaseJournal.Check c = journal.verify(List.of(AUDITOR.verifierKey()));
        assertThat(c.findings()).isEmpty();
        assertThat(c.entries()).isEqualTo(4);
    }

    @Test
    void entriesAppendedAfterTheCheckpointAreNotCovered() throws Exception {
        byte[] cp = Files.readAllBytes(dir.resolve(CaseJournal.CHECKPOINT));
        journal.append(AUDITOR, JournalEntry.REPORT, Map.of());
        Files.write(dir.resolve(CaseJournal.CHECKPOINT), cp);
        assertThat(codes(journal.verify(List.of()))).containsExactly(FindingCode.JOURNAL_NOT_COVERED);
    }
}
