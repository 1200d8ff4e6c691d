package io.sealtrail.verify;

import io.sealtrail.model.Finding;
import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Location;
import io.sealtrail.model.Severity;
import io.sealtrail.model.Verdict;
import io.sealtrail.verify.bundle.BundleFormatException;
import io.sealtrail.verify.bundle.ReceivedFile;
import io.sealtrail.verify.bundle.BundleSource;
import io.sealtrail.verify.bundle.Manifest;
import io.sealtrail.verify.bundle.ManifestCodec;
import io.sealtrail.verify.merkle.CompactRange;
import io.sealtrail.verify.note.NoteFormatException;
import io.sealtrail.verify.note.VerifierKey;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Verifies a bundle completely and reports every finding (docs/bundle-format.md, "Verification").
 * One check per concern — file inventory, checkpoints, signatures and trust, timestamps, continuity,
 * events with their chain and tree, forks — all of which always run; nothing stops at the first failure.
 * Each returns its own immutable result with its own findings, and this façade merges them into the
 * report (docs/decisions/0013). Event segments are read once, in parallel, and never written.
 * Stateless and thread-safe.
 */
public final class BundleVerifier {

    /** Reports progress in bytes of event data read; called from one thread at a time. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> { };

        void update(long done, long total);
    }

    /** The checks a verification runs; each is stateless, so one set serves every verification at once. */
    record Checks(FileInventory inventory, CheckpointChecks checkpoints, SignatureChecks signatures,
                  TimestampChecks timestamps, ContinuityChecks continuity, ForkChecks forks) {

        static Checks standard() {
            return new Checks(new FileInventory(), new CheckpointChecks(), new SignatureChecks(),
                    new TimestampChecks(), new ContinuityChecks(), new ForkChecks());
        }
    }

    private final Checks checks;

    public BundleVerifier() {
        this(Checks.standard());
    }

    BundleVerifier(Checks checks) {
        this.checks = checks;
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
            throw new BundleFormatException(ReceivedFile.identified(bundle, bundle + ": " + e.getMessage()), e);
        } catch (BundleFormatException e) {
            // a file refused as a bundle is named with what identifies it, for whoever sent it or records it
            String named = ReceivedFile.identified(bundle, e.getMessage());
            if (java.util.Objects.equals(named, e.getMessage())) {
                throw e;
            }
            throw new BundleFormatException(named, e);
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
        // Only this thread writes here; the checks hand over their findings in their results.
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
        FileInventory.Result inventory = checks.inventory().check(source, m);
        findings.absorb(inventory.findings());
        Map<String, byte[]> files = inventory.files();
        CheckpointChecks.Result checkpoints = checks.checkpoints().check(m, files);
        findings.absorb(checkpoints.findings());
        NavigableMap<Long, CheckpointFile> bySize = checkpoints.bySize();
        CompactRange startTree = ChainAssembler.startTree(m, findings);
        byte[] prevEntry = m.previous() != null ? HexFormat.of().parseHex(m.previous().lastEntryHash())
                : m.start() == 0 ? new byte[32] : null;
        NavigableSet<Long> probeSizes = checks.forks().probeSizes(m, options.seen());
        EventPass pass = new EventPass(source, m, heartbeatLimit(m), options.threads(), progress);

        // The event pass (nearly all the work) starts now; signatures, timestamps and continuity are
        // checked meanwhile on this thread. Both only read what was settled above, and each returns its
        // own result, which this thread merges once the pass has ended.
        CompactRange passStart = startTree.copy(); // the fork checks read the start tree after the pass
        FutureTask<EventPass.Result> events = new FutureTask<>(
                () -> pass.run(passStart, prevEntry, bySize, probeSizes));
        Thread eventThread = new Thread(events, "sealtrail-verify-events");
        eventThread.setDaemon(true);
        eventThread.start();
        SignatureChecks.Result signatures = checks.signatures().check(source, m, manifestBytes, declared,
                options.trustedKeys(), bySize, files);
        TimestampChecks.Result timestamps = checks.timestamps().check(m, files, bySize, options.trustedTsaRoots());
        FindingCollector.Collected continuity = checks.continuity().check(m, options.previous(),
                previous -> verify(previous, options.withPrevious(null)));
        EventPass.Result eventResult = await(events, eventThread);
        // In a fixed order, so which findings of a code are kept (the cap) never depends on which side ended first.
        findings.absorb(signatures.findings());
        findings.absorb(timestamps.findings());
        findings.absorb(continuity);
        findings.absorb(eventResult.findings());

        ChainAssembler.Result chain = eventResult.chain();
        long end = chain.tail().treeSize();
        if (end != m.end()) {
            findings.add(Finding.mismatch(FindingCode.RANGE_MISMATCH, Location.BUNDLE,
                    "the events end before or after the manifest's leaf range [" + m.start() + ", " + m.end()
                            + "): end", Long.toString(m.end()), Long.toString(end)));
        }
        NavigableMap<Long, CheckpointChecks.Outcome> outcomes = checks.checkpoints().outcomes(bySize, signatures,
                timestamps, chain);
        findings.absorb(checks.checkpoints().coverage(m, outcomes, end));
        findings.absorb(checks.forks().check(m, options.seen(), startTree, outcomes, chain.probed()));

        List<Finding> sorted = findings.sorted();
        boolean errors = sorted.stream().anyMatch(f -> f.severity() == Severity.ERROR);
        Verdict verdict = errors ? Verdict.INTEGRITY_FAILURE
                : signatures.trusted() ? Verdict.VERIFIED : Verdict.INTACT_UNTRUSTED;
        return new VerificationReport(name, m, verdict, eventResult.events(), eventResult.segments(),
                eventResult.bytes(), CheckpointChecks.summaries(outcomes), signatures.keySummaries(), sorted,
                chain.tail(), Duration.ofNanos(System.nanoTime() - t0));
    }

    private static EventPass.Result await(FutureTask<EventPass.Result> events, Thread thread) {
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
}
