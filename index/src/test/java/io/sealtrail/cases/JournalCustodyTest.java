package io.sealtrail.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.model.Finding;
import io.sealtrail.model.FindingCode;
import io.sealtrail.verify.note.NoteSigner;
import io.sealtrail.verify.note.VerifierKey;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The case is held by the key that created it until that key hands it over; the journal fails when anyone else has
 * written or signed it. The attacker ({@link #MALLORY}) has the case folder and his own key, never Alice's.
 */
class JournalCustodyTest {
    static final NoteSigner ALICE = NoteSigner.fromSeed("auditor/alice@laptop", new byte[32]);
    static final NoteSigner BOB = NoteSigner.fromSeed("auditor/bob@desk", CaseJournalTest.filled(3));
    static final NoteSigner MALLORY = NoteSigner.fromSeed("auditor/mallory@laptop", CaseJournalTest.filled(7));
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    /** As CaseFolder opens it: case.json names Alice as the creator. */
    CaseJournal journal;

    @BeforeEach
    void aliceCreatesTheCase() throws Exception {
        journal = new CaseJournal(dir, "case-1", ALICE.verifierKey(), CLOCK);
        journal.append(ALICE, JournalEntry.CASE_CREATED, Map.of("name", "Q3 access review"));
        journal.append(ALICE, JournalEntry.IMPORT, Map.of("bundle_id", "b-1", "verdict", "VERIFIED"));
        journal.append(ALICE, JournalEntry.ANNOTATION, Map.of("event", "b-1:42", "comment", "sudo at 3am"));
    }

    private static List<FindingCode> codes(CaseJournal.Check c) {
        return c.findings().stream().map(Finding::code).toList();
    }

    private static List<VerifierKey> keys(NoteSigner... signers) {
        return java.util.Arrays.stream(signers).map(NoteSigner::verifierKey).toList();
    }

    @Test
    void theCreatorHoldsAnUntouchedJournal() throws Exception {
        CaseJournal.Check c = journal.verify(List.of());
        assertThat(c.findings()).isEmpty();
        assertThat(c.creator()).isEqualTo(ALICE.verifierKey());
        assertThat(c.holder()).isEqualTo(ALICE.verifierKey());
    }

    @Test
    void aNewCaseNamesItsCreatorInCaseJsonAndSignsItsFirstEntryWithIt() throws Exception {
        CaseFolder.create(dir.resolve("case"), "review", CLOCK, ALICE);
        CaseFolder opened = CaseFolder.open(dir.resolve("case"), CLOCK);
        assertThat(opened.creator()).isEqualTo(ALICE.verifierKey());
        assertThat(opened.journal().entries()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(JournalEntry.CASE_CREATED);
            assertThat(e.actor()).isEqualTo(ALICE.verifierKey().encode());
        });
        assertThat(opened.journal().verify(keys(ALICE)).findings()).isEmpty();
    }

    @Test
    void everyActorRewrittenAndReSignedUnderAnotherKeyFailsAgainstTheCreatorCaseJsonNames() throws Exception {
        JournalForgery.rewrite(journal, e -> JournalForgery.withActor(e, MALLORY), MALLORY);
        for (List<VerifierKey> trusted : List.of(List.<VerifierKey>of(), keys(MALLORY))) {
            CaseJournal.Check c = journal.verify(trusted);
            assertThat(codes(c)).as("trusting %s", trusted)
                    .containsExactly(FindingCode.JOURNAL_SIGNER_CHANGED, FindingCode.JOURNAL_SIGNER_CHANGED);
            assertThat(c.findings().get(0).message()).contains("3 entries from #0").contains(MALLORY.name())
                    .contains(ALICE.verifierKey().fingerprint());
            assertThat(c.findings().get(1).location().file()).isEqualTo(CaseJournal.CHECKPOINT);
            assertThat(c.ok()).isFalse();
        }
    }

    @Test
    void laterEntriesRewrittenUnderAnotherKeyFailAgainstTheFirstEntryWhereCaseJsonNamesNoCreator() throws Exception {
        CaseJournal unpinned = new CaseJournal(dir, "case-1", CLOCK);
        JournalForgery.rewrite(unpinned, e -> e.seq() == 0 ? e : JournalForgery.withActor(e, MALLORY), MALLORY);
        for (List<VerifierKey> trusted : List.of(List.<VerifierKey>of(), keys(MALLORY))) {
            CaseJournal.Check c = unpinned.verify(trusted);
            assertThat(codes(c)).as("trusting %s", trusted)
                    .containsExactly(FindingCode.JOURNAL_SIGNER_CHANGED, FindingCode.JOURNAL_SIGNER_CHANGED);
            assertThat(c.findings().get(0).message()).contains("2 entries from #1");
            assertThat(c.creator()).isEqualTo(ALICE.verifierKey());
        }
    }

    @Test
    void aWholeCaseRewrittenUnderAnotherKeyFailsAgainstTheKeyYouName() throws Exception {
        CaseJournal unpinned = new CaseJournal(dir, "case-1", CLOCK);
        JournalForgery.rewrite(unpinned, e -> JournalForgery.withActor(e, MALLORY), MALLORY);
        assertThat(codes(unpinned.verify(keys(ALICE)))).containsExactly(FindingCode.JOURNAL_SIGNER_CHANGED);
    }

    @Test
    void entriesAppendedUnderAnotherKeyWithoutAHandOverFail() throws Exception {
        List<JournalEntry> entries = new ArrayList<>(journal.entries());
        entries.add(JournalForgery.entry(JournalEntry.ANNOTATION, MALLORY, Map.of("event", "b-1:42", "comment", "fine")));
        JournalForgery.write(journal, entries, MALLORY);
        CaseJournal.Check c = journal.verify(keys(MALLORY));
        assertThat(codes(c)).containsExactly(FindingCode.JOURNAL_SIGNER_CHANGED, FindingCode.JOURNAL_SIGNER_CHANGED);
        assertThat(c.findings().get(0).message()).startsWith("entry #3 written by " + MALLORY.name());
    }

    @Test
    void theJournalRefusesAnAppendByAKeyThatDoesNotHoldTheCase() throws Exception {
        assertThatThrownBy(() -> journal.append(MALLORY, JournalEntry.ANNOTATION, Map.of("comment", "fine")))
                .isInstanceOf(IOException.class).hasMessageContaining("held by " + ALICE.name())
                .hasMessageContaining("handover");
        assertThat(journal.entries()).hasSize(3);
    }

    @Test
    void workThatMustBeJournaledIsRefusedBeforeItIsDoneToAKeyThatDoesNotHoldTheCase() throws Exception {
        journal.requireHolder(ALICE);
        assertThatThrownBy(() -> journal.requireHolder(MALLORY)).isInstanceOf(IOException.class)
                .hasMessageContaining("held by " + ALICE.name());
    }

    @Test
    void aHandOverLetsTheNamedKeyAppendAndTheJournalVerifies() throws Exception {
        journal.handOver(ALICE, BOB.verifierKey(), "Alice leaves the audit team");
        Annotation.of("b-1", 42, "ab12", false, List.of("reviewed"), "agreed").append(journal, BOB);
        CaseJournal.Check c = journal.verify(keys(BOB));
        assertThat(c.findings()).isEmpty();
        assertThat(c.creator()).isEqualTo(ALICE.verifierKey());
        assertThat(c.holder()).isEqualTo(BOB.verifierKey());
        assertThat(c.signer()).isEqualTo(BOB.verifierKey());
        assertThat(journal.entries().get(3).data()).containsEntry("to", BOB.verifierKey().encode())
                .containsEntry("reason", "Alice leaves the audit team");
    }

    @Test
    void aKeyYouNamedThatHandedTheCaseOnMakesTheNewSignerOnlyAWarning() throws Exception {
        journal.handOver(ALICE, BOB.verifierKey(), "holiday");
        journal.append(BOB, JournalEntry.ANNOTATION, Map.of("event", "b-1:43", "comment", "seen"));
        CaseJournal.Check c = journal.verify(keys(ALICE));
        assertThat(codes(c)).containsExactly(FindingCode.JOURNAL_SIGNER_UNTRUSTED);
        assertThat(c.ok()).isTrue();
    }

    @Test
    void afterAHandOverThePreviousHolderMayNoLongerAppend() throws Exception {
        journal.handOver(ALICE, BOB.verifierKey(), "holiday");
        assertThatThrownBy(() -> journal.append(ALICE, JournalEntry.ANNOTATION, Map.of("comment", "one more")))
                .isInstanceOf(IOException.class).hasMessageContaining("held by " + BOB.name());
    }

    @Test
    void aHandOverSignedByAKeyThatDoesNotHoldTheCaseFails() throws Exception {
        List<JournalEntry> entries = new ArrayList<>(journal.entries());
        String signed = JournalCustody.sign(MALLORY, journal.origin(), 3, root(journal), MALLORY.verifierKey(), "urgent");
        entries.add(JournalForgery.entry(JournalEntry.HANDOVER, ALICE, Map.of("to", MALLORY.verifierKey().encode(),
                "reason", "urgent", "signed_checkpoint", signed)));
        entries.add(JournalForgery.entry(JournalEntry.ANNOTATION, MALLORY, Map.of("event", "b-1:42", "comment", "fine")));
        JournalForgery.write(journal, entries, MALLORY);
        CaseJournal.Check c = journal.verify(keys(MALLORY));
        assertThat(codes(c)).containsExactly(FindingCode.JOURNAL_SIGNER_CHANGED, FindingCode.JOURNAL_SIGNER_CHANGED,
                FindingCode.JOURNAL_SIGNER_CHANGED);
        assertThat(c.findings().get(0).message()).contains("hand-over to " + MALLORY.name())
                .contains("is not signed by " + ALICE.name());
        assertThat(c.holder()).isEqualTo(ALICE.verifierKey());
    }

    @Test
    void aHandOverCannotBeRedirectedToAnotherKey() throws Exception {
        journal.handOver(ALICE, BOB.verifierKey(), "holiday");
        List<JournalEntry> entries = new ArrayList<>();
        for (JournalEntry e : journal.entries()) {
            entries.add(JournalEntry.HANDOVER.equals(e.type()) ? JournalForgery.withData(e, d -> {
                d.put("to", MALLORY.verifierKey().encode());
                return d;
            }) : e);
        }
        entries.add(JournalForgery.entry(JournalEntry.ANNOTATION, MALLORY, Map.of("comment", "mine now")));
        JournalForgery.write(journal, entries, MALLORY);
        CaseJournal.Check c = journal.verify(keys(MALLORY));
        assertThat(codes(c)).containsExactly(FindingCode.JOURNAL_SIGNER_CHANGED, FindingCode.JOURNAL_SIGNER_CHANGED,
                FindingCode.JOURNAL_SIGNER_CHANGED);
        assertThat(c.findings().get(0).location().line()).isEqualTo(4);
        assertThat(c.holder()).isEqualTo(ALICE.verifierKey());
    }

    @Test
    void droppingAHandOverLeavesTheNewHoldersEntriesUnauthorised() throws Exception {
        journal.handOver(ALICE, BOB.verifierKey(), "holiday");
        journal.append(BOB, JournalEntry.ANNOTATION, Map.of("event", "b-1:43", "comment", "seen"));
        List<JournalEntry> entries = new ArrayList<>(journal.entries());
        entries.removeIf(e -> JournalEntry.HANDOVER.equals(e.type()));
        JournalForgery.write(journal, entries, BOB);
        CaseJournal.Check c = journal.verify(keys(BOB));
        assertThat(codes(c)).containsExactly(FindingCode.JOURNAL_SIGNER_CHANGED, FindingCode.JOURNAL_SIGNER_CHANGED);
        assertThat(c.holder()).isEqualTo(ALICE.verifierKey());
    }

    @Test
    void aHandOverIsRefusedToAKeyThatCannotSignAJournal() {
        VerifierKey witness = NoteSigner.cosignerFromSeed("witness.example", CaseJournalTest.filled(5)).verifierKey();
        assertThatThrownBy(() -> journal.handOver(ALICE, witness, "why not"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an Ed25519 key");
    }

    @Test
    void aHandOverNeedsAOneLineReason() {
        assertThatThrownBy(() -> journal.handOver(ALICE, BOB.verifierKey(), "two\nlines"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one line");
        assertThatThrownBy(() -> journal.handOver(ALICE, BOB.verifierKey(), " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a reason");
    }

    /** The Merkle root of the journal as it is. */
    private static byte[] root(CaseJournal j) throws Exception {
        io.sealtrail.verify.merkle.CompactRange t = io.sealtrail.verify.merkle.CompactRange.empty();
        for (String line : java.nio.file.Files.readAllLines(j.file())) {
            t.append(io.sealtrail.verify.merkle.Merkle.leafHash(line.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return t.root();
    }
}
