package io.sealtrail.app.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.ui.ManualExecutor;
import io.sealtrail.app.ui.search.SearchViewModel;
import io.sealtrail.app.ui.search.TestCase;
import io.sealtrail.cases.CaseFolder;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's session as its observers see it, without the toolkit. */
class CaseSessionTest {
    private final CaseSession session = new CaseSession(new SearchViewModel(new ManualExecutor(), Runnable::run));

    @TempDir
    Path tmp;

    private static CaseFolder demoCase() throws Exception {
        return CaseFolder.open(TestCase.demoCase(), Clock.systemUTC());
    }

    @Test
    void whenTheCaseIsSetItsNameIsAlreadyThereAndOpeningEndsAfterIt() throws Exception {
        List<String> seen = new ArrayList<>();
        session.caseProperty().addListener((o, was, now) -> seen.add("case " + now.name() + " named "
                + session.nameProperty().get() + ", opening " + session.openingProperty().get()));
        session.openingProperty().addListener((o, was, now) -> seen.add("opening " + now + ", case "
                + (session.caseProperty().get() == null ? "none" : session.caseProperty().get().name())));
        CaseFolder c = demoCase();

        session.opening();
        session.opened(c);

        assertThat(seen).containsExactly("opening true, case none",
                "case UI test case named UI test case, opening true",
                "opening false, case UI test case");
        assertThat(session.dir()).isEqualTo(c.dir());
    }

    @Test
    void aFailedOpenKeepsTheCaseOpenBeforeAndSaysWhy() throws Exception {
        CaseFolder c = demoCase();
        session.opening();
        session.opened(c);

        session.opening();
        session.failed("Cannot open the case /x: no case.json");

        assertThat(session.caseProperty().get()).isSameAs(c);
        assertThat(session.openingProperty().get()).isFalse();
        assertThat(session.errorProperty().get()).isEqualTo("Cannot open the case /x: no case.json");
    }

    @Test
    void openingAgainForgetsTheLastFailure() {
        session.opening();
        session.failed("Cannot open the case /x: no case.json");

        session.opening();

        assertThat(session.errorProperty().get()).isEmpty();
        assertThat(session.openingProperty().get()).isTrue();
    }

    @Test
    void withNoCaseOpenThereIsNoFolderAndNoName() {
        assertThat(session.caseProperty().get()).isNull();
        assertThat(session.dir()).isNull();
        assertThat(session.nameProperty().get()).isEmpty();
    }
}
