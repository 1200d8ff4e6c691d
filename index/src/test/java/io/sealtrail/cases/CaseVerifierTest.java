package io.sealtrail.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.model.Finding;
import io.sealtrail.model.FindingCode;
import io.sealtrail.verify.VerifyOptions;
import io.sealtrail.verify.gen.BundleGenerator;
import io.sealtrail.verify.note.NoteSigner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * case verify walks the chain of custody from the signed journal down: an import entry anchors its bundle's and its
 * import record's SHA-256, the record every other file's. Whoever rewrites a file and the record that lists it still
 * meets the signed entry.
 */
class CaseVerifierTest {
    static final NoteSigner AUDITOR = NoteSigner.fromSeed("auditor/test@host", new byte[32]);

    @TempDir
    static Path shared;
    static Path bundle;
    static Path otherBundle;
    static VerifyOptions trust;

    @TempDir
    Path tmp;
    CaseFolder c;
    ImportRecord imported;

    @BeforeAll
    static void generate() throws Exception {
        bundle = shared.resolve("b.zip");
        otherBundle = shared.resolve("other.zip");
        new BundleGenerator().generate(bundle, BundleGenerator.Options.defaults(300, 41), n -> { });
        new BundleGenerator().generate(otherBundle, BundleGenerator.Options.defaults(300, 42), n -> { });
        trust = VerifyOptions.trusting(List.of(BundleGenerator.seededSigner(BundleGenerator.DEFAULT_ORIGIN, 41)
                .verifierKey()));
    }

    @BeforeEach
    void importOne() throws Exception {
        c = CaseFolder.create(tmp.resolve("case"), "test", Clock.systemUTC(), AUDITOR);
        imported = new CaseImporter().importBundle(c, bundle, trust, AUDITOR, CaseImporter.Progress.NONE, () -> false)
                .record();
    }

    private CaseVerifier.Result verify() throws Exception {
        return new CaseVerifier().verify(c, List.of(AUDITOR.verifierKey()));
    }

    private static List<FindingCode> codes(CaseVerifier.Result r) {
        return r.findings().stream().map(Finding::code).toList();
    }

    private Path bundleDir() {
        return c.bundleDir(imported.bundleId());
    }

    private JournalEntry importEntry() throws Exception {
        return c.journal().entries().stream().filter(e -> e.type().equals(JournalEntry.IMPORT)).findFirst().orElseThrow();
    }

    /** Replaces a file of the case and rewrites import.json to list what is there now, as an attacker would. */
    private void replaceAndRecord(String path, Path with) throws Exception {
        Path target = bundleDir().resolve(path);
        target.getParent().toFile().setWritable(true);
        target.toFile().setWritable(true);
        Files.copy(with, target, StandardCopyOption.REPLACE_EXISTING);
        String sha = CaseFiles.hash(target);
        List<ImportRecord.FileHash> files = new ArrayList<>();
        for (ImportRecord.FileHash f : imported.files()) {
            files.add(f.path().equals(path) ? new ImportRecord.FileHash(path, Files.size(target), sha) : f);
        }
        boolean evidence = path.equals("evidence/" + imported.fileName());
        new ImportRecord(imported.bundleId(), imported.origin(), imported.fileName(),
                evidence ? sha : imported.bundleSha256(), evidence ? Files.size(target) : imported.bundleSize(),
                imported.verdict(), imported.importedAt(), imported.events(), files, imported.format())
                .write(bundleDir().resolve(ImportRecord.FILE));
    }

    @Test
    void anUntouchedCaseHasEveryRecordAnchoredInTheJournal() throws Exception {
        CaseVerifier.Result r = verify();
        assertThat(r.findings()).isEmpty();
        assertThat(r.journal().findings()).isEmpty();
        assertThat(r.bundles()).isEqualTo(1);
        assertThat(importEntry().data()).containsEntry(CaseImporter.IMPORT_SHA256,
                CaseFiles.hash(bundleDir().resolve(ImportRecord.FILE)));
    }

    @Test
    void evidenceReplacedAndItsImportRecordRewrittenFailsNamingTheJournalEntry() throws Exception {
        replaceAndRecord("evidence/b.zip", otherBundle);
        CaseVerifier.Result r = verify();
        String recordSha = CaseFiles.hash(bundleDir().resolve(ImportRecord.FILE));
        String anchored = importEntry().data().get(CaseImporter.IMPORT_SHA256);
        assertThat(codes(r)).containsExactly(FindingCode.CASE_FILE_CHANGED, FindingCode.CASE_RECORD_CHANGED,
                FindingCode.CASE_RECORD_CHANGED);
        assertThat(r.findings().get(0).message()).contains("journal entry #1").contains(imported.bundleSha256())
                .contains(CaseFiles.hash(otherBundle));
        assertThat(r.findings().get(1).message()).contains("journal entry #1").contains(anchored).contains(recordSha);
        assertThat(r.findings().get(1).location().file()).isEqualTo("bundles/" + imported.bundleId() + "/import.json");
        assertThat(r.ok()).isFalse();
    }

