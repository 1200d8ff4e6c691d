package io.sealtrail.app.ui.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.ui.ManualExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbench's log file: where it is, and that a bug in a background job lands there with its stack trace. */
class WorkbenchLogTest {
    @TempDir
    Path tmp;

    private static Properties userHome(String home) {
        Properties p = new Properties();
        p.setProperty("user.home", home);
        return p;
    }

    @Test
    void theSealtrailHomePropertyWinsSoTestsNeverWriteToTheRealHome() {
        Properties p = userHome("/home/u");
        p.setProperty("sealtrail.home", "/tmp/test-home");
        assertThat(WorkbenchLog.file(Map.of("SEALTRAIL_HOME", "/srv/st", "XDG_STATE_HOME", "/x"), p))
                .isEqualTo(Path.of("/tmp/test-home", "sealtrail.log"));
    }

    @Test
    void sealtrailHomeComesBeforeTheStateFolder() {
        assertThat(WorkbenchLog.file(Map.of("SEALTRAIL_HOME", "/srv/st", "XDG_STATE_HOME", "/x"), userHome("/home/u")))
                .isEqualTo(Path.of("/srv/st", "sealtrail.log"));
    }

    @Test
    void theXdgStateFolderComesBeforeTheDefault() {
        assertThat(WorkbenchLog.file(Map.of("XDG_STATE_HOME", "/x"), userHome("/home/u")))
                .isEqualTo(Path.of("/x", "sealtrail", "sealtrail.log"));
    }

    @Test
    void withoutEitherItIsInTheUsersLocalStateFolder() {
        assertThat(WorkbenchLog.file(Map.of(), userHome("/home/u")))
                .isEqualTo(Path.of("/home/u", ".local", "state", "sealtrail", "sealtrail.log"));
    }

    @Test
    void aBugInABackgroundJobIsWrittenToTheLogWithItsStackTraceAndTheSentenceSaysWhereItIs() throws Exception {
        Path file = tmp.resolve("state").resolve("sealtrail.log");
        Handler h = WorkbenchLog.install(file).orElseThrow();
        try {
            ManualExecutor background = new ManualExecutor();
            JobState job = new JobState();
            new UiTasks(background, Runnable::run).start(job, "", ctx -> {
                throw new IllegalStateException("a bug");
            }, UiTasksTest.SAY);
            background.drain();
            h.flush();

            assertThat(job.errorProperty().get()).isEqualTo("failed: an unexpected error stopped it"
                    + " (IllegalStateException: a bug); the details are in " + file.toAbsolutePath());
            assertThat(Files.readString(file)).contains("java.lang.IllegalStateException: a bug")
                    .contains("at io.sealtrail.app.ui.jobs.WorkbenchLogTest");
        } finally {
            Logger.getLogger("").removeHandler(h);
            h.close();
        }
    }
}
