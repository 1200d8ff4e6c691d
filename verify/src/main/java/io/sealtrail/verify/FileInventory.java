package io.sealtrail.verify;

import io.sealtrail.model.Finding;
import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Location;
import io.sealtrail.verify.bundle.BundleSource;
import io.sealtrail.verify.bundle.Manifest;
import java.io.IOException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The manifest's file list against the bundle: missing and unlisted files, and the size and SHA-256 of
 * every file except the event segments (those are hashed in the same pass that reads their events).
 */
final class FileInventory {
    private final Map<String, byte[]> smallFiles = new TreeMap<>();

    /** @return the verified-or-not bytes of every listed non-segment file that could be read */
    Map<String, byte[]> check(BundleSource source, Manifest m, FindingCollector findings) {
        Set<String> listed = new HashSet<>();
        listed.add(Manifest.MANIFEST);
        listed.add(Manifest.MANIFEST_SIG);
        for (Manifest.FileEntry f : m.files()) {
            listed.add(f.path());
            if (!source.exists(f.path())) {
                findings.add(FindingCode.FILE_MISSING, Location.file(f.path()),
                        "listed in the manifest (" + f.size() + " bytes) but not in the bundle");
            }
        }
        for (String p : source.paths()) {
            if (!listed.contains(p)) {
                findings.add(FindingCode.FILE_UNLISTED, Location.file(p), "in the bundle but not listed in the manifest");
            }
        }
        for (Manifest.FileEntry f : m.files()) {
            if (f.path().startsWith(Manifest.EVENTS_DIR) || !source.exists(f.path())) {
                continue;
            }
            byte[] bytes;
            try {
                bytes = source.readSmall(f.path(), Math.min(f.size() + 1, BundleSource.MAX_SMALL_FILE));
            } catch (IOException e) {
                findings.add(FindingCode.FILE_SIZE_MISMATCH, Location.file(f.path()),
                        "cannot be read within its declared size of " + f.size() + " bytes: " + e.getMessage());
                continue;
            }
            checkSizeAndHash(f, bytes.length, BundleVerifier.sha256().digest(bytes), findings);
            smallFiles.put(f.path(), bytes);
        }
        return smallFiles;
    }

    static void checkSizeAndHash(Manifest.FileEntry f, long size, byte[] sha256, FindingCollector findings) {
        Location at = Location.file(f.path());
        if (size != f.size()) {
            findings.add(Finding.mismatch(FindingCode.FILE_SIZE_MISMATCH, at, "size in bytes",
                    Long.toString(f.size()), size > f.size() ? "more than " + f.size() : Long.toString(size)));
        }
        String hex = HexFormat.of().formatHex(sha256);
        if (!hex.equals(f.sha256())) {
            findings.add(Finding.mismatch(FindingCode.FILE_HASH_MISMATCH, at, "SHA-256", f.sha256(), hex));
        }
    }
}
