package io.sealtrail.cases;

import io.sealtrail.index.IndexBuilder;
import io.sealtrail.index.IndexException;
import io.sealtrail.verify.BundleVerifier;
import io.sealtrail.verify.VerificationReport;
import io.sealtrail.verify.VerificationReportJson;
import io.sealtrail.verify.VerifyOptions;
import io.sealtrail.verify.bundle.BundleFormatException;
import io.sealtrail.verify.bundle.ReceivedFile;
import io.sealtrail.verify.note.NoteSigner;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Imports a bundle into a case without ever writing to the evidence (docs/case-format.md):
 * <ol>
 * <li>copy the bundle into a staging folder inside the case, hashing while copying;</li>
 * <li>verify the copy — so the verdict is about exactly the bytes the case keeps;</li>
 * <li>build its index from the copy into the staging folder;</li>
 * <li>mark the evidence read-only, record every file's SHA-256 in import.json;</li>
 * <li>move the staging folder to bundles/&lt;id&gt; in one atomic rename;</li>
 * <li>append the import, with the SHA-256 of import.json, to the signed journal — the commit point.</li>
 * </ol>
 * A failure or cancellation at any step removes the staging folder; the case is as it was.
 */
public final class CaseImporter {

    /** What one import did, and how long each of its phases took. */
    public record Result(ImportRecord record, VerificationReport report, Phases phases) {
    }

    /**
     * Wall time of an import's phases: copying the bundle into the case (hashing it on the way), verifying the
     * copy, building its index, and sealing (writing the verification, hashing the index files, the journal).
     */
    public record Phases(Duration copy, Duration verify, Duration index, Duration seal) {
        public Duration total() {
            return copy.plus(verify).plus(index).plus(seal);
        }
    }

    /** Progress of one import, as a phase and a fraction of it; called from one thread at a time. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (phase, done, total) -> { };

        void update(String phase, long done, long total);
    }

    /** The import entry's key for the SHA-256 of import.json, which anchors the record in the signed journal. */
    public static final String IMPORT_SHA256 = "import_sha256";

    private final BundleVerifier verifier = new BundleVerifier();

    public Result importBundle(CaseFolder c, Path bundle, VerifyOptions options, NoteSigner auditor, Progress progress,
                               BooleanSupplier cancelled) throws IOException, BundleFormatException, IndexException {
        return importBundle(c, bundle, options, auditor, progress, cancelled, io.sealtrail.index.IndexTap.NONE);
    }