    @Test
    void aVerificationReportRewrittenWithItsImportRecordFails() throws Exception {
        Path forged = tmp.resolve("verification.json");
        String report = Files.readString(bundleDir().resolve("verification.json"));
        Files.writeString(forged, report.replaceFirst("\"VERIFIED\"", "\"UNTRUSTED\""));
        assertThat(Files.readString(forged)).isNotEqualTo(report);
        replaceAndRecord("verification.json", forged);
        assertThat(codes(verify())).containsExactly(FindingCode.CASE_RECORD_CHANGED);
    }

    @Test
    void aBundleFolderNoJournalEntryNamesIsReported() throws Exception {
        Files.createDirectories(c.bundleDir("planted").resolve("evidence"));
        CaseVerifier.Result r = verify();
        assertThat(codes(r)).containsExactly(FindingCode.CASE_FILE_UNEXPECTED);
        assertThat(r.findings().get(0).location().file()).isEqualTo("bundles/planted");
    }

    @Test
    void aJournaledBundleWhoseFolderIsGoneIsReported() throws Exception {
        CaseFiles.deleteTree(bundleDir());
        CaseVerifier.Result r = verify();
        assertThat(codes(r)).containsExactly(FindingCode.CASE_FILE_MISSING);
        assertThat(r.findings().get(0).message()).contains("journal entry #1");
        assertThat(r.ok()).isFalse();
    }

    @Test
    void aMissingImportRecordIsReported() throws Exception {
        Files.delete(bundleDir().resolve(ImportRecord.FILE));
        assertThat(codes(verify())).containsExactly(FindingCode.CASE_FILE_MISSING);
    }

    @Test
    void anImportEntryFromBeforeAnchoringIsReportedAsNotAnchored() throws Exception {
        JournalForgery.rewrite(c.journal(), CaseVerifierTest::asBeforeAnchoring, AUDITOR);
        CaseVerifier.Result r = verify();
        assertThat(codes(r)).containsExactly(FindingCode.CASE_RECORD_NOT_ANCHORED);
        assertThat(r.ok()).isTrue();
    }

    @Test
    void inAnOlderCaseReplacedEvidenceStillMeetsTheBundleHashTheJournalSigned() throws Exception {
        JournalForgery.rewrite(c.journal(), CaseVerifierTest::asBeforeAnchoring, AUDITOR);
        replaceAndRecord("evidence/b.zip", otherBundle);
        assertThat(codes(verify())).containsExactly(FindingCode.CASE_FILE_CHANGED, FindingCode.CASE_RECORD_NOT_ANCHORED,
                FindingCode.CASE_RECORD_CHANGED);
    }

    @Test
    void anImportNoSignedCheckpointCoversAnchorsNothing() throws Exception {
        byte[] checkpoint = Files.readAllBytes(c.dir().resolve("journal").resolve(CaseJournal.CHECKPOINT));
        new CaseImporter().importBundle(c, otherBundle, trust, AUDITOR, CaseImporter.Progress.NONE, () -> false);
        Files.write(c.dir().resolve("journal").resolve(CaseJournal.CHECKPOINT), checkpoint);
        CaseVerifier.Result r = verify();
        assertThat(codes(r)).containsExactly(FindingCode.CASE_RECORD_NOT_ANCHORED);
        assertThat(r.findings().get(0).message()).contains("journal entry #2");
        assertThat(r.journal().findings()).extracting(Finding::code).containsExactly(FindingCode.JOURNAL_NOT_COVERED);
    }

    @Test
    void anImportEntryNamingAFolderOutsideTheCaseIsNotFollowed() throws Exception {
        List<JournalEntry> entries = new ArrayList<>(c.journal().entries());
        entries.add(JournalForgery.withData(importEntry(), d -> {
            d.put("bundle_id", "..");
            return d;
        }));
        JournalForgery.write(c.journal(), entries, AUDITOR);
        CaseVerifier.Result r = verify();
        assertThat(codes(r)).containsExactly(FindingCode.CASE_RECORD_CHANGED);
        assertThat(r.findings().get(0).message()).contains("journal entry #2").contains("names no bundle folder");
    }

    @Test
    void aBundleImportedTwiceByTheJournalIsReported() throws Exception {
        List<JournalEntry> entries = new ArrayList<>(c.journal().entries());
        entries.add(importEntry());
        JournalForgery.write(c.journal(), entries, AUDITOR);
        CaseVerifier.Result r = verify();
        assertThat(codes(r)).containsExactly(FindingCode.CASE_RECORD_CHANGED);
        assertThat(r.findings().get(0).message()).contains("a second time");
    }

    /** An import entry as Sealtrail wrote it before import records were anchored. */
    private static JournalEntry asBeforeAnchoring(JournalEntry e) {
        return JournalForgery.withData(e, d -> {
            d.remove(CaseImporter.IMPORT_SHA256);
            return d;
        });
    }
}
