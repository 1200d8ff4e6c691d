package io.sealtrail.app.ui.search;

import io.sealtrail.app.ui.BackgroundExecutor;
import io.sealtrail.app.ui.TestBundles;
import io.sealtrail.app.ui.annotate.AnnotationsViewModel;
import io.sealtrail.app.ui.bundles.WorkbenchViewModel;
import io.sealtrail.app.ui.dialogs.DialogService;
import io.sealtrail.app.ui.dialogs.FxDialogService;
import io.sealtrail.app.ui.shell.WindowFeatures;
import io.sealtrail.app.ui.shell.WorkbenchWindow;
import io.sealtrail.app.ui.timeline.TimelineViewModel;
import io.sealtrail.app.ui.trust.TrustViewModel;
import io.sealtrail.verify.BundleVerifier;
import io.sealtrail.verify.trust.TrustStore;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The workbench window as the app composes it, for TestFX flows: an empty trust store, the test auditor, cases,
 * recent cases and imports under {@code tmp}.
 */
public record TestWindow(ExecutorService background, TrustStore store, WorkbenchViewModel vm, CaseViewModel cases,
                         SearchViewModel search, AnnotationsViewModel notes, TimelineViewModel timeline,
                         WorkbenchWindow window) {

    /** With the real dialogs. */
    public static TestWindow start(Stage stage, Path tmp) {
        return start(stage, tmp, FxDialogService::new);
    }

    /** With dialogs a test answers, on a 1366 × 768 stage: the laptop screen of issue 14. */
    public static TestWindow onALaptop(Stage stage, Path tmp, Function<Stage, DialogService> dialogs) {
        TestWindow w = start(stage, tmp, dialogs);
        stage.setWidth(1366);
        stage.setHeight(768);
        return w;
    }

    /** With dialogs a test answers. */
    public static TestWindow start(Stage stage, Path tmp, Function<Stage, DialogService> dialogs) {
        ExecutorService background = BackgroundExecutor.create(2);
        TrustStore store = new TrustStore(tmp.resolve("config").resolve(TrustStore.FILE_NAME)); // never the user's own
        TrustViewModel trust = new TrustViewModel(store, background, Platform::runLater);
        WorkbenchViewModel vm = new WorkbenchViewModel(new BundleVerifier()::verify, trust, background, Platform::runLater, 2);
        WindowFeatures f = WindowFeatures.compose(new WindowFeatures.Services(background, Platform::runLater, vm, vm::openCase,
                TestBundles::signer, tmp.resolve("cases"), tmp.resolve("config"), "test"));
        WorkbenchWindow window = WorkbenchWindow.show(stage, f, dialogs, stage::close);
        return new TestWindow(background, store, vm, f.cases(), f.search(), f.notes(), f.timeline(), window);
    }
}