    /** As above, showing every event to {@code tap} as it is indexed (an import that also sends it elsewhere). */
    public Result importBundle(CaseFolder c, Path bundle, VerifyOptions options, NoteSigner auditor, Progress progress,
                               BooleanSupplier cancelled, io.sealtrail.index.IndexTap tap)
            throws IOException, BundleFormatException, IndexException {
        Path source = bundle.toAbsolutePath().normalize();
        if (!Files.exists(source)) {
            throw new BundleFormatException(bundle + ": no such file or directory");
        }
        if (source.startsWith(c.dir())) {
            throw new BundleFormatException(bundle + ": is inside the case already");
        }
        c.journal().requireHolder(auditor); // before the copying, verifying and indexing its commit would refuse
        c.removeIncompleteImports();
        Path staging = c.newStaging();
        long start = System.nanoTime();
        try {
            progress.update("copying", 0, 1);
            String fileName = source.getFileName().toString();
            Path evidence = staging.resolve("evidence").resolve(fileName);
            Map<String, String> copied = new LinkedHashMap<>(); // staging-relative path -> SHA-256 of the bytes written
            String bundleSha = copy(source, evidence, "evidence/" + fileName, copied);
            check(cancelled);
            long copyDone = System.nanoTime();

            progress.update("verifying", 0, 1);
            VerificationReport report;
            try {
                report = verifier.verify(evidence, options, (done, total) -> progress.update("verifying", done, total));
            } catch (BundleFormatException e) {
                // The copy was read, but the person knows the file they chose: name it, with what identifies it.
                String why = e.getMessage() == null ? "" : e.getMessage();
                boolean file = !Files.isDirectory(source);
                long size = file ? Files.size(source) : 0;
                // the verifier names the copy, with its size and SHA-256 when it is a file: the original's
                for (String copy : List.of(ReceivedFile.describe(evidence, size, bundleSha) + ": ", evidence + ": ")) {
                    if (why.startsWith(copy)) {
                        why = why.substring(copy.length());
                        break;
                    }
                }
                throw new BundleFormatException((file ? ReceivedFile.describe(source, size, bundleSha) : source) + ": "
                        + why, e);
            }
            check(cancelled);
            String bundleId = report.manifest() != null ? report.manifest().bundleId() : "sha256-" + bundleSha;
            if (Files.exists(c.bundleDir(bundleId))
                    && c.bundles().stream().anyMatch(r -> r.bundleId().equals(bundleId))) {
                throw new BundleFormatException(bundle + ": bundle " + bundleId + " is already in this case");
            }

            long verified = System.nanoTime();
            progress.update("indexing", 0, 1);
            IndexBuilder.build(evidence, report, staging.resolve(CaseFolder.INDEX),
                    (done, total) -> progress.update("indexing", done, total), cancelled,
                    Runtime.getRuntime().availableProcessors(), tap);
            check(cancelled);
            long indexed = System.nanoTime();

            try (Writer w = Files.newBufferedWriter(staging.resolve("verification.json"), StandardCharsets.UTF_8)) {
                VerificationReportJson.write(report, w);
            }
            CaseFiles.makeReadOnly(staging.resolve("evidence"));
            // the evidence was hashed as it was copied; the index files are hashed on both cores
            List<ImportRecord.FileHash> hashes;
            try {
                hashes = CaseFiles.files(staging).parallelStream().map(f -> {
                    Path p = staging.resolve(f);
                    try {
                        String sha = copied.get(f);
                        return new ImportRecord.FileHash(f, Files.size(p), sha != null ? sha : CaseFiles.hash(p));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).toList();
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
            long size = Files.isDirectory(source) ? Files.size(source.resolve("manifest.json")) : Files.size(source);
            ImportRecord record = new ImportRecord(bundleId, report.manifest() == null ? null : report.manifest().origin(),
                    fileName, bundleSha, size, report.verdict().name(), c.clock().instant(), report.events(), hashes, null);
            commit(c, staging, record, Map.of("errors", Long.toString(report.count(io.sealtrail.model.Severity.ERROR))),
                    auditor, cancelled);
            progress.update("done", 1, 1);
            return new Result(record, report, new Phases(Duration.ofNanos(copyDone - start),
                    Duration.ofNanos(verified - copyDone), Duration.ofNanos(indexed - verified),
                    Duration.ofNanos(System.nanoTime() - indexed)));
        } finally {
            CaseFiles.deleteTree(staging); // gone after the move; the remains of a failure otherwise
        }
    }

    /**
     * The end of every import: writes import.json, makes the index read-only, moves staging into place and appends
     * the import entry — the commit point. The entry names the import as import.json does, then {@code extra}, then
     * the SHA-256 of import.json, which lists every other file's hash: signing it anchors them all.
     */
    static void commit(CaseFolder c, Path staging, ImportRecord record, Map<String, String> extra, NoteSigner auditor,
                       BooleanSupplier cancelled) throws IOException {
        record.write(staging.resolve(ImportRecord.FILE));
        String recordSha = CaseFiles.hash(staging.resolve(ImportRecord.FILE));
        CaseFiles.makeReadOnly(staging.resolve(CaseFolder.INDEX));
        check(cancelled);
        c.moveIntoPlace(staging, record.bundleId());
        Map<String, String> data = new LinkedHashMap<>();
        data.put("bundle_id", record.bundleId());
        if (!record.isBundle()) {
            data.put("format", record.format());
        }
        data.put("file_name", record.fileName());
        data.put("bundle_sha256", record.bundleSha256());
        data.put("verdict", record.verdict());
        data.put("events", Long.toString(record.events()));
        new java.util.TreeMap<>(extra).forEach(data::put);
        data.put(IMPORT_SHA256, recordSha);
        c.journal().append(auditor, JournalEntry.IMPORT, data);
    }

    static void check(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("import cancelled");
        }
    }

    /**
     * Copies the bundle (zip file or directory) and returns the SHA-256 that names it (see ImportRecord); puts each
     * copied file's SHA-256 into {@code hashes} under {@code name} (the copy's path relative to the staging folder).
     */
    private static String copy(Path source, Path target, String name, Map<String, String> hashes) throws IOException {
        copyEvidence(source, target, name, hashes);
        if (!Files.isDirectory(source)) {
            return hashes.get(name);
        }
        String manifestSha = hashes.get(name + "/manifest.json");
        if (manifestSha == null) {
            throw new IOException(source + ": manifest.json is missing, so this is not a Sealtrail bundle");
        }
        return manifestSha;
    }

    /**
     * Copies a file or a folder (no symbolic links: evidence may not point outside itself), hashing every file as
     * it is written; puts each file's SHA-256 into {@code hashes} under {@code name}[/its path].
     */
    static void copyEvidence(Path source, Path target, String name, Map<String, String> hashes) throws IOException {
        io.sealtrail.model.EvidenceFolder.requireFileOrFolder(source);
        if (!Files.isDirectory(source)) {
            hashes.put(name, CaseFiles.copyHashing(source, target));
            return;
        }
        List<String> files = CaseFiles.files(source); // refuses links, pipes, devices and names that fold together
        // files side by side: copying and hashing one is a core's work
        Map<String, String> copied = new java.util.concurrent.ConcurrentHashMap<>();
        try {
            files.parallelStream().forEach(f -> {
                try {
                    copied.put(f, CaseFiles.copyHashing(source.resolve(f), target.resolve(f)));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        for (String f : files) {
            hashes.put(name + "/" + f, copied.get(f));
        }
    }
}
