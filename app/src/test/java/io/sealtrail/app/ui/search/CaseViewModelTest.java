package io.sealtrail.app.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.ui.ManualExecutor;
import io.sealtrail.index.EventQuery;
import io.sealtrail.index.IndexException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a case without the FX toolkit: background jobs run when the test drains them. */
class CaseViewModelTest {
    private static Path caseDir;

    @TempDir
    Path tmp;
    private final ManualExecutor background = new ManualExecutor();
    private final List<List<Path>> verified = new ArrayList<>();
    private SearchViewModel search;
    private CaseViewModel cases;

    @BeforeAll
    static void demoCase() {
        caseDir = TestCase.demoCase();
    }

    @BeforeEach
    void setUp() {
        search = new SearchViewModel(background, Runnable::run);
        cases = new CaseViewModel(search, verified::add, background, Runnable::run);
    }

    @Test
    void openingLastsUntilTheCaseShows() {
        cases.open(caseDir);
        assertThat(cases.openingProperty().get()).isTrue();
        assertThat(cases.nameProperty().get()).isEmpty();

        background.drain();

        assertThat(cases.openingProperty().get()).isFalse();
        assertThat(cases.nameProperty().get()).isEqualTo("UI test case");
        assertThat(search.rows()).isNotEmpty();
        assertThat(verified).singleElement().satisfies(b -> assertThat(b).hasSize(2)); // after the first rows
    }

    @Test
    void aFolderThatIsNoCaseEndsOpeningWithItsError() {
        cases.open(tmp);
        background.drain();

        assertThat(cases.openingProperty().get()).isFalse();
        assertThat(cases.errorProperty().get()).startsWith("Cannot open the case " + tmp);
        assertThat(search.index()).isNull();
        assertThat(verified).isEmpty();
    }

    @Test
    void theCaseReadWhileTheWindowWasBuiltIsTheOneSearched() throws Exception {
        CaseViewModel.Preload preload = CaseViewModel.Preload.start(caseDir, "event.outcome:denied");
        cases.usePreload(preload);
        cases.open(caseDir);
        background.drain();

        assertThat(search.index()).isSameAs(preload.take().index());
        assertThat(cases.nameProperty().get()).isEqualTo("UI test case");
    }

    @Test
    void aPreloadOfAnotherFolderIsNotUsedAndItsIndexIsClosed() throws Exception {
        CaseViewModel.Preload preload = CaseViewModel.Preload.start(caseDir, "");
        cases.usePreload(preload);
        cases.open(tmp);
        background.drain();

        assertThat(cases.errorProperty().get()).startsWith("Cannot open the case " + tmp);
        assertThat(search.index()).isNull();
        io.sealtrail.index.EventSearch unused = preload.take().index();
        // the preload thread closes it once it has read it, which may be a moment after take() returns
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (isOpen(unused) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(isOpen(unused)).isFalse();
    }

    private static boolean isOpen(io.sealtrail.index.EventSearch ix) {
        try {
            ix.search(EventQuery.of("event.outcome:denied"), 1, null, false); // reads postings and doc values
            return true;
        } catch (IndexException | RuntimeException closed) {
            return false;
        }
    }

    @Test
    void aPreloadIsUsedOnce() throws Exception {
        CaseViewModel.Preload preload = CaseViewModel.Preload.start(caseDir, "");
        cases.usePreload(preload);
        cases.open(caseDir);
        background.drain();
        cases.open(caseDir);
        background.drain();

        assertThat(search.index()).isNotSameAs(preload.take().index());
    }
}
