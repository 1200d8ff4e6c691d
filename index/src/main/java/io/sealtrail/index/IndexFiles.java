package io.sealtrail.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** File chores for index folders; never used on evidence. */
final class IndexFiles {
    private IndexFiles() {
    }

    /** Deletes a folder and everything in it; a missing folder is fine. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Writes an index into a folder; the folder is moved into place only when this returns. */
    @FunctionalInterface
    interface Writing<T> {
        T write(Path folder) throws IOException, IndexException;
    }

    /**
     * Builds an index into a hidden sibling of {@code target} and moves it into place in one atomic rename, so
     * {@code target} either holds a complete index or does not exist; the sibling is removed on any failure.
     *
     * @throws FileAlreadyExistsException when {@code target} exists
     */
    static <T> T buildInto(Path target, Writing<T> writing) throws IOException, IndexException {
        Path absolute = target.toAbsolutePath();
        if (Files.exists(absolute)) {
            throw new FileAlreadyExistsException(absolute.toString(), null, "the index folder already exists");
        }
        Path temp = absolute.resolveSibling("." + absolute.getFileName() + ".building-" + ProcessHandle.current().pid());
        deleteTree(temp); // a leftover of this process's own earlier, interrupted attempt
        Files.createDirectories(temp);
        try {
            T result = writing.write(temp);
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
            return result;
        } catch (IOException | IndexException | RuntimeException | Error e) {
            deleteTree(temp);
            throw e;
        }
    }

    /** A worker's failure, thrown on as what it was. */
    static void rethrow(Throwable t) throws IOException, IndexException {
        if (t == null) {
            return;
        }
        if (t instanceof IOException io) {
            throw io;
        }
        if (t instanceof IndexException ie) {
            throw ie;
        }
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        throw new IndexException("indexing failed: " + t, t);
    }

    /** Waits for workers still running, so no thread writes into a folder that is being deleted. */
    static void awaitQuietly(ExecutorService pool) {
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
