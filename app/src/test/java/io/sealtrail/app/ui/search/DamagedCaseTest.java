package io.sealtrail.app.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.ui.ManualExecutor;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.ImportRecord;
import io.sealtrail.index.EventQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What opening a damaged case reads and says, without the FX toolkit ({@link CaseViewModel#read}). */
class DamagedCaseTest {
    @TempDir
    Path tmp;

    @Test
    void anImportWhoseRecordIsGoneIsNamedAndTheOtherStaysSearchable() throws Exception {
        Path caseDir = TestCase.copyOfDemoCase(tmp.resolve("case"));
        List<ImportRecord> imports = CaseFolder.open(caseDir, Clock.systemUTC()).bundles();
        Files.delete(caseDir.resolve("bundles").resolve(imports.get(1).bundleId()).resolve(ImportRecord.FILE));

        CaseViewModel.Opened o = CaseViewModel.read(caseDir);
        try (var s = o.index()) {
            assertThat(s.count(EventQuery.all())).isEqualTo(imports.get(0).events());
        }
        assertThat(o.damage()).startsWith("Part of this case cannot be searched: 1 of 2 imports")
                .containsPattern("\\njournal entry #\\d+ \\(")
                .contains(" (" + imports.get(1).fileName() + ", bundles/" + imports.get(1).bundleId()
                        + "): its import record (import.json) is gone");
    }

    @Test
    void aJournalCutShortIsSaidToNotVerify() throws Exception {
        Path caseDir = TestCase.copyOfDemoCase(tmp.resolve("case"));
        Path journal = caseDir.resolve("journal").resolve("journal.jsonl");
        byte[] all = Files.readAllBytes(journal);
        Files.write(journal, java.util.Arrays.copyOf(all, all.length - 40));

        CaseViewModel.Opened o = CaseViewModel.read(caseDir);
        o.index().close();
        assertThat(o.damage()).startsWith("This case's journal does not verify")
                .contains("the checkpoint covers more entries than the journal holds");
    }

    @Test
    void aFileThatDiffersFromItsImportRecordJoinsTheNoticeOnceTheCaseShows() throws Exception {
        Path caseDir = TestCase.copyOfDemoCase(tmp.resolve("case"));
        ImportRecord first = CaseFolder.open(caseDir, Clock.systemUTC()).bundles().get(0);
        Path verification = caseDir.resolve("bundles").resolve(first.bundleId()).resolve("verification.json");
        Files.writeString(verification, "\n", java.nio.file.StandardOpenOption.APPEND); // still JSON, other bytes
        ManualExecutor background = new ManualExecutor();
        SearchViewModel search = new SearchViewModel(background, Runnable::run);
        CaseViewModel cases = new CaseViewModel(search, b -> { }, background, Runnable::run);

        cases.open(caseDir);
        background.drain();

        assertThat(cases.session().damageProperty().get())
                .startsWith("Files of this case differ from what their import recorded")
                .contains("bundles/" + first.bundleId() + "/verification.json: SHA-256 recorded at import");
    }

    @Test
    void anIntactCaseOpensWithNoNoticeAfterItsFilesAreChecked() {
        ManualExecutor background = new ManualExecutor();
        SearchViewModel search = new SearchViewModel(background, Runnable::run);
        CaseViewModel cases = new CaseViewModel(search, b -> { }, background, Runnable::run);

        cases.open(TestCase.demoCase());
        background.drain();

        assertThat(cases.nameProperty().get()).isEqualTo("UI test case");
        assertThat(cases.session().damageProperty().get()).isEmpty();
    }

    @Test
    void anIntactCaseHasNothingToSay() throws Exception {
        CaseViewModel.Opened o = CaseViewModel.read(TestCase.demoCase());
        o.index().close();
        assertThat(o.damage()).isEmpty();
    }
}
