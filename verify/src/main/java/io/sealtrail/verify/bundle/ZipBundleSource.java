package io.sealtrail.verify.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A bundle zipped. Entries are read in place through the central directory, never extracted, so a
 * hostile zip cannot write anywhere; names that would escape a folder are refused outright, and
 * readers cap every entry at the size the manifest declares (which defuses zip bombs).
 * A zip whose single top-level folder holds the bundle is accepted as well.
 */
final class ZipBundleSource implements BundleSource {
    private static final int MAX_ENTRIES = 100_000;

    private final Path file;
    private final ZipFile zip;
    private final String prefix;
    private final Map<String, ZipEntry> entries;
    private final List<String> paths;

    private ZipBundleSource(Path file, ZipFile zip, String prefix, Map<String, ZipEntry> entries) {
        this.file = file;
        this.zip = zip;
        this.prefix = prefix;
        this.entries = entries;
        List<String> sorted = new ArrayList<>(entries.keySet());
        Collections.sort(sorted);
        this.paths = List.copyOf(sorted);
    }

    static ZipBundleSource open(Path file) throws BundleFormatException {
        if (!looksLikeZip(file)) {
            throw new BundleFormatException(file + (isEmpty(file) ? ": the file is empty, so not a Sealtrail bundle"
                    : ": not a zip file or a bundle directory"));
        }
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            // java.util.zip's words ("zip END header not found") are about its parser; the person needs to know
            // whether the download or copy stopped early, which is what a zip without its end record means
            throw new BundleFormatException(file + (hasEndRecord(file)
                    ? ": the zip is damaged (" + e.getMessage() + ")"
                    : ": the zip ends before its central directory: the file is cut short"), e);
        } catch (IOException e) {
            throw new BundleFormatException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        try {
            Map<String, ZipEntry> raw = new HashMap<>();
            Enumeration<? extends ZipEntry> en = zip.entries();
            while (en.hasMoreElements()) {
                ZipEntry e = en.nextElement();
                String name = e.getName();
                checkSafeName(file, name);
                if (e.isDirectory()) {
                    continue;
                }
                if (raw.put(name, e) != null) {
                    throw new BundleFormatException(file + ": zip entry '" + name + "' appears twice");
                }
                if (raw.size() > MAX_ENTRIES) {
                    throw new BundleFormatException(file + ": more than " + MAX_ENTRIES + " zip entries");
                }
            }
            String prefix = bundlePrefix(raw);
            Map<String, ZipEntry> entries = new HashMap<>();
            raw.forEach((name, e) -> {
                if (name.startsWith(prefix)) {
                    entries.put(name.substring(prefix.length()), e);
                } else {
                    entries.put("../" + name, e); // outside the bundle folder: reported as unlisted, never read
                }
            });
            return new ZipBundleSource(file, zip, prefix, entries);
        } catch (BundleFormatException | RuntimeException e) {
            closeQuietly(zip);
            throw e;
        }
    }

    private static boolean looksLikeZip(Path file) throws BundleFormatException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            // local file header, or the end record of an empty zip
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K'
                    && ((magic[2] == 3 && magic[3] == 4) || (magic[2] == 5 && magic[3] == 6));
        } catch (IOException e) {
            throw new BundleFormatException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static boolean isEmpty(Path file) throws BundleFormatException {
        try {
            return Files.size(file) == 0;
        } catch (IOException e) {
            throw new BundleFormatException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Whether the last 64 KiB + 22 bytes (the end record and the longest comment) hold the end record's
     * signature; a zip cut anywhere before its end has none.
     */
    private static boolean hasEndRecord(Path file) {
        try (SeekableByteChannel ch = Files.newByteChannel(file)) {
            long size = ch.size();
            int n = (int) Math.min(size, 22 + 0xFFFF);
            ByteBuffer tail = ByteBuffer.allocate(n);
            ch.position(size - n);
            while (tail.hasRemaining() && ch.read(tail) > 0) {
                // read the whole tail
            }
            byte[] b = tail.array();
            for (int i = tail.position() - 22; i >= 0; i--) {
                if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 5 && b[i + 3] == 6) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return true; // unreadable: not known to be cut short, so the parser's own words are shown
        }
    }

    static void checkSafeName(Path file, String name) throws BundleFormatException {
        boolean bad = name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.indexOf('\0') >= 0
                || (name.length() > 1 && name.charAt(1) == ':');
        if (!bad) {
            for (String part : name.split("/", -1)) {
                if (part.equals("..") || part.equals(".")) {
                    bad = true;
                    break;
                }
            }
        }
        if (bad) {
            throw new BundleFormatException(file + ": unsafe zip entry name '" + printable(name)
                    + "' (absolute, or escapes the bundle)");
        }
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(200).forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\x%02x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }

    /** "" when manifest.json is at the root, "dir/" when the zip holds one folder with the bundle. */
    private static String bundlePrefix(Map<String, ZipEntry> raw) {
        if (raw.containsKey("manifest.json")) {
            return "";
        }
        String candidate = null;
        for (String name : raw.keySet()) {
            if (name.endsWith("/manifest.json") && name.indexOf('/') == name.length() - "/manifest.json".length()) {
                if (candidate != null) {
                    return "";
                }
                candidate = name.substring(0, name.length() - "manifest.json".length());
            }
        }
        return candidate == null ? "" : candidate;
    }

    @Override
    public String displayName() {
        return file.toString();
    }

    @Override
    public List<String> paths() {
        return paths;
    }

    @Override
    public boolean exists(String path) {
        return entries.containsKey(path);
    }

    @Override
    public long declaredSize(String path) {
        ZipEntry e = entries.get(path);
        return e == null ? -1 : e.getSize();
    }

    @Override
    public InputStream open(String path) throws IOException {
        ZipEntry e = entries.get(path);
        if (e == null || path.startsWith("../")) {
            throw new IOException(path + ": not in the bundle");
        }
        return zip.getInputStream(e);
    }

    String prefix() {
        return prefix;
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException ignored) {
            // already failing with a better message
        }
    }
}
