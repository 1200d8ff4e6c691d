package io.sealtrail.index;

import io.sealtrail.model.AuditEvent;
import io.sealtrail.verify.BundleVerifier;
import io.sealtrail.verify.VerificationReport;
import io.sealtrail.verify.VerifyOptions;
import io.sealtrail.verify.bundle.Manifest;
import io.sealtrail.verify.bundle.ManifestCodec;
import io.sealtrail.verify.event.EventLineParser;
import io.sealtrail.verify.event.ParsedLine;
import io.sealtrail.verify.gen.BundleGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** Generated bundles, their indexes, and the events re-read by brute force for comparison. */
final class TestBundles {
    static final long SEED = 7;
    static final int EVENTS = 10_000;
    static final long CHECKPOINT_EVERY = 1_000;
    static final int SEGMENT_EVENTS = 2_500;

    private static Fixture shared;

    private TestBundles() {
    }

    /** One event as the tests see it, read straight from the bundle. */
    record Row(String bundleId, long leaf, long seq, long timeMicros, AuditEvent event, String hash) {
        static final Comparator<Row> ORDER = Comparator.comparingLong(Row::timeMicros).thenComparing(Row::bundleId)
                .thenComparingLong(Row::seq).thenComparingLong(Row::leaf);

        String key() {
            return bundleId + "/" + seq;
        }
    }

    /** A bundle, its verification, its index, and its rows in event order. */
    record Fixture(Path bundle, VerificationReport report, Path index, List<Row> rows) {
    }

    /** The default fixture, built once per test JVM. */
    static synchronized Fixture shared() throws Exception {
        if (shared == null) {
            Path root = Files.createTempDirectory("sealtrail-index-test-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    IndexFiles.deleteTree(root);
                } catch (IOException e) {
                    // best effort: a temp folder
                }
            }));
            shared = fixture(root, SEED, EVENTS);
        }
        return shared;
    }

    static Fixture fixture(Path root, long seed, int events) throws Exception {
        Path bundle = generate(root.resolve("bundle-" + seed), events, seed);
        VerificationReport report = verify(bundle, seed);
        Path index = root.resolve("index-" + seed);
        IndexBuilder.build(bundle, report, index, IndexBuilder.Progress.NONE, () -> false);
        return new Fixture(bundle, report, index, rows(bundle));
    }

    static Path generate(Path out, int events, long seed) throws Exception {
        new BundleGenerator().generate(out, BundleGenerator.Options.defaults(events, seed)
                .withLayout(CHECKPOINT_EVERY, SEGMENT_EVENTS), n -> { });
        return out;
    }

    static VerificationReport verify(Path bundle, long seed) throws Exception {
        return new BundleVerifier().verify(bundle, VerifyOptions.trusting(List.of(
                BundleGenerator.seededSigner(BundleGenerator.DEFAULT_ORIGIN, seed).verifierKey())));
    }

    static IndexBuilder.IndexResult index(Path bundle, VerificationReport report, Path target) throws Exception {
        BooleanSupplier never = () -> false;
        return IndexBuilder.build(bundle, report, target, IndexBuilder.Progress.NONE, never);
    }

    /** Every line of every segment, parsed as the verifier parses it, in event order. */
    static List<Row> rows(Path bundle) throws Exception {
        Manifest m = ManifestCodec.read(Files.readAllBytes(bundle.resolve(Manifest.MANIFEST)));
        EventLineParser parser = new EventLineParser();
        List<Row> out = new ArrayList<>();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (Manifest.FileEntry seg : m.eventSegments()) {
            byte[] b = Files.readAllBytes(bundle.resolve(seg.path()));
            long leaf = seg.firstSeq();
            int start = 0;
            for (int i = 0; i <= b.length; i++) {
                if (i == b.length ? i > start : b[i] == '\n') {
                    ParsedLine p = parser.parse(b, start, i - start);
                    sha.update((byte) 0);
                    sha.update(b, start, i - start);
                    long seq = p.seq() >= 0 ? p.seq() : leaf;
                    long time = p.time() == null ? Long.MAX_VALUE : IndexSchema.micros(p.time());
                    out.add(new Row(m.bundleId(), leaf, seq, time, p.event(), HexFormat.of().formatHex(sha.digest())));
                    leaf++;
                    start = i + 1;
                }
            }
        }
        out.sort(Row.ORDER);
        return out;
    }

    /** SHA-256 of every file under a folder, by relative path. */
    static Map<String, String> hashes(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                out.put(dir.relativize(p).toString(), HexFormat.of().formatHex(sha.digest(Files.readAllBytes(p))));
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** Copies a bundle folder. */
    static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
        return to;
    }
}
