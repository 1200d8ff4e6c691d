package io.sealtrail.verify;

import static io.sealtrail.verify.testing.Tamper.checkpoint;
import static io.sealtrail.verify.testing.Tamper.segment;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.model.Finding;
import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Location;
import io.sealtrail.model.Verdict;
import io.sealtrail.verify.bundle.BundleSource;
import io.sealtrail.verify.bundle.Manifest;
import io.sealtrail.verify.bundle.ManifestCodec;
import io.sealtrail.verify.note.VerifierKey;
import io.sealtrail.verify.testing.Bundles;
import io.sealtrail.verify.testing.Tamper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks share no state (docs/decisions/0013): each returns its own result, so a check or a verifier
 * used before, or at the same time for another bundle, gives what a fresh one gives.
 */
class CheckResultsTest {
    static final long SEED = 7;

    @TempDir
    static Path shared;
    static Path fixture;
    static Path tampered;

    @BeforeAll
    static void generate() throws Exception {
        fixture = Bundles.generate(shared.resolve("b"), Bundles.options(1200, SEED, 400, 600));
        tampered = Tamper.copyOf(fixture, shared.resolve("t")).deleteLine(segment(600), 3)
                .dropFile(checkpoint(400)).dir();
    }

    @Test
    void signatureChecksCarryNothingFromOneBundleToTheNext() throws Exception {
        SignatureChecks used = new SignatureChecks();
        SignatureChecks.Result impostor = signatures(used, fixture, List.of(Bundles.signer(SEED + 1).verifierKey()));
        assertThat(impostor.findings().counts()).containsKey(FindingCode.SIGNER_KEY_MISMATCH);

        List<VerifierKey> trusted = List.of(Bundles.signer(SEED).verifierKey());
        SignatureChecks.Result after = signatures(used, fixture, trusted);
        SignatureChecks.Result fresh = signatures(new SignatureChecks(), fixture, trusted);

        assertThat(after.trusted()).isTrue();
        assertThat(after.findings().kept()).isEmpty();
        assertThat(after.used()).isEqualTo(fresh.used());
        assertThat(after.checkpoints().keySet()).isEqualTo(fresh.checkpoints().keySet());
    }

    @Test
    void oneVerifierVerifiesBundlesAtOnceAsItDoesOneAfterAnother() throws Exception {
        BundleVerifier verifier = new BundleVerifier();
        VerifyOptions trusting = new VerifyOptions(List.of(Bundles.signer(SEED).verifierKey()), List.of(), null, 2);
        VerifyOptions untrusting = new VerifyOptions(List.of(), List.of(), null, 2);
        List<Path> bundles = List.of(fixture, tampered, fixture);
        List<VerifyOptions> options = List.of(trusting, trusting, untrusting);
        List<String> alone = new ArrayList<>();
        for (int i = 0; i < bundles.size(); i++) {
            alone.add(outcome(verifier.verify(bundles.get(i), options.get(i))));
        }
        assertThat(alone.get(0)).startsWith(Verdict.VERIFIED.name());
        assertThat(alone.get(1)).startsWith(Verdict.INTEGRITY_FAILURE.name());
        assertThat(alone.get(2)).startsWith(Verdict.INTACT_UNTRUSTED.name());

        ExecutorService pool = Executors.newFixedThreadPool(bundles.size());
        try {
            for (int round = 0; round < 3; round++) {
                List<Future<String>> together = new ArrayList<>();
                for (int i = 0; i < bundles.size(); i++) {
                    Path b = bundles.get(i);
                    VerifyOptions o = options.get(i);
                    together.add(pool.submit(() -> outcome(verifier.verify(b, o))));
                }
                for (int i = 0; i < bundles.size(); i++) {
                    assertThat(together.get(i).get()).as("round %d, bundle %d", round, i).isEqualTo(alone.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The façade merges each check's findings after the fact; that must keep what adding them directly keeps. */
    @Test
    void absorbingACheckFindingsKeepsWhatAddingThemDirectlyKeeps() {
        List<Finding> before = lines("a", 3);
        List<Finding> check = lines("b", FindingCollector.MAX_PER_CODE + 500);
        FindingCollector direct = new FindingCollector();
        before.forEach(direct::add);
        check.forEach(direct::add);

        FindingCollector ofTheCheck = new FindingCollector();
        check.forEach(ofTheCheck::add);
        FindingCollector merged = new FindingCollector();
        before.forEach(merged::add);
        merged.absorb(ofTheCheck.collected());

        assertThat(merged.sorted()).isEqualTo(direct.sorted());
    }

    private static List<Finding> lines(String file, int n) {
        List<Finding> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(Finding.of(FindingCode.LINE_MALFORMED, Location.line(file, i, -1), "line " + i));
        }
        return out;
    }

    private static String outcome(VerificationReport r) {
        return r.verdict() + " " + r.checkpoints() + " " + r.keys() + " "
                + r.findings().stream().map(f -> f.code() + " @ " + f.location() + ": " + f.message()).toList();
    }

    /** What the signature checks make of a bundle, its files read and its checkpoints parsed as a verification does. */
    private static SignatureChecks.Result signatures(SignatureChecks checks, Path bundle, List<VerifierKey> trusted)
            throws Exception {
        try (BundleSource source = BundleSource.open(bundle)) {
            byte[] manifestBytes = source.readSmall(Manifest.MANIFEST, BundleSource.MAX_SMALL_FILE);
            Manifest m = ManifestCodec.read(manifestBytes);
            List<VerifierKey> declared = new ArrayList<>();
            for (String k : m.keys()) {
                declared.add(VerifierKey.parse(k));
            }
            FileInventory.Result files = new FileInventory().check(source, m);
            CheckpointChecks.Result checkpoints = new CheckpointChecks().check(m, files.files());
            return checks.check(source, m, manifestBytes, declared, trusted, checkpoints.bySize(), files.files());
        }
    }
}
