package io.sealtrail.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.CaseImporter;
import io.sealtrail.cases.JournalEntry;
import io.sealtrail.cases.SourceImporter;
import io.sealtrail.index.EventQuery;
import io.sealtrail.index.EventSearch;
import io.sealtrail.index.Hit;
import io.sealtrail.index.Redaction;
import io.sealtrail.verify.note.NoteSigner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A redacted incident timeline of recorded hoop.dev sessions: the people's addresses go, the transcript stays. */
class RedactedSessionReportTest {
    static final NoteSigner AUDITOR = NoteSigner.fromSeed("auditor/report@host", new byte[32]);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    @Test
    void theTimelineAndTheTranscriptExcerptNameNoOneButStillShowWhatWasTyped() throws Exception {
        CaseFolder c = CaseFolder.create(tmp.resolve("case"), "sessions", CLOCK);
        c.journal().append(AUDITOR, JournalEntry.CASE_CREATED, Map.of("name", c.name()));
        Path export = tmp.resolve("hoop-sessions.json");
        Files.copy(Path.of("../sources/src/test/resources/hoop/sessions.json"), export);
        new SourceImporter().importSource(c, export, SourceImporter.Options.DEFAULT, AUDITOR, CaseImporter.Progress.NONE,
                () -> false);
        try (EventSearch s = c.openSearch(c.bundles())) {
            Hit drop = s.search(EventQuery.of("\"DROP TABLE\""), 1, null).hits().get(0);
            c.journal().append(AUDITOR, JournalEntry.ANNOTATION, Map.of("event", drop.bundleId() + ":" + drop.seq(),
                    "bookmark", "true", "comment", "dropped by " + drop.userName()));
        }
        ReportOptions o = ReportOptions.of("Sessions", "Auditor", CLOCK.instant(), List.of()).withVersion("0.1.0-test")
                .withTemplate(ReportTemplate.INCIDENT_TIMELINE);
        Path full = tmp.resolve("full.pdf");
        ReportFile.write(c, o, full, AUDITOR, null, null, () -> false);
        assertThat(RedactedReportTest.everything(full).contains("@northwind.example")).as("the report in full").isTrue();

        Path pdf = tmp.resolve("redacted.pdf");
        ReportFile.Written w = ReportFile.write(c, o, pdf, AUDITOR, null, Redaction.standard(), () -> false);
        String all = RedactedReportTest.everything(pdf);
        assertThat(all.contains("@northwind.example")).isFalse();
        assertThat(all).contains("DROP TABLE");
        assertThat(w.redacted().byRule()).containsKey("email");
    }
}
