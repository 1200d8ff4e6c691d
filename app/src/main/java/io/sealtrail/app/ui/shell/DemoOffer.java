package io.sealtrail.app.ui.shell;

import io.sealtrail.app.demo.DemoCase;
import io.sealtrail.app.ui.bundles.WorkbenchViewModel;
import io.sealtrail.app.ui.dialogs.DialogService;
import io.sealtrail.app.ui.jobs.UiTasks;
import io.sealtrail.verify.note.NoteSigner;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.scene.control.Hyperlink;

/**
 * The start screen's offer to someone with no case yet, an installed app's first start: the demo case, made on
 * the spot by this Sealtrail (no build, no network) in the user's data folder, then opened trusting the demo's key
 * for the session only, as {@code sealtrail demo} does. Made once; later offers open the same case.
 */
final class DemoOffer {
    static final String OFFER = "New to Sealtrail? Open a demo case, made now on this computer";
    static final String MAKING = "Making the demo case: two signed exports, one of them altered…";

    private final Hyperlink link = new Hyperlink(OFFER);
    private final Path demoDir;
    private final UiTasks tasks;
    private final WorkbenchViewModel verification;
    private final Consumer<Path> open;
    private final Callable<NoteSigner> auditor;
    private final DialogService dialogs;

    /**
     * @param demoDir where the demo's exports and case go
     * @param auditor the auditor's key, which signs the demo case's journal; called off the FX thread
     */
    DemoOffer(Path demoDir, UiTasks tasks, WorkbenchViewModel verification, Consumer<Path> open,
              Callable<NoteSigner> auditor, DialogService dialogs) {
        this.demoDir = demoDir;
        this.tasks = tasks;
        this.verification = verification;
        this.open = open;
        this.auditor = auditor;
        this.dialogs = dialogs;
        link.setId("demoOffer");
        link.setOnAction(e -> make());
    }

    Hyperlink link() {
        return link;
    }

    private void make() {
        link.setDisable(true);
        link.setText(MAKING);
        tasks.always(ctx -> {
            DemoCase demo = DemoCase.make(demoDir, auditor.call());
            ctx.deliver(() -> {
                verification.trust().trustForSession(demo.key());
                verification.setDemo(true);
                open.accept(demo.caseDir());
                reset();
            });
        }, failure -> {
            reset();
            dialogs.showWarning("The demo case cannot be made", failure.message());
        });
    }

    private void reset() {
        link.setDisable(false);
        link.setText(OFFER);
    }
}
