package io.sealtrail.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.ui.TestBundles;
import io.sealtrail.app.ui.bundles.WorkbenchViewModel;
import io.sealtrail.app.ui.search.TestCase;
import io.sealtrail.app.ui.trust.TrustViewModel;
import io.sealtrail.verify.BundleVerifier;
import io.sealtrail.verify.trust.TrustStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A window's features, composed without the toolkit (every executor runs its work at once). */
class WindowFeaturesTest {
    @TempDir
    Path tmp;

    private WindowFeatures compose(List<List<Path>> verified) {
        TrustViewModel trust = new TrustViewModel(new TrustStore(tmp.resolve("config").resolve(TrustStore.FILE_NAME)),
                Runnable::run, Runnable::run);
        WorkbenchViewModel vm = new WorkbenchViewModel(new BundleVerifier()::verify, trust, Runnable::run, Runnable::run, 1);
        return WindowFeatures.compose(new WindowFeatures.Services(Runnable::run, Runnable::run, vm, verified::add,
                TestBundles::signer, tmp.resolve("cases"), tmp.resolve("config"), "test"));
    }

    @Test
    void theCaseOpenedIsTheSessionsAndTheNotesFollowIt() {
        WindowFeatures f = compose(new ArrayList<>());

        f.cases().open(TestCase.demoCase());

        assertThat(f.session().caseProperty().get()).isNotNull();
        assertThat(f.session().dir()).isEqualTo(TestCase.demoCase());
        assertThat(f.notes().caseFolder()).isSameAs(f.session().caseProperty().get());
    }

    @Test
    void theSessionsQueryScopeIsTheWindowsSearch() {
        WindowFeatures f = compose(new ArrayList<>());

        f.cases().open(TestCase.demoCase());

        assertThat(f.session().scope()).isSameAs(f.search());
        assertThat(f.session().scope().index()).isNotNull();
    }

    @Test
    void theEvidenceCopiesOfTheCaseGoToTheVerificationOnceItsFirstRowsAreThere() {
        List<List<Path>> verified = new ArrayList<>();
        WindowFeatures f = compose(verified);

        f.cases().open(TestCase.demoCase());

        assertThat(verified).singleElement().satisfies(paths -> assertThat(paths).hasSize(2)
                .allSatisfy(p -> assertThat(p).startsWith(TestCase.demoCase())));
    }
}
