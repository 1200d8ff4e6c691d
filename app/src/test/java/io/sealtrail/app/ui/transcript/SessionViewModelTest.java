package io.sealtrail.app.ui.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.ui.jobs.UiTasks;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.index.EventSearch;
import io.sealtrail.index.Hit;
import io.sealtrail.sources.Transcript;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session window's logic on the hoop.dev fixture's interactive ssh session (nine stretches over 24 s). */
class SessionViewModelTest {
    static final String SSH = "6c4e6db0-1182-20c1-6eb4-9d132bcbf7a3";
    @TempDir
    static Path tmp;
    static EventSearch search;
    SessionViewModel vm;

    @BeforeAll
    static void importSessions() throws Exception {
        CaseFolder c = HoopCase.make(tmp);
        search = c.openSearch(c.bundles());
    }

    @AfterAll
    static void close() throws Exception {
        search.close();
    }

    @BeforeEach
    void load() {
        vm = new SessionViewModel(new UiTasks(Runnable::run, Runnable::run));
        vm.load(search, SSH);
    }

    @Test
    void theFactsSayWhoWhereAndThatTheGatewayRecordedIt() {
        assertThat(vm.facts()).extracting(f -> f[0] + ": " + f[1]).contains("User: kavya.reddy@northwind.example")
                .anySatisfy(f -> assertThat(f).startsWith("Transcript: recorded (hoop), read from"));
    }

    @Test
    void playbackShowsTheStretchesThatHavePlayedSoFar() {
        assertThat(vm.reveal(Duration.ZERO)).isFalse();
        assertThat(vm.shown()).hasSize(1); // the login banner at +0.41 s plays at once: nothing comes before it
        vm.reveal(Duration.ofMillis(2_000));
        assertThat(vm.shown()).extracting(Transcript.Entry::text).last().isEqualTo("ls --color=auto /srv/app");
    }

    @Test
    void aPauseLongerThanTwoSecondsPlaysAsTwoSeconds() {
        // banner plays at 0, ls at 2.0 (its 2.79 s wait cut), ls's output at 2.05; then 6.5 s idle before "cat"
        vm.reveal(Duration.ofMillis(2_050));
        assertThat(vm.shown()).hasSize(3);
        vm.reveal(Duration.ofMillis(4_049));
        assertThat(vm.shown()).hasSize(3);
        vm.reveal(Duration.ofMillis(4_050)); // cat at 2.05 + 2.0, not at 2.05 + 6.5
        assertThat(vm.shown()).extracting(Transcript.Entry::text).last().isEqualTo("cat /srv/app/shared/config/Grüße.txt");
    }

    @Test
    void playbackEndsWithEveryStretchShown() {
        assertThat(vm.reveal(Duration.ofMinutes(1))).isTrue();
        assertThat(vm.shown()).containsExactlyElementsOf(vm.entries());
    }

    @Test
    void findShowsTheWholeTranscriptAndStopsOnTheStretchWithTheWords() {
        vm.reveal(Duration.ZERO);
        vm.findProperty().set("restart");
        assertThat(vm.shown()).hasSameSizeAs(vm.entries());
        assertThat(vm.entries().get(vm.foundProperty().get()).text()).isEqualTo("sudo systemctl restart payments-worker");
    }

    @Test
    void whatCameBackBelongsToTheCommandTypedBeforeIt() {
        Transcript.Entry output = vm.entries().get(4); // what "cat …Grüße.txt" printed
        Hit h = vm.eventAt(output);
        assertThat(h.command()).isEqualTo("cat /srv/app/shared/config/Grüße.txt");
    }

    @Test
    void aBookmarkedMomentSaysWhereInTheTranscriptItIs() {
        assertThat(vm.moment(vm.entries().get(3))).isEqualTo("transcript of session " + SSH
                + " at +9.750 s: $ cat /srv/app/shared/config/Grüße.txt");
    }
}
