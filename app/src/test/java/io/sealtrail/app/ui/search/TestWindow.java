package io.sealtrail.app.ui.search;

import io.sealtrail.app.ui.BackgroundExecutor;
import io.sealtrail.app.ui.TestBundles;
import io.sealtrail.app.ui.WorkbenchWindow;
import io.sealtrail.app.ui.annotate.AnnotationsViewModel;
import io.sealtrail.app.ui.annotate.ExportViewModel;
import io.sealtrail.app.ui.bundles.WorkbenchViewModel;
import io.sealtrail.app.ui.timeline.TimelineViewModel;
import io.sealtrail.app.ui.trust.TrustViewModel;
import io.sealtrail.verify.BundleVerifier;
import io.sealtrail.verify.trust.TrustStore;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import javafx.application.Platform;
import javafx.stage.Stage;

/** The workbench window as the app composes it, for TestFX flows: an empty trust store, the test auditor. */
public record TestWindow(ExecutorService background, WorkbenchViewModel vm, CaseViewModel cases, SearchViewModel search,
                         AnnotationsViewModel notes, TimelineViewModel timeline, WorkbenchWindow window) {

    public static TestWindow start(Stage stage, Path tmp) {
        ExecutorService background = BackgroundExecutor.create(2);
        TrustStore store = new TrustStore(tmp.resolve("config").resolve(TrustStore.FILE_NAME));
        TrustViewModel trust = new TrustViewModel(store, background, Platform::runLater);
        WorkbenchViewModel vm = new WorkbenchViewModel(new BundleVerifier()::verify, trust, background, Platform::runLater, 2);
        SearchViewModel search = new SearchViewModel(background, Platform::runLater);
        CaseViewModel cases = new CaseViewModel(search, vm::open, background, Platform::runLater);
        AnnotationsViewModel notes = new AnnotationsViewModel(background, Platform::runLater, TestBundles::signer);
        TimelineViewModel timeline = new TimelineViewModel(search, background, Platform::runLater);
        WorkbenchWindow window = WorkbenchWindow.show(stage, vm, cases, search, notes,
                new ExportViewModel(background, Platform::runLater), timeline, stage::close);
        return new TestWindow(background, vm, cases, search, notes, timeline, window);
    }
}
