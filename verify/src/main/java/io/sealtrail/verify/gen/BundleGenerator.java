package io.sealtrail.verify.gen;

import io.sealtrail.model.AuditEvent;
import io.sealtrail.verify.BundleVerifier;
import io.sealtrail.verify.VerificationReport;
import io.sealtrail.verify.VerifyOptions;
import io.sealtrail.verify.bundle.BundleFormatException;
import io.sealtrail.verify.bundle.BundleWriter;
import io.sealtrail.verify.bundle.Manifest;
import io.sealtrail.verify.merkle.Sha256;
import io.sealtrail.verify.note.NoteSigner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.LongConsumer;

/**
 * Generates a realistic signed bundle from a seed: same seed, same options, byte-identical bundle.
 * Streams, so the event count is limited by disk, not memory.
 */
public final class BundleGenerator {
    public static final String DEFAULT_ORIGIN = "gateway.example.com/prod-audit";
    public static final Instant DEFAULT_START = Instant.parse("2026-03-02T06:00:00Z");

    /**
     * @param signer   the log's key; null derives one from the seed (reproducible, for tests and demos only)
     * @param previous an earlier export of the same log to continue, or null
     * @param timestamps who stamps the checkpoints, or null for none
     */
    public record Options(long events, long seed, String origin, NoteSigner signer, List<NoteSigner> cosigners,
                          Path previous, GeneratorTsa timestamps, long checkpointInterval, int segmentEvents,
                          Duration heartbeatInterval, Instant start, List<ActivitySimulator.Outage> outages) {
        public Options {
            if (events < 1) {
                throw new IllegalArgumentException("--events must be at least 1");
            }
            cosigners = List.copyOf(cosigners);
            outages = List.copyOf(outages);
        }

        public static Options defaults(long events, long seed) {
            return new Options(events, seed, DEFAULT_ORIGIN, null, List.of(), null, null, 10_000, 50_000,
                    Duration.ofSeconds(60), DEFAULT_START, List.of());
        }

        public Options withSigner(NoteSigner s) {
            return new Options(events, seed, origin, s, cosigners, previous, timestamps, checkpointInterval,
                    segmentEvents, heartbeatInterval, start, outages);
        }

        public Options withPrevious(Path p) {
            return new Options(events, seed, origin, signer, cosigners, p, timestamps, checkpointInterval,
                    segmentEvents, heartbeatInterval, start, outages);
        }

        public Options withTimestamps(GeneratorTsa t) {
            return new Options(events, seed, origin, signer, cosigners, previous, t, checkpointInterval,
                    segmentEvents, heartbeatInterval, start, outages);
        }

        public Options withOutages(List<ActivitySimulator.Outage> o) {
            return new Options(events, seed, origin, signer, cosigners, previous, timestamps, checkpointInterval,
                    segmentEvents, heartbeatInterval, start, o);
        }

        public Options withCosigners(List<NoteSigner> c) {
            return new Options(events, seed, origin, signer, c, previous, timestamps, checkpointInterval,
                    segmentEvents, heartbeatInterval, start, outages);
        }

        public Options withLayout(long checkpointEvery, int eventsPerSegment) {
            return new Options(events, seed, origin, signer, cosigners, previous, timestamps, checkpointEvery,
                    eventsPerSegment, heartbeatInterval, start, outages);
        }
    }

    /** The key a seed implies when no key is given. */
    public static NoteSigner seededSigner(String origin, long seed) {
        return NoteSigner.fromSeed(origin, sha256("sealtrail-gen-key:" + seed));
    }

    public Manifest generate(Path out, Options o, LongConsumer progress) throws IOException, BundleFormatException {
        NoteSigner signer = o.signer() != null ? o.signer() : seededSigner(o.origin(), o.seed());
        BundleWriter.Continuation continuation = null;
        Instant start = o.start();
        String origin = o.origin();
        if (o.previous() != null) {
            VerificationReport prev = new BundleVerifier().verify(o.previous(),
                    VerifyOptions.trusting(List.of(signer.verifierKey())));
            continuation = prev.continuation().orElseThrow(() -> new BundleFormatException(o.previous()
                    + ": the previous export has no readable manifest"));
            start = prev.tail().lastTime().plusSeconds(1);
            origin = prev.manifest().origin();
        }
        String bundleId = UUID.nameUUIDFromBytes(("sealtrail-gen:" + origin + ":" + o.seed() + ":"
                + (continuation == null ? 0 : continuation.tree().size())).getBytes(StandardCharsets.UTF_8)).toString();
        BundleWriter.Options wo = new BundleWriter.Options(origin, signer, o.cosigners(), o.checkpointInterval(),
                o.segmentEvents(), o.heartbeatInterval(), o.timestamps() == null ? null : o.timestamps().forLog(origin), continuation,
                bundleId, "sealtrail gen 0.1.0 (seed " + o.seed() + ")", null);
        ActivitySimulator sim = new ActivitySimulator(o.seed(), start, o.heartbeatInterval(),
                origin.substring(0, origin.indexOf('/') < 0 ? origin.length() : origin.indexOf('/')), o.outages());
        try (BundleWriter w = BundleWriter.create(out, wo)) {
            for (long i = 0; i < o.events(); i++) {
                AuditEvent e = sim.next();
                w.append(e);
                if ((i & 0xffff) == 0) {
                    progress.accept(i);
                }
            }
            Manifest m = w.finish();
            progress.accept(o.events());
            return m;
        }
    }

    static byte[] sha256(String s) {
        return Sha256.of(s.getBytes(StandardCharsets.UTF_8));
    }
}
