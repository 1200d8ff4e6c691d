package io.sealtrail.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.ui.search.TestWindow;
import io.sealtrail.cases.CaseFolder;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Hyperlink;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** An installed app's first start: no case yet, so the start screen offers the demo case, made on the spot. */
@ExtendWith(ApplicationExtension.class)
class DemoOfferFlowTest {
    @TempDir
    Path tmp;
    private ExecutorService background;
    private TestWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindow.start(stage, tmp);
        background = window.background();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    private Hyperlink offer() {
        return (Hyperlink) window.window().shell().verification().emptyState().lookup("#demoOffer");
    }

    @Test
    void withNoRecentCaseTheStartScreenOffersTheDemo(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> offer() != null);

        assertThat(offer().getText()).isEqualTo(DemoOffer.OFFER);
    }

    @Test
    void theOfferMakesTheDemoCaseBesideTheCasesAndOpensItTrustingTheDemoKeyForTheSession(FxRobot robot)
            throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> offer() != null);

        robot.interact(() -> offer().fire());
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> window.window().features().session().dir() != null);

        Path demoCase = tmp.resolve("demo").resolve("case");
        assertThat(window.window().features().session().dir()).isEqualTo(demoCase);
        assertThat(CaseFolder.open(demoCase, java.time.Clock.systemUTC()).bundles()).hasSize(2);
        assertThat(window.vm().trust().sessionKeys()).hasSize(1);
        assertThat(window.store().keys()).isEmpty(); // the demo key is never stored
    }
}
