package io.sealtrail.app.ui.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.CaseEngine;
import io.sealtrail.app.ClusterCaseFixture;
import io.sealtrail.app.ui.ManualExecutor;
import io.sealtrail.app.ui.zones.ZoneChoices;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.JournalEntry;
import io.sealtrail.opensearch.ClusterConnection;
import io.sealtrail.report.ReportTemplate;
import io.sealtrail.verify.note.VerifierKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report dialog's job on a case the window searches in OpenSearch (a real node in this JVM). */
class ReportOnOpenSearchViewModelTest {
    @TempDir
    Path tmp;

    @Test
    void theReportIsSearchedWhereTheWindowSearchesAndSaysSoOnThePageAndInTheJournal() throws Exception {
        ClusterCaseFixture f = ClusterCaseFixture.shared();
        CaseFolder c = CaseFolder.open(f.caseDir, Clock.systemUTC());
        VerifierKey key = VerifierKey.parse(Files.readString(f.vkey).strip());
        ManualExecutor background = new ManualExecutor();
        ReportViewModel vm = new ReportViewModel(background, Runnable::run, f::auditor,
                () -> List.of(key), List::of, "test", new ZoneChoices(tmp.resolve("config")));
        CaseEngine.Opened window = CaseEngine.open(c, c.bundles(), ClusterConnection::open, true);
        Path out = tmp.resolve("r.pdf");
        try {
            vm.generate(c, ReportTemplate.ACCESS_REVIEW, "Title", "Zoë", new ReportViewModel.Choices("*", null, null, "",
                    "06:00-20:00", ZoneOffset.UTC), out, ReportSigning.NONE, window.forReport());
            background.drain();
        } finally {
            window.search().close();
        }

        String by = "OpenSearch at " + f.url + " (alias " + ClusterCaseFixture.PREFIX + "-case-" + c.id() + ")";
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(c.journal().entries()).last().satisfies(e -> {
            assertThat(e.type()).isEqualTo(JournalEntry.REPORT);
            assertThat(e.data()).containsEntry("searched_by", by);
        });
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", " "))
                    .contains("The events were searched and counted by " + by);
        }
    }
}
