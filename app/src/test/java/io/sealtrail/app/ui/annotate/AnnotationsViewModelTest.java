package io.sealtrail.app.ui.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.ui.ManualExecutor;
import io.sealtrail.app.ui.TestBundles;
import io.sealtrail.app.ui.search.TestCase;
import io.sealtrail.cases.Annotation;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.JournalEntry;
import io.sealtrail.cases.SavedSearch;
import io.sealtrail.index.EventQuery;
import io.sealtrail.index.EventSearch;
import io.sealtrail.index.Hit;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Annotations from the workbench without the FX toolkit: hits come from the demo case (read only); what is
 * written goes to the journal of a fresh case in a temporary folder.
 */
class AnnotationsViewModelTest {
    private static EventSearch index;
    private static List<Hit> hits;

    private final ManualExecutor background = new ManualExecutor();
    @TempDir
    Path tmp;
    private CaseFolder kase;
    private AnnotationsViewModel vm;

    @BeforeAll
    static void openDemoCase() throws Exception {
        index = TestCase.openIndex();
        hits = index.search(EventQuery.of("event.outcome:denied"), 3, null).hits();
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        kase = CaseFolder.create(tmp.resolve("case"), "annotations", Clock.systemUTC());
        vm = new AnnotationsViewModel(background, Runnable::run, TestBundles::signer);
        vm.setCase(kase);
        background.drain();
    }


    @Test
    void aBookmarkIsASignedJournalEntryPinnedToTheEntryHash() throws Exception {
        Hit h = hits.get(0);
        vm.bookmark(h);
        assertThat(vm.isBookmarked(h)).as("not before the journal holds it").isFalse();
        background.drain();
        assertThat(vm.isBookmarked(h)).isTrue();
        assertThat(Annotation.all(kase.journal())).singleElement().satisfies(a -> {
            assertThat(a.eventRef()).isEqualTo(h.bundleId() + ":" + h.seq());
            assertThat(a.entryHash()).isEqualTo(h.entryHash());
            assertThat(a.bookmark()).isTrue();
        });
        assertThat(kase.journal().verify(List.of(TestBundles.signer().verifierKey())).ok()).isTrue();
        assertThat(vm.messageProperty().get()).contains("journal");
    }

    @Test
    void removingABookmarkSignsARemovalTheOriginalStaysAndTheEventIsNoLongerBookmarked() throws Exception {
        Hit h = hits.get(0);
        vm.bookmark(h);
        background.drain();
        Annotation written = vm.annotations().get(0);
        vm.remove(written, "wrong event");
        assertThat(vm.annotations()).as("not before the journal holds the removal").hasSize(1);
        background.drain();
        assertThat(vm.annotations()).isEmpty();
        assertThat(vm.isBookmarked(h)).isFalse();
        assertThat(Annotation.all(kase.journal())).isEmpty();
        List<JournalEntry> entries = kase.journal().entries();
        assertThat(entries.get((int) written.journalSeq()).type()).isEqualTo(JournalEntry.ANNOTATION);
        assertThat(entries.get(entries.size() - 1).data()).containsEntry(Annotation.REMOVES,
                Long.toString(written.journalSeq())).containsEntry("reason", "wrong event");
        assertThat(kase.journal().verify(List.of(TestBundles.signer().verifierKey())).ok()).isTrue();
        assertThat(vm.messageProperty().get()).contains("#" + written.journalSeq() + " stays in the journal");
    }

    @Test
    void aRemovedBookmarkStaysRemovedWhenTheCaseIsOpenedAgain() throws Exception {
        vm.bookmark(hits.get(0));
        vm.bookmark(hits.get(1));
        background.drain();
        vm.remove(vm.annotations().get(0), "");
        background.drain();
        vm.setCase(CaseFolder.open(kase.dir(), Clock.systemUTC()));
        background.drain();
        assertThat(vm.annotations()).extracting(Annotation::seq).containsExactly(hits.get(1).seq());
    }

    @Test
    void bookmarkingABookmarkedEventWritesNothing() throws Exception {
        vm.bookmark(hits.get(0));
        background.drain();
        vm.bookmark(hits.get(0));
        background.drain();
        assertThat(Annotation.all(kase.journal())).hasSize(1);
    }

    @Test
    void tagsAndACommentAreShownForTheirEventOnly() {
        vm.annotate(hits.get(1), false, List.of("privileged", "ticket-4711"), "checked with the owner");
        background.drain();
        assertThat(vm.of(hits.get(1))).singleElement().satisfies(a -> {
            assertThat(a.tags()).containsExactly("privileged", "ticket-4711");
            assertThat(a.comment()).isEqualTo("checked with the owner");
        });
        assertThat(vm.of(hits.get(2))).isEmpty();
        assertThat(vm.isBookmarked(hits.get(1))).isFalse();
    }

    @Test
    void anEmptyAnnotationWritesNothing() throws Exception {
        vm.annotate(hits.get(0), false, List.of(), "  ");
        background.drain();
        assertThat(kase.journal().entries()).noneMatch(e -> e.type().equals(JournalEntry.ANNOTATION));
    }

    @Test
    void reopeningTheCaseShowsWhatTheJournalHolds() {
        vm.annotate(hits.get(0), true, List.of(), "first");
        vm.saveSearch("denied at night", new EventQuery("event.outcome:denied", Instant.parse("2026-03-02T20:00:00Z"), null));
        background.drain();
        AnnotationsViewModel again = new AnnotationsViewModel(background, Runnable::run, TestBundles::signer);
        again.setCase(kase);
        background.drain();
        assertThat(again.annotations()).extracting(Annotation::comment).containsExactly("first");
        assertThat(again.savedSearches()).singleElement().satisfies(s -> {
            assertThat(s.query()).isEqualTo("event.outcome:denied");
            assertThat(s.from()).isEqualTo(Instant.parse("2026-03-02T20:00:00Z"));
            assertThat(s.to()).isNull();
        });
    }

    @Test
    void aWriteForACaseNoLongerOpenIsNotShown() throws Exception {
        vm.bookmark(hits.get(0));
        vm.setCase(null); // closed before the journal write ran
        background.drain();
        assertThat(vm.annotations()).isEmpty();
        assertThat(Annotation.all(kase.journal())).hasSize(1); // but what was asked for is recorded
    }

    @Test
    void savingASearchAgainUnderItsNameReplacesItInTheList() {
        vm.saveSearch("x", EventQuery.of("a:1"));
        vm.saveSearch("x", EventQuery.of("a:2"));
        background.drain();
        assertThat(vm.savedSearches()).extracting(SavedSearch::query).containsExactly("a:2");
    }
}
