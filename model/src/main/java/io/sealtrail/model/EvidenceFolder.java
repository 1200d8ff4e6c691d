package io.sealtrail.model;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a folder of evidence may hold, said once for every reader of one (bundle folders, source folders, the copy
 * an import makes): regular files and folders, nothing else. A symbolic link would make the evidence read what lies
 * outside it (a link to /etc/passwd, to another case), a named pipe or a device would block or never end, and two
 * names that differ only in case or Unicode normalisation become one file on the laptops auditors use (macOS and
 * Windows fold them), so a case copied there would silently hold other evidence. Each is refused by name before
 * anything is read.
 */
public final class EvidenceFolder {

    private EvidenceFolder() {
    }

    /** A folder that holds something evidence may not: the message names the path and what it is. */
    public static final class RefusedException extends IOException {
        private static final long serialVersionUID = 1L;

        public RefusedException(String message) {
            super(message);
        }
    }

    /**
     * Every regular file under {@code root}, as '/'-separated paths relative to it, sorted. {@code root} itself may
     * be a symbolic link (the person named it); nothing under it may.
     *
     * @throws RefusedException when the folder holds a symbolic link, a named pipe, a device or a socket, or two
     *                          names one file system would fold into one
     */
    public static List<String> files(Path root) throws IOException {
        return files(root, Integer.MAX_VALUE);
    }

    /**
     * {@link #files(Path)}, refusing a folder of more than {@code maxFiles} files (a bundle has a few dozen; a year
     * of CloudTrail has millions, so only formats with a known size set one).
     */
    public static List<String> files(Path root, int maxFiles) throws IOException {
        Path real = root.toRealPath();
        List<String> files = new ArrayList<>();
        Map<String, String> folded = new HashMap<>();
        Files.walkFileTree(real, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes a) throws IOException {
                if (!dir.equals(real)) {
                    unique(folded, relative(real, dir) + "/", root);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                String rel = relative(real, f);
                if (!a.isRegularFile()) {
                    throw new RefusedException(root.resolve(rel) + " is " + what(f, a) + ", not a file: a folder of"
                            + " evidence holds only files and folders (" + why(a) + ")");
                }
                unique(folded, rel, root);
                files.add(rel);
                if (files.size() > maxFiles) {
                    throw new RefusedException(root + ": more than " + maxFiles + " files");
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                throw new IOException(root.resolve(relative(real, f)) + " cannot be read: " + e.getMessage(), e);
            }
        });
        files.sort(null);
        return files;
    }

    /**
     * Refuses what is not a regular file or a folder when a person names it as a source (a pipe would block the
     * import until something writes to it).
     */
    public static void requireFileOrFolder(Path chosen) throws IOException {
        BasicFileAttributes a = Files.readAttributes(chosen, BasicFileAttributes.class);
        if (!a.isRegularFile() && !a.isDirectory()) {
            throw new RefusedException(chosen + " is " + what(chosen, a) + ", not a file or a folder: save what it"
                    + " gives to a file first, and import that file");
        }
    }

    private static String relative(Path root, Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    private static void unique(Map<String, String> folded, String rel, Path root) throws RefusedException {
        String key = Normalizer.normalize(rel, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        String other = folded.putIfAbsent(key, rel);
        if (other != null) {
            boolean sameNormalised = Normalizer.normalize(other, Normalizer.Form.NFC)
                    .equals(Normalizer.normalize(rel, Normalizer.Form.NFC));
            String how = sameNormalised ? "Unicode normalisation" : other.equalsIgnoreCase(rel) ? "case"
                    : "case and Unicode normalisation";
            boolean otherFirst = other.compareTo(rel) < 0; // in name order, not the order the disk lists them
            throw new RefusedException(root + ": " + quoted(otherFirst ? other : rel) + " and "
                    + quoted(otherFirst ? rel : other) + " differ only in " + how
                    + ", so macOS and Windows would keep one file for both: rename one before reading the folder");
        }
    }

    /** A name with its code points spelled out when it is not plain ASCII, since two such names look the same. */
    private static String quoted(String name) {
        if (name.chars().allMatch(c -> c < 0x80)) {
            return name;
        }
        StringBuilder b = new StringBuilder(name).append(" (");
        name.codePoints().filter(c -> c >= 0x80).forEach(c -> b.append(String.format(Locale.ROOT, "U+%04X ", c)));
        b.setLength(b.length() - 1);
        return b.append(')').toString();
    }

    private static String what(Path p, BasicFileAttributes a) {
        if (a.isSymbolicLink()) {
            try {
                return "a symbolic link (to " + Files.readSymbolicLink(p) + ")";
            } catch (IOException | UnsupportedOperationException e) {
                return "a symbolic link";
            }
        }
        try {
            // the unix view tells a pipe from a device (st_mode's file type bits); not every platform has it
            int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return switch (mode & 0170000) {
                case 0010000 -> "a named pipe (FIFO)";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "a special file";
        }
    }

    private static String why(BasicFileAttributes a) {
        return a.isSymbolicLink() ? "a link would read what lies outside the evidence"
                : "reading it could block or never end";
    }
}
