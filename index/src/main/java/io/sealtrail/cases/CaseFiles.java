package io.sealtrail.cases;

import io.sealtrail.verify.merkle.Sha256;
import io.sealtrail.model.EvidenceFolder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** File chores of a case: hashing copies, read-only marking, hashing trees, deleting our own folders. */
public final class CaseFiles {
    private CaseFiles() {
    }

    /**
     * Copies one file and returns the SHA-256 of the bytes read.
     *
     * @throws IOException when the file changed while it was copied (its size or modification time moved): the copy
     *                     would be a mixture of two versions, which no one could ever check against the source
     */
    static String copyHashing(Path from, Path to) throws IOException {
        MessageDigest md = Sha256.newDigest();
        Files.createDirectories(to.getParent());
        BasicFileAttributes before = Files.readAttributes(from, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        long copied;
        try (InputStream in = new DigestInputStream(Files.newInputStream(from, LinkOption.NOFOLLOW_LINKS), md);
             OutputStream out = Files.newOutputStream(to)) {
            copied = in.transferTo(out);
        }
        BasicFileAttributes after = Files.readAttributes(from, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (copied != before.size() || after.size() != before.size()
                || !after.lastModifiedTime().equals(before.lastModifiedTime())) {
            throw new IOException(from + " changed while it was being copied (" + before.size() + " bytes before, "
                    + copied + " read, " + after.size() + " after): something is still writing it; import it when"
                    + " it is complete");
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static String hash(Path file) throws IOException {
        MessageDigest md = Sha256.newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Every regular file under root, as '/'-separated relative paths, sorted; refuses what evidence may not hold. */
    static List<String> files(Path root) throws IOException {
        return EvidenceFolder.files(root);
    }

    /** Forces every file and folder of a tree to disk, children before their folder. */
    static void force(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> all = walk.toList();
            for (int i = all.size() - 1; i >= 0; i--) {
                Path p = all.get(i);
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    io.sealtrail.verify.io.AtomicFiles.forceFolder(p);
                } else {
                    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(p,
                            java.nio.file.StandardOpenOption.READ)) {
                        ch.force(true);
                    }
                }
            }
        }
    }

    /** Marks a tree read-only for everyone; the evidence must not change by accident. */
    static void makeReadOnly(Path root) throws IOException {
        Set<PosixFilePermission> file = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.GROUP_READ,
                PosixFilePermission.OTHERS_READ);
        Set<PosixFilePermission> dir = EnumSet.copyOf(file);
        dir.addAll(EnumSet.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                PosixFilePermission.OTHERS_EXECUTE));
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> all = walk.toList();
            for (int i = all.size() - 1; i >= 0; i--) { // children before their folder
                Path p = all.get(i);
                try {
                    Files.setPosixFilePermissions(p, Files.isDirectory(p) ? dir : file);
                } catch (UnsupportedOperationException e) {
                    p.toFile().setReadOnly();
                }
            }
        }
    }

    /** Deletes a folder of ours, restoring write permission first (evidence copies are read-only). */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) throws IOException {
                d.toFile().setWritable(true, true);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                Files.delete(f);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
