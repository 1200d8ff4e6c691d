package io.sealtrail.verify;

import io.sealtrail.model.Finding;
import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Location;
import io.sealtrail.model.Severity;
import io.sealtrail.model.Verdict;
import io.sealtrail.verify.bundle.BundleFormatException;
import io.sealtrail.verify.bundle.BundleSource;
import io.sealtrail.verify.bundle.Manifest;
import io.sealtrail.verify.bundle.ManifestCodec;
import io.sealtrail.verify.bundle.ManifestSignature;
import io.sealtrail.verify.event.EventLineParser;
import io.sealtrail.verify.merkle.CompactRange;
import io.sealtrail.verify.note.Checkpoint;
import io.sealtrail.verify.note.NoteFormatException;
import io.sealtrail.verify.note.SignedNote;
import io.sealtrail.verify.note.VerifierKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Verifies a bundle completely and reports every finding (docs/bundle-format.md, "Verification").
 * One verifier per concern — file inventory, signatures and trust, checkpoints, timestamps, continuity,
 * events — all of which always run; nothing stops at the first failure. Event segments are read once,
 * in parallel, and never written. Stateless and thread-safe.
 */
public final class BundleVerifier {

    /** Reports progress in bytes of event data read; called from one thread at a time. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> { };

        void update(long done, long total);
    }

    public VerificationReport verify(Path bundle, VerifyOptions options) throws BundleFormatException {
        return verify(bundle, options, Progress.NONE);
    }

    /**
     * @throws BundleFormatException the input is not a readable bundle at all (exit code 2)
     */
    public VerificationReport verify(Path bundle, VerifyOptions options, Progress progress) throws BundleFormatException {
        long t0 = System.nanoTime();
        try (BundleSource source = BundleSource.open(bundle)) {
            return verify(source, options, progress, t0);
        } catch (IOException e) {
            throw new BundleFormatException(bundle + ": " + e.getMessage(), e);
        }
    }

    private VerificationReport verify(BundleSource source, VerifyOptions options, Progress progress, long t0)
            throws BundleFormatException {
        String name = source.displayName();
        if (!source.exists(Manifest.MANIFEST)) {
            throw new BundleFormatException(name + ": manifest.json is missing, so this is not a Sealtrail bundle");
        }
        byte[] manifestBytes;
        try {
            manifestBytes = source.readSmall(Manifest.MANIFEST, BundleSource.MAX_SMALL_FILE);
        } catch (IOException e) {
            throw new BundleFormatException(name + ": manifest.json cannot be read (" + e.getMessage() + ")", e);
        }
        FindingCollector findings = new FindingCollector();
        Manifest m;
        try {
            m = ManifestCodec.read(manifestBytes);
        } catch (ManifestCodec.ManifestException e) {
            findings.add(FindingCode.MANIFEST_INVALID, Location.file(Manifest.MANIFEST), e.getMessage());
            return new VerificationReport(name, null, Verdict.INTEGRITY_FAILURE, 0, 0, 0, List.of(), List.of(),
                    findings.sorted(), null, Duration.ofNanos(System.nanoTime() - t0));
        }
        List<VerifierKey> declared = new ArrayList<>();
        for (String k : m.keys()) {
            try {
                declared.add(VerifierKey.parse(k));
            } catch (NoteFormatException e) {
                findings.add(FindingCode.MANIFEST_INVALID, Location.file(Manifest.MANIFEST),
                        "keys holds an invalid verifier key: " + e.getMessage());
            }
        }
        Map<String, byte[]> files = new FileInventory().check(source, m, findings);
        NavigableMap<Long, CheckpointFile> checkpoints = checkpoints(m, files, findings);
        CompactRange startTree = startTree(m, findings);
        byte[] prevEntry = m.previous() != null ? HexFormat.of().parseHex(m.previous().lastEntryHash())
                : m.start() == 0 ? new byte[32] : null;
        Duration heartbeatLimit = heartbeatLimit(m);
        ForkChecks forks = new ForkChecks(m, options.seen());
        ChainAssembler chain = new ChainAssembler(findings, startTree, prevEntry, checkpoints, heartbeatLimit,
                forks.probeSizes());
        EventPass pass = new EventPass(source, m, findings, heartbeatLimit, options.threads(), progress);

        // The event pass (nearly all the work) starts now; signatures, timestamps and continuity are
        // checked meanwhile on this thread. Checkpoint roots are compared by the pass, signers by us.
        FutureTask<EventPass.Totals> events = new FutureTask<>(() -> {
            EventPass.Totals t = pass.run(chain);
            chain.finish();
            return t;
        });
        Thread eventThread = new Thread(events, "sealtrail-verify-events");
        eventThread.setDaemon(true);
        eventThread.start();
        SignatureChecks signatures = new SignatureChecks(m.origin(), declared, options.trustedKeys());
        checkManifestSignature(source, m, manifestBytes, signatures, findings);
        sign(checkpoints, files, signatures, findings);
        declaredIntervals(m, checkpoints, findings);
        new TimestampChecks(options.trustedTsaRoots()).check(m, files, checkpoints, findings);
        new ContinuityChecks(this, options).check(m, findings);
        EventPass.Totals totals = await(events, eventThread);
        long end = chain.tree().size();
        if (end != m.end()) {
            findings.add(Finding.mismatch(FindingCode.RANGE_MISMATCH, Location.BUNDLE,
                    "the events end before or after the manifest's leaf range [" + m.start() + ", " + m.end()
                            + "): end", Long.toString(m.end()), Long.toString(end)));
        }
        coverage(m, checkpoints, end, findings);
        forks.check(startTree, checkpoints, chain.probed(), findings);
        boolean trusted = signatures.conclude(findings);

        List<Finding> sorted = findings.sorted();
        boolean errors = sorted.stream().anyMatch(f -> f.severity() == Severity.ERROR);
        Verdict verdict = errors ? Verdict.INTEGRITY_FAILURE : trusted ? Verdict.VERIFIED : Verdict.INTACT_UNTRUSTED;
        CompactRange tree = chain.tree();
        byte[] last = chain.lastLeaf();
        VerificationReport.Tail tail = new VerificationReport.Tail(tree.size(), tree.hashes(), tree.root(),
                last == null ? EventLineParser.zeroHash() : HexFormat.of().formatHex(last), chain.lastTime());
        return new VerificationReport(name, m, verdict, totals.events(), totals.segments(), totals.bytes(),
                summaries(checkpoints), keySummaries(declared, options.trustedKeys(), signatures), sorted, tail,
                Duration.ofNanos(System.nanoTime() - t0));
    }

