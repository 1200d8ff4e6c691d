package io.sealtrail.app.cli;

import static io.sealtrail.app.cli.CliTest.ok;
import static io.sealtrail.app.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.cli.CliTest.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'sealtrail report --redact' and 'report verify' of the redacted report (docs/redaction.md). */
class RedactedReportCliTest {
    @TempDir
    static Path dir;
    static Path vkey;
    static Path caseDir;
    static Path pdf;
    static Run written;

    @BeforeAll
    static void aRedactedReportOfACase() {
        System.setProperty("sealtrail.home", dir.resolve("home").toString());
        CliTest.CitedCase cited = CliTest.citedCase(dir, 400, 41, 100);
        vkey = cited.vkey();
        caseDir = cited.caseDir();
        pdf = dir.resolve("out/redacted.pdf");
        written = ok("report", "--case", caseDir.toString(), "--out", pdf.toString(), "--trust", vkey.toString(),
                "--no-trust-store", "--template", "incident-timeline", "--redact");
    }

    @AfterAll
    static void clearHome() {
        System.clearProperty("sealtrail.home");
    }

    @Test
    void theReportSaysWithWhichProfileItWasRedactedAndTheJournalRecordsIt() {
        assertThat(written.out()).contains("Redacted with profile standard (SHA-256 ")
                .contains("1 proof(s) carry no event line");
        assertThat(ok("journal", "show", "--case", caseDir.toString()).out()).contains("redaction_profile_sha256");
    }

    @Test
    void reportVerifyChecksEveryProofOfARedactedReportAndSaysTheLineWasWithheld() {
        Run r = run("report", "verify", pdf.toString(), "--vkey", vkey.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(SealtrailCommand.EXIT_VERIFIED);
        assertThat(r.out()).contains("line withheld by redaction").contains("1 of 1 cited events proven");
    }
}
