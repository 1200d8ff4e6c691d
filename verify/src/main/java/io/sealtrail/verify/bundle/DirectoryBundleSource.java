package io.sealtrail.verify.bundle;

import io.sealtrail.model.EvidenceFolder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.List;

/** A bundle laid out as a directory. Symbolic links are refused so nothing outside the bundle is read. */
final class DirectoryBundleSource implements BundleSource {
    /** Far more files than a bundle holds (a manifest, segments, checkpoints, timestamps). */
    private static final int MAX_FILES = 100_000;

    private final Path root;
    private final List<String> paths;

    private DirectoryBundleSource(Path root, List<String> paths) {
        this.root = root;
        this.paths = paths;
    }

    static DirectoryBundleSource open(Path dir) throws BundleFormatException {
        Path root = dir.toAbsolutePath().normalize();
        List<String> paths;
        try {
            paths = EvidenceFolder.files(root, MAX_FILES);
        } catch (EvidenceFolder.RefusedException e) {
            throw new BundleFormatException(e.getMessage(), e);
        } catch (IOException | UncheckedIOException e) {
            throw new BundleFormatException(dir + ": cannot list the bundle directory (" + e.getMessage() + ")", e);
        }
        return new DirectoryBundleSource(root, paths);
    }

    @Override
    public String displayName() {
        return root.toString();
    }

    @Override
    public List<String> paths() {
        return paths;
    }

    @Override
    public boolean exists(String path) {
        return Collections.binarySearch(paths, path) >= 0;
    }

    @Override
    public long declaredSize(String path) {
        try {
            return Files.size(resolve(path));
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public InputStream open(String path) throws IOException {
        return Files.newInputStream(resolve(path), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    }

    private Path resolve(String path) throws IOException {
        if (!exists(path)) {
            throw new IOException(path + ": not in the bundle");
        }
        return root.resolve(path);
    }

    @Override
    public void close() {
        // nothing held open
    }
}