    private static void checkManifestSignature(BundleSource source, Manifest m, byte[] manifestBytes,
                                               SignatureChecks signatures, FindingCollector findings) {
        Location at = Location.file(Manifest.MANIFEST_SIG);
        if (!source.exists(Manifest.MANIFEST_SIG)) {
            findings.add(FindingCode.MANIFEST_SIGNATURE_MISSING, at, "manifest.sig is missing");
            return;
        }
        byte[] sig;
        try {
            sig = source.readSmall(Manifest.MANIFEST_SIG, 1 << 20);
        } catch (IOException e) {
            findings.add(FindingCode.MANIFEST_SIGNATURE_INVALID, at, "cannot be read: " + e.getMessage());
            return;
        }
        SignatureChecks.NoteResult r = signatures.check(Manifest.MANIFEST_SIG, sig,
                FindingCode.MANIFEST_SIGNATURE_INVALID, FindingCode.MANIFEST_SIGNATURE_INVALID,
                FindingCode.MANIFEST_SIGNATURE_INVALID, findings);
        if (r == null) {
            return;
        }
        String expected = ManifestSignature.text(m.origin(), m.bundleId(), sha256().digest(manifestBytes));
        if (!r.note().text().equals(expected)) {
            findings.add(Finding.mismatch(FindingCode.MANIFEST_SIGNATURE_INVALID, at,
                    "the signed note does not name this manifest: signed text",
                    expected.strip().replace('\n', ' '), r.note().text().strip().replace('\n', ' ')));
        }
    }

    private static EventPass.Totals await(FutureTask<EventPass.Totals> events, Thread thread) {
        try {
            return events.get();
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("verification cancelled");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("the event pass failed", e.getCause());
        }
    }

