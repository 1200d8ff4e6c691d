package io.sealtrail.app.cli;

import static io.sealtrail.app.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.cli.CliTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sealtrail case keygen | export | import} (issue 17, item 7): a case arrives only to its recipients, only
 * whole and unchanged, and says whether an auditor the recipient named kept it.
 */
class HandoverCliTest {
    private static final Pattern RECIPIENT = Pattern.compile("age1[0-9a-z]+");

    @TempDir
    static Path dir;
    static Path caseDir;
    static Path bob;
    static String bobRecipient;
    static Path exported;
    static String exportOutput;

    @BeforeAll
    static void aCaseExportedToBob() throws IOException {
        System.setProperty("sealtrail.home", dir.resolve("home").toString());
        caseDir = dir.resolve("case");
        Run i = run("import", "../sources/src/test/resources/hoop/sessions.json", "--case", caseDir.toString());
        assertThat(i.exit()).as(i.out() + i.err()).isEqualTo(SealtrailCommand.EXIT_NO_EVIDENCE);
        assertThat(run("annotate", "--case", caseDir.toString(), "--comment", "looked at this", "--event", firstEvent()).exit())
                .isZero();
        bob = dir.resolve("bob.key");
        Run k = run("case", "keygen", "--out", bob.toString());
        assertThat(k.exit()).as(k.err()).isZero();
        Matcher m = RECIPIENT.matcher(k.out());
        assertThat(m.find()).isTrue();
        bobRecipient = m.group();
        exported = dir.resolve("case.age");
        Run e = run("case", "export", "--case", caseDir.toString(), "--to", bobRecipient, "--out", exported.toString());
        assertThat(e.exit()).as(e.out() + e.err()).isZero();
        exportOutput = e.out();
    }

    @AfterAll
    static void clearHome() {
        System.clearProperty("sealtrail.home");
    }

    private static String firstEvent() {
        Run s = run("search", "--case", caseDir.toString(), "--format", "csv", "--limit", "1", "event.action:db.query");
        String row = s.out().lines().skip(1).findFirst().orElseThrow();
        String[] f = row.split(",");
        return f[1] + ":" + f[2];
    }

    private static String checkpoint(String output) {
        return output.substring(output.indexOf("Journal checkpoint"));
    }

    @Test
    void theRecipientOpensTheSameCaseWithTheSameCheckpointAndItVerifies() {
        Path into = dir.resolve("bob-case");
        Run r = run("case", "import", exported.toString(), "--identity", bob.toString(), "--case", into.toString(),
                "--trust-auditor", dir.resolve("home/auditor.vkey").toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("OK: the case is the sender's, signed by an auditor you named");
        assertThat(checkpoint(r.out()).lines().skip(1).filter(l -> l.startsWith("  ")).toList())
                .isEqualTo(checkpoint(exportOutput).lines().skip(1).toList()).hasSize(5);
        assertThat(run("case", "verify", "--case", into.toString()).exit()).isZero();
        Run s = run("search", "--case", into.toString(), "--count", "\"DROP TABLE\"");
        assertThat(s.out().strip()).isEqualTo(run("search", "--case", caseDir.toString(), "--count", "\"DROP TABLE\"")
                .out().strip()).isNotEqualTo("0");
        assertThat(run("journal", "show", "--case", into.toString()).out()).contains("looked at this");
    }

    @Test
    void withoutTheSendersAuditorKeyTheCaseIsIntactButNotProvenWhoseAndExitsThree() {
        Path into = dir.resolve("bob-case-unnamed");
        Run r = run("case", "import", exported.toString(), "--identity", bob.toString(), "--case", into.toString());
        assertThat(r.exit()).isEqualTo(SealtrailCommand.EXIT_UNTRUSTED);
        assertThat(r.out()).contains("INTACT, BUT NOT PROVEN WHOSE");
    }

    @Test
    void anotherIdentityIsToldTheFileIsNotForItExitsFiveAndNothingAppears() {
        Path eve = dir.resolve("eve.key");
        assertThat(run("case", "keygen", "--out", eve.toString()).exit()).isZero();
        Path into = dir.resolve("eve-case");
        Run r = run("case", "import", exported.toString(), "--identity", eve.toString(), "--case", into.toString());
        assertThat(r.exit()).isEqualTo(HandoverCommands.EXIT_NOT_FOR_THIS_KEY);
        assertThat(r.err()).contains("not encrypted to the key given").contains("nothing was imported");
        assertThat(into).doesNotExist();
    }

    @Test
    void aFlippedByteExitsOneAndNothingAppears() throws IOException {
        byte[] b = Files.readAllBytes(exported);
        b[b.length / 2] ^= 0x20;
        Path altered = Files.write(dir.resolve("altered.age"), b);
        Path into = dir.resolve("altered-case");
        Run r = run("case", "import", altered.toString(), "--identity", bob.toString(), "--case", into.toString());
        assertThat(r.exit()).isEqualTo(SealtrailCommand.EXIT_INTEGRITY);
        assertThat(r.err()).contains("altered or cut short");
        assertThat(into).doesNotExist();
        assertNoPartials();
    }

    @Test
    void aFileCutShortExitsOneAndNothingAppears() throws IOException {
        byte[] b = Files.readAllBytes(exported);
        Path cut = Files.write(dir.resolve("cut.age"), Arrays.copyOf(b, b.length - 1000));
        Path into = dir.resolve("cut-case");
        Run r = run("case", "import", cut.toString(), "--identity", bob.toString(), "--case", into.toString());
        assertThat(r.exit()).isEqualTo(SealtrailCommand.EXIT_INTEGRITY);
        assertThat(into).doesNotExist();
        assertNoPartials();
    }

    @Test
    void exportNeverOverwritesAndRefusesARecipientThatIsNoKey() {
        Run again = run("case", "export", "--case", caseDir.toString(), "--to", bobRecipient, "--out",
                exported.toString());
        assertThat(again.exit()).isEqualTo(SealtrailCommand.EXIT_USAGE);
        assertThat(again.err()).contains("already exists");
        Run bad = run("case", "export", "--case", caseDir.toString(), "--to", "age1notakey", "--out",
                dir.resolve("x.age").toString());
        assertThat(bad.exit()).isEqualTo(SealtrailCommand.EXIT_USAGE);
        assertThat(bad.err()).contains("--to age1notakey").contains("not an age recipient");
        assertThat(dir.resolve("x.age")).doesNotExist();
    }

    private static void assertNoPartials() throws IOException {
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".partial-"));
        }
    }
}
