package io.sealtrail.app.ui.bundles;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.CaseImporter;
import io.sealtrail.cases.ImportRecord;
import io.sealtrail.cases.JournalEntry;
import io.sealtrail.cases.SourceImporter;
import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Verdict;
import io.sealtrail.verify.note.NoteSigner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verification view shows a source's verdict as its import recorded it, in the banner's words. */
class RecordedSourceTest {
    static final NoteSigner AUDITOR = NoteSigner.fromSeed("auditor/view@host", new byte[32]);

    @TempDir
    Path tmp;

    @Test
    void anUnsealedSourceShowsThatItCarriesNoIntegrityEvidence() throws Exception {
        CaseFolder c = CaseFolder.create(tmp.resolve("case"), "view", Clock.systemUTC());
        c.journal().append(AUDITOR, JournalEntry.CASE_CREATED, Map.of("name", "view"));
        Path auth = Files.writeString(tmp.resolve("auth.log"),
                "Mar  2 06:05:00 bastion sshd[4242]: Accepted publickey for alice from 10.0.0.5 port 52311 ssh2\n");
        new SourceImporter().importSource(c, auth, new SourceImporter.Options(null, null, 2026, ZoneOffset.UTC, null),
                AUDITOR, CaseImporter.Progress.NONE, () -> false);
        ImportRecord r = c.bundles().get(0);

        BundleSummary s = WorkbenchViewModel.recordedSource(r.evidence(c.bundleDir(r.bundleId())));

        assertThat(s.verdict()).isEqualTo(Verdict.NO_INTEGRITY_EVIDENCE);
        assertThat(s.banner().headline()).isEqualTo("Carries no integrity evidence");
        assertThat(s.banner().kind()).isEqualTo(Banner.Kind.NO_EVIDENCE);
        assertThat(s.origin()).isEqualTo("syslog");
        assertThat(s.findings()).extracting(f -> f.finding().code()).contains(FindingCode.SOURCE_UNSEALED);
    }

    @Test
    void aVerifiedCloudTrailTreeNamesItsSigningKeyAndHowManyFilesItsEvidenceCovers() {
        io.sealtrail.sources.SourceVerification v = new io.sealtrail.sources.SourceVerification("cloudtrail",
                Verdict.VERIFIED, java.util.List.of(), java.util.List.of(
                new io.sealtrail.sources.SourceVerification.FileEvidence("a.json.gz", "log",
                        io.sealtrail.sources.SourceVerification.FileIntegrity.VERIFIED, null, null),
                new io.sealtrail.sources.SourceVerification.FileEvidence("d.json.gz", "digest",
                        io.sealtrail.sources.SourceVerification.FileIntegrity.VERIFIED, null, null)),
                java.util.List.of("AWS CloudTrail key 3b1c108231b422fb12c278a4021384dc"));

        BundleSummary s = BundleSummary.ofSource("cloudtrail-0123456789ab", "cloudtrail", 20, v);

        assertThat(s.banner().kind()).isEqualTo(Banner.Kind.VERIFIED);
        assertThat(s.banner().headline()).isEqualTo("Verified: signed by AWS CloudTrail key 3b1c108231b422fb12c278a4021384dc");
        assertThat(s.events()).isEqualTo("20 in 1 file");
        assertThat(s.checkpoints()).isEqualTo("none: the evidence is per file (1 of 1 files in valid signed evidence)");
        assertThat(s.keys()).singleElement().satisfies(k -> {
            assertThat(k.fingerprint()).isEqualTo("3b1c108231b422fb12c278a4021384dc");
            assertThat(k.trusted()).isTrue();
        });
    }

    @Test
    void aCloudTrailTreeNoTrustedKeyCheckedDoesNotClaimValidSignatures() {
        io.sealtrail.sources.SourceVerification v = new io.sealtrail.sources.SourceVerification("cloudtrail",
                Verdict.INTACT_UNTRUSTED, java.util.List.of(), java.util.List.of(
                new io.sealtrail.sources.SourceVerification.FileEvidence("a.json.gz", "log",
                        io.sealtrail.sources.SourceVerification.FileIntegrity.VERIFIED, null, null)), java.util.List.of());

        BundleSummary s = BundleSummary.ofSource("cloudtrail-0123456789ab", "cloudtrail", 20, v);

        assertThat(s.checkpoints()).isEqualTo(
                "none: the evidence is per file (1 of 1 files match what it lists; no key you trust checked its signatures)");
    }

    @Test
    void aBundleIsNoRecordedSource() throws Exception {
        Path notInACase = Files.writeString(tmp.resolve("b.zip"), "x");
        assertThat(WorkbenchViewModel.recordedSource(notInACase)).isNull();
    }
}
