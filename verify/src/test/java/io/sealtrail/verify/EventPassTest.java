package io.sealtrail.verify;

import static io.sealtrail.verify.conformance.ConformanceKit.SEG0;
import static io.sealtrail.verify.conformance.ConformanceKit.SEG3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.model.Finding;
import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Location;
import io.sealtrail.verify.bundle.BundleSource;
import io.sealtrail.verify.bundle.Manifest;
import io.sealtrail.verify.bundle.ManifestCodec;
import io.sealtrail.verify.conformance.ConformanceKit;
import io.sealtrail.verify.merkle.CompactRange;
import io.sealtrail.verify.testing.Tamper;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event pass on the conformance kit's PLAIN bundle (two segments of three events), read through a
 * bundle source that a test can make fail or stall: what it counts, the progress it reports, and what
 * a segment that cannot be read, a scan that fails and a cancelled verification do.
 */
class EventPassTest {
    @TempDir
    static Path shared;
    static Path plain;
    static Manifest manifest;

    @TempDir
    Path tmp;

    @BeforeAll
    static void generate() throws Exception {
        plain = ConformanceKit.generate(ConformanceKit.Base.PLAIN, shared.resolve("plain"));
        manifest = ManifestCodec.read(Files.readAllBytes(plain.resolve(Manifest.MANIFEST)));
    }

    /** Opens the bundle's files through {@code open}, which may fail or stall one of them. */
    private interface Opener {
        InputStream open(BundleSource real, String path) throws IOException;
    }

    private static BundleSource through(BundleSource real, Opener opener) {
        return new BundleSource() {
            @Override
            public String displayName() {
                return real.displayName();
            }

            @Override
            public List<String> paths() {
                return real.paths();
            }

            @Override
            public boolean exists(String path) {
                return real.exists(path);
            }

            @Override
            public long declaredSize(String path) {
                return real.declaredSize(path);
            }

            @Override
            public InputStream open(String path) throws IOException {
                return opener.open(real, path);
            }

            @Override
            public void close() throws IOException {
                real.close();
            }
        };
    }

    private static EventPass.Result run(BundleSource source, int threads, BundleVerifier.Progress progress) {
        return new EventPass(source, manifest, Duration.ofSeconds(90), threads, progress)
                .run(CompactRange.empty(), new byte[32], new TreeMap<>(), new TreeSet<>());
    }

    private static long size(String path) {
        return manifest.file(path).orElseThrow().size();
    }

    @Test
    void everySegmentIsReadOnceAndProgressCountsItsBytes() throws Exception {
        List<long[]> progress = new ArrayList<>();
        EventPass.Result r;
        try (BundleSource source = BundleSource.open(plain)) {
            r = run(source, 2, (done, total) -> progress.add(new long[] {done, total}));
        }

        long total = size(SEG0) + size(SEG3);
        assertThat(r.findings().kept()).isEmpty();
        assertThat(r.events()).isEqualTo(6);
        assertThat(r.segments()).isEqualTo(2);
        assertThat(r.bytes()).isEqualTo(total);
        assertThat(r.chain().tail().treeSize()).isEqualTo(6);
        assertThat(progress).containsExactly(new long[] {size(SEG0), total}, new long[] {total, total});
    }

    @Test
    void aListedSegmentThatIsNotInTheBundleIsNotRead() throws Exception {
        Path bundle = Tamper.copyOf(plain, tmp.resolve("b")).dropFile(SEG3).dir();
        List<String> opened = new CopyOnWriteArrayList<>();
        EventPass.Result r;
        try (BundleSource source = through(BundleSource.open(bundle), (real, path) -> {
            opened.add(path);
            return real.open(path);
        })) {
            r = run(source, 1, BundleVerifier.Progress.NONE);
        }

        // the file inventory reports it missing; the event pass neither reads it nor counts it
        assertThat(opened).containsExactly(SEG0);
        assertThat(r.segments()).isEqualTo(1);
        assertThat(r.events()).isEqualTo(3);
        assertThat(r.bytes()).isEqualTo(size(SEG0));
        assertThat(r.findings().kept()).isEmpty();
    }

    @Test
    void aSegmentThatCannotBeReadToTheEndIsAHashMismatchAndTheNextIsStillRead() throws Exception {
        EventPass.Result r;
        try (BundleSource source = through(BundleSource.open(plain), (real, path) -> !path.equals(SEG0)
                ? real.open(path)
                : new FilterInputStream(real.open(path)) {
                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        throw new IOException("invalid stored block lengths");
                    }
                })) {
            r = run(source, 1, BundleVerifier.Progress.NONE);
        }

        List<Finding> hash = r.findings().kept().stream().filter(f -> f.code() == FindingCode.FILE_HASH_MISMATCH).toList();
        assertThat(hash).singleElement().satisfies(f -> {
            assertThat(f.location()).isEqualTo(Location.file(SEG0));
            assertThat(f.message()).isEqualTo("cannot be read to the end: invalid stored block lengths");
        });
        assertThat(r.events()).isEqualTo(3);
        assertThat(r.bytes()).isEqualTo(size(SEG3));
    }

    @Test
    void aScanThatFailsOtherwiseFailsThePassNamingTheSegment() throws Exception {
        ArithmeticException bug = new ArithmeticException("a bug in a reader");
        try (BundleSource source = through(BundleSource.open(plain), (real, path) -> {
            throw bug;
        })) {
            assertThatThrownBy(() -> run(source, 1, BundleVerifier.Progress.NONE))
                    .isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessage("scanning " + SEG0 + " failed")
                    .hasCause(bug);
        }
    }

    @Test
    void segmentsAreScannedOnDaemonThreadsSoAStalledReadNeverKeepsTheProgramAlive() throws Exception {
        List<Boolean> daemon = new CopyOnWriteArrayList<>();
        try (BundleSource source = through(BundleSource.open(plain), (real, path) -> {
            daemon.add(Thread.currentThread().isDaemon());
            assertThat(Thread.currentThread().getName()).startsWith("sealtrail-verify-");
            return real.open(path);
        })) {
            run(source, 2, BundleVerifier.Progress.NONE);
        }

        assertThat(daemon).containsExactly(true, true);
    }

    @Test
    void interruptingThePassCancelsItAndLeavesTheThreadInterrupted() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        try (BundleSource source = through(BundleSource.open(plain), (real, path) -> {
            reading.countDown();
            try {
                never.await();
            } catch (InterruptedException e) {
                throw new InterruptedIOException("stopped");
            }
            return real.open(path);
        })) {
            Thread verifying = new Thread(() -> {
                try {
                    run(source, 1, BundleVerifier.Progress.NONE);
                } catch (Throwable e) {
                    thrown.set(e);
                    stillInterrupted.set(Thread.currentThread().isInterrupted());
                }
            });
            verifying.start();
            reading.await();
            while (verifying.getState() != Thread.State.WAITING) {
                Thread.onSpinWait();
            }
            verifying.interrupt();
            verifying.join(10_000);
        }

        assertThat(thrown.get()).isInstanceOf(CancellationException.class).hasMessage("verification cancelled");
        assertThat(stillInterrupted).isTrue();
    }
}
