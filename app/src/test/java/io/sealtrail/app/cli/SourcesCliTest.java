package io.sealtrail.app.cli;

import static io.sealtrail.app.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.cli.CliTest.Run;
import io.sealtrail.sources.SourceFormat;
import io.sealtrail.sources.SourceFormats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sources other than bundles from the command line: the verdicts and exit codes of verify, and nothing left of a failure. */
class SourcesCliTest {
    /** The signed CloudTrail tree the index module's tests use (written by CloudTrailGoldenTree in sources). */
    static final Path GOLDEN = Path.of("../index/src/test/resources/cloudtrail-golden");

    @TempDir
    static Path dir;
    static Path tree;
    static Path keys;

    @BeforeAll
    static void copyTree() throws IOException {
        System.setProperty("sealtrail.home", dir.resolve("home").toString());
        tree = dir.resolve("in/bucket");
        keys = dir.resolve("in/keys.json");
        copy(GOLDEN.resolve("bucket"), tree);
        Files.copy(GOLDEN.resolve("cloudtrail-keys.json"), keys);
    }

    @AfterAll
    static void clearHome() {
        System.clearProperty("sealtrail.home");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    @Test
    void formatsListsEveryFormatImportReads() {
        Run r = run("formats");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("sealtrail ");
        for (SourceFormat f : SourceFormats.all()) {
            assertThat(r.out()).contains("\n" + f.name() + " ");
        }
        assertThat(r.out()).contains("\nsudo-iolog ");
    }

    @Test
    void aCloudTrailTreeWithTheAuditorsKeysImportsVerifiedAndIsSearchable() {
        Path caseDir = dir.resolve("verified");
        Run r = run("import", tree.toString(), "--case", caseDir.toString(), "--cloudtrail-keys", keys.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("(cloudtrail)").contains("20 events").contains("VERIFIED: intact, complete, and signed by AWS CloudTrail key");
        Run s = run("search", "--case", caseDir.toString(), "--count", "user.name:alice AND event.action:cloud.api");
        assertThat(s.exit()).as(s.out() + s.err()).isZero();
        assertThat(s.out().trim()).isEqualTo("20");
    }

    @Test
    void aCloudTrailTreeWithoutKeysExitsThreeAsIntactButUntrusted() {
        Run r = run("import", tree.toString(), "--case", dir.resolve("untrusted").toString());
        assertThat(r.exit()).isEqualTo(SealtrailCommand.EXIT_UNTRUSTED);
        assertThat(r.out()).contains("INTACT, NOT TRUSTED").contains("CLOUDTRAIL_KEY_UNKNOWN");
    }

    @Test
    void aSourceWithoutIntegrityEvidenceExitsFourAndSaysSoPlainly() throws IOException {
        Path jsonl = dir.resolve("in/records.jsonl");
        Files.writeString(jsonl, "{\"eventVersion\":\"1.08\",\"eventTime\":\"2026-03-02T06:00:01Z\",\"eventSource\":"
                + "\"sts.amazonaws.com\",\"eventName\":\"GetCallerIdentity\"}\n", StandardCharsets.UTF_8);
        Run r = run("import", jsonl.toString(), "--case", dir.resolve("unsealed").toString());
        assertThat(r.exit()).isEqualTo(SealtrailCommand.EXIT_NO_EVIDENCE);
        assertThat(r.out()).contains("NO INTEGRITY EVIDENCE: this source carries no integrity evidence")
                .contains("SOURCE_UNSEALED");
    }

    @Test
    void verifyChecksACloudTrailTreeWithoutACaseAndExitsZeroWithTheKeys() {
        Run r = run("verify", tree.toString(), "--cloudtrail-keys", keys.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).startsWith("VERIFIED: intact, complete, and signed by AWS CloudTrail key")
                .contains("20 records in 4 file(s), 0 unreadable");
    }

    @Test
    void verifyOfASyslogFileExitsFourAndNamesAnUnreadableLine() throws IOException {
        Path log = dir.resolve("in/auth.log");
        Files.writeString(log, "Mar  2 06:05:00 bastion sshd[1]: Accepted publickey for alice from 10.0.0.5 port 2 ssh2\n"
                .repeat(12) + "this is not syslog\n");
        Run r = run("verify", log.toString());
        assertThat(r.exit()).isEqualTo(SealtrailCommand.EXIT_NO_EVIDENCE);
        assertThat(r.out()).startsWith("NO INTEGRITY EVIDENCE: this source carries no integrity evidence")
                .contains("SOURCE_UNSEALED").contains("RECORD_MALFORMED").contains("auth.log:13");
    }

    @Test
    void aFileNoFormatRecognisesExitsTwoNamingItAndLeavesNoCase() throws IOException {
        Path garbage = dir.resolve("in/random.dat");
        Files.write(garbage, new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef});
        Path caseDir = dir.resolve("never");
        Run r = run("import", garbage.toString(), "--case", caseDir.toString());
        assertThat(r.exit()).isEqualTo(SealtrailCommand.EXIT_USAGE);
        assertThat(r.err()).contains(garbage.toString()).contains("not a format Sealtrail recognises");
        assertThat(caseDir).doesNotExist();
    }

    @Test
    void aHoopSessionShowsWhatWasTypedAndWhatCameBack() throws IOException {
        Path caseDir = dir.resolve("hoop");
        Path export = dir.resolve("in/hoop-sessions.json");
        Files.copy(Path.of("../sources/src/test/resources/hoop/sessions.json"), export);
        Run imported = run("import", export.toString(), "--case", caseDir.toString());
        assertThat(imported.exit()).as(imported.out() + imported.err()).isEqualTo(SealtrailCommand.EXIT_NO_EVIDENCE);

        Run r = run("session", "--case", caseDir.toString(), "6c4e6db0-1182-20c1-6eb4-9d132bcbf7a3");

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("User       kavya.reddy@northwind.example", "Transcript recorded (hoop), read from",
                "[+9.750 s] $ cat /srv/app/shared/config/Grüße.txt\n[+9.800 s] Grüße aus München — 東京オフィス ✓\n");
    }

    @Test
    void aSudoIologFolderImportsAndItsSessionShowsWhatWasTypedAndWhatCameBack() throws IOException {
        Path caseDir = dir.resolve("sudo-iolog");
        Path iolog = dir.resolve("in/sudo-io");
        copy(Path.of("../sources/src/test/resources/sudo-iolog"), iolog);
        Run imported = run("import", iolog.toString(), "--case", caseDir.toString());
        assertThat(imported.exit()).as(imported.out() + imported.err()).isEqualTo(SealtrailCommand.EXIT_NO_EVIDENCE);

        Run r = run("session", "--case", caseDir.toString(), "sudo-io/plain");

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("millert", "$ whoami\n", "$ cat /etc/shadow\n", "daemon:*:19000");
    }

    @Test
    void whatASudoIologSessionPrintedIsFoundBySearch() throws IOException {
        Path caseDir = dir.resolve("sudo-iolog-search");
        Path iolog = dir.resolve("in/sudo-io-search");
        copy(Path.of("../sources/src/test/resources/sudo-iolog"), iolog);
        assertThat(run("import", iolog.toString(), "--case", caseDir.toString()).exit())
                .isEqualTo(SealtrailCommand.EXIT_NO_EVIDENCE);

        Run r = run("search", "--case", caseDir.toString(), "--count", "session.output:denied");

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out().strip()).isEqualTo("1");
    }

    @Test
    void aSessionIdTheCaseLacksIsAnErrorNamingIt() {
        Path caseDir = dir.resolve("verified-for-session");
        assertThat(run("import", tree.toString(), "--case", caseDir.toString(), "--cloudtrail-keys", keys.toString()).exit())
                .isZero();

        Run r = run("session", "--case", caseDir.toString(), "s-404");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no event of session s-404 is in the case");
    }
}