    /** Verifies each checkpoint's signatures; the files were parsed and checked for shape before. */
    private static void sign(NavigableMap<Long, CheckpointFile> checkpoints, Map<String, byte[]> files,
                             SignatureChecks signatures, FindingCollector findings) {
        Map<String, CheckpointFile> byPath = new java.util.HashMap<>();
        checkpoints.values().forEach(c -> byPath.put(c.path(), c));
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            CheckpointFile cp = byPath.get(f.getKey());
            if (cp == null) {
                continue; // malformed, foreign or out of range: already reported
            }
            SignatureChecks.NoteResult r = signatures.check(f.getKey(), f.getValue(), FindingCode.CHECKPOINT_MALFORMED,
                    FindingCode.CHECKPOINT_SIGNATURE_INVALID, FindingCode.CHECKPOINT_UNSIGNED, findings);
            if (r != null) {
                cp.signedBy.addAll(r.signedBy());
                cp.trusted = r.trusted();
            }
        }
    }

    /** Parses every checkpoint file and checks its shape; signatures are checked by {@link #sign}. */
    private static NavigableMap<Long, CheckpointFile> checkpoints(Manifest m, Map<String, byte[]> files,
                                                                  FindingCollector findings) {
        NavigableMap<Long, CheckpointFile> bySize = new TreeMap<>();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            String path = f.getKey();
            if (!path.startsWith(Manifest.CHECKPOINTS_DIR)) {
                continue;
            }
            Checkpoint cp;
            try {
                cp = Checkpoint.parse(SignedNote.parse(f.getValue()).text());
            } catch (NoteFormatException e) {
                findings.add(FindingCode.CHECKPOINT_MALFORMED, Location.file(path), e.getMessage());
                continue;
            }
            Location at = Location.file(path);
            if (!cp.origin().equals(m.origin())) {
                findings.add(Finding.mismatch(FindingCode.CHECKPOINT_ORIGIN_MISMATCH, at, "origin", m.origin(), cp.origin()));
                continue;
            }
            if (!path.equals(Manifest.CHECKPOINTS_DIR + cp.size() + ".checkpoint")) {
                findings.add(FindingCode.CHECKPOINT_MALFORMED, at, "the file name does not match the tree size "
                        + cp.size() + " inside it");
            }
            if (cp.size() <= m.start() || cp.size() > m.end()) {
                findings.add(FindingCode.CHECKPOINT_OUT_OF_RANGE, at, "tree size " + cp.size()
                        + " lies outside the bundle's leaf range (" + m.start() + ", " + m.end() + "]");
                continue;
            }
            CheckpointFile file = new CheckpointFile(path, cp.size(), cp.rootHash(), f.getValue());
            CheckpointFile other = bySize.putIfAbsent(cp.size(), file);
            if (other != null && !Arrays.equals(other.rootHash(), cp.rootHash())) {
                findings.add(FindingCode.CHECKPOINT_INCONSISTENT, at, "tree size " + cp.size()
                        + " is also signed with another root in " + other.path() + ": the log showed two histories");
            }
        }
        Manifest.TreeHead fin = m.finalCheckpoint();
        CheckpointFile last = bySize.get(fin.treeSize());
        if (last == null) {
            findings.add(FindingCode.CHECKPOINT_FINAL_MISSING, Location.file(Manifest.CHECKPOINTS_DIR + fin.treeSize()
                    + ".checkpoint"), "the manifest's final checkpoint (tree size " + fin.treeSize()
                    + ") is not among the bundle's valid checkpoints");
        } else if (!Arrays.equals(last.rootHash(), fin.rootHash())) {
            // manifest.sig and the checkpoint are both signed by the log: two roots for one tree size.
            findings.add(Finding.mismatch(FindingCode.CHECKPOINT_INCONSISTENT, Location.file(last.path()),
                    "the manifest's final_checkpoint and this checkpoint name different roots for tree size "
                            + fin.treeSize() + ": root", ChainAssembler.b64(fin.rootHash()),
                    ChainAssembler.b64(last.rootHash())));
        }
        if (fin.treeSize() != m.end()) {
            findings.add(Finding.mismatch(FindingCode.RANGE_MISMATCH, Location.file(Manifest.MANIFEST),
                    "the final checkpoint does not end the leaf range: tree size", Long.toString(m.end()),
                    Long.toString(fin.treeSize())));
        }
        return bySize;
    }

    /** The tree at the bundle's start, from the manifest's compact range. */
    private static CompactRange startTree(Manifest m, FindingCollector findings) {
        CompactRange tree;
        try {
            tree = CompactRange.of(m.start(), m.compactRange());
        } catch (IllegalArgumentException e) {
            findings.add(FindingCode.COMPACT_RANGE_INVALID, Location.file(Manifest.MANIFEST),
                    "compact_range does not fit a tree of size " + m.start() + ": " + e.getMessage());
            return CompactRange.empty();
        }
        if (m.previous() != null) {
            if (m.previous().treeSize() != m.start()) {
                findings.add(Finding.mismatch(FindingCode.COMPACT_RANGE_INVALID, Location.file(Manifest.MANIFEST),
                        "previous.tree_size must equal leaf_range.start", Long.toString(m.start()),
                        Long.toString(m.previous().treeSize())));
            } else if (!Arrays.equals(tree.root(), m.previous().rootHash())) {
                findings.add(Finding.mismatch(FindingCode.COMPACT_RANGE_INVALID, Location.file(Manifest.MANIFEST),
                        "root of the compact range (previous export's root)", ChainAssembler.b64(m.previous().rootHash()),
                        ChainAssembler.b64(tree.root())));
            }
        }
        return tree;
    }

    /** Events after the last checkpoint whose root the events reproduce are covered by no signature. */
    private static void coverage(Manifest m, NavigableMap<Long, CheckpointFile> checkpoints, long end,
                                 FindingCollector findings) {
        long covered = checkpoints.values().stream()
                .filter(c -> (c.rootVerified || c.rootVerifiedWithAlterations) && !c.signedBy.isEmpty())
                .mapToLong(CheckpointFile::size).max().orElse(m.start());
        if (end > covered) {
            findings.add(FindingCode.EVENTS_NOT_COVERED, Location.seq(covered),
                    (end - covered) + " event(s) from seq " + covered + " to " + (end - 1)
                            + " are covered by no valid signed checkpoint");
        }
    }

    /**
     * One and a half intervals: tolerates jitter, never a missed beat. Interval 0 declares no heartbeats,
     * so no limit; nor is there one for an interval so long that no two times of the grammar (years
     * 0000 to 9999) lie further apart, which also keeps a hostile value from overflowing.
     */
    private static Duration heartbeatLimit(Manifest m) {
        long s = m.heartbeatIntervalSeconds();
        if (s == 0 || s > Long.MAX_VALUE / 2) {
            return Duration.ofSeconds(Long.MAX_VALUE);
        }
        return Duration.ofSeconds(s + s / 2, s % 2 == 0 ? 0 : 500_000_000);
    }

    /**
     * Heartbeat and checkpoint promises. The promised checkpoints are counted, not enumerated: a hostile
     * manifest may promise one per leaf of a range of 2^62 leaves.
     */
    private static void declaredIntervals(Manifest m, NavigableMap<Long, CheckpointFile> checkpoints,
                                          FindingCollector findings) {
        if (m.heartbeatIntervalSeconds() == 0) {
            findings.add(FindingCode.HEARTBEAT_NOT_DECLARED, Location.file(Manifest.MANIFEST),
                    "heartbeat_interval_seconds is 0: gaps in the log cannot be detected");
        }
        long every = m.checkpointInterval();
        if (every == 0) {
            return;
        }
        // Multiples strictly inside (start, end): the end has the final checkpoint, whatever the interval.
        long base = m.start() - m.start() % every;
        if (base >= m.end() - every) {
            return; // no multiple after start lies before end (and base + every cannot overflow below)
        }
        long promised = (m.end() - 1) / every - m.start() / every;
        long present = checkpoints.subMap(m.start(), false, m.end(), false).keySet().stream()
                .filter(size -> size % every == 0).count();
        long missing = promised - present;
        if (missing > 0) {
            long first = base + every;
            while (checkpoints.containsKey(first)) { // at most one step per present checkpoint
                first += every;
            }
            findings.add(FindingCode.CHECKPOINT_MISSING, Location.file(Manifest.CHECKPOINTS_DIR + first + ".checkpoint"),
                    missing + " checkpoint(s) promised by checkpoint_interval " + every + " are missing, the first at"
                            + " tree size " + first + "; events are then covered only by a later checkpoint");
        }
    }

    private static List<VerificationReport.CheckpointSummary> summaries(NavigableMap<Long, CheckpointFile> cps) {
        List<VerificationReport.CheckpointSummary> out = new ArrayList<>();
        for (CheckpointFile c : cps.values()) {
            out.add(new VerificationReport.CheckpointSummary(c.path(), c.size(), ChainAssembler.b64(c.rootHash()),
                    c.rootVerified, c.rootVerifiedWithAlterations, c.signedBy.stream().map(SignatureChecks::describe).toList(), c.trusted,
                    c.timestamp, c.timestampAuthority, c.timestampTrusted));
        }
        return out;
    }

    private static List<VerificationReport.KeySummary> keySummaries(List<VerifierKey> declared, List<VerifierKey> trusted,
                                                                    SignatureChecks signatures) {
        Map<VerifierKey, Boolean> keys = new LinkedHashMap<>();
        declared.forEach(k -> keys.put(k, true));
        signatures.usedKeys.forEach(k -> keys.putIfAbsent(k, false));
        List<VerificationReport.KeySummary> out = new ArrayList<>();
        for (VerifierKey k : keys.keySet()) {
            out.add(new VerificationReport.KeySummary(k.name(), String.format("%08x", k.keyId()), k.fingerprint(),
                    k.encode(), signatures.declares(k), trusted.contains(k), signatures.usedKeys.contains(k)));
        }
        return out;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
