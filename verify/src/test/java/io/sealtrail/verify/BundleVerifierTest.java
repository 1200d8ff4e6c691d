package io.sealtrail.verify;

import static io.sealtrail.verify.conformance.ConformanceKit.SEG3;
import static io.sealtrail.verify.testing.Bundles.describe;
import static io.sealtrail.verify.testing.Bundles.findings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.model.Finding;
import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Location;
import io.sealtrail.model.Verdict;
import io.sealtrail.verify.bundle.Manifest;
import io.sealtrail.verify.conformance.ConformanceKit;
import io.sealtrail.verify.testing.KeyHolder;
import io.sealtrail.verify.testing.Tamper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The façade itself, on the conformance kit's PLAIN bundle: what it reads from the manifest before the
 * checks run (declared keys, the heartbeat limit), the time it reports, and how the event pass it runs
 * on its own thread ends, fails or is cancelled.
 */
class BundleVerifierTest {
    @TempDir
    static Path shared;
    static Path plain;

    @TempDir
    Path tmp;

    @BeforeAll
    static void generate() throws Exception {
        plain = ConformanceKit.generate(ConformanceKit.Base.PLAIN, shared.resolve("plain"));
    }

    private static VerifyOptions trusting() {
        return VerifyOptions.trusting(List.of(ConformanceKit.key().verifierKey()));
    }

    private static VerificationReport verify(Path bundle) throws Exception {
        return new BundleVerifier().verify(bundle, trusting());
    }

    @Test
    void aDeclaredKeyThatIsNoVerifierKeyMakesTheManifestInvalid() throws Exception {
        Path b = Tamper.copyOf(plain, tmp.resolve("b")).dir();
        KeyHolder.manifest(b, ConformanceKit.key(), m -> ConformanceKit.withKeys(m, List.of(m.keys().get(0), "not-a-key")));

        VerificationReport r = verify(b);

        assertThat(findings(r, FindingCode.MANIFEST_INVALID)).as(describe(r)).singleElement().satisfies(f -> {
            assertThat(f.location()).isEqualTo(Location.file(Manifest.MANIFEST));
            assertThat(f.message()).startsWith("keys holds an invalid verifier key: ");
        });
        assertThat(r.verdict()).isEqualTo(Verdict.INTEGRITY_FAILURE);
    }

    @Test
    void theReportedTimeIsTheTimeTheVerificationTook() throws Exception {
        long before = System.nanoTime();
        VerificationReport r = verify(plain);
        Duration took = Duration.ofNanos(System.nanoTime() - before);

        assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.VERIFIED);
        assertThat(r.elapsed()).isPositive().isLessThanOrEqualTo(took);
    }

    @Test
    void aManifestThatDoesNotParseStillReportsTheTimeItTook() throws Exception {
        Path b = ConformanceKit.build(ConformanceKit.named("manifest-invalid"), tmp.resolve("invalid"));
        long before = System.nanoTime();
        VerificationReport r = verify(b);
        Duration took = Duration.ofNanos(System.nanoTime() - before);

        assertThat(r.manifest()).isNull();
        assertThat(r.elapsed()).isPositive().isLessThanOrEqualTo(took);
    }

    @Test
    void theEventsAreReadOnADaemonThreadSoAnAbandonedVerificationNeverKeepsTheProgramAlive() throws Exception {
        AtomicReference<Thread> reader = new AtomicReference<>();

        new BundleVerifier().verify(plain, trusting(), (done, total) -> reader.set(Thread.currentThread()));

        assertThat(reader.get().getName()).isEqualTo("sealtrail-verify-events");
        assertThat(reader.get().isDaemon()).isTrue();
    }

    @Test
    void anUncheckedExceptionInTheEventPassReachesTheCallerAsItIs() {
        UnsupportedOperationException failure = new UnsupportedOperationException("progress listener failed");

        assertThatThrownBy(() -> new BundleVerifier().verify(plain, trusting(), (done, total) -> {
            throw failure;
        })).isSameAs(failure);
    }

    @Test
    void interruptingTheCallerCancelsTheVerificationAndStopsTheEventPass() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch passInterrupted = new CountDownLatch(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean callerStillInterrupted = new AtomicBoolean();
        BundleVerifier.Progress stalls = (done, total) -> {
            reading.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                passInterrupted.countDown();
            }
        };
        Thread caller = new Thread(() -> {
            try {
                new BundleVerifier().verify(plain, trusting(), stalls);
            } catch (Throwable e) {
                thrown.set(e);
                callerStillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        caller.start();
        reading.await();
        while (caller.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }

        caller.interrupt();
        caller.join(10_000);

        assertThat(thrown.get()).isInstanceOf(CancellationException.class).hasMessage("verification cancelled");
        assertThat(callerStillInterrupted).isTrue();
        assertThat(passInterrupted.await(10, TimeUnit.SECONDS)).as("the event pass was interrupted").isTrue();
    }

    /**
     * The heartbeat limit is one and a half intervals: 90 s for 60 s, 91.5 s for 61 s, none for 0. The last
     * heartbeat is seq 3 at 06:01:00; seq 5, made an ordinary event at {@code lastTime}, ends the events.
     */
    @ParameterizedTest
    @CsvSource({"60, 2026-03-02T06:02:30.000001Z, 1", "61, 2026-03-02T06:02:31.4Z, 0", "61, 2026-03-02T06:02:31.6Z, 1",
            "0, 2026-03-02T07:30:00Z, 0"})
    void theHeartbeatLimitIsOneAndAHalfIntervals(long interval, String lastTime, int gaps) throws Exception {
        Tamper t = Tamper.copyOf(plain, tmp.resolve("b")).editLine(SEG3, 3, l -> l.replace("\"log.heartbeat\"", "\"command\""));
        ConformanceKit.setTime(t, SEG3, 3, lastTime);
        KeyHolder.events(t.dir(), ConformanceKit.key());
        KeyHolder.manifest(t.dir(), ConformanceKit.key(), m -> new Manifest(m.formatVersion(), m.origin(), m.bundleId(),
                m.created(), m.producer(), m.timeFrom(), Instant.parse(lastTime), m.start(), m.end(), interval,
                m.checkpointInterval(), m.keys(), m.previous(), m.compactRange(), m.finalCheckpoint(), m.files()));

        VerificationReport r = verify(t.dir());

        assertThat(findings(r, FindingCode.HEARTBEAT_GAP)).as(describe(r)).hasSize(gaps);
        assertThat(r.findings()).as(describe(r)).extracting(Finding::code)
                .isSubsetOf(FindingCode.HEARTBEAT_GAP, FindingCode.HEARTBEAT_NOT_DECLARED);
    }
}
