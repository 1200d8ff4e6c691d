package io.sealtrail.verify.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Test-only bundle surgery. {@link #copyOf} copies a bundle directory, and every other method alters
 * only that copy, so a fixture generated once per class is never modified. Each test applies one
 * alteration (methods return {@code this} so a test may still combine them when it means to).
 */
public final class Tamper {
    private final Path dir;

    private Tamper(Path dir) {
        this.dir = dir;
    }

    /** Copies the bundle directory {@code original} to {@code target} (which must not exist). */
    public static Tamper copyOf(Path original, Path target) throws IOException {
        if (!Files.isDirectory(original)) {
            throw new IllegalArgumentException(original + " is not a bundle directory");
        }
        if (Files.exists(target)) {
            throw new IllegalArgumentException(target + " already exists");
        }
        try (Stream<Path> walk = Files.walk(original)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path to = target.resolve(original.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return new Tamper(target);
    }

    /** The altered copy. */
    public Path dir() {
        return dir;
    }

    /** The path of the event segment that starts at {@code firstSeq}. */
    public static String segment(long firstSeq) {
        return String.format("events/%012d.jsonl", firstSeq);
    }

    public static String checkpoint(long size) {
        return "checkpoints/" + size + ".checkpoint";
    }

    // ---- bytes --------------------------------------------------------------------------------

    /** XORs the byte at {@code offset} of {@code file} with {@code mask} (1..255). */
    public Tamper xorByte(String file, long offset, int mask) throws IOException {
        if (mask < 1 || mask > 255) {
            throw new IllegalArgumentException("mask must be 1..255");
        }
        byte[] b = read(file);
        b[Math.toIntExact(offset)] ^= (byte) mask;
        write(file, b);
        return this;
    }

    /** Replaces the whole file. */
    public Tamper replaceFile(String file, byte[] content) throws IOException {
        if (!Files.exists(dir.resolve(file))) {
            throw new IllegalArgumentException(file + " is not in the bundle");
        }
        write(file, content);
        return this;
    }

    /** Adds a file the manifest does not list. */
    public Tamper addFile(String file, byte[] content) throws IOException {
        if (Files.exists(dir.resolve(file))) {
            throw new IllegalArgumentException(file + " is already in the bundle");
        }
        Files.createDirectories(dir.resolve(file).getParent());
        write(file, content);
        return this;
    }

    public Tamper dropFile(String file) throws IOException {
        Files.delete(dir.resolve(file));
        return this;
    }

    /** Rewrites manifest.json as text (the edit must change it, or the test is meaningless). */
    public Tamper rewriteManifest(UnaryOperator<String> edit) throws IOException {
        return editText("manifest.json", edit);
    }

    public Tamper editText(String file, UnaryOperator<String> edit) throws IOException {
        String before = new String(read(file), StandardCharsets.UTF_8);
        String after = edit.apply(before);
        if (after.equals(before)) {
            throw new IllegalStateException("the edit did not change " + file);
        }
        write(file, after.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    // ---- lines (1-based, without their LF) ----------------------------------------------------

    /** The 1-based line {@code lineNo} of {@code file}, without its LF. */
    public static byte[] line(Path bundle, String file, int lineNo) throws IOException {
        return lines(Files.readAllBytes(bundle.resolve(file))).get(lineNo - 1);
    }

    /** Replaces the text of one line (UTF-8) by {@code edit}'s result; the LF stays. */
    public Tamper editLine(String file, int lineNo, UnaryOperator<String> edit) throws IOException {
        return editLineBytes(file, lineNo, b -> {
            String before = new String(b, StandardCharsets.UTF_8);
            String after = edit.apply(before);
            if (after.equals(before)) {
                throw new IllegalStateException("the edit did not change line " + lineNo + " of " + file);
            }
            return after.getBytes(StandardCharsets.UTF_8);
        });
    }

    public Tamper editLineBytes(String file, int lineNo, UnaryOperator<byte[]> edit) throws IOException {
        List<byte[]> lines = lines(read(file));
        lines.set(lineNo - 1, edit.apply(lines.get(lineNo - 1)));
        write(file, join(lines));
        return this;
    }

    public Tamper deleteLine(String file, int lineNo) throws IOException {
        List<byte[]> lines = lines(read(file));
        lines.remove(lineNo - 1);
        write(file, join(lines));
        return this;
    }

    /** Swaps line {@code lineNo} with the line after it. */
    public Tamper swapWithNext(String file, int lineNo) throws IOException {
        List<byte[]> lines = lines(read(file));
        byte[] a = lines.get(lineNo - 1);
        lines.set(lineNo - 1, lines.get(lineNo));
        lines.set(lineNo, a);
        write(file, join(lines));
        return this;
    }

    /** Keeps the first {@code keep} lines (each with its LF) and cuts everything after them. */
    public Tamper keepLines(String file, int keep) throws IOException {
        List<byte[]> lines = lines(read(file));
        write(file, join(lines.subList(0, keep)));
        return this;
    }

    /** Cuts the file to its first {@code bytes} bytes. */
    public Tamper truncateBytes(String file, long bytes) throws IOException {
        byte[] b = read(file);
        byte[] cut = new byte[Math.toIntExact(bytes)];
        System.arraycopy(b, 0, cut, 0, cut.length);
        write(file, cut);
        return this;
    }

    // ---- zip ----------------------------------------------------------------------------------

    /**
     * Zips {@code bundleDir} into {@code zipFile} with java.util.zip, entries sorted, a fixed entry time,
     * under {@code prefix} (e.g. "" or "bundle/").
     */
    public static Path zip(Path bundleDir, Path zipFile, String prefix) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(bundleDir)) {
            files = walk.filter(Files::isRegularFile).sorted(Comparator.comparing(p -> bundleDir.relativize(p).toString()))
                    .toList();
        }
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(zipFile))) {
            if (!prefix.isEmpty()) {
                zip.putNextEntry(entry(prefix));
                zip.closeEntry();
            }
            for (Path p : files) {
                zip.putNextEntry(entry(prefix + bundleDir.relativize(p).toString().replace('\\', '/')));
                try (InputStream in = Files.newInputStream(p)) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
        return zipFile;
    }

    /** A zip entry with a fixed time, so zips of equal trees are byte-identical. */
    public static ZipEntry entry(String name) {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(LocalDateTime.of(2026, 1, 1, 0, 0));
        return e;
    }

    /** Writes {@code count} copies of {@code b} to {@code out} in 1 MiB blocks, never holding them all. */
    public static void writeRepeated(OutputStream out, byte b, long count) throws IOException {
        byte[] block = new byte[1 << 20];
        java.util.Arrays.fill(block, b);
        long left = count;
        while (left > 0) {
            int n = (int) Math.min(block.length, left);
            out.write(block, 0, n);
            left -= n;
        }
    }

    // ---- internals ----------------------------------------------------------------------------

    private byte[] read(String file) throws IOException {
        return Files.readAllBytes(dir.resolve(file));
    }

    private void write(String file, byte[] b) throws IOException {
        Files.write(dir.resolve(file), b);
    }

    /** Splits at LF; a final line without LF is kept (and re-joined with one). */
    static List<byte[]> lines(byte[] b) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n') {
                out.add(java.util.Arrays.copyOfRange(b, start, i));
                start = i + 1;
            }
        }
        if (start < b.length) {
            out.add(java.util.Arrays.copyOfRange(b, start, b.length));
        }
        return out;
    }

    static byte[] join(List<byte[]> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] l : lines) {
            out.writeBytes(l);
            out.write('\n');
        }
        return out.toByteArray();
    }

    /** Deletes a tree (for per-try copies in property tests). */
    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
