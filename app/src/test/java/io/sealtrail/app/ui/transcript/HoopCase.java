package io.sealtrail.app.ui.transcript;

import io.sealtrail.app.ui.TestBundles;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.CaseImporter;
import io.sealtrail.cases.JournalEntry;
import io.sealtrail.cases.SourceImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** A case of the sources module's hoop.dev fixture (40 sessions), imported as a person would, for the session tests. */
final class HoopCase {
    private HoopCase() {
    }

    static CaseFolder make(Path dir) throws Exception {
        CaseFolder c = CaseFolder.create(dir.resolve("hoop-case"), "gateway sessions", Clock.systemUTC());
        c.journal().append(TestBundles.signer(), JournalEntry.CASE_CREATED, Map.of("name", c.name()));
        Path export = dir.resolve("hoop-sessions.json");
        Files.copy(Path.of("../sources/src/test/resources/hoop/sessions.json"), export);
        new SourceImporter().importSource(c, export, SourceImporter.Options.DEFAULT, TestBundles.signer(),
                CaseImporter.Progress.NONE, () -> false);
        return c;
    }
}
