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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export with one event edited after signing: the signed roots still prove every other event (EVENT_ALTERED),
 * so a report cites one of them with a proof that {@code report verify} accepts, in the window's words.
 */
class ProvenAmidEditsReportTest {
    static final long SEED = 23;
    static final NoteSigner AUDITOR = NoteSigner.fromSeed("auditor/test", new byte[32]);
    static final Instant NOW = Instant.parse("2026-04-01T09:00:00Z");

    @TempDir
    static Path tmp;
    static VerifierKey key;
    static ReportModel model;
    static Path pdf;

    @BeforeAll
    static void build() throws Exception {
        key = BundleGenerator.seededSigner(BundleGenerator.DEFAULT_ORIGIN, SEED).verifierKey();
        Path intact = tmp.resolve("intact.zip");
        Path edited = tmp.resolve("edited.zip");
        new BundleGenerator().generate(intact, BundleGenerator.Options.defaults(3000, SEED).withLayout(1000, 2000), n -> { });
        long alteredSeq = ReportTemplatesTest.alter(intact, edited);
        CaseFolder kase = CaseFolder.create(tmp.resolve("case"), "amid edits", Clock.fixed(NOW, ZoneOffset.UTC));
        kase.journal().append(AUDITOR, JournalEntry.CASE_CREATED, Map.of("name", kase.name()));
        CaseImporter.Result imported = new CaseImporter().importBundle(kase, edited, VerifyOptions.trusting(List.of(key)),
                AUDITOR, CaseImporter.Progress.NONE, () -> false);
        assertThat(imported.report().verdict()).isEqualTo(Verdict.INTEGRITY_FAILURE);
        // the event right after the edited one: its own link to the edited line is broken, yet the root proves it
        String ref = kase.bundles().get(0).bundleId() + ":" + (alteredSeq + 1);
        kase.journal().append(AUDITOR, JournalEntry.ANNOTATION, Map.of("event", ref, "bookmark", "true",
                "comment", "next to the edited event"));
        model = new ReportBuilder().build(kase, ReportOptions.of("Amid edits", "Zoë Müller", NOW, List.of(key))
                .withVersion("0.1.0-test").withTemplate(ReportTemplate.INCIDENT_TIMELINE).withQuery("*"));
        pdf = tmp.resolve("report.pdf");
        try (var out = Files.newOutputStream(pdf)) {
            new ReportRenderer().render(model, out);
        }
    }

    @Test
    void theCitedEventIsProvenAmidEditsAndCarriesAProof() {
        assertThat(model.cited()).singleElement().satisfies(e -> {
            assertThat(e.standing()).isEqualTo(EventStanding.PROVEN_AMID_EDITS.label());
            assertThat(e.proofFile()).isNotNull();
            assertThat(e.noProofReason()).isNull();
        });
    }

    @Test
    void reportVerifyProvesTheCitedEvent() throws Exception {
        ReportVerifier.Result r = new ReportVerifier().verify(pdf, List.of(key));
        assertThat(r.proofs()).extracting(ReportVerifier.ProofOutcome::status).containsExactly(ReportVerifier.Status.PROVEN);
        assertThat(r.verdict()).isEqualTo(ReportVerifier.Verdict.VERIFIED);
    }
}
