package io.sealtrail.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.model.Finding;
import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Location;
import io.sealtrail.model.Severity;
import io.sealtrail.verify.VerifyOptions;
import io.sealtrail.verify.gen.BundleGenerator;
import io.sealtrail.verify.note.NoteSigner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The case and journal finding codes no other test asserts, each with the file it names. */
class CaseFindingCodesTest {
    static final NoteSigner AUDITOR = NoteSigner.fromSeed("auditor/test@host", new byte[32]);
    static final long SEED = 41;

    @TempDir
    static Path shared;
    static Path bundle;

    @TempDir
    Path tmp;
    CaseFolder c;
    String evidence;

    @BeforeAll
    static void generate() throws Exception {
        bundle = shared.resolve("b.zip");
        new BundleGenerator().generate(bundle, BundleGenerator.Options.defaults(200, SEED).withLayout(100, 100), n -> { });
    }

    @BeforeEach
    void importIntoANewCase() throws Exception {
        c = CaseFolder.create(tmp.resolve("case"), "test", Clock.systemUTC());
        c.journal().append(AUDITOR, JournalEntry.CASE_CREATED, Map.of("name", "test"));
        VerifyOptions trust = VerifyOptions.trusting(List.of(BundleGenerator.seededSigner(BundleGenerator.DEFAULT_ORIGIN,
                SEED).verifierKey()));
        new CaseImporter().importBundle(c, bundle, trust, AUDITOR, CaseImporter.Progress.NONE, () -> false);
        evidence = CaseFolder.BUNDLES + "/" + c.bundles().get(0).bundleId() + "/evidence/b.zip";
        assertThat(new CaseVerifier().verify(c, List.of(AUDITOR.verifierKey())).findings()).isEmpty();
    }

    private CaseVerifier.Result verify() throws Exception {
        return new CaseVerifier().verify(c, List.of(AUDITOR.verifierKey()));
    }

    private static List<Finding> of(List<Finding> findings, FindingCode code) {
        return findings.stream().filter(f -> f.code() == code).toList();
    }

    @Test
    void deletedEvidenceFileIsMissing() throws Exception {
        Files.delete(c.dir().resolve(evidence));

        CaseVerifier.Result r = verify();

        assertThat(r.ok()).isFalse();
        assertThat(of(r.findings(), FindingCode.CASE_FILE_MISSING)).as("%s", r.findings()).singleElement()
                .satisfies(f -> assertThat(f.location()).isEqualTo(Location.file(evidence)));
        assertThat(of(r.findings(), FindingCode.CASE_FILE_CHANGED)).isEmpty();
    }

    @Test
    void fileNoImportRecordedIsUnexpectedButOnlyAWarning() throws Exception {
        Path dir = c.dir().resolve(evidence).getParent();
        Files.writeString(dir.resolve("notes.txt"), "mine\n", StandardCharsets.UTF_8);

        CaseVerifier.Result r = verify();

        assertThat(of(r.findings(), FindingCode.CASE_FILE_UNEXPECTED)).as("%s", r.findings()).singleElement()
                .satisfies(f -> {
                    assertThat(f.location().file()).isEqualTo(evidence.replace("b.zip", "notes.txt"));
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                });
        assertThat(r.ok()).as("%s", r.findings()).isTrue();
    }

    @Test
    void journalLineThatIsNoEntryIsMalformed() throws Exception {
        Path file = c.journal().file();
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        lines.set(1, "{\"not\":\"an entry\"}");
        Files.write(file, lines, StandardCharsets.UTF_8);

        CaseJournal.Check check = c.journal().verify(List.of(AUDITOR.verifierKey()));

        assertThat(check.ok()).isFalse();
        assertThat(of(check.findings(), FindingCode.JOURNAL_MALFORMED)).as("%s", check.findings()).singleElement()
                .satisfies(f -> assertThat(f.location()).isEqualTo(Location.line(CaseJournal.FILE, 2, 1)));
    }
}
