package io.sealtrail.verify;

import static io.sealtrail.verify.testing.Bundles.describe;
import static io.sealtrail.verify.testing.Bundles.findings;
import static io.sealtrail.verify.testing.Bundles.trusting;
import static io.sealtrail.verify.testing.Tamper.checkpoint;
import static io.sealtrail.verify.testing.Tamper.segment;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.tools.tsa.TestTimestampAuthority;
import io.sealtrail.model.Finding;
import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Location;
import io.sealtrail.model.Severity;
import io.sealtrail.model.Verdict;
import io.sealtrail.verify.gen.ActivitySimulator;
import io.sealtrail.verify.gen.BundleGenerator;
import io.sealtrail.verify.testing.Bundles;
import io.sealtrail.verify.testing.Tamper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per way of tampering with a bundle: each alteration must produce its exact, stable finding
 * code, located at the file (and line) that was altered, and the verdict INTEGRITY_FAILURE.
 * Fixtures are generated once, deterministically, and only copies are altered.
 */
class GoldenTamperTest {
    static final long EVENTS = 2000;
    static final long CHECKPOINT_EVERY = 500;
    static final int SEGMENT = 1000;
    static final long SEED = 1;
    static final String FIRST = segment(0);
    static final String LAST = segment(1000);

    @TempDir
    static Path shared;
    static Path fixture;

    @TempDir
    Path tmp;

    @BeforeAll
    static void generate() throws Exception {
        fixture = Bundles.generate(shared.resolve("seed1"), Bundles.options(EVENTS, SEED, CHECKPOINT_EVERY, SEGMENT));
    }

    private Tamper copy() throws Exception {
        return Tamper.copyOf(fixture, tmp.resolve("copy"));
    }

    private static VerificationReport verify(Path bundle) throws Exception {
        return Bundles.verify(bundle, trusting(SEED));
    }

