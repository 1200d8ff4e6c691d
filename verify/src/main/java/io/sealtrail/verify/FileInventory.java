package io.sealtrail.verify;

import io.sealtrail.model.Finding;
import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Location;
import io.sealtrail.verify.bundle.BundleSource;
import io.sealtrail.verify.bundle.Manifest;
import io.sealtrail.verify.merkle.Sha256;
import java.io.IOException;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The manifest's file list against the bundle: names version 1 does not admit, missing and unlisted
 * files, and the size and SHA-256 of every file except the event segments (those are hashed in the
 * same pass that reads their events).
 */
final class FileInventory {
    private static final Pattern TOKEN = Pattern.compile("timestamps/[1-9][0-9]*\\.tsr");

    /**
     * @param files the verified-or-not bytes of every listed non-segment file that could be read, by path
     *              in path order; unmodifiable, and read by several checks at once, so never to be written
     */
    record Result(SortedMap<String, byte[]> files, FindingCollector.Collected findings) {
        Result {
            files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
        }
    }

    Result check(BundleSource source, Manifest m) {
        FindingCollector findings = new FindingCollector();
        SortedMap<String, byte[]> smallFiles = new TreeMap<>();
        checkNames(m, findings);
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
            checkSizeAndHash(f, bytes.length, Sha256.of(bytes), findings);
            smallFiles.put(f.path(), bytes);
        }
        return new Result(smallFiles, findings.collected());
    }

    /**
     * Version 1 admits no other files than its own (docs/bundle-format.md §2): an extra file, even listed
     * and hashed, is something a version-1 reader does not know how to judge. Checkpoint files need no rule
     * here, as every file under checkpoints/ is read as a checkpoint and must be one.
     */
    private static void checkNames(Manifest m, FindingCollector findings) {
        for (Manifest.FileEntry f : m.files()) {
            String p = f.path();
            String problem = null;
            if (p.startsWith(Manifest.EVENTS_DIR)) {
                String expected = segmentPath(f.firstSeq());
                if (!p.equals(expected)) {
                    problem = "an event segment must be named after its first_seq " + f.firstSeq() + ": " + expected;
                } else if (f.count() == 0) {
                    problem = "an event segment holds at least one event, but count is 0";
                }
            } else if (p.startsWith(Manifest.TIMESTAMPS_DIR)) {
                if (!p.equals(Manifest.TSA_CHAIN) && !TOKEN.matcher(p).matches()) {
                    problem = "timestamps/ holds only <tree size>.tsr files and tsa-chain.pem";
                }
            } else if (!p.startsWith(Manifest.CHECKPOINTS_DIR)) {
                problem = "not a file of a version-1 bundle (only events/, checkpoints/ and timestamps/ files are)";
            }
            if (problem != null) {
                findings.add(FindingCode.MANIFEST_INVALID, Location.file(p), "files lists " + p + ": " + problem);
            }
        }
    }

    static String segmentPath(long firstSeq) {
        return String.format("%s%012d.jsonl", Manifest.EVENTS_DIR, firstSeq);
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
