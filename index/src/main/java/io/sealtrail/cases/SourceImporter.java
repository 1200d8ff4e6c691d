package io.sealtrail.cases;

import io.sealtrail.index.Integrity;
import io.sealtrail.index.IndexException;
import io.sealtrail.index.SourceIndexBuilder;
import io.sealtrail.model.Severity;
import io.sealtrail.sources.SourceCheck;
import io.sealtrail.sources.ReadContext;
import io.sealtrail.sources.SourcePlan;
import io.sealtrail.sources.SourceVerification;
import io.sealtrail.sources.SourceVerificationJson;
import io.sealtrail.sources.cloudtrail.CloudTrailKeys;
import io.sealtrail.verify.bundle.BundleFormatException;
import io.sealtrail.verify.bundle.ReceivedFile;
import io.sealtrail.verify.merkle.Sha256;
import io.sealtrail.verify.note.NoteSigner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * Imports a source other than a bundle (docs/sources.md) exactly as {@link CaseImporter} imports a bundle: copy
 * into staging while hashing, verify the copy by the source's own evidence (CloudTrail's digest chain) or record
 * that it has none, read its records into an index, seal, move into place atomically, commit with a journal
 * entry that anchors the SHA-256 of every file. A malformed record is a finding with its file and line; the
 * others are imported. Nothing is left behind by a failure or a cancellation.
 */
public final class SourceImporter {
    /**
     * What the person may say about a source.
     *
     * @param format          a format name to skip detection, or null
     * @param cloudTrailKeys  the saved output of {@code aws cloudtrail list-public-keys}, or null
     * @param year            the year for timestamps without one (syslog), or null for the file's
     * @param zone            the zone for timestamps without one, or null for UTC
     * @param mapping         the mapping file for mapped JSON Lines / CSV, or null
     */
    public record Options(String format, Path cloudTrailKeys, Integer year, ZoneId zone, Path mapping) {
        public static final Options DEFAULT = new Options(null, null, null, null, null);
    }

    /** What one import did. */
    public record Result(ImportRecord record, SourceVerification verification, long malformed,
                         CaseImporter.Phases phases) {
    }

    /**
     * Whether a path is a source this importer takes rather than a bundle.
     *
     * @throws SourcePlan.UnrecognizedException when it is neither, naming a file with its size and SHA-256
     */
    public static boolean isSource(Path path, Options o) throws IOException {
        try {
            return SourcePlan.of(path, o.format()).kind() != SourcePlan.Kind.BUNDLE;
        } catch (SourcePlan.UnrecognizedException e) {
            throw new SourcePlan.UnrecognizedException(ReceivedFile.identified(path, e.reason()), e.advice(), e);
        }
    }

    public Result importSource(CaseFolder c, Path chosen, Options o, NoteSigner auditor, CaseImporter.Progress progress,
                               BooleanSupplier cancelled) throws IOException, BundleFormatException, IndexException {
        return importSource(c, chosen, o, auditor, progress, cancelled, io.sealtrail.index.IndexTap.NONE);
    }

