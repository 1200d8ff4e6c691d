package io.sealtrail.app.cli;

import static io.sealtrail.app.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.cli.CliTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code search --redact}: what leaves is blanked, the evidence is not, and the journal says with which profile. */
class RedactionCliTest {
    @TempDir
    static Path dir;
    static Path caseDir;

    @BeforeAll
    static void aHoopCase() {
        System.setProperty("sealtrail.home", dir.resolve("home").toString());
        caseDir = dir.resolve("case");
        Run r = run("import", "../sources/src/test/resources/hoop/sessions.json", "--case", caseDir.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(SealtrailCommand.EXIT_NO_EVIDENCE);
    }

    @AfterAll
    static void clearHome() {
        System.clearProperty("sealtrail.home");
    }

    @Test
    void aRedactedExportNamesNoOneAndTheJournalRecordsTheProfileAndCounts() throws Exception {
        String before = evidenceHash();
        Run plain = run("search", "--case", caseDir.toString(), "--format", "jsonl");
        assertThat(plain.out()).contains("@northwind.example");
        Run r = run("search", "--case", caseDir.toString(), "--format", "jsonl", "--redact");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("@northwind.example").contains("[REDACTED:email]");
        assertThat(r.out().lines().count()).isEqualTo(plain.out().lines().count());
        assertThat(r.err()).contains("Redacted with profile standard (SHA-256 ").contains("email ");
        assertThat(evidenceHash()).as("the evidence is never changed").isEqualTo(before);
        Run journal = run("journal", "show", "--case", caseDir.toString());
        assertThat(journal.out()).contains("export.redacted").contains("profile_sha256");
        assertThat(run("journal", "verify", "--case", caseDir.toString()).exit()).isZero();
    }

    @Test
    void aProfileThatIsNotOneIsRefusedBeforeAnythingIsPrinted() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.profile"), "nonsense\n");
        Run r = run("search", "--case", caseDir.toString(), "--redaction-profile", bad.toString());
        assertThat(r.exit()).isEqualTo(SealtrailCommand.EXIT_USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("bad.profile line 1: not a rule");
    }

    private static String evidenceHash() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> s = Files.walk(caseDir.resolve("bundles"))) {
            for (Path p : s.filter(p -> p.toString().contains("evidence") && Files.isRegularFile(p)).sorted().toList()) {
                sha.update(Files.readAllBytes(p));
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
