package io.sealtrail.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.CaseImporter;
import io.sealtrail.cases.JournalEntry;
import io.sealtrail.cases.SourceImporter;
import io.sealtrail.index.EventQuery;
import io.sealtrail.index.EventSearch;
import io.sealtrail.index.Hit;
import io.sealtrail.verify.note.NoteSigner;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cited statement of a recorded hoop.dev session: the incident timeline shows what was typed and what came back
 * around it, read again from the evidence; the access review does not.
 */
class SessionExcerptReportTest {
    static final NoteSigner AUDITOR = NoteSigner.fromSeed("auditor/report@host", new byte[32]);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path tmp;
    static CaseFolder c;
    static ReportModel timeline;
    static String text;

    @BeforeAll
    static void build() throws Exception {
        c = CaseFolder.create(tmp.resolve("case"), "sessions", CLOCK);
        c.journal().append(AUDITOR, JournalEntry.CASE_CREATED, Map.of("name", c.name()));
        Path export = tmp.resolve("hoop-sessions.json");
        Files.copy(Path.of("../sources/src/test/resources/hoop/sessions.json"), export);
        new SourceImporter().importSource(c, export, SourceImporter.Options.DEFAULT, AUDITOR, CaseImporter.Progress.NONE,
                () -> false);
        try (EventSearch s = c.openSearch(c.bundles())) {
            Hit drop = s.search(EventQuery.of("\"DROP TABLE\""), 1, null).hits().get(0);
            c.journal().append(AUDITOR, JournalEntry.ANNOTATION, Map.of("event", drop.bundleId() + ":" + drop.seq(),
                    "bookmark", "true", "comment", "the archive table dropped"));
        }
        timeline = new ReportBuilder().build(c, ReportOptions.of("Sessions", "Auditor", CLOCK.instant(), List.of())
                .withVersion("0.1.0-test").withTemplate(ReportTemplate.INCIDENT_TIMELINE).withQuery("*"));
        Path pdf = tmp.resolve("timeline.pdf");
        try (OutputStream out = Files.newOutputStream(pdf)) {
            new ReportRenderer().render(timeline, out);
        }
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void aCitedStatementCarriesWhatWasTypedAndWhatCameBack() {
        ReportModel.TranscriptExcerpt x = timeline.cited().get(0).transcript();
        assertThat(x).isNotNull();
        assertThat(x.lines()).filteredOn(ReportModel.ExcerptLine::input).extracting(ReportModel.ExcerptLine::text)
                .contains("DROP TABLE audit_archive_2023;");
        int typed = x.lines().stream().map(ReportModel.ExcerptLine::text).toList().indexOf("DROP TABLE audit_archive_2023;");
        assertThat(x.lines()).hasSizeGreaterThan(typed + 1);
        assertThat(x.lines().get(typed + 1).input()).isFalse();
    }

    @Test
    void thePdfShowsTheTypedStatementAfterItsPrompt() {
        assertThat(text).contains("$ DROP TABLE audit_archive_2023;").contains("What the session showed around it");
    }

    @Test
    void theAccessReviewCitesWithoutAnExcerpt() throws Exception {
        ReportModel review = new ReportBuilder().build(c, ReportOptions.of("Sessions", "Auditor", CLOCK.instant(), List.of())
                .withVersion("0.1.0-test").withTemplate(ReportTemplate.ACCESS_REVIEW));
        assertThat(review.cited()).singleElement().satisfies(e -> assertThat(e.transcript()).isNull());
    }
}
