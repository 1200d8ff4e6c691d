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
import io.sealtrail.model.Severity;
import io.sealtrail.model.Verdict;
import io.sealtrail.verify.bundle.Manifest;
import io.sealtrail.verify.gen.BundleGenerator;
import io.sealtrail.verify.note.Checkpoint;
import io.sealtrail.verify.note.NoteSignature;
import io.sealtrail.verify.note.NoteSigner;
import io.sealtrail.verify.note.SignedNote;
import io.sealtrail.verify.testing.Bundles;
import io.sealtrail.verify.testing.Reseal;
import io.sealtrail.verify.testing.Tamper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules docs/bundle-format.md settles (issue 11, item 4, ADR 0011): each test breaks one rule and
 * asserts its exact finding code. Where a manifest is changed, it is signed again with the log key, so
 * the bundle is what a producer breaking that rule would have sealed and the rule's finding stands alone.
 */
class SpecRulesTest {
    static final long SEED = 11;
    static final NoteSigner LOG = Bundles.signer(SEED);
    static final String FIRST = segment(0);
    static final String SECOND = segment(600);

    @TempDir
    static Path shared;
    static Path fixture;

    @TempDir
    Path tmp;

    @BeforeAll
    static void generate() throws Exception {
        fixture = Bundles.generate(shared.resolve("b"), Bundles.options(1200, SEED, 400, 600));
    }

    private Tamper copy() throws Exception {
        return Tamper.copyOf(fixture, tmp.resolve("copy"));
    }

    private static VerificationReport verify(Path bundle) throws Exception {
        return Bundles.verify(bundle, trusting(SEED));
    }

    /** The findings of {@code code}; fails with the whole report if there is none. */
    private static List<Finding> expect(VerificationReport r, FindingCode code) {
        List<Finding> f = findings(r, code);
        assertThat(f).as("%s in%n%s", code, describe(r)).isNotEmpty();
        return f;
    }

    /** Exactly the given error codes, each at least once, and no other error. */
    private static void onlyErrors(VerificationReport r, FindingCode... codes) {
        assertThat(r.findings().stream().filter(f -> f.severity() == Severity.ERROR).map(Finding::code).distinct())
                .as(describe(r)).containsExactlyInAnyOrder(codes);
    }

