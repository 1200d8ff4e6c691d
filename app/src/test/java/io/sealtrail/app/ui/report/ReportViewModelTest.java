package io.sealtrail.app.ui.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.app.ui.ManualExecutor;
import io.sealtrail.app.ui.TestBundles;
import io.sealtrail.app.ui.search.SearchViewModel;
import io.sealtrail.app.ui.zones.ZoneChoices;
import io.sealtrail.report.BusinessHours;
import io.sealtrail.report.ReportOptions;
import io.sealtrail.cases.Annotation;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.CaseImporter;
import io.sealtrail.cases.JournalEntry;
import io.sealtrail.verify.VerifyOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report dialog's ViewModel without the toolkit, on a small case with one bookmarked event. */
class ReportViewModelTest {
    private static final ReportViewModel.Choices WHOLE = new ReportViewModel.Choices("*", null, null, "", "06:00-20:00",
            ZoneOffset.UTC);
    private final ManualExecutor background = new ManualExecutor();
    @TempDir
    Path tmp;
    private CaseFolder kase;
    private ReportViewModel vm;

    @BeforeEach
    void smallCaseWithABookmark() throws Exception {
        Path bundle = TestBundles.intact(tmp.resolve("in"));
        kase = CaseFolder.create(tmp.resolve("case"), "report test", Clock.systemUTC());
        CaseImporter.Result r = new CaseImporter().importBundle(kase, bundle, VerifyOptions.trusting(List.of(TestBundles.key())),
                TestBundles.signer(), CaseImporter.Progress.NONE, () -> false);
        Annotation.of(r.record().bundleId(), 42, "", true, List.of(), "why").append(kase.journal(), TestBundles.signer());
        vm = new ReportViewModel(background, Runnable::run, TestBundles::signer, () -> List.of(TestBundles.key()),
                List::of, "test", new ZoneChoices(tmp.resolve("config")));
    }


    @Test
    void theDialogStartsWithTheWholeCaseNotTheLastSearchInTheWindowsZone() {
        SearchViewModel window = new SearchViewModel(background, Runnable::run);
        window.queryProperty().set("user.name:zoë AND event.outcome:denied");
        window.fromProperty().set(Instant.parse("2026-03-02T08:00:00Z"));
        window.toProperty().set(Instant.parse("2026-03-02T09:00:00Z"));
        window.zoneProperty().set(ZoneId.of("Europe/Zurich"));
        ReportViewModel.Choices start = vm.startingChoices(window);
        assertThat(start).isEqualTo(new ReportViewModel.Choices("*", null, null, "", "06:00-20:00", ZoneId.of("Europe/Zurich")));
        assertThat(vm.zoneProperty().get()).isEqualTo(ZoneId.of("Europe/Zurich"));
        assertThat(vm.fromSearch(window, start)).satisfies(s -> {
            assertThat(s.query()).isEqualTo(window.effectiveQuery());
            assertThat(s.from()).isEqualTo(Instant.parse("2026-03-02T08:00:00Z"));
        });
    }

    @Test
    void retentionBusinessHoursAndZoneReachTheReportAsTheCliWouldPassThem() {
        ReportViewModel.Choices ch = new ReportViewModel.Choices("*", null, null, "12m", "08:00-18:00",
                ZoneId.of("America/New_York"));
        ReportOptions o = vm.options(io.sealtrail.report.ReportTemplate.ACCESS_REVIEW, "T", "Zoë", ch, List.of());
        assertThat(o.retention()).isEqualTo(Period.ofMonths(12));
        assertThat(o.hours()).isEqualTo(BusinessHours.parse("08:00-18:00", ZoneId.of("America/New_York")));
        assertThat(o.hours().zone()).isEqualTo(ZoneId.of("America/New_York"));
    }

    @Test
    void aRetentionThatCannotBeReadIsSaidBeforeAnythingRuns() throws Exception {
        ReportViewModel.Choices ch = new ReportViewModel.Choices("*", null, null, "a year", "06:00-20:00", ZoneOffset.UTC);
        Path out = tmp.resolve("never.pdf");
        assertThatThrownBy(() -> vm.generate(kase, io.sealtrail.report.ReportTemplate.ACCESS_REVIEW, "T", "Zoë", ch, out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("12m, 90d or 1y");
        assertThat(vm.runningProperty().get()).isFalse();
    }

    @Test
    void aReportIsWrittenJournaledWithItsHashAndPreviewed() throws Exception {
        Path out = tmp.resolve("out/r.pdf");
        vm.generate(kase, io.sealtrail.report.ReportTemplate.ACCESS_REVIEW, "Title", "Zoë", WHOLE, out);
        assertThat(vm.runningProperty().get()).isTrue();
        background.drain();
        assertThat(vm.errorProperty().get()).isEmpty();
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(out)));
        assertThat(vm.writtenProperty().get().sha256()).isEqualTo(sha);
        assertThat(vm.writtenProperty().get().cited()).isEqualTo(1);
        assertThat(vm.messageProperty().get()).contains(sha);
        assertThat(kase.journal().entries()).last().satisfies(e -> {
            assertThat(e.type()).isEqualTo(JournalEntry.REPORT);
            assertThat(e.data()).containsEntry("sha256", sha);
        });
        assertThat(vm.preview()).hasSize(ReportViewModel.PREVIEW_PAGES).allSatisfy(p -> assertThat(p.getWidth()).isPositive());
    }

    @Test
    void anExistingFileIsNeverOverwritten() throws Exception {
        Path out = tmp.resolve("exists.pdf");
        Files.writeString(out, "keep");
        vm.generate(kase, io.sealtrail.report.ReportTemplate.ACCESS_REVIEW, "Title", "Zoë", WHOLE, out);
        background.drain();
        assertThat(vm.errorProperty().get()).contains("already exists");
        assertThat(Files.readString(out)).isEqualTo("keep");
    }

    @Test
    void aCancelledReportWritesNothingAndJournalsNothing() throws Exception {
        long before = kase.journal().entries().size();
        Path out = tmp.resolve("r.pdf");
        vm.generate(kase, io.sealtrail.report.ReportTemplate.ACCESS_REVIEW, "Title", "Zoë", WHOLE, out);
        vm.cancel();
        background.drain();
        assertThat(out).doesNotExist();
        try (var s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
        assertThat(kase.journal().entries()).hasSize((int) before);
        assertThat(vm.messageProperty().get()).contains("Cancelled");
    }
}
