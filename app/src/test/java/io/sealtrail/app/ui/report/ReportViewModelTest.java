package io.sealtrail.app.ui.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.ui.ManualExecutor;
import io.sealtrail.app.ui.TestBundles;
import io.sealtrail.cases.Annotation;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.CaseImporter;
import io.sealtrail.cases.JournalEntry;
import io.sealtrail.verify.VerifyOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report dialog's ViewModel without the toolkit, on a small case with one bookmarked event. */
class ReportViewModelTest {
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
                List::of, "test");
    }


    @Test
    void aReportIsWrittenJournaledWithItsHashAndPreviewed() throws Exception {
        Path out = tmp.resolve("out/r.pdf");
        vm.generate(kase, io.sealtrail.report.ReportTemplate.ACCESS_REVIEW, "Title", "Zoë", "*", null, null, out);
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
        vm.generate(kase, io.sealtrail.report.ReportTemplate.ACCESS_REVIEW, "Title", "Zoë", "*", null, null, out);
        background.drain();
        assertThat(vm.errorProperty().get()).contains("already exists");
        assertThat(Files.readString(out)).isEqualTo("keep");
    }

    @Test
    void aCancelledReportWritesNothingAndJournalsNothing() throws Exception {
        long before = kase.journal().entries().size();
        Path out = tmp.resolve("r.pdf");
        vm.generate(kase, io.sealtrail.report.ReportTemplate.ACCESS_REVIEW, "Title", "Zoë", "*", null, null, out);
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
