package io.sealtrail.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.ui.bundles.Banner;
import io.sealtrail.app.ui.bundles.BundleViewModel;
import io.sealtrail.app.ui.dialogs.ScriptedDialogs;
import io.sealtrail.app.ui.search.SearchViewModel;
import io.sealtrail.app.ui.search.TestWindow;
import io.sealtrail.index.Hit;
import io.sealtrail.index.Integrity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Ctrl+I of an auth.log: a new case opens with its events, and the window says the source carries no evidence. */
@ExtendWith(ApplicationExtension.class)
class SourceImportFlowTest {
    @TempDir
    Path tmp;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private TestWindow w;
    private ExecutorService background;

    @Start
    void start(Stage stage) {
        w = TestWindow.start(stage, tmp, s -> dialogs);
        background = w.background();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    @Test
    void anImportedSyslogFileIsSearchableAndSaidToCarryNoIntegrityEvidence(FxRobot robot) throws Exception {
        Path auth = Files.writeString(tmp.resolve("auth.log"),
                "Mar  2 06:05:00 bastion sshd[4242]: Accepted publickey for alice from 10.0.0.5 port 52311 ssh2\n"
                        + "Mar  2 06:07:12 bastion sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/id\n");
        dialogs.answer(List.of(auth));
        robot.press(KeyCode.CONTROL, KeyCode.I).release(KeyCode.I, KeyCode.CONTROL);
        SearchViewModel search = w.search();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> search.matchingProperty().get() == 2);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> w.vm().bundles().stream()
                .anyMatch(b -> !b.isRunning()));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(dialogs.asked()).first().asString().startsWith("Import bundles or logs into a new case");
        assertThat(search.rows()).extracting(Hit::integrity).containsOnly(Integrity.UNSEALED);
        BundleViewModel source = w.vm().bundles().get(0);
        assertThat(source.banner().kind()).isEqualTo(Banner.Kind.NO_EVIDENCE);
        assertThat(source.banner().headline()).isEqualTo("Carries no integrity evidence");
        assertThat(w.vm().statusProperty().get()).isEqualTo("The case's 1 bundle: 1 no integrity evidence.");
    }
}