    private static void assertFailure(VerificationReport r) {
        assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.INTEGRITY_FAILURE);
        assertThat(r.verdict().exitCode()).isEqualTo(1);
    }

    /** The findings of {@code code}; fails with the whole report if there is none. */
    private static List<Finding> expect(VerificationReport r, FindingCode code) {
        List<Finding> f = findings(r, code);
        assertThat(f).as("%s in%n%s", code, describe(r)).isNotEmpty();
        return f;
    }

    private static void expectAt(VerificationReport r, FindingCode code, String file, long line) {
        assertThat(expect(r, code)).as("%s at %s:%d in%n%s", code, file, line, describe(r))
                .anySatisfy(f -> {
                    assertThat(f.location().file()).isEqualTo(file);
                    assertThat(f.location().line()).isEqualTo(line);
                });
    }

    private static void expectAtFile(VerificationReport r, FindingCode code, String file) {
        assertThat(expect(r, code)).as("%s at %s in%n%s", code, file, describe(r))
                .anySatisfy(f -> assertThat(f.location().file()).isEqualTo(file));
    }

    /** First line at or after {@code from} whose user name starts with an ASCII letter, and that offset. */
    private static int lineWithAsciiUserName(String file, int from) throws Exception {
        Pattern p = Pattern.compile("\"user\":\\{\"name\":\"[a-z]");
        for (int n = from; ; n++) {
            String line = new String(Tamper.line(fixture, file, n), StandardCharsets.UTF_8);
            if (p.matcher(line).find()) {
                return n;
            }
        }
    }

    @Test
    void untouchedFixtureVerifies() throws Exception {
        VerificationReport r = verify(fixture);
        assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.VERIFIED);
        assertThat(r.findings()).isEmpty();
        assertThat(r.events()).isEqualTo(EVENTS);
    }

    @Test
    void byteFlippedInAUserNameBreaksTheChainTheRootAndTheFileHash() throws Exception {
        int n = lineWithAsciiUserName(FIRST, 10);
        Path bundle = copy().editLine(FIRST, n, s -> {
            Matcher m = Pattern.compile("(\"user\":\\{\"name\":\")([a-z])").matcher(s);
            assertThat(m.find()).isTrue();
            char c = m.group(2).charAt(0);
            return s.substring(0, m.start(2)) + (c == 'x' ? 'y' : 'x') + s.substring(m.end(2));
        }).dir();

        VerificationReport r = verify(bundle);

        assertFailure(r);
        expectAt(r, FindingCode.CHAIN_BROKEN, FIRST, n + 1);
        expectAtFile(r, FindingCode.CHECKPOINT_ROOT_MISMATCH, checkpoint(500));
        expectAtFile(r, FindingCode.FILE_HASH_MISMATCH, FIRST);
        assertThat(findings(r, FindingCode.FILE_SIZE_MISMATCH)).as("same length edit").isEmpty();
        assertThat(findings(r, FindingCode.CHAIN_BROKEN)).as("one flipped line breaks one link").hasSize(1);
    }

    @Test
    void deletedLineIsASeqGapAndABrokenChain() throws Exception {
        Path bundle = copy().deleteLine(FIRST, 100).dir();

        VerificationReport r = verify(bundle);

        assertFailure(r);
        // line 100 now holds seq 100, where seq 99 was expected
        expectAt(r, FindingCode.SEQ_GAP, FIRST, 100);
        expectAt(r, FindingCode.CHAIN_BROKEN, FIRST, 100);
        assertThat(expect(r, FindingCode.SEQ_GAP).get(0).details()).containsEntry("expected", "99")
                .containsValue("100");
    }

    @Test
    void swappedAdjacentLinesAreOutOfOrderAndBreakTheChain() throws Exception {
        Path bundle = copy().swapWithNext(FIRST, 100).dir();

        VerificationReport r = verify(bundle);

        assertFailure(r);
        // line 101 now holds seq 99, after seq 100
        expectAt(r, FindingCode.SEQ_OUT_OF_ORDER, FIRST, 101);
        expectAt(r, FindingCode.CHAIN_BROKEN, FIRST, 100);
    }

    @Test
    void truncatedAtTheLastButOneCheckpointIsARangeMismatch() throws Exception {
        // keep seqs 1000..1499 of the last segment: exactly checkpoint 1500's tree; the manifest says 2000
        Path bundle = copy().keepLines(LAST, 500).dir();

        VerificationReport r = verify(bundle);

        assertFailure(r);
        assertThat(expect(r, FindingCode.RANGE_MISMATCH)).anySatisfy(f -> {
            assertThat(f.location()).isEqualTo(Location.BUNDLE);
            assertThat(f.details()).containsEntry("expected", "2000").containsValue("1500");
        });
        expectAtFile(r, FindingCode.RANGE_MISMATCH, LAST); // count 500, manifest says 1000
        expectAtFile(r, FindingCode.FILE_SIZE_MISMATCH, LAST);
        assertThat(r.checkpoints()).filteredOn(c -> c.treeSize() == 2000)
                .singleElement().satisfies(c -> assertThat(c.rootVerified()).isFalse());
    }

    @Test
    void truncatedBetweenCheckpointsLeavesEventsNotCovered() throws Exception {
        // keep seqs 1000..1699: 200 events past checkpoint 1500 that no checkpoint of the bundle reaches
        Path bundle = copy().keepLines(LAST, 700).dir();

        VerificationReport r = verify(bundle);

        assertFailure(r);
        expect(r, FindingCode.RANGE_MISMATCH);
        assertThat(expect(r, FindingCode.EVENTS_NOT_COVERED)).anySatisfy(f ->
                assertThat(f.location().seq()).isEqualTo(1500));
    }

    @Test
    void deletedFinalCheckpointIsMissingAndLeavesEventsNotCovered() throws Exception {
        Path bundle = copy().dropFile(checkpoint(2000)).dir();

        VerificationReport r = verify(bundle);

        assertFailure(r);
        expectAtFile(r, FindingCode.CHECKPOINT_FINAL_MISSING, checkpoint(2000));
        expectAtFile(r, FindingCode.FILE_MISSING, checkpoint(2000));
        assertThat(expect(r, FindingCode.EVENTS_NOT_COVERED)).anySatisfy(f ->
                assertThat(f.location().seq()).isEqualTo(1500));
    }

    @Test
    void duplicateJsonKeyInOneEvent() throws Exception {
        Path bundle = copy().editLine(FIRST, 42, s -> s.replace("{\"seq\":41,", "{\"seq\":41,\"seq\":41,")).dir();

        VerificationReport r = verify(bundle);

        assertFailure(r);
        expectAt(r, FindingCode.JSON_DUPLICATE_KEY, FIRST, 42);
    }

    @Test
    void changedManifestByteInvalidatesTheManifestSignature() throws Exception {
        Path bundle = copy().rewriteManifest(s -> s.replace("sealtrail gen 0.1.0", "sealtrail gen 0.1.1")).dir();

        VerificationReport r = verify(bundle);

        assertFailure(r);
        expectAtFile(r, FindingCode.MANIFEST_SIGNATURE_INVALID, "manifest.sig");
    }

    @Test
    void changedFileHashInManifestInvalidatesSignatureAndMismatchesTheFile() throws Exception {
        String file = checkpoint(1000);
        String sha = Bundles.verify(fixture, trusting(SEED)).manifest().file(file).orElseThrow().sha256();
        String forged = (sha.charAt(0) == '0' ? "1" : "0") + sha.substring(1);
        Path bundle = copy().rewriteManifest(s -> s.replace(sha, forged)).dir();

        VerificationReport r = verify(bundle);

        assertFailure(r);
        expectAtFile(r, FindingCode.MANIFEST_SIGNATURE_INVALID, "manifest.sig");
        assertThat(expect(r, FindingCode.FILE_HASH_MISMATCH)).anySatisfy(f -> {
            assertThat(f.location().file()).isEqualTo(file);
            assertThat(f.details()).containsEntry("expected", forged).containsValue(sha);
        });
    }

    @Test
    void unlistedExtraFile() throws Exception {
        Path bundle = copy().addFile("events/notes.txt", "hello\n".getBytes(StandardCharsets.UTF_8)).dir();

        VerificationReport r = verify(bundle);

        assertFailure(r);
        expectAtFile(r, FindingCode.FILE_UNLISTED, "events/notes.txt");
    }

    @Test
    void sameSeedGeneratesByteIdenticalDirectories() throws Exception {
        Path again = Bundles.generate(tmp.resolve("again"), Bundles.options(EVENTS, SEED, CHECKPOINT_EVERY, SEGMENT));
        assertThat(tree(again).keySet()).isEqualTo(tree(fixture).keySet());
        Map<String, byte[]> a = tree(fixture);
        Map<String, byte[]> b = tree(again);
        for (String f : a.keySet()) {
            assertThat(b.get(f)).as(f).isEqualTo(a.get(f));
        }
    }

    @Test
    void sameSeedGeneratesByteIdenticalZips() throws Exception {
        BundleGenerator.Options o = Bundles.options(EVENTS, SEED, CHECKPOINT_EVERY, SEGMENT).withTimestamps(Bundles.TEST_TSA);
        Path z1 = Bundles.generate(tmp.resolve("one.zip"), o);
        Path z2 = Bundles.generate(tmp.resolve("two.zip"), o);
        assertThat(Files.readAllBytes(z2)).isEqualTo(Files.readAllBytes(z1));
        assertThat(Bundles.verify(z1, trusting(SEED)).verdict()).isEqualTo(Verdict.VERIFIED);
    }

    static Map<String, byte[]> tree(Path root) throws Exception {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                out.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }

    /** Signed with another key: an impersonation if the auditor trusts the real key, untrusted otherwise. */
    @Nested
    class ReSigned {
        Path resigned;

        @org.junit.jupiter.api.BeforeEach
        void generate() throws Exception {
            resigned = Bundles.generate(tmp.resolve("resigned"),
                    Bundles.options(EVENTS, SEED, CHECKPOINT_EVERY, SEGMENT).withSigner(Bundles.signer(99)));
        }

        @Test
        void trustingTheOriginalKeyIsASignerKeyMismatch() throws Exception {
            VerificationReport r = verify(resigned);

            assertFailure(r);
            expect(r, FindingCode.SIGNER_KEY_MISMATCH);
            assertThat(findings(r, FindingCode.SIGNATURE_UNTRUSTED_KEY)).isEmpty();
        }

        @Test
        void trustingNobodyIsIntactButUntrusted() throws Exception {
            VerificationReport r = Bundles.verify(resigned, VerifyOptions.trusting(List.of()));

            assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.INTACT_UNTRUSTED);
            assertThat(r.verdict().exitCode()).isEqualTo(3);
            assertThat(expect(r, FindingCode.SIGNATURE_UNTRUSTED_KEY)).allSatisfy(f ->
                    assertThat(f.severity()).isEqualTo(Severity.WARNING));
            assertThat(r.count(Severity.ERROR)).isZero();
        }

        @Test
        void trustingTheNewKeyVerifies() throws Exception {
            VerificationReport r = Bundles.verify(resigned, trusting(99));
            assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.VERIFIED);
        }
    }

    @Nested
    class Continuity {
        Path a;
        Path b;
        Path c;

        @org.junit.jupiter.api.BeforeEach
        void generate() throws Exception {
            a = fixture;
            b = Bundles.generate(tmp.resolve("b"), Bundles.options(1500, 2, CHECKPOINT_EVERY, SEGMENT)
                    .withPrevious(a).withSigner(Bundles.signer(SEED)));
            // another export of the same log key and size, which B does not continue
            c = Bundles.generate(tmp.resolve("c"), Bundles.options(EVENTS, 3, CHECKPOINT_EVERY, SEGMENT)
                    .withSigner(Bundles.signer(SEED)));
        }

        @Test
        void continuationOfThePreviousExportVerifies() throws Exception {
            VerificationReport r = Bundles.verify(b, trusting(SEED).withPrevious(a));

            assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.VERIFIED);
            assertThat(r.findings()).isEmpty();
            assertThat(r.manifest().start()).isEqualTo(EVENTS);
            assertThat(r.events()).isEqualTo(1500);
        }

        @Test
        void anotherExportAsPreviousIsContinuityBroken() throws Exception {
            assertThat(Bundles.verify(c, trusting(SEED)).verdict()).isEqualTo(Verdict.VERIFIED);

            VerificationReport r = Bundles.verify(b, trusting(SEED).withPrevious(c));

            assertFailure(r);
            expectAtFile(r, FindingCode.CONTINUITY_BROKEN, "manifest.json");
        }

        @Test
        void withoutThePreviousExportContinuityIsNotChecked() throws Exception {
            VerificationReport r = Bundles.verify(b, trusting(SEED));

            assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.VERIFIED);
            assertThat(expect(r, FindingCode.CONTINUITY_NOT_CHECKED)).allSatisfy(f -> {
                assertThat(f.severity()).isEqualTo(Severity.INFO);
                assertThat(f.location().file()).isEqualTo("manifest.json");
            });
        }
    }

    @Test
    void heartbeatGapFailsThoughEverySignatureHolds() throws Exception {
        Path bundle = Bundles.generate(tmp.resolve("outage"), Bundles.options(EVENTS, SEED, CHECKPOINT_EVERY, SEGMENT)
                .withOutages(List.of(new ActivitySimulator.Outage(BundleGenerator.DEFAULT_START.plus(Duration.ofHours(1)),
                        Duration.ofMinutes(30)))));

        VerificationReport r = verify(bundle);

        assertFailure(r);
        assertThat(expect(r, FindingCode.HEARTBEAT_GAP)).singleElement().satisfies(f -> {
            assertThat(f.location().file()).startsWith("events/");
            assertThat(f.location().line()).isPositive();
            assertThat(f.details()).containsKeys("from", "to");
        });
        assertThat(r.findings()).as(describe(r)).extracting(Finding::code).containsOnly(FindingCode.HEARTBEAT_GAP);
        assertThat(r.checkpoints()).allSatisfy(c -> {
            assertThat(c.rootVerified()).isTrue();
            assertThat(c.trusted()).isTrue();
        });
    }

    @Nested
    class Timestamps {
        Path stamped;
        final X509Certificate tsaRoot = TestTimestampAuthority.forLog(Bundles.ORIGIN).rootCertificate();

        @org.junit.jupiter.api.BeforeEach
        void generate() throws Exception {
            stamped = Bundles.generate(tmp.resolve("stamped"),
                    Bundles.options(EVENTS, SEED, CHECKPOINT_EVERY, SEGMENT).withTimestamps(Bundles.TEST_TSA));
        }

        private VerifyOptions trustingTsa() {
            return new VerifyOptions(List.of(Bundles.signer(SEED).verifierKey()), List.of(tsaRoot), null, 2);
        }

        @Test
        void everyCheckpointCarriesATrustedTimestamp() throws Exception {
            VerificationReport r = Bundles.verify(stamped, trustingTsa());

            assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.VERIFIED);
            assertThat(r.findings()).isEmpty();
            assertThat(r.checkpoints()).hasSize(4).allSatisfy(c -> {
                assertThat(c.timestamp()).isNotNull();
                assertThat(c.timestampAuthority()).isNotBlank();
                assertThat(c.timestampAuthorityTrusted()).isTrue();
            });
        }

        @Test
        void tokenOfAnotherCheckpointIsAnImprintMismatch() throws Exception {
            Path bundle = Tamper.copyOf(stamped, tmp.resolve("swapped-tsr"))
                    .replaceFile("timestamps/500.tsr", Files.readAllBytes(stamped.resolve("timestamps/1000.tsr")))
                    .dir();

            VerificationReport r = Bundles.verify(bundle, trustingTsa());

            assertFailure(r);
            expectAtFile(r, FindingCode.TIMESTAMP_IMPRINT_MISMATCH, "timestamps/500.tsr");
        }

        @Test
        void untrustedTsaIsOnlyAWarning() throws Exception {
            VerificationReport r = Bundles.verify(stamped, trusting(SEED));

            assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.VERIFIED);
            assertThat(expect(r, FindingCode.TIMESTAMP_TSA_UNTRUSTED)).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.WARNING);
                assertThat(f.location().file()).isEqualTo("timestamps/tsa-chain.pem");
            });
            assertThat(r.checkpoints()).allSatisfy(c -> {
                assertThat(c.timestamp()).isNotNull();
                assertThat(c.timestampAuthorityTrusted()).isFalse();
            });
        }
    }
}
