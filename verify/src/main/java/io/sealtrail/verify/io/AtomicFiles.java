package io.sealtrail.verify.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writing a file so that it either holds everything or is untouched: the bytes go to a hidden temporary file
 * beside it (created owner-only), which is forced to disk and then moved into place in one step. A failure or
 * a cancellation thrown by the writer leaves no temporary file behind. Every file Sealtrail writes for a person
 * to keep (reports, exports, proofs, keys, the case's own files) goes through here.
 */
public final class AtomicFiles {
    /** Whether an existing file may be replaced. */
    public enum Existing { REPLACE, REFUSE }

    /** Writes the content; may throw to abandon the file. */
    @FunctionalInterface
    public interface Content<E extends Exception> {
        void writeTo(OutputStream out) throws IOException, E;
    }

    private AtomicFiles() {
    }

    public static void write(Path target, Existing existing, byte[] bytes) throws IOException {
        AtomicFiles.<RuntimeException>write(target, existing, out -> out.write(bytes));
    }

    /**
     * The folder must exist: a mistyped path is an error, not a new folder.
     *
     * @throws java.nio.file.NoSuchFileException when the folder does not exist
     * @throws FileAlreadyExistsException with {@link Existing#REFUSE} when {@code target} exists, before or after
     *                                    the content was written; the existing file is left as it was
     */
    public static <E extends Exception> void write(Path target, Existing existing, Content<E> content)
            throws IOException, E {
        Path abs = target.toAbsolutePath().normalize();
        if (existing == Existing.REFUSE && Files.exists(abs)) {
            throw new FileAlreadyExistsException(abs.toString());
        }
        Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName() + ".", ".part");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                // writers may close what they are given (a JSON generator does): the channel stays ours to force
                OutputStream out = new FilterOutputStream(Channels.newOutputStream(ch)) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                };
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            CrashPoints.reached("written " + tmp);
            publish(tmp, abs, existing);
            forceFolder(abs.getParent());
            CrashPoints.reached("published " + abs);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Forces a folder's entries to disk, so that a rename or a new file in it survives a power loss, not only the
     * file's bytes (Linux and macOS; a platform that cannot open a folder for it says so by refusing, and is skipped).
     */
    public static void forceFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException notOnThisPlatform) {
            // Windows cannot open a directory as a channel; NTFS journals its metadata itself
        }
    }

    private static void publish(Path tmp, Path target, Existing existing) throws IOException {
        if (existing == Existing.REFUSE) {
            try {
                Files.createLink(target, tmp); // atomic, and fails rather than replace
                return;
            } catch (FileAlreadyExistsException e) {
                throw e;
            } catch (UnsupportedOperationException | FileSystemException e) {
                // no hard links here (FAT, some network shares): check, then move
                if (Files.exists(target)) {
                    throw new FileAlreadyExistsException(target.toString());
                }
                Files.move(tmp, target);
                return;
            }
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
