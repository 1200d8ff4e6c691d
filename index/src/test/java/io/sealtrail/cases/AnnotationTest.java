package io.sealtrail.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.verify.note.NoteSigner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnotationTest {
    static final NoteSigner AUDITOR = NoteSigner.fromSeed("auditor/alice@laptop", new byte[32]);

    @TempDir
    Path dir;
    CaseJournal journal;

    @BeforeEach
    void journal() throws Exception {
        journal = new CaseJournal(dir, "case-1", Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC));
        journal.append(AUDITOR, JournalEntry.CASE_CREATED, Map.of("name", "review"));
    }

    @Test
    void anAnnotationReadsBackAsWritten() throws Exception {
        Annotation written = Annotation.of("b-1", 42, "ab12", true, List.of("sudo", " off-hours "), " zoë's 3am sudo ")
                .append(journal, AUDITOR);
        assertThat(Annotation.all(journal)).singleElement().isEqualTo(written).satisfies(a -> {
            assertThat(a.journalSeq()).isEqualTo(1);
            assertThat(a.eventRef()).isEqualTo("b-1:42");
            assertThat(a.entryHash()).isEqualTo("ab12");
            assertThat(a.bookmark()).isTrue();
            assertThat(a.tags()).containsExactly("sudo", "off-hours");
            assertThat(a.comment()).isEqualTo("zoë's 3am sudo");
            assertThat(a.actor()).isEqualTo(AUDITOR.verifierKey().encode());
        });
        assertThat(journal.verify(List.of(AUDITOR.verifierKey())).ok()).isTrue();
    }

    @Test
    void aBundleIdWithColonsKeepsThemAndTheSeqIsTheLastPart() throws Exception {
        Annotation.of("urn:x:b", 7, "", false, List.of(), "c").append(journal, AUDITOR);
        assertThat(Annotation.all(journal)).singleElement()
                .satisfies(a -> assertThat(a.bundleId()).isEqualTo("urn:x:b"))
                .satisfies(a -> assertThat(a.seq()).isEqualTo(7));
    }

    @Test
    void anAnnotationThatSaysNothingIsRefused() {
        assertThatThrownBy(() -> Annotation.of("b-1", 1, "", false, List.of(" "), " ").append(journal, AUDITOR))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void otherEntriesAndMalformedEventRefsAreNoAnnotations() throws Exception {
        journal.append(AUDITOR, JournalEntry.ANNOTATION, Map.of("event", "b-1:notanumber", "comment", "x"));
        journal.append(AUDITOR, JournalEntry.ANNOTATION, Map.of("comment", "no event"));
        journal.append(AUDITOR, JournalEntry.IMPORT, Map.of("bundle_id", "b-1"));
        assertThat(Annotation.all(journal)).isEmpty();
    }

    @Test
    void aRemovedAnnotationLeavesTheListButItsEntryStaysInTheSignedJournal() throws Exception {
        Annotation kept = Annotation.of("b-1", 1, "aa", true, List.of(), "").append(journal, AUDITOR);
        Annotation gone = Annotation.of("b-1", 2, "bb", true, List.of(), "set in error").append(journal, AUDITOR);
        JournalEntry removal = gone.remove(journal, AUDITOR, "wrong event");
        assertThat(Annotation.all(journal)).containsExactly(kept);
        assertThat(removal.type()).isEqualTo(JournalEntry.ANNOTATION_REMOVED);
        assertThat(removal.data()).containsEntry(Annotation.REMOVES, Long.toString(gone.journalSeq()))
                .containsEntry("event", "b-1:2").containsEntry("reason", "wrong event");
        assertThat(Annotation.from(journal.entries().get((int) gone.journalSeq()))).isEqualTo(gone);
        assertThat(journal.verify(List.of(AUDITOR.verifierKey())).ok()).isTrue();
    }

    @Test
    void anAnnotationIsRemovedOnlyOnce() throws Exception {
        Annotation a = Annotation.of("b-1", 1, "aa", true, List.of(), "").append(journal, AUDITOR);
        a.remove(journal, AUDITOR, "");
        assertThatThrownBy(() -> a.remove(journal, AUDITOR, "")).hasMessageContaining("already removed");
    }

    @Test
    void aRemovalNamingAnEntryThatIsNoAnnotationRemovesNothing() throws Exception {
        Annotation a = Annotation.of("b-1", 1, "aa", true, List.of(), "").append(journal, AUDITOR);
        journal.append(AUDITOR, JournalEntry.ANNOTATION_REMOVED, Map.of(Annotation.REMOVES, "0"));
        journal.append(AUDITOR, JournalEntry.ANNOTATION_REMOVED, Map.of(Annotation.REMOVES, "99"));
        assertThat(Annotation.all(journal)).containsExactly(a);
    }

    @Test
    void theNewestSavedSearchOfANameWins() throws Exception {
        new SavedSearch(-1, "denied", "event.outcome:denied", null, null).append(journal, AUDITOR);
        new SavedSearch(-1, "night", "*", Instant.parse("2026-03-02T22:00:00Z"), Instant.parse("2026-03-03T06:00:00Z"))
                .append(journal, AUDITOR);
        new SavedSearch(-1, "denied", "event.outcome:denied AND target.kind:host", null, null).append(journal, AUDITOR);
        assertThat(SavedSearch.all(journal)).extracting(SavedSearch::name, SavedSearch::query).containsExactly(
                org.assertj.core.groups.Tuple.tuple("denied", "event.outcome:denied AND target.kind:host"),
                org.assertj.core.groups.Tuple.tuple("night", "*"));
        assertThat(SavedSearch.all(journal).get(1).from()).isEqualTo(Instant.parse("2026-03-02T22:00:00Z"));
    }
}
