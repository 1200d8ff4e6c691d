package io.sealtrail.app.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

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
    void anIntactCaseHasNothingToSay() throws Exception {
        CaseViewModel.Opened o = CaseViewModel.read(TestCase.demoCase());
        o.index().close();
        assertThat(o.damage()).isEmpty();
    }
}
