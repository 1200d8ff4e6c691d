package io.sealtrail.verify.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private long entries() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void writesTheContentIntoANewFileAndLeavesNothingElse() throws Exception {
        Path f = dir.resolve("report.pdf");
        AtomicFiles.write(f, AtomicFiles.Existing.REFUSE, utf8("hello"));

        assertThat(f).hasContent("hello");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s).containsExactly(f);
        }
    }

    @Test
    void aMissingFolderIsAnErrorAndIsNotCreated() {
        Path f = dir.resolve("typo").resolve("report.pdf");
        assertThatThrownBy(() -> AtomicFiles.write(f, AtomicFiles.Existing.REFUSE, utf8("hello")))
                .isInstanceOf(java.nio.file.NoSuchFileException.class);
        assertThat(f.getParent()).doesNotExist();
    }

    @Test
    void refusingKeepsAnExistingFileByteForByte() throws Exception {
        Path f = dir.resolve("report.pdf");
        Files.write(f, utf8("the auditor's"));

        assertThatThrownBy(() -> AtomicFiles.write(f, AtomicFiles.Existing.REFUSE, utf8("other")))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(f).hasContent("the auditor's");
        assertThat(entries()).isEqualTo(1);
    }

    @Test
    void aFileThatAppearsWhileWritingIsNotReplacedWhenRefusing() throws Exception {
        Path f = dir.resolve("report.pdf");
        assertThatThrownBy(() -> AtomicFiles.write(f, AtomicFiles.Existing.REFUSE, out -> {
            Files.write(f, utf8("written meanwhile"));
            out.write(utf8("ours"));
        })).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(f).hasContent("written meanwhile");
        assertThat(entries()).isEqualTo(1);
    }

    @Test
    void replacingSwapsTheWholeFile() throws Exception {
        Path f = dir.resolve("trusted-keys");
        Files.write(f, utf8("old"));
        AtomicFiles.write(f, AtomicFiles.Existing.REPLACE, utf8("new"));

        assertThat(f).hasContent("new");
        assertThat(entries()).isEqualTo(1);
    }

    @Test
    void aWriterThatFailsLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        Path f = dir.resolve("export.csv");
        Files.write(f, utf8("old"));

        assertThatThrownBy(() -> AtomicFiles.write(f, AtomicFiles.Existing.REPLACE, out -> {
            out.write(utf8("half"));
            throw new CancellationException("cancelled");
        })).isInstanceOf(CancellationException.class);
        assertThat(f).hasContent("old");
        assertThat(entries()).isEqualTo(1);
    }

    @Test
    void aWriterMayCloseTheStreamItIsGiven() throws Exception {
        Path f = dir.resolve("case.json");
        AtomicFiles.write(f, AtomicFiles.Existing.REFUSE, out -> {
            try (out) {
                out.write(utf8("{}"));
            }
        });
        assertThat(f).hasContent("{}");
    }

    @Test
    void aNewFileIsReadableOnlyByItsOwner() throws Exception {
        Path f = dir.resolve("auditor.key");
        AtomicFiles.write(f, AtomicFiles.Existing.REFUSE, utf8("secret"));
        if (f.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                    .isEqualTo("rw-------");
        }
    }
}