    /** As above, showing every event to {@code tap} as it is indexed (an import that also sends it elsewhere). */
    public Result importSource(CaseFolder c, Path chosen, Options o, NoteSigner auditor, CaseImporter.Progress progress,
                               BooleanSupplier cancelled, io.sealtrail.index.IndexTap tap)
            throws IOException, BundleFormatException, IndexException {
        Path source = chosen.toAbsolutePath().normalize();
        if (!Files.exists(source)) {
            throw new BundleFormatException(chosen + ": no such file or directory");
        }
        if (source.startsWith(c.dir())) {
            throw new BundleFormatException(chosen + ": is inside the case already");
        }
        CloudTrailKeys keys = o.cloudTrailKeys() == null ? CloudTrailKeys.none() : CloudTrailKeys.read(o.cloudTrailKeys());
        c.journal().requireHolder(auditor);
        c.removeIncompleteImports();
        Path staging = c.newStaging();
        long start = System.nanoTime();
        try {
            progress.update("copying", 0, 1);
            String fileName = source.getFileName().toString();
            Path evidence = staging.resolve("evidence").resolve(fileName);
            Map<String, String> copied = new LinkedHashMap<>();
            CaseImporter.copyEvidence(source, evidence, "evidence/" + fileName, copied);
            // a file is named by its SHA-256; a folder by the SHA-256 of its listing in sha256sum's format
            String sourceSha = Files.isDirectory(source) ? sha256Listing(copied) : copied.get("evidence/" + fileName);
            CaseImporter.check(cancelled);
            long copyDone = System.nanoTime();

            progress.update("verifying", 0, 1);
            SourcePlan plan;
            try {
                plan = SourcePlan.of(evidence, o.format());
            } catch (SourcePlan.UnrecognizedException e) {
                throw new BundleFormatException(rename(e.getMessage(), evidence, source), e);
            }
            if (plan.kind() == SourcePlan.Kind.BUNDLE) {
                throw new BundleFormatException(chosen + ": is a Sealtrail bundle, not a source: import it as a bundle");
            }
            SourceVerification verification = SourceCheck.evidence(evidence, plan, keys);
            CaseImporter.check(cancelled);
            String sourceId = plan.formatName() + "-" + sourceSha.substring(0, 12);
            if (c.bundles().stream().anyMatch(r -> r.bundleId().equals(sourceId))) {
                throw new BundleFormatException(chosen + ": this source is already in the case as " + sourceId);
            }
            long verified = System.nanoTime();

            SourceCheck.Findings reading = new SourceCheck.Findings();
            SourceIndexBuilder.Result indexed = index(evidence, plan, verification, sourceId, sourceSha, o, reading,
                    staging.resolve(CaseFolder.INDEX), progress, cancelled, tap);
            verification = reading.addTo(verification);
            long malformed = reading.malformed();
            CaseImporter.check(cancelled);
            long indexDone = System.nanoTime();

            SourceVerificationJson.write(verification, staging.resolve("verification.json"));
            CaseFiles.makeReadOnly(staging.resolve("evidence"));
            List<ImportRecord.FileHash> hashes = new ArrayList<>();
            for (String f : CaseFiles.files(staging)) {
                Path p = staging.resolve(f);
                String sha = copied.get(f);
                hashes.add(new ImportRecord.FileHash(f, Files.size(p), sha != null ? sha : CaseFiles.hash(p)));
            }
            long size = 0; // bytes as received, of the file or of every file in the folder
            for (String f : copied.keySet()) {
                size += Files.size(staging.resolve(f));
            }
            ImportRecord record = new ImportRecord(sourceId, null, fileName, sourceSha, size,
                    verification.verdict().name(), c.clock().instant(), indexed.events(), hashes, plan.formatName());
            CaseImporter.commit(c, staging, record, Map.of("malformed", Long.toString(malformed),
                    "errors", Long.toString(verification.count(Severity.ERROR))), auditor, cancelled);
            progress.update("done", 1, 1);
            return new Result(record, verification, malformed, new CaseImporter.Phases(
                    Duration.ofNanos(copyDone - start), Duration.ofNanos(verified - copyDone),
                    Duration.ofNanos(indexDone - verified), Duration.ofNanos(System.nanoTime() - indexDone)));
        } finally {
            CaseFiles.deleteTree(staging);
        }
    }

    /** Indexes an imported source's evidence copy again, as its import did, into {@code target} ({@link ImportReplay}). */
    static void replay(Path evidence, ImportRecord r, Options o, Path target, CaseImporter.Progress progress,
                       BooleanSupplier cancelled, io.sealtrail.index.IndexTap tap)
            throws IOException, BundleFormatException, IndexException {
        CloudTrailKeys keys = o.cloudTrailKeys() == null ? CloudTrailKeys.none() : CloudTrailKeys.read(o.cloudTrailKeys());
        progress.update("verifying", 0, 1);
        SourcePlan plan;
        try {
            plan = SourcePlan.of(evidence, r.format());
        } catch (SourcePlan.UnrecognizedException e) {
            throw new BundleFormatException(e.getMessage(), e);
        }
        SourceVerification verification = SourceCheck.evidence(evidence, plan, keys);
        index(evidence, plan, verification, r.bundleId(), r.bundleSha256(), o, new SourceCheck.Findings(), target,
                progress, cancelled, tap);
    }

    /**
     * Reads and indexes a source's evidence into {@code target}: the import's indexing, and a replay of it from the
     * case's evidence copy ({@link ImportReplay}) alike, so that both give the very same events.
     *
     * @param reading collects what the reading found (malformed lines and the like)
     */
    static SourceIndexBuilder.Result index(Path evidence, SourcePlan plan, SourceVerification verification,
                                           String sourceId, String sourceSha, Options o, SourceCheck.Findings reading,
                                           Path target, CaseImporter.Progress progress, BooleanSupplier cancelled,
                                           io.sealtrail.index.IndexTap tap) throws IOException, IndexException {
        progress.update("indexing", 0, 1);
        Map<String, Integrity> integrity = new TreeMap<>();
        for (SourceVerification.FileEvidence f : verification.files()) {
            integrity.put(f.path(), SourceIndexBuilder.integrity(f.integrity()));
        }
        ReadContext context = new ReadContext(o.year(), o.zone(), o.mapping(), reading::note);
        return SourceIndexBuilder.build(sourceId, plan.formatName(), sourceSha,
                sink -> SourceCheck.read(evidence, plan, context, sink), integrity, reading, target,
                (done, total) -> progress.update("indexing", done, total), cancelled,
                Runtime.getRuntime().availableProcessors(), tap);
    }

    private static String rename(String message, Path copy, Path source) {
        return message.replace(copy.toString(), source.toString());
    }

    static String sha256Listing(Map<String, String> hashes) {
        MessageDigest sha = Sha256.newDigest();
        for (Map.Entry<String, String> e : new TreeMap<>(hashes).entrySet()) {
            sha.update((e.getValue() + "  " + e.getKey() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
