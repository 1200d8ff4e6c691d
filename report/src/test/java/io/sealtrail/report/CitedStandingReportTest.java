package io.sealtrail.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.CaseImporter;
import io.sealtrail.cases.JournalEntry;
import io.sealtrail.index.EventStanding;
import io.sealtrail.model.Verdict;
import io.sealtrail.verify.VerifyOptions;
import io.sealtrail.verify.gen.BundleGenerator;
import io.sealtrail.verify.note.NoteSigner;
import io.sealtrail.verify.note.VerifierKey;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cited event's standing is what the report's own verification says of its export, with the keys it trusts. */
class CitedStandingReportTest {
    static final long SEED = 29;
    static final NoteSigner AUDITOR = NoteSigner.fromSeed("auditor/test", new byte[32]);
    static final Instant NOW = Instant.parse("2026-04-01T09:00:00Z");

    @TempDir
    static Path tmp;
    static VerifierKey key;
    static CaseFolder kase;

    @BeforeAll
    static void importTrusted() throws Exception {
        key = BundleGenerator.seededSigner(BundleGenerator.DEFAULT_ORIGIN, SEED).verifierKey();
        Path b = tmp.resolve("b.zip");
        new BundleGenerator().generate(b, BundleGenerator.Options.defaults(1000, SEED), n -> { });
        kase = CaseFolder.create(tmp.resolve("case"), "standing", Clock.fixed(NOW, ZoneOffset.UTC));
        kase.journal().append(AUDITOR, JournalEntry.CASE_CREATED, Map.of("name", kase.name()));
        CaseImporter.Result r = new CaseImporter().importBundle(kase, b, VerifyOptions.trusting(List.of(key)), AUDITOR,
                CaseImporter.Progress.NONE, () -> false);
        assertThat(r.report().verdict()).isEqualTo(Verdict.VERIFIED); // what the import recorded
        kase.journal().append(AUDITOR, JournalEntry.ANNOTATION, Map.of("event", kase.bundles().get(0).bundleId() + ":10",
                "bookmark", "true", "comment", "cited"));
    }

    private static String citedStanding(List<VerifierKey> trusted) throws Exception {
        ReportModel m = new ReportBuilder().build(kase, ReportOptions.of("Standing", "Auditor", NOW, trusted)
                .withVersion("0.1.0-test").withTemplate(ReportTemplate.INCIDENT_TIMELINE).withQuery("*"));
        return m.cited().get(0).standing();
    }

    @Test
    void aReportTrustingTheSignerCallsTheEventProven() throws Exception {
        assertThat(citedStanding(List.of(key))).isEqualTo(EventStanding.PROVEN.label());
    }

    @Test
    void aReportTrustingNoKeyDoesNotCallItProvenByATrustedKeyWhateverTheImportRecorded() throws Exception {
        assertThat(citedStanding(List.of())).isEqualTo(EventStanding.PROVEN_UNTRUSTED.label());
    }
}
