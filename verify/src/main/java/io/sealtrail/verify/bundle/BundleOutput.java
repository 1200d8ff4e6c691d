package io.sealtrail.verify.bundle;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** A bundle being written: a temporary directory or zip next to the target, renamed into place at the end. */
abstract class BundleOutput {
    final Path target;
    final Path temp;

    BundleOutput(Path target, Path temp) {
        this.target = target;
        this.temp = temp;
    }

    static BundleOutput create(Path out) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "refusing to overwrite an existing bundle");
        }
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path temp = parent.resolve("." + target.getFileName() + ".partial-" + ProcessHandle.current().pid());
        // .sealtrail is a zip bundle under a name of its own, which installers associate with the workbench
        // (docs/decisions/0022-bundle-file-extension.md)
        String name = target.getFileName().toString();
        return name.endsWith(".zip") || name.endsWith(".sealtrail") ? new Zip(target, temp) : new Directory(target, temp);
    }

    abstract OutputStream openEntry(String path) throws IOException;

    abstract void closeEntry() throws IOException;

    abstract void put(String path, byte[] data) throws IOException;

    abstract void finishTemp(Instant time) throws IOException;

    final void publish(Instant time) throws IOException {
        finishTemp(time);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    }

    void discard() throws IOException {
        if (Files.isDirectory(temp)) {
            try (Stream<Path> walk = Files.walk(temp)) {
                for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(p);
                }
            }
        } else {
            Files.deleteIfExists(temp);
        }
    }

    private static final class Directory extends BundleOutput {
        private OutputStream current;

        Directory(Path target, Path temp) throws IOException {
            super(target, temp);
            Files.createDirectory(temp);
        }

        @Override
        OutputStream openEntry(String path) throws IOException {
            Path p = temp.resolve(path);
            Files.createDirectories(p.getParent());
            current = new BufferedOutputStream(Files.newOutputStream(p), 1 << 16);
            return current;
        }

        @Override
        void closeEntry() throws IOException {
            current.close();
            current = null;
        }

        @Override
        void put(String path, byte[] data) throws IOException {
            Path p = temp.resolve(path);
            Files.createDirectories(p.getParent());
            Files.write(p, data);
        }

        @Override
        void finishTemp(Instant time) {
            // files are complete once closed
        }
    }

    private static final class Zip extends BundleOutput {
        private final ZipOutputStream zip;

        Zip(Path target, Path temp) throws IOException {
            super(target, temp);
            zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16));
            zip.setLevel(Deflater.BEST_SPEED);
        }

        private ZipEntry entry(String path) {
            ZipEntry e = new ZipEntry(path);
            // A fixed, zone-independent entry time keeps seeded bundles byte-identical.
            e.setTimeLocal(LocalDateTime.of(2026, 1, 1, 0, 0));
            return e;
        }

        @Override
        OutputStream openEntry(String path) throws IOException {
            zip.putNextEntry(entry(path));
            return new FilterOutputStream(zip) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() {
                    // the zip stays open; closeEntry() ends the entry
                }
            };
        }

        @Override
        void closeEntry() throws IOException {
            zip.closeEntry();
        }

        @Override
        void put(String path, byte[] data) throws IOException {
            zip.putNextEntry(entry(path));
            zip.write(data);
            zip.closeEntry();
        }

        @Override
        void finishTemp(Instant time) throws IOException {
            zip.close();
        }

        @Override
        void discard() throws IOException {
            try {
                zip.close();
            } catch (IOException ignored) {
                // the partial file is deleted next
            }
            super.discard();
        }
    }

    static LocalDateTime utc(Instant t) {
        return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
