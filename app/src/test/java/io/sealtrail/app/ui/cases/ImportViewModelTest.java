package io.sealtrail.app.ui.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.ui.ManualExecutor;
import io.sealtrail.app.ui.TestBundles;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.ImportRecord;
import io.sealtrail.cases.JournalEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Importing from the workbench, without the toolkit. */
class ImportViewModelTest {
    @TempDir
    static Path shared;
    private static Path bundle;

    private final ManualExecutor background = new ManualExecutor();
    private final List<Path> opened = new ArrayList<>();
    @TempDir
    Path tmp;
    private ImportViewModel vm;

    @BeforeAll
    static void bundle() {
        bundle = TestBundles.intact(shared);
    }

    @BeforeEach
    void setUp() {
        vm = new ImportViewModel(background, Runnable::run, TestBundles::signer, () -> List.of(TestBundles.key()),
                List::of, tmp.resolve("cases"), opened::add);
    }


    @Test
    void withNoCaseOpenABundleGoesIntoANewCaseNamedAfterItWhichThenOpens() throws Exception {
        vm.importBundles(null, List.of(bundle));
        assertThat(vm.runningProperty().get()).isTrue();
        background.drain();
        Path expected = tmp.resolve("cases").resolve(bundle.getFileName().toString().replace(".zip", ""));
        assertThat(opened).containsExactly(expected);
        CaseFolder c = CaseFolder.open(expected, Clock.systemUTC());
        assertThat(c.bundles()).singleElement().extracting(ImportRecord::verdict).isEqualTo("VERIFIED");
        assertThat(c.journal().entries()).extracting(JournalEntry::type)
                .containsExactly(JournalEntry.CASE_CREATED, JournalEntry.IMPORT);
        assertThat(vm.messageProperty().get()).contains("VERIFIED").containsPattern("imported in \\d+[.,]\\d s");
        assertThat(vm.runningProperty().get()).isFalse();
    }

    @Test
    void aGarbageFileGivesAnErrorNamingItBeforeTheJobEndsAndLeavesNoCaseBehind() throws Exception {
        Path garbage = tmp.resolve("random.zip");
        Files.write(garbage, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        List<String> errorWhenItEnded = new ArrayList<>();
        vm.runningProperty().addListener((o, was, now) -> {
            if (!now) {
                errorWhenItEnded.add(vm.errorProperty().get());
            }
        });
        vm.importBundles(null, List.of(garbage));
        background.drain();
        assertThat(errorWhenItEnded).singleElement().asString().startsWith("The import failed: " + garbage + " (8 bytes, SHA-256 ")
                .doesNotContain(".staging");
        assertThat(opened).isEmpty();
        try (var left = Files.list(tmp.resolve("cases"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aFileThatIsNeitherABundleNorALogSaysSoWithItsSizeAndSha256AndNoCommandLineAdvice() throws Exception {
        Path garbage = tmp.resolve("garbage.log");
        byte[] bytes = "\u0001\u0002 nothing anyone logs \u0003\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(garbage, bytes);
        vm.importBundles(null, List.of(garbage));
        background.drain();
        assertThat(vm.errorProperty().get()).isEqualTo(String.format("The import failed: %s (%d bytes, SHA-256 %s): not a"
                + " Sealtrail bundle and not a format Sealtrail recognises. No case was made.", garbage, bytes.length,
                java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes))));
    }

    @Test
    void aFolderOfNothingRecognisableIsNamedWithTheFileInItThatNoFormatReads() throws Exception {
        Path folder = tmp.resolve("handed-over");
        Files.createDirectories(folder.resolve("sub"));
        Files.writeString(folder.resolve("sub").resolve("readme.txt"), "\u0001 not a log \u0002\n");
        vm.importBundles(null, List.of(folder));
        background.drain();
        assertThat(vm.errorProperty().get()).isEqualTo("The import failed: " + folder + ": not a Sealtrail bundle (it has"
                + " no manifest.json), and sub/readme.txt in it: not a format Sealtrail recognises. No case was made.");
    }

    @Test
    void aFailedImportIntoAnOpenCaseKeepsTheCase() throws Exception {
        Path caseDir = tmp.resolve("case");
        CaseFolder.create(caseDir, "c", Clock.systemUTC());
        Path garbage = tmp.resolve("random.zip");
        Files.write(garbage, new byte[] {1, 2, 3});
        vm.importBundles(caseDir, List.of(garbage));
        background.drain();
        assertThat(vm.errorProperty().get()).contains("random.zip");
        assertThat(CaseFolder.isCase(caseDir)).isTrue();
    }

    @Test
    void aSecondNewCaseForTheSameBundleGetsItsOwnFolder() throws Exception {
        vm.importBundles(null, List.of(bundle));
        background.drain();
        vm.importBundles(null, List.of(bundle));
        background.drain();
        assertThat(opened).hasSize(2).doesNotHaveDuplicates();
        assertThat(opened.get(1).getFileName().toString()).endsWith("-2");
    }

    @Test
    void aCancelledImportLeavesNoBundleInTheCaseAndOpensNothing() throws Exception {
        Path caseDir = tmp.resolve("case");
        CaseFolder.create(caseDir, "c", Clock.systemUTC());
        vm.importBundles(caseDir, List.of(bundle));
        vm.cancel();
        background.drain();
        assertThat(CaseFolder.open(caseDir, Clock.systemUTC()).bundles()).isEmpty();
        assertThat(opened).isEmpty();
        assertThat(vm.messageProperty().get()).contains("cancelled").contains("as it was");
    }

    @Test
    void aFileThatIsNoBundleFailsWithItsNameAndOpensNothing() throws Exception {
        Path junk = tmp.resolve("not-a-bundle.zip");
        Files.writeString(junk, "hello");
        Path caseDir = tmp.resolve("case");
        CaseFolder.create(caseDir, "c", Clock.systemUTC());
        vm.importBundles(caseDir, List.of(junk));
        background.drain();
        assertThat(vm.errorProperty().get()).startsWith("The import failed").contains("not-a-bundle.zip");
        assertThat(opened).isEmpty();
        assertThat(CaseFolder.open(caseDir, Clock.systemUTC()).bundles()).isEmpty();
    }

    @Test
    void recentCasesAreNewestFirstWithoutDuplicatesOrVanishedFolders() throws Exception {
        RecentCases recent = new RecentCases(tmp.resolve("config"));
        Path a = CaseFolder.create(tmp.resolve("a"), "a", Clock.systemUTC()).dir();
        Path b = CaseFolder.create(tmp.resolve("b"), "b", Clock.systemUTC()).dir();
        Path gone = CaseFolder.create(tmp.resolve("gone"), "gone", Clock.systemUTC()).dir();
        recent.opened(gone);
        recent.opened(a);
        recent.opened(b);
        recent.opened(a);
        Files.delete(gone.resolve("case.json"));
        assertThat(recent.list()).containsExactly(a.toAbsolutePath(), b.toAbsolutePath());
    }
}
