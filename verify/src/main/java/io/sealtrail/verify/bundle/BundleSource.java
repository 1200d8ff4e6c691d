package io.sealtrail.verify.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Read-only access to the files of a bundle, whether it is a directory or a zip of one. Nothing is
 * ever extracted or written: zip entries are streamed in place.
 */
public interface BundleSource extends AutoCloseable {

    /** Largest manifest, checkpoint, timestamp or certificate file we read into memory. */
    long MAX_SMALL_FILE = 16L * 1024 * 1024;

    /** The bundle as the user named it, for messages. */
    String displayName();

    /** Every regular file, as bundle-relative paths with '/' separators, sorted. */
    List<String> paths();

    boolean exists(String path);

    /** The size the container declares; for a zip entry, its declared uncompressed size (-1 if unknown). */
    long declaredSize(String path);

    /** A stream over the file's bytes. Callers cap how much they read. */
    InputStream open(String path) throws IOException;

    /** Reads a small file whole, refusing more than {@code limit} bytes whatever the container declares. */
    default byte[] readSmall(String path, long limit) throws IOException {
        try (InputStream in = open(path)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw new IOException(path + " is larger than " + limit + " bytes");
            }
            return bytes;
        }
    }

    @Override
    void close() throws IOException;

    /** Opens a directory or a zip file; anything else is a {@link BundleFormatException}. */
    static BundleSource open(Path bundle) throws BundleFormatException {
        if (Files.isDirectory(bundle)) {
            return DirectoryBundleSource.open(bundle);
        }
        if (Files.isRegularFile(bundle)) {
            return ZipBundleSource.open(bundle);
        }
        throw new BundleFormatException(bundle + ": no such file or directory");
    }
}