    @Test
    void untouchedFixtureVerifies() throws Exception {
        VerificationReport r = verify(fixture);
        assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.VERIFIED);
        assertThat(r.findings()).isEmpty();
    }

    @Nested
    class ManifestJson {
        @Test
        void aByteOrderMarkIsManifestInvalid() throws Exception {
            Path b = copy().dir();
            Reseal.manifestBytes(b, LOG, m -> {
                byte[] out = new byte[m.length + 3];
                out[0] = (byte) 0xef;
                out[1] = (byte) 0xbb;
                out[2] = (byte) 0xbf;
                System.arraycopy(m, 0, out, 3, m.length);
                return out;
            });
            VerificationReport r = verify(b);
            assertThat(expect(r, FindingCode.MANIFEST_INVALID)).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("byte order mark"));
            assertThat(r.verdict()).isEqualTo(Verdict.INTEGRITY_FAILURE);
        }

        @Test
        void utf16IsManifestInvalid() throws Exception {
            Path b = copy().dir();
            Reseal.manifestBytes(b, LOG, m -> new String(m, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16LE));
            onlyErrors(verify(b), FindingCode.MANIFEST_INVALID);
        }

        @ParameterizedTest
        @ValueSource(strings = {"2026-03-02T09:00:01+00:00", "2026-03-02T10:00:01+01:00", "2026-03-02t09:00:01Z",
                "2026-03-02T09:00:01z", "2026-12-31T23:59:60Z", "2026-03-02T09:00Z", "2026-03-02T24:00:00Z",
                "2026-03-02T09:00:01.Z", "2026-03-02T09:00:01.1234567891Z", "+2026-03-02T09:00:01Z",
                "2026-02-29T09:00:01Z", "2026-03-02 09:00:01Z"})
        void aTimeOutsideTheGrammarIsManifestInvalid(String created) throws Exception {
            Path b = copy().dir();
            Reseal.manifestBytes(b, LOG, m -> new String(m, StandardCharsets.UTF_8)
                    .replaceFirst("\"created\" : \"[^\"]+\"", "\"created\" : \"" + created + "\"")
                    .getBytes(StandardCharsets.UTF_8));
            VerificationReport r = verify(b);
            assertThat(expect(r, FindingCode.MANIFEST_INVALID)).singleElement()
                    .satisfies(f -> assertThat(f.message()).startsWith("created must be an RFC 3339 UTC time"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2026-03-02T09:00:01Z", "2026-03-02T09:00:01.5Z", "2026-03-02T09:00:01.123456789Z",
                "2028-02-29T00:00:00Z"})
        void aTimeInTheGrammarIsAccepted(String created) throws Exception {
            Path b = copy().dir();
            Reseal.manifestBytes(b, LOG, m -> new String(m, StandardCharsets.UTF_8)
                    .replaceFirst("\"created\" : \"[^\"]+\"", "\"created\" : \"" + created + "\"")
                    .getBytes(StandardCharsets.UTF_8));
            VerificationReport r = verify(b);
            assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.VERIFIED);
        }

        @Test
        void firstSeqOnAFileThatIsNoSegmentIsManifestInvalid() throws Exception {
            Path b = copy().dir();
            Reseal.manifestBytes(b, LOG, m -> new String(m, StandardCharsets.UTF_8)
                    .replaceFirst("(\"path\" : \"checkpoints/400.checkpoint\",)", "$1 \"first_seq\" : 0, \"count\" : 400,")
                    .getBytes(StandardCharsets.UTF_8));
            VerificationReport r = verify(b);
            assertThat(expect(r, FindingCode.MANIFEST_INVALID)).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("checkpoints/400.checkpoint"));
        }

        @Test
        void nonCanonicalBase64IsManifestInvalid() throws Exception {
            String manifest = Files.readString(fixture.resolve(Manifest.MANIFEST));
            String root = manifest.replaceAll("(?s).*\"final_checkpoint\" : \\{[^}]*\"root_hash\" : \"([^\"]+)\".*", "$1");
            // 32 bytes end in one base64 digit carrying 2 unused bits: setting them decodes to the same bytes
            char last = root.charAt(42);
            String alias = root.substring(0, 42) + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
                    .charAt("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".indexOf(last) | 1) + "=";
            assertThat(java.util.Base64.getDecoder().decode(alias)).isEqualTo(java.util.Base64.getDecoder().decode(root));
            Path b = copy().dir();
            Reseal.manifestBytes(b, LOG, m -> new String(m, StandardCharsets.UTF_8).replace(root, alias)
                    .getBytes(StandardCharsets.UTF_8));
            onlyErrors(verify(b), FindingCode.MANIFEST_INVALID);
        }
    }

    @Nested
    class FileList {
        @Test
        void aListedReadmeIsManifestInvalid() throws Exception {
            Path b = copy().addFile("README.md", "About this export\n".getBytes(StandardCharsets.UTF_8)).dir();
            Reseal.manifest(b, LOG, Reseal.listing(b, "README.md", -1, -1));
            VerificationReport r = verify(b);
            onlyErrors(r, FindingCode.MANIFEST_INVALID);
            assertThat(expect(r, FindingCode.MANIFEST_INVALID)).singleElement()
                    .satisfies(f -> assertThat(f.location().file()).isEqualTo("README.md"));
        }

        @Test
        void aListedStrayFileUnderTimestampsIsManifestInvalid() throws Exception {
            Path b = copy().addFile("timestamps/notes.txt", "x\n".getBytes(StandardCharsets.UTF_8)).dir();
            Reseal.manifest(b, LOG, Reseal.listing(b, "timestamps/notes.txt", -1, -1));
            onlyErrors(verify(b), FindingCode.MANIFEST_INVALID);
        }

        @Test
        void aSegmentNotNamedAfterItsFirstSeqIsManifestInvalid() throws Exception {
            Path b = copy().dir();
            Files.move(b.resolve(SECOND), b.resolve("events/600.jsonl"));
            Reseal.manifest(b, LOG, m -> Reseal.withFiles(m, m.files().stream().map(f -> f.path().equals(SECOND)
                    ? new Manifest.FileEntry("events/600.jsonl", f.size(), f.sha256(), f.firstSeq(), f.count())
                    : f).toList()));
            VerificationReport r = verify(b);
            onlyErrors(r, FindingCode.MANIFEST_INVALID);
            assertThat(expect(r, FindingCode.MANIFEST_INVALID)).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains(SECOND));
        }

        @Test
        void anEmptySegmentIsManifestInvalid() throws Exception {
            Path b = copy().addFile(segment(1200), new byte[0]).dir();
            Reseal.manifest(b, LOG, Reseal.listing(b, segment(1200), 1200, 0));
            VerificationReport r = verify(b);
            onlyErrors(r, FindingCode.MANIFEST_INVALID);
            assertThat(expect(r, FindingCode.MANIFEST_INVALID)).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("count is 0"));
        }
    }

    @Nested
    class EventLines {
        @Test
        void aByteOrderMarkOnALineIsNotUtf8() throws Exception {
            Path b = copy().editLineBytes(FIRST, 42, line -> {
                byte[] out = new byte[line.length + 3];
                out[0] = (byte) 0xef;
                out[1] = (byte) 0xbb;
                out[2] = (byte) 0xbf;
                System.arraycopy(line, 0, out, 3, line.length);
                return out;
            }).dir();
            VerificationReport r = verify(b);
            assertThat(expect(r, FindingCode.LINE_NOT_UTF8)).singleElement()
                    .satisfies(f -> assertThat(f.location().line()).isEqualTo(42));
            // (the file is 3 bytes longer than declared, so its last line is cut and malformed: not line 42)
            assertThat(findings(r, FindingCode.LINE_MALFORMED)).as(describe(r))
                    .noneSatisfy(f -> assertThat(f.location().line()).isEqualTo(42));
        }

        @Test
        void nullInARequiredFieldIsFieldMissing() throws Exception {
            Path b = copy().editLine(FIRST, 42, s -> s.replace("{\"seq\":41,", "{\"seq\":null,")).dir();
            VerificationReport r = verify(b);
            assertThat(expect(r, FindingCode.FIELD_MISSING)).singleElement()
                    .satisfies(f -> assertThat(f.location().line()).isEqualTo(42));
            assertThat(findings(r, FindingCode.FIELD_INVALID)).as(describe(r)).isEmpty();
        }

        @Test
        void aDuplicateKeyIsReportedAndItsFirstValueFeedsTheSequenceCheck() throws Exception {
            Path b = copy().editLine(FIRST, 42, s -> s.replace("{\"seq\":41,", "{\"seq\":41,\"seq\":99,")).dir();
            VerificationReport r = verify(b);
            expect(r, FindingCode.JSON_DUPLICATE_KEY);
            assertThat(findings(r, FindingCode.SEQ_GAP)).as(describe(r)).isEmpty();
            assertThat(findings(r, FindingCode.SEQ_OUT_OF_ORDER)).as(describe(r)).isEmpty();
        }

        @Test
        void aDuplicateKeyWhoseFirstValueIsWrongBreaksTheSequence() throws Exception {
            Path b = copy().editLine(FIRST, 42, s -> s.replace("{\"seq\":41,", "{\"seq\":99,\"seq\":41,")).dir();
            VerificationReport r = verify(b);
            expect(r, FindingCode.JSON_DUPLICATE_KEY);
            assertThat(expect(r, FindingCode.SEQ_GAP)).anySatisfy(f -> {
                assertThat(f.location().line()).isEqualTo(42);
                assertThat(f.details()).containsEntry("expected", "41").containsEntry("found", "99");
            });
        }

        @Test
        void aFirstSeqOtherThanTheRangeStartIsASeqGap() throws Exception {
            Path b = copy().editLine(FIRST, 1, s -> s.replace("{\"seq\":0,", "{\"seq\":7,")).dir();
            VerificationReport r = verify(b);
            assertThat(expect(r, FindingCode.SEQ_GAP)).anySatisfy(f -> {
                assertThat(f.location().file()).isEqualTo(FIRST);
                assertThat(f.location().line()).isEqualTo(1);
                assertThat(f.details()).containsEntry("expected", "0").containsEntry("found", "7");
            });
        }
    }

    @Nested
    class Checkpoints {
        @Test
        void aFinalCheckpointRootOtherThanTheManifestsIsInconsistent() throws Exception {
            Path b = copy().dir();
            Reseal.manifest(b, LOG, m -> Reseal.withFinalCheckpoint(m,
                    new Manifest.TreeHead(m.finalCheckpoint().treeSize(), new byte[32])));
            VerificationReport r = verify(b);
            onlyErrors(r, FindingCode.CHECKPOINT_INCONSISTENT);
            assertThat(expect(r, FindingCode.CHECKPOINT_INCONSISTENT)).singleElement()
                    .satisfies(f -> assertThat(f.location().file()).isEqualTo(checkpoint(1200)));
        }

        @Test
        void aSecondCheckpointFileForOneTreeSizeWithAnotherRootIsInconsistent() throws Exception {
            Checkpoint other = new Checkpoint(Bundles.ORIGIN, 400, new byte[32], List.of());
            Path b = copy().addFile("checkpoints/0400.checkpoint", LOG.sign(other.encode())).dir();
            Reseal.manifest(b, LOG, Reseal.listing(b, "checkpoints/0400.checkpoint", -1, -1));
            VerificationReport r = verify(b);
            expect(r, FindingCode.CHECKPOINT_INCONSISTENT);
            expect(r, FindingCode.CHECKPOINT_MALFORMED); // its name is not its tree size
        }

        @Test
        void aCheckpointTheEventsNeverReachIsARootMismatch() throws Exception {
            Path b = copy().keepLines(SECOND, 100).dir(); // the events end at 700: 800 and 1200 are never reached
            VerificationReport r = verify(b);
            assertThat(expect(r, FindingCode.CHECKPOINT_ROOT_MISMATCH)).extracting(f -> f.location().file())
                    .containsExactlyInAnyOrder(checkpoint(800), checkpoint(1200));
            expect(r, FindingCode.RANGE_MISMATCH);
            assertThat(expect(r, FindingCode.EVENTS_NOT_COVERED)).singleElement().satisfies(f -> {
                assertThat(f.location().seq()).isEqualTo(400);
                assertThat(f.message()).isEqualTo("300 event(s) from seq 400 to 699 are covered by no valid signed checkpoint");
            });
        }

        @Test
        void aCheckpointFileLargerThanDeclaredIsASizeMismatchAndThenAbsent() throws Exception {
            byte[] cp = Files.readAllBytes(fixture.resolve(checkpoint(800)));
            byte[] longer = java.util.Arrays.copyOf(cp, cp.length + 2);
            VerificationReport r = verify(copy().replaceFile(checkpoint(800), longer).dir());
            assertThat(expect(r, FindingCode.FILE_SIZE_MISMATCH)).singleElement()
                    .satisfies(f -> assertThat(f.location().file()).isEqualTo(checkpoint(800)));
            assertThat(expect(r, FindingCode.CHECKPOINT_MISSING)).singleElement()
                    .satisfies(f -> assertThat(f.location().file()).isEqualTo(checkpoint(800)));
            onlyErrors(r, FindingCode.FILE_SIZE_MISMATCH);
        }
    }

    @Nested
    class Intervals {
        @Test
        void checkpointIntervalZeroPromisesNoCheckpoint() throws Exception {
            Path b = copy().dropFile(checkpoint(800)).dir();
            Reseal.manifestBytes(b, LOG, m -> new String(Reseal.unlistedBytes(m, checkpoint(800)), StandardCharsets.UTF_8)
                    .replace("\"checkpoint_interval\" : 400", "\"checkpoint_interval\" : 0")
                    .getBytes(StandardCharsets.UTF_8));
            VerificationReport r = verify(b);
            assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.VERIFIED);
            assertThat(findings(r, FindingCode.CHECKPOINT_MISSING)).isEmpty();
        }

        @Test
        void heartbeatIntervalZeroMeasuresNoGapAndWarnsOnce() throws Exception {
            Path outage = Bundles.generate(tmp.resolve("outage"), Bundles.options(1200, SEED, 400, 600)
                    .withOutages(List.of(new io.sealtrail.verify.gen.ActivitySimulator.Outage(
                            BundleGenerator.DEFAULT_START.plus(java.time.Duration.ofMinutes(30)),
                            java.time.Duration.ofMinutes(30)))));
            assertThat(findings(verify(outage), FindingCode.HEARTBEAT_GAP)).isNotEmpty();
            Reseal.manifestBytes(outage, LOG, m -> new String(m, StandardCharsets.UTF_8).replace(
                    "\"heartbeat_interval_seconds\" : 60", "\"heartbeat_interval_seconds\" : 0")
                    .getBytes(StandardCharsets.UTF_8));
            VerificationReport r = verify(outage);
            assertThat(findings(r, FindingCode.HEARTBEAT_GAP)).as(describe(r)).isEmpty();
            assertThat(findings(r, FindingCode.HEARTBEAT_NOT_DECLARED)).hasSize(1);
            assertThat(r.verdict()).isEqualTo(Verdict.VERIFIED);
        }
    }

    @Nested
    class HostileIntervals {
        @Test
        void theLargestHeartbeatIntervalIsNoLimitNotACrash() throws Exception {
            Path b = copy().dir();
            Reseal.manifestBytes(b, LOG, m -> new String(m, StandardCharsets.UTF_8).replace(
                    "\"heartbeat_interval_seconds\" : 60", "\"heartbeat_interval_seconds\" : " + Long.MAX_VALUE)
                    .getBytes(StandardCharsets.UTF_8));
            VerificationReport r = verify(b);
            assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.VERIFIED);
        }

        @Test
        void aCheckpointPromisedAtEveryLeafOfAHugeRangeIsCountedNotEnumerated() throws Exception {
            Path b = copy().dir();
            long end = 1L << 62;
            Reseal.manifestBytes(b, LOG, m -> new String(m, StandardCharsets.UTF_8)
                    .replace("\"end\" : 1200", "\"end\" : " + end)
                    .replace("\"checkpoint_interval\" : 400", "\"checkpoint_interval\" : 1")
                    .getBytes(StandardCharsets.UTF_8));
            VerificationReport r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                    java.time.Duration.ofSeconds(20), () -> verify(b));
            assertThat(expect(r, FindingCode.CHECKPOINT_MISSING)).singleElement().satisfies(f -> {
                assertThat(f.location().file()).isEqualTo(checkpoint(1));
                assertThat(f.message()).startsWith((end - 1 - 3) + " checkpoint(s)");
            });
            expect(r, FindingCode.RANGE_MISMATCH);
        }
    }

    @Nested
    class Cosignatures {
        @Test
        void aFailingCosignatureByADeclaredWitnessIsAnError() throws Exception {
            NoteSigner witness = NoteSigner.cosignerFromSeed("witness.example", new byte[32]);
            Path b = Bundles.generate(tmp.resolve("cosigned"), Bundles.options(800, SEED, 400, 400)
                    .withCosigners(List.of(witness)));
            SignedNote note = SignedNote.parse(Files.readAllBytes(b.resolve(checkpoint(400))));
            NoteSignature forOtherText = witness.cosignature(note.text().replace("\n400\n", "\n401\n"), 1_700_000_000L);
            Files.write(b.resolve(checkpoint(400)),
                    new SignedNote(note.text(), List.of(note.signatures().get(0), forOtherText)).encode());
            Reseal.manifest(b, LOG, Reseal.rehashing(b, checkpoint(400)));
            VerificationReport r = verify(b);
            onlyErrors(r, FindingCode.CHECKPOINT_SIGNATURE_INVALID);
            assertThat(expect(r, FindingCode.CHECKPOINT_SIGNATURE_INVALID)).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("witness.example"));
        }
    }

    @Nested
    class Continuity {
        Path a;
        Path b;

        @org.junit.jupiter.api.BeforeEach
        void generate() throws Exception {
            a = fixture;
            b = Bundles.generate(tmp.resolve("next"), Bundles.options(500, 12, 400, 600).withPrevious(a)
                    .withSigner(LOG));
            Reseal.manifest(b, LOG, Reseal::withoutPrevious);
        }

        @Test
        void aLaterStartWithoutPreviousIsNotCheckedOnce() throws Exception {
            VerificationReport r = verify(b);
            assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.VERIFIED);
            assertThat(expect(r, FindingCode.CONTINUITY_NOT_CHECKED)).hasSize(1);
        }

        @Test
        void aLaterStartWithoutPreviousCheckedAgainstThePreviousExportIsBrokenNotUnchecked() throws Exception {
            VerificationReport r = Bundles.verify(b, trusting(SEED).withPrevious(a));
            expect(r, FindingCode.CONTINUITY_BROKEN);
            assertThat(findings(r, FindingCode.CONTINUITY_NOT_CHECKED)).as(describe(r)).isEmpty();
        }
    }

    @Nested
    class Timestamps {
        Path stamped;
        final X509Certificate tsaRoot = TestTimestampAuthority.forLog(Bundles.ORIGIN).rootCertificate();

        @org.junit.jupiter.api.BeforeEach
        void generate() throws Exception {
            stamped = Bundles.generate(tmp.resolve("stamped"), Bundles.options(800, SEED, 400, 400).withTimestamps(Bundles.TEST_TSA));
        }

        @Test
        void timestampsWithoutTheTsaChainAreMalformed() throws Exception {
            Files.delete(stamped.resolve(Manifest.TSA_CHAIN));
            Reseal.manifest(stamped, LOG, Reseal.unlisting(Manifest.TSA_CHAIN));
            VerificationReport r = Bundles.verify(stamped,
                    new VerifyOptions(List.of(LOG.verifierKey()), List.of(tsaRoot), null, 2));
            assertThat(expect(r, FindingCode.TIMESTAMP_MALFORMED)).singleElement()
                    .satisfies(f -> assertThat(f.location().file()).isEqualTo(Manifest.TSA_CHAIN));
        }
    }
}
