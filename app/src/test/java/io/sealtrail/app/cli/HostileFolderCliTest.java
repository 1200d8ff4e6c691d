package io.sealtrail.app.cli;

import static io.sealtrail.app.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sealtrail.app.cli.CliTest.Run;
import io.sealtrail.verify.note.NoteSigner;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.text.Normalizer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Source folders as a hostile party could hand them over (issue 17, item 4): each gets a clear refusal that names
 * what is wrong, exit 2, no case, and never a read outside the folder or a hang. Bundle folders get the same
 * rules (verify's HostileInputTest).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileFolderCliTest {
    private static final String LINE =
            "Mar  2 06:05:00 bastion sshd[1]: Accepted publickey for alice from 10.0.0.5 port 2 ssh2\n";

    @TempDir
    static Path dir;
    private static Path key;

    @BeforeAll
    static void home() throws IOException {
        System.setProperty("sealtrail.home", dir.resolve("home").toString());
        key = Files.writeString(dir.resolve("log.key"), NoteSigner.fromSeed("hostile.example/log", new byte[32]).encode()
                + "\n");
    }

    @AfterAll
    static void clearHome() {
        System.clearProperty("sealtrail.home");
    }

    /** A folder of good syslog files, to which each test adds one hostile entry. */
    private static Path folder(String name) throws IOException {
        Path f = Files.createDirectories(dir.resolve(name));
        Files.writeString(f.resolve("auth.log"), LINE.repeat(3));
        return f;
    }

    /** Import, verify and seal of {@code source} are all refused with a message holding {@code words}. */
    private static void refusedEverywhere(Path source, String... words) {
        Path caseDir = dir.resolve("case-" + source.getFileName());
        Run imported = run("import", source.toString(), "--case", caseDir.toString(), "--year", "2026", "--zone", "UTC");
        assertThat(imported.exit()).as(imported.out() + imported.err()).isEqualTo(SealtrailCommand.EXIT_USAGE);
        assertThat(imported.err()).contains(words);
        assertThat(caseDir).doesNotExist();
        Run verified = run("verify", source.toString());
        assertThat(verified.exit()).as(verified.out() + verified.err()).isEqualTo(SealtrailCommand.EXIT_USAGE);
        assertThat(verified.err()).contains(words);
        Path sealed = dir.resolve("sealed-" + source.getFileName());
        Run s = run("seal", source.toString(), "--key", key.toString(), "--out", sealed.toString(), "--year", "2026",
                "--zone", "UTC");
        assertThat(s.exit()).as(s.out() + s.err()).isEqualTo(SealtrailCommand.EXIT_USAGE);
        assertThat(s.err()).contains(words);
        assertThat(sealed).doesNotExist();
    }

    @Test
    void aSymbolicLinkToAFileOutsideIsRefusedAndNeverRead() throws IOException {
        Path f = folder("link-to-passwd");
        Files.createSymbolicLink(f.resolve("passwd.log"), Path.of("/etc/passwd"));
        refusedEverywhere(f, f.resolve("passwd.log").toString(), "is a symbolic link (to /etc/passwd)");
    }

    @Test
    void aSymbolicLinkToAFolderOutsideIsRefused() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(outside.resolve("other.log"), LINE);
        Path f = folder("link-to-folder");
        Files.createSymbolicLink(f.resolve("more"), outside);
        refusedEverywhere(f, f.resolve("more").toString(), "is a symbolic link");
    }

    @Test
    void aNamedPipeInTheFolderIsRefusedWithoutWaitingForAWriter() throws Exception {
        Path f = folder("with-fifo");
        assumeTrue(mkfifo(f.resolve("pipe.log")), "mkfifo is not available");
        refusedEverywhere(f, f.resolve("pipe.log").toString(), "is a named pipe (FIFO), not a file");
    }

    @Test
    void aNamedPipeNamedAsTheSourceIsRefusedWithoutWaitingForAWriter() throws Exception {
        Path pipe = dir.resolve("source.pipe");
        assumeTrue(mkfifo(pipe), "mkfifo is not available");
        Path caseDir = dir.resolve("case-pipe");
        Run r = run("import", pipe.toString(), "--case", caseDir.toString());
        assertThat(r.exit()).isEqualTo(SealtrailCommand.EXIT_USAGE);
        assertThat(r.err()).contains(pipe + " is a named pipe (FIFO), not a file or a folder");
        assertThat(caseDir).doesNotExist();
    }

    @Test
    void aDeviceFileInTheFolderIsRefused() throws Exception {
        Path f = folder("with-device");
        assumeTrue(exec("mknod", f.resolve("zero.log").toString(), "c", "1", "5"), "mknod needs root");
        refusedEverywhere(f, f.resolve("zero.log").toString(), "is a character device, not a file");
    }

    @Test
    void namesThatDifferOnlyInCaseAreRefusedNamingBoth() throws IOException {
        Path f = folder("case-fold");
        Files.writeString(f.resolve("AUTH.log"), LINE);
        refusedEverywhere(f, "AUTH.log and auth.log differ only in case");
    }

    @Test
    void namesThatDifferOnlyInUnicodeNormalisationAreRefusedSpellingTheirCodePoints() throws IOException {
        Path f = folder("nfc-nfd");
        String composed = Normalizer.normalize("café.log", Normalizer.Form.NFC);
        String decomposed = Normalizer.normalize("café.log", Normalizer.Form.NFD);
        Files.writeString(f.resolve(composed), LINE);
        Files.writeString(f.resolve(decomposed), LINE);
        refusedEverywhere(f, "differ only in Unicode normalisation", "U+00E9", "U+0301");
    }

    @Test
    void aFileThatGrowsWhileItIsImportedIsRefusedAndLeavesNoCase() throws Exception {
        Path log = dir.resolve("growing.log");
        Files.writeString(log, LINE.repeat(200_000));
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch writing = new CountDownLatch(1);
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(log, StandardOpenOption.APPEND)) {
                while (!stop.get()) {
                    out.write(LINE.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    out.flush();
                    writing.countDown();
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        Run r;
        Path caseDir = dir.resolve("case-growing");
        try {
            assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
            r = run("import", log.toString(), "--case", caseDir.toString(), "--year", "2026", "--zone", "UTC");
        } finally {
            stop.set(true);
            writer.join();
        }
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(SealtrailCommand.EXIT_USAGE);
        assertThat(r.err()).contains(log + " changed while it was being copied");
        assertThat(caseDir).doesNotExist();
    }

    private static boolean mkfifo(Path p) throws Exception {
        return exec("mkfifo", p.toString());
    }

    private static boolean exec(String... command) throws Exception {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException notThere) {
            return false;
        }
    }
}
