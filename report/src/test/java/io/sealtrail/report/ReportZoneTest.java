package io.sealtrail.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.cases.Annotation;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.CaseImporter;
import io.sealtrail.cases.JournalEntry;
import io.sealtrail.index.EventQuery;
import io.sealtrail.index.EventSearch;
import io.sealtrail.index.Hit;
import io.sealtrail.verify.VerifyOptions;
import io.sealtrail.verify.gen.BundleGenerator;
import io.sealtrail.verify.note.NoteSigner;
import io.sealtrail.verify.note.VerifierKey;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's times in its zone (sealtrail report --zone), UTC beside them; a removed bookmark is not cited. */
class ReportZoneTest {
    static final long SEED = 11;
    static final NoteSigner AUDITOR = NoteSigner.fromSeed("auditor/test", new byte[32]);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-01T09:00:00Z"), ZoneOffset.UTC);
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @TempDir
    static Path tmp;
    static CaseFolder kase;
    static VerifierKey key;
    static Hit kept;
    static Hit removed;

    @BeforeAll
    static void caseWithTwoBookmarksOneRemoved() throws Exception {
        key = BundleGenerator.seededSigner(BundleGenerator.DEFAULT_ORIGIN, SEED).verifierKey();
        Path b = tmp.resolve("export.zip");
        new BundleGenerator().generate(b, BundleGenerator.Options.defaults(600, SEED), n -> { });
        kase = CaseFolder.create(tmp.resolve("case"), "zones", CLOCK);
        kase.journal().append(AUDITOR, JournalEntry.CASE_CREATED, Map.of("name", kase.name()));
        new CaseImporter().importBundle(kase, b, VerifyOptions.trusting(List.of(key)), AUDITOR, CaseImporter.Progress.NONE,
                () -> false);
        try (EventSearch s = kase.openSearch(kase.bundles())) {
            List<Hit> hits = s.search(EventQuery.of("event.outcome:denied"), 2, null).hits();
            kept = hits.get(0);
            removed = hits.get(1);
        }
        Annotation.of(kept.bundleId(), kept.seq(), kept.entryHash(), true, List.of(), "keep").append(kase.journal(), AUDITOR);
        Annotation.of(removed.bundleId(), removed.seq(), removed.entryHash(), true, List.of(), "set in error")
                .append(kase.journal(), AUDITOR).remove(kase.journal(), AUDITOR, "wrong event");
    }

    static ReportModel build(ZoneId zone) throws Exception {
        ReportOptions o = ReportOptions.of("Zone review", "auditor", CLOCK.instant(), List.of(key))
                .withHours(new BusinessHours(LocalTime.of(6, 0), LocalTime.of(20, 0), zone));
        return new ReportBuilder().build(kase, o);
    }

    static String pdfText(ReportModel m, String name) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/pdftotext")), "poppler-utils not installed");
        Path pdf = tmp.resolve(name);
        try (OutputStream out = Files.newOutputStream(pdf)) {
            new ReportRenderer().render(m, out);
        }
        return ReportTest.run("/usr/bin/pdftotext", "-layout", pdf.toString(), "-");
    }

    @Test
    void timesArePrintedInTheReportsZoneWithTheirOffsetAndUtcBeside() throws Exception {
        String text = pdfText(build(NEW_YORK), "new-york.pdf");
        // 09:00 UTC on 1 April 2026 is 05:00 in New York, summer time (-04:00)
        assertThat(text).contains("2026-04-01 05:00:00 -04:00 (09:00:00 UTC)", "America/New_York");
        DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ROOT).withZone(NEW_YORK);
        DateTimeFormatter utc = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
        assertThat(text.replaceAll("\\s+", " ")).contains(local.format(kept.time()), utc.format(kept.time()));
    }

    @Test
    void inUtcATimeIsWrittenOnceWithoutAnOffset() throws Exception {
        String text = pdfText(build(ZoneOffset.UTC), "utc.pdf");
        assertThat(text).contains("2026-04-01 09:00:00 UTC").doesNotContain("+00:00", "(09:00:00 UTC)");
    }

    @Test
    void aRemovedBookmarkIsNotCited() throws Exception {
        assertThat(build(ZoneOffset.UTC).cited()).extracting(c -> c.bundleId() + ":" + c.seq())
                .containsExactly(kept.bundleId() + ":" + kept.seq());
    }
}
