package io.sealtrail.cases;

import io.sealtrail.model.Finding;
import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Location;
import io.sealtrail.verify.note.VerifierKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code sealtrail case verify}: walks the chain of custody from the signed journal down to every file. Each
 * {@code import} entry of the journal (covered by its signed checkpoint) anchors the SHA-256 of its bundle and of
 * its import.json; import.json holds the SHA-256 of every evidence, index and verification file. So: checkpoint →
 * journal entry → import record → files. Any difference is a finding; nothing is repaired.
 */
public final class CaseVerifier {

    public record Result(List<Finding> findings, int bundles, long files, CaseJournal.Check journal) {
        public boolean ok() {
            return journal.ok() && findings.stream().noneMatch(f -> f.severity() == io.sealtrail.model.Severity.ERROR);
        }
    }

    public Result verify(CaseFolder c, List<VerifierKey> trustedAuditors) throws IOException {
        CaseJournal.Check journal = c.journal().verify(trustedAuditors);
        List<Finding> findings = new ArrayList<>();
        Set<String> journaled = new HashSet<>();
        int bundles = 0;
        long checked = 0;
        for (JournalEntry e : c.journal().readableEntries()) {
            if (!JournalEntry.IMPORT.equals(e.type())) {
                continue;
            }
            String bundleId = e.data().get("bundle_id");
            if (bundleId == null || !isName(bundleId) || !journaled.add(bundleId)) {
                findings.add(Finding.of(FindingCode.CASE_RECORD_CHANGED, Location.line(CaseJournal.FILE, e.seq() + 1, e.seq()),
                        "journal entry #" + e.seq() + (bundleId == null || !isName(bundleId)
                                ? " names no bundle folder (bundle_id " + bundleId + ")"
                                : " imports bundle " + bundleId + " a second time")));
                continue;
            }
            bundles++;
            if (e.seq() >= journal.signedEntries()) {
                // a crash before the re-signing leaves this, as does anyone who appends without the holder's key
                findings.add(Finding.of(FindingCode.CASE_RECORD_NOT_ANCHORED,
                        Location.line(CaseJournal.FILE, e.seq() + 1, e.seq()), "journal entry #" + e.seq()
                                + " imports bundle " + bundleId + " but no signed checkpoint covers it: nothing vouches"
                                + " for the entry, so its bundle is checked against what the entry says only"));
            }
            checked += verifyImport(c, e, bundleId, findings);
        }
        Path bundlesDir = c.dir().resolve(CaseFolder.BUNDLES);
        if (!Files.isDirectory(bundlesDir)) {
            return new Result(findings, bundles, checked, journal); // each imported folder is reported missing above
        }
        try (Stream<Path> s = Files.list(bundlesDir)) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                if (!journaled.contains(p.getFileName().toString())) {
                    findings.add(Finding.of(FindingCode.CASE_FILE_UNEXPECTED,
                            Location.file(CaseFolder.BUNDLES + "/" + p.getFileName()),
                            "no journal entry imported this folder (the remains of an interrupted import, or put there"
                                    + " by hand); it is not part of the case"));
                }
            }
        }
        return new Result(findings, bundles, checked, journal);
    }

    /** One import entry down to its files; returns how many files were re-hashed. */
    private static long verifyImport(CaseFolder c, JournalEntry e, String bundleId, List<Finding> findings) throws IOException {
        Path dir = c.bundleDir(bundleId);
        String base = CaseFolder.BUNDLES + "/" + bundleId;
        String entry = "journal entry #" + e.seq();
        if (!Files.isDirectory(dir)) {
            findings.add(Finding.of(FindingCode.CASE_FILE_MISSING, Location.file(base),
                    entry + " imported this bundle; its folder is gone"));
            return 0;
        }
        Map<String, String> hashed = new HashMap<>(); // path -> SHA-256 of what is there now
        Set<String> reported = new HashSet<>();
        String fileName = e.data().get("file_name");
        if (fileName != null && !isName(fileName)) {
            findings.add(Finding.of(FindingCode.CASE_RECORD_CHANGED, Location.line(CaseJournal.FILE, e.seq() + 1, e.seq()),
                    entry + ": file_name " + fileName + " is not a file name"));
        } else if (fileName != null) {
            checkEvidence(dir, base, fileName, e, hashed, reported, findings);
        }
        Path recordFile = dir.resolve(ImportRecord.FILE);
        String recordWhere = base + "/" + ImportRecord.FILE;
        if (!Files.isRegularFile(recordFile)) {
            findings.add(Finding.of(FindingCode.CASE_FILE_MISSING, Location.file(recordWhere),
                    "the import record of " + entry + " is gone"));
            return 0;
        }
        String anchored = e.data().get(CaseImporter.IMPORT_SHA256);
        String actual = CaseFiles.hash(recordFile);
        if (anchored == null) {
            findings.add(Finding.of(FindingCode.CASE_RECORD_NOT_ANCHORED, Location.file(recordWhere),
                    entry + " was written before imports anchored their record: the file hashes in import.json are"
                            + " checked against import.json only, and the evidence against the entry's bundle_sha256"));
        } else if (!anchored.equals(actual)) {
            findings.add(Finding.mismatch(FindingCode.CASE_RECORD_CHANGED, Location.file(recordWhere),
                    "SHA-256 of the import record that " + entry + " anchored", anchored, actual));
        }
        ImportRecord r;
        try {
            r = ImportRecord.read(recordFile);
        } catch (IOException ex) {
            findings.add(Finding.of(anchored == null ? FindingCode.CASE_FILE_CHANGED : FindingCode.CASE_RECORD_CHANGED,
                    Location.file(recordWhere), ex.getMessage()));
            return 0;
        }
        agree(findings, recordWhere, entry, "bundle_id", bundleId, r.bundleId());
        agree(findings, recordWhere, entry, "file_name", fileName, r.fileName());
        agree(findings, recordWhere, entry, "bundle_sha256", e.data().get("bundle_sha256"), r.bundleSha256());
        return checkFiles(dir, base, r, hashed, reported, findings);
    }

    /** The evidence against the bundle_sha256 the signed entry recorded, whatever import.json says. */
    private static void checkEvidence(Path dir, String base, String fileName, JournalEntry e, Map<String, String> hashed,
                                      Set<String> reported, List<Finding> findings) throws IOException {
        String anchored = e.data().get("bundle_sha256");
        Path evidence = dir.resolve("evidence").resolve(fileName);
        String format = e.data().get("format");
        if (format != null && !ImportRecord.BUNDLE_FORMAT.equals(format) && Files.isDirectory(evidence)) {
            // a source folder is named by the listing of its files' hashes (SourceImporter)
            Map<String, String> listing = new HashMap<>();
            for (String f : CaseFiles.files(evidence)) {
                String path = "evidence/" + fileName + "/" + f;
                String sha = CaseFiles.hash(dir.resolve(path));
                hashed.put(path, sha);
                listing.put(path, sha);
            }
            String sha = SourceImporter.sha256Listing(listing);
            if (anchored != null && !anchored.equals(sha)) {
                findings.add(Finding.mismatch(FindingCode.CASE_FILE_CHANGED, Location.file(base + "/evidence/" + fileName),
                        "SHA-256 of the listing of the source's files that journal entry #" + e.seq()
                                + " recorded (bundle_sha256)", anchored, sha));
            }
            return;
        }
        // a directory bundle is named by its manifest, which binds every other file (see ImportRecord)
        String path = "evidence/" + fileName + (Files.isDirectory(evidence) ? "/manifest.json" : "");
        Path file = dir.resolve(path);
        if (!Files.isRegularFile(file)) {
            reported.add(path);
            findings.add(Finding.of(FindingCode.CASE_FILE_MISSING, Location.file(base + "/" + path),
                    "journal entry #" + e.seq() + " imported it; it is gone"));
            return;
        }
        String sha = CaseFiles.hash(file);
        hashed.put(path, sha);
        if (anchored != null && !anchored.equals(sha)) {
            reported.add(path);
            findings.add(Finding.mismatch(FindingCode.CASE_FILE_CHANGED, Location.file(base + "/" + path),
                    "SHA-256 of the bundle that journal entry #" + e.seq() + " recorded (bundle_sha256)", anchored, sha));
        }
    }

    /** One path segment: what the journal names may not lead out of the case. */
    private static boolean isName(String s) {
        return !s.isEmpty() && !s.equals(".") && !s.equals("..") && s.indexOf('/') < 0 && s.indexOf('\\') < 0;
    }

    private static void agree(List<Finding> findings, String where, String entry, String key, String journaled,
                              String recorded) {
        if (journaled != null && !journaled.equals(recorded)) {
            findings.add(Finding.mismatch(FindingCode.CASE_RECORD_CHANGED, Location.file(where),
                    key + " of the import record against " + entry, journaled, String.valueOf(recorded)));
        }
    }

    /** Every file below the bundle's folder against import.json. */
    private static long checkFiles(Path dir, String base, ImportRecord r, Map<String, String> hashed, Set<String> reported,
                                   List<Finding> findings) throws IOException {
        long checked = 0;
        Set<String> recorded = new HashSet<>();
        for (ImportRecord.FileHash f : r.files()) {
            recorded.add(f.path());
            if (reported.contains(f.path())) {
                continue;
            }
            Path p = dir.resolve(f.path());
            String where = base + "/" + f.path();
            if (!Files.isRegularFile(p)) {
                findings.add(Finding.of(FindingCode.CASE_FILE_MISSING, Location.file(where), "recorded at import, now gone"));
                continue;
            }
            checked++;
            String sha = hashed.containsKey(f.path()) ? hashed.get(f.path()) : CaseFiles.hash(p);
            if (!sha.equals(f.sha256()) || Files.size(p) != f.size()) {
                findings.add(Finding.mismatch(FindingCode.CASE_FILE_CHANGED, Location.file(where),
                        "SHA-256 recorded at import", f.sha256(), sha));
            }
        }
        for (String p : CaseFiles.files(dir)) {
            if (!recorded.contains(p) && !p.equals(ImportRecord.FILE)) {
                findings.add(Finding.of(FindingCode.CASE_FILE_UNEXPECTED, Location.file(base + "/" + p),
                        "not recorded at import"));
            }
        }
        return checked;
    }
}
