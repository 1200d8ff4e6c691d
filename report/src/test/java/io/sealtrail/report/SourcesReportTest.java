package io.sealtrail.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.CaseImporter;
import io.sealtrail.cases.JournalEntry;
import io.sealtrail.cases.SourceImporter;
import io.sealtrail.model.Verdict;
import io.sealtrail.sources.SourceVerification;
import io.sealtrail.verify.note.NoteSigner;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report over a case with sources names each source's verdict as the CLI does, and needs no key files. */
class SourcesReportTest {
    static final NoteSigner AUDITOR = NoteSigner.fromSeed("auditor/report@host", new byte[32]);
    static final Path GOLDEN = Path.of("../index/src/test/resources/cloudtrail-golden");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path tmp;
    static ReportModel model;
    static Path pdf;

    @BeforeAll
    static void build() throws Exception {
        CaseFolder c = CaseFolder.create(tmp.resolve("case"), "sources", CLOCK);
        c.journal().append(AUDITOR, JournalEntry.CASE_CREATED, Map.of("name", "sources"));
        Path trail = tmp.resolve("trail");
        try (Stream<Path> walk = Files.walk(GOLDEN.resolve("bucket"))) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path t = trail.resolve(GOLDEN.resolve("bucket").relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        new SourceImporter().importSource(c, trail, new SourceImporter.Options(null, GOLDEN.resolve("cloudtrail-keys.json"),
                null, null, null), AUDITOR, CaseImporter.Progress.NONE, () -> false);
        Path auth = Files.writeString(tmp.resolve("auth.log"),
                "Mar  2 06:05:00 bastion sshd[4242]: Accepted publickey for alice from 10.0.0.5 port 52311 ssh2\n");
        new SourceImporter().importSource(c, auth, new SourceImporter.Options(null, null, 2026, ZoneOffset.UTC, null),
                AUDITOR, CaseImporter.Progress.NONE, () -> false);
        String cloudTrail = c.bundles().get(0).bundleId();
        c.journal().append(AUDITOR, JournalEntry.ANNOTATION, Map.of("event", cloudTrail + ":3", "bookmark", "true",
                "comment", "CreateAccessKey by alice"));
        model = new ReportBuilder().build(c, ReportOptions.of("Sources", "Auditor", CLOCK.instant(), List.of())
                .withVersion("0.1.0-test"));
        pdf = tmp.resolve("sources.pdf");
        try (OutputStream out = Files.newOutputStream(pdf)) {
            new ReportRenderer().render(model, out);
        }
    }

    @Test
    void eachSourceIsListedWithTheVerdictItsImportReached() {
        assertThat(model.provenance()).extracting(ReportModel.BundleProvenance::format)
                .containsExactly("cloudtrail", "syslog");
        assertThat(model.provenance()).extracting(ReportModel.BundleProvenance::verdict)
                .containsExactly(Verdict.VERIFIED.name(), Verdict.NO_INTEGRITY_EVIDENCE.name());
        assertThat(model.provenance().get(0).keys()).singleElement()
                .satisfies(k -> assertThat(k.name()).startsWith("AWS CloudTrail key "));
    }

    @Test
    void aCitedCloudTrailRecordSaysWhatVouchesForItsFileInsteadOfAProof() {
        assertThat(model.cited()).singleElement().satisfies(e -> {
            assertThat(e.proofFile()).isNull();
            assertThat(e.noProofReason()).startsWith("a record of a cloudtrail source, in AWSLogs/")
                    .contains("no inclusion proof exists for one record")
                    .endsWith("the file's SHA-256 is listed in validly signed evidence (see the source's"
                            + " verification attached)");
            assertThat(e.standing()).isEqualTo(io.sealtrail.index.EventStanding.PROVEN.label());
        });
    }

    @Test
    void objectLocksTheSidecarsReportAreSummedUpPerSource() {
        SourceVerification v = new SourceVerification("cloudtrail", Verdict.VERIFIED, List.of(), List.of(
                new SourceVerification.FileEvidence("a.json.gz", "log", SourceVerification.FileIntegrity.VERIFIED,
                        "COMPLIANCE until 2033-01-01T00:00:00Z", "v1"),
                new SourceVerification.FileEvidence("b.json.gz", "log", SourceVerification.FileIntegrity.VERIFIED,
                        "COMPLIANCE until 2033-01-01T00:00:00Z", "v2"),
                new SourceVerification.FileEvidence("c.json.gz", "log", SourceVerification.FileIntegrity.VERIFIED, null,
                        null),
                new SourceVerification.FileEvidence("d.json.gz", "digest", SourceVerification.FileIntegrity.VERIFIED,
                        "GOVERNANCE until 2030-01-01T00:00:00Z", null)), List.of());
        assertThat(ReportBuilder.writeOnce(v)).isEqualTo(
                "2 of 3 log files under a lock, as S3 reported it: 2 × COMPLIANCE until 2033-01-01T00:00:00Z");
        assertThat(model.provenance().get(1).writeOnce()).isNull();
    }

    @Test
    void thePdfSaysPlainlyThatASourceCarriesNoIntegrityEvidence() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/pdftotext")), "poppler-utils not installed");
        String text = ReportTest.run("/usr/bin/pdftotext", pdf.toString(), "-");
        assertThat(text).contains("Source 2: auth.log (syslog)").contains(Verdict.NO_EVIDENCE)
                .contains("Source 1: trail (cloudtrail)");
    }
}
