package io.sealtrail.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** File chores for index folders; never used on evidence. */
final class IndexFiles {
    private IndexFiles() {
    }

    /** Fills a folder with a complete index; runs once, in a folder it may use as it likes. */
    @FunctionalInterface
    interface FolderWriter<T> {
        T write(Path folder) throws IOException, IndexException;
    }

    /**
     * Builds an index in a hidden folder beside {@code target} and moves it into place in one step, so that
     * {@code target} holds a complete index or nothing; a failure leaves no folder behind.
     *
     * @throws FileAlreadyExistsException when {@code target} exists
     */
    static <T> T buildInPlace(Path target, FolderWriter<T> writer) throws IOException, IndexException {
        Path absolute = target.toAbsolutePath();
        if (Files.exists(absolute)) {
            throw new FileAlreadyExistsException(absolute.toString(), null, "the index folder already exists");
        }
        Path temp = absolute.resolveSibling("." + absolute.getFileName() + ".building-" + ProcessHandle.current().pid());
        deleteTree(temp); // a leftover of this process's own earlier, interrupted attempt
        Files.createDirectories(temp);
        try {
            T result = writer.write(temp);
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
            return result;
        } catch (IOException | IndexException | RuntimeException | Error e) {
            deleteTree(temp);
            throw e;
        }
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
    static void awaitQuietly(java.util.concurrent.ExecutorService pool) {
        try {
            pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Adds {@code count} documents as one block: Lucene puts a block into one in-memory segment, so a segment
     * receives whole batches in read order and, for a log in time order, is already in index-sort order when flushed
     * (no sorting, and no second copy of the stored fields). {@code document} may reuse its fields: Lucene has
     * consumed one document before it asks for the next.
     */
    static void addBlock(org.apache.lucene.index.IndexWriter writer, int count,
                         java.util.function.IntFunction<List<org.apache.lucene.index.IndexableField>> document)
            throws IOException {
        writer.addDocuments(() -> new java.util.Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < count;
            }

            @Override
            public List<org.apache.lucene.index.IndexableField> next() {
                if (i >= count) {
                    throw new java.util.NoSuchElementException();
                }
                return document.apply(i++);
            }
        });
    }
}
