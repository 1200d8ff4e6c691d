package io.sealtrail.verify.conformance;

import io.sealtrail.tools.tsa.TestTimestampAuthority;
import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Verdict;
import io.sealtrail.verify.bundle.Manifest;
import io.sealtrail.verify.gen.BundleGenerator;
import io.sealtrail.verify.note.Checkpoint;
import io.sealtrail.verify.note.NoteSigner;
import io.sealtrail.verify.note.SignedNote;
import io.sealtrail.verify.note.VerifierKey;
import io.sealtrail.verify.testing.Bundles;
import io.sealtrail.verify.testing.KeyHolder;
import io.sealtrail.verify.testing.Tamper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The conformance kit (docs/conformance/): one small valid bundle, and for each failure mode that
 * bundle with one targeted change, each with the verdict and the finding codes a verifier must give.
 * The expectations are written here by hand, never taken from the verifier's output: the kit checks
 * the verifier, not the other way round. Everything is derived from fixed seeds, so the same code
 * writes the same bytes; {@code ConformanceKitTest} holds the committed kit to that.
 *
 * <p>Most failures are re-sealed ({@link KeyHolder}): hashes, chain and signatures are made to agree again
 * around the change, as a buggy exporter or an insider with the key would hand it over, so that the
 * targeted check is the only one that can catch it. Cases named "without the key" are left as an
 * outsider would leave them.
 */
public final class ConformanceKit {
    /** The log key of every bundle in the kit, derived like {@code sealtrail gen --seed 11}. */
    public static final long SEED = 11;
    public static final long EVENTS = 6;
    public static final long CHECKPOINT_EVERY = 3;
    public static final int SEGMENT_EVENTS = 3;
    /** The continued export's own seed: it continues the valid bundle (seed 11) under the same key. */
    public static final long CONTINUED_SEED = 12;
    public static final long CONTINUED_EVENTS = 3;

    public static final String SEG0 = Tamper.segment(0);
    public static final String SEG3 = Tamper.segment(3);
    public static final String CP3 = Tamper.checkpoint(3);
    /** A second file for tree size 3, misnamed by construction. */
    public static final String CP30 = "checkpoints/30.checkpoint";
    public static final String TSR3 = "timestamps/3.tsr";
    /** A token for a checkpoint the bundle does not have. */
    public static final String TSR4 = "timestamps/4.tsr";

    private static final Pattern TIME = Pattern.compile("\"time\":\"([^\"]+)\"");

    /** Which generated bundle a case starts from. */
    public enum Base {
        /** {@value #EVENTS} events, checkpoints at 3 and 6, segments of 3. */
        PLAIN,
        /** The same, each checkpoint stamped by the generator's deterministic test TSA. */
        STAMPED,
        /** The next export of PLAIN's log: leaves [6, 9), its manifest naming PLAIN as previous. */
        CONTINUED
    }

    /** One expected finding code: how many findings carry it, and the file they all name (or null). */
    public record Expected(FindingCode code, int count, String file) {
    }

    /** The targeted change: applied to a fresh copy of the base, with the log key at hand. */
    @FunctionalInterface
    public interface Recipe {
        void apply(Tamper bundle, NoteSigner key) throws Exception;
    }

    /**
     * One case of the kit. {@code trustedSeed} is the seed of the one log key the verifier trusts
     * (written as {@code trusted.vkey}).
     */
    public record Case(String name, String description, Base base, long trustedSeed, String trustedOrigin,
                       Recipe recipe, Verdict verdict, List<Expected> findings) {
    }

    private ConformanceKit() {
    }

    public static NoteSigner key() {
        return Bundles.signer(SEED);
    }

    /** The one log key case {@code c} trusts. */
    public static VerifierKey trustedKey(Case c) {
        return BundleGenerator.seededSigner(c.trustedOrigin(), c.trustedSeed()).verifierKey();
    }

    /** Generates the base bundle {@code base} into {@code out} (which must not exist). */
    public static Path generate(Base base, Path out) throws Exception {
        BundleGenerator.Options plain = Bundles.options(EVENTS, SEED, CHECKPOINT_EVERY, SEGMENT_EVENTS);
        return switch (base) {
            case PLAIN -> Bundles.generate(out, plain);
            case STAMPED -> Bundles.generate(out, plain.withTimestamps(Bundles.TEST_TSA));
            case CONTINUED -> {
                Path previous = Files.createTempDirectory("sealtrail-kit-previous").resolve("b");
                try {
                    Bundles.generate(previous, plain);
                    yield Bundles.generate(out, Bundles.options(CONTINUED_EVENTS, CONTINUED_SEED, CHECKPOINT_EVERY,
                            SEGMENT_EVENTS).withPrevious(previous).withSigner(key()));
                } finally {
                    Tamper.deleteTree(previous.getParent());
                }
            }
        };
    }

    /** Builds case {@code c}'s bundle at {@code out} (which must not exist) from a fresh base. */
    public static Path build(Case c, Path out) throws Exception {
        Path base = Files.createTempDirectory("sealtrail-kit-base").resolve("b");
        try {
            generate(c.base(), base);
            Tamper bundle = Tamper.copyOf(base, out);
            c.recipe().apply(bundle, key());
            return bundle.dir();
        } finally {
            Tamper.deleteTree(base.getParent());
        }
    }

    public static Case named(String name) {
        return cases().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no conformance case " + name));
    }

    private static Case ok(String name, String description, Base base, Recipe recipe, Expected... findings) {
        return new Case(name, description, base, SEED, Bundles.ORIGIN, recipe, Verdict.VERIFIED, List.of(findings));
    }

    /** The line labelled as a record sealed from a syslog file, as 'sealtrail seal' labels every line. */
    static String asSourceRecord(String line) {
        String label = "\"record.format\":\"syslog\"";
        return line.contains("\"labels\":{") ? line.replace("\"labels\":{", "\"labels\":{" + label + ",")
                : line.substring(0, line.lastIndexOf('}')) + ",\"labels\":{" + label + "}}";
    }

    private static Case ok(String name, String description, Base base, Expected... findings) {
        return new Case(name, description, base, SEED, Bundles.ORIGIN, (b, k) -> { }, Verdict.VERIFIED,
                List.of(findings));
    }

    private static Case fails(String name, String description, Base base, Recipe recipe, Expected... findings) {
        return new Case(name, description, base, SEED, Bundles.ORIGIN, recipe, Verdict.INTEGRITY_FAILURE,
                List.of(findings));
    }

    private static Case warns(String name, String description, Base base, Recipe recipe, Expected... findings) {
        return new Case(name, description, base, SEED, Bundles.ORIGIN, recipe, Verdict.VERIFIED, List.of(findings));
    }

    private static Expected one(FindingCode code, String file) {
        return new Expected(code, 1, file);
    }

    private static Expected n(FindingCode code, int count, String file) {
        return new Expected(code, count, file);
    }

    /** Every case, in the order of docs/conformance/README.md. */
    public static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(ok("valid", "An untouched bundle: 6 events in two segments, checkpoints at tree sizes 3 and 6.",
                Base.PLAIN));
        cases.add(ok("valid-stamped", "The valid bundle with an RFC 3161 token per checkpoint. The test TSA's root is"
                + " not trusted, which is a warning and leaves the verdict alone.", Base.STAMPED,
                one(FindingCode.TIMESTAMP_TSA_UNTRUSTED, Manifest.TSA_CHAIN)));
        cases.add(ok("valid-continued", "The next export of the valid bundle's log (leaves 6 to 8), verified on its own:"
                + " continuity rests on the manifest's claim.", Base.CONTINUED,
                one(FindingCode.CONTINUITY_NOT_CHECKED, Manifest.MANIFEST)));
        cases.add(new Case("untrusted-key", "The valid bundle, but the verifier trusts only another log's key.",
                Base.PLAIN, 99, "other.example/log", (b, k) -> { }, Verdict.INTACT_UNTRUSTED,
                List.of(one(FindingCode.SIGNATURE_UNTRUSTED_KEY, null))));

        // Without the key: what an outsider's edit leaves behind.
        cases.add(fails("event-edited-without-key", "The outcome of the second event changed by someone without the"
                + " key: the next event's prev, the first checkpoint's root and the segment's hash all disagree.",
                Base.PLAIN, (b, k) -> b.editLine(SEG0, 2, ConformanceKit::flipOutcome),
                one(FindingCode.CHAIN_BROKEN, SEG0), one(FindingCode.EVENT_ALTERED, SEG0),
                n(FindingCode.CHECKPOINT_ROOT_MISMATCH, 2, null), one(FindingCode.FILE_HASH_MISMATCH, SEG0)));
        cases.add(fails("file-unlisted", "A README.txt added to the bundle; the manifest does not list it.", Base.PLAIN,
                (b, k) -> b.addFile("README.txt", "notes\n".getBytes(StandardCharsets.UTF_8)),
                one(FindingCode.FILE_UNLISTED, "README.txt")));
        cases.add(fails("final-checkpoint-deleted-without-key", "checkpoints/6.checkpoint deleted: the events after"
                + " checkpoint 3 are signed by nothing.", Base.PLAIN, (b, k) -> b.dropFile(Tamper.checkpoint(6)),
                one(FindingCode.FILE_MISSING, Tamper.checkpoint(6)),
                one(FindingCode.CHECKPOINT_FINAL_MISSING, Tamper.checkpoint(6)),
                one(FindingCode.EVENTS_NOT_COVERED, null)));
        cases.add(fails("last-event-cut-without-key", "The last event deleted from the second segment.", Base.PLAIN,
                (b, k) -> b.keepLines(SEG3, 2),
                one(FindingCode.FILE_SIZE_MISMATCH, SEG3), one(FindingCode.FILE_HASH_MISMATCH, SEG3),
                one(FindingCode.RANGE_MISMATCH, SEG3), one(FindingCode.RANGE_MISMATCH, null),
                // the final checkpoint is out of the cut events' reach (spec §14 step 9)
                one(FindingCode.CHECKPOINT_ROOT_MISMATCH, "checkpoints/6.checkpoint"),
                one(FindingCode.EVENTS_NOT_COVERED, null)));
        cases.add(fails("manifest-signature-missing", "manifest.sig deleted.", Base.PLAIN,
                (b, k) -> b.dropFile(Manifest.MANIFEST_SIG),
                one(FindingCode.MANIFEST_SIGNATURE_MISSING, Manifest.MANIFEST_SIG)));
        cases.add(fails("signed-by-another-key", "The whole bundle re-signed by another key under the log's name"
                + " (and the manifest's keys changed to it): the key the verifier trusts for this log signed nothing.",
                Base.PLAIN, (b, k) -> {
                    NoteSigner forger = Bundles.signer(99);
                    KeyHolder.manifest(b.dir(), forger, m -> withKeys(m, List.of(forger.verifierKey().encode())));
                    KeyHolder.events(b.dir(), forger);
                },
                one(FindingCode.SIGNER_KEY_MISMATCH, null)));
        cases.add(fails("signed-by-a-key-of-another-log", "The whole bundle re-signed by a key named for another log"
                + " (other.example/log), the manifest's keys changed to it: a key vouches only for the log it is"
                + " named for, so nothing is signed, and the log's trusted key signed nothing.",
                Base.PLAIN, (b, k) -> {
                    NoteSigner other = NoteSigner.fromSeed("other.example/log", sha256("another log's key"));
                    KeyHolder.manifest(b.dir(), other, m -> withKeys(m, List.of(other.verifierKey().encode())));
                    KeyHolder.events(b.dir(), other);
                },
                n(FindingCode.KEY_NAME_NOT_ORIGIN, 1, "manifest.sig"),
                n(FindingCode.SIGNER_KEY_MISMATCH, 1, "manifest.sig"),
                n(FindingCode.MANIFEST_SIGNATURE_INVALID, 1, "manifest.sig"),
                n(FindingCode.CHECKPOINT_UNSIGNED, 2, null),
                n(FindingCode.EVENTS_NOT_COVERED, 1, null)));

        // Re-sealed: one rule broken, everything else made to agree with it.
        cases.add(fails("compact-range-forged", "A continued export whose compact range was replaced, every"
                + " checkpoint and the manifest re-signed over the forged start: its root is not the previous"
                + " export's root.", Base.CONTINUED, (b, k) -> {
                    KeyHolder.manifest(b.dir(), k, m -> withCompactRange(m, List.of(sha256("another history"),
                            m.compactRange().get(1))));
                    KeyHolder.events(b.dir(), k);
                },
                one(FindingCode.COMPACT_RANGE_INVALID, Manifest.MANIFEST),
                one(FindingCode.CONTINUITY_NOT_CHECKED, Manifest.MANIFEST)));
        cases.add(fails("previous-size-mismatch", "A continued export whose previous.tree_size (5) is not its"
                + " leaf_range.start (6).", Base.CONTINUED,
                (b, k) -> KeyHolder.manifest(b.dir(), k, m -> withPrevious(m, new Manifest.Previous(
                        m.previous().bundleId(), 5, m.previous().rootHash(), m.previous().lastEntryHash()))),
                one(FindingCode.COMPACT_RANGE_INVALID, Manifest.MANIFEST),
                one(FindingCode.CONTINUITY_NOT_CHECKED, Manifest.MANIFEST)));
        cases.add(fails("manifest-invalid", "manifest.json says format_version 2 (and manifest.sig signs it).",
                Base.PLAIN, (b, k) -> {
                    b.rewriteManifest(m -> m.replace("\"format_version\" : 1", "\"format_version\" : 2"));
                    signManifestAsIs(b.dir(), k);
                },
                one(FindingCode.MANIFEST_INVALID, Manifest.MANIFEST)));
        cases.add(fails("line-unterminated", "The last line of the second segment lost its LF (the entry hashes do not"
                + " include it, so only the manifest's file size and hash were re-sealed).", Base.PLAIN, (b, k) -> {
                    byte[] seg = Files.readAllBytes(b.dir().resolve(SEG3));
                    b.truncateBytes(SEG3, seg.length - 1);
                    KeyHolder.manifest(b.dir(), k);
                },
                one(FindingCode.LINE_UNTERMINATED, SEG3)));
        cases.add(fails("json-duplicate-key", "The second event names seq twice (chain and checkpoints re-signed).",
                Base.PLAIN, (b, k) -> {
                    b.editLine(SEG0, 2, s -> s.replace("{\"seq\":1,", "{\"seq\":1,\"seq\":1,"));
                    KeyHolder.events(b.dir(), k);
                },
                one(FindingCode.JSON_DUPLICATE_KEY, SEG0)));
        cases.add(fails("checkpoint-malformed", "checkpoints/3.checkpoint is not a signed note.", Base.PLAIN, (b, k) -> {
                    b.replaceFile(CP3, "not a checkpoint\n".getBytes(StandardCharsets.UTF_8));
                    KeyHolder.manifest(b.dir(), k);
                },
                one(FindingCode.CHECKPOINT_MALFORMED, CP3), one(FindingCode.CHECKPOINT_MISSING, CP3)));
        cases.add(fails("checkpoint-origin-mismatch", "checkpoints/3.checkpoint names another log's origin (signed"
                + " by the log key).", Base.PLAIN, (b, k) -> {
                    Checkpoint cp = checkpointIn(b.dir(), CP3);
                    b.replaceFile(CP3, k.sign(new Checkpoint("other.example/log", cp.size(), cp.rootHash(), List.of())
                            .encode()));
                    KeyHolder.manifest(b.dir(), k);
                },
                one(FindingCode.CHECKPOINT_ORIGIN_MISMATCH, CP3), one(FindingCode.CHECKPOINT_MISSING, CP3)));
        cases.add(fails("checkpoint-out-of-range", "An extra, listed and signed checkpoints/7.checkpoint: tree size 7"
                + " lies beyond the bundle's last leaf.", Base.PLAIN, (b, k) -> {
                    b.addFile(Tamper.checkpoint(7), k.sign(new Checkpoint(Bundles.ORIGIN, 7, sha256("leaf 6"),
                            List.of()).encode()));
                    KeyHolder.manifest(b.dir(), k, m -> KeyHolder.listing(m, Tamper.checkpoint(7)));
                },
                one(FindingCode.CHECKPOINT_OUT_OF_RANGE, Tamper.checkpoint(7))));
        cases.add(fails("checkpoint-inconsistent", "An extra, listed and signed checkpoint for tree size 3 with"
                + " another root, in checkpoints/30.checkpoint: a split view. (Its file name is not its size, so it"
                + " is also malformed.)", Base.PLAIN, (b, k) -> {
                    b.addFile(CP30, k.sign(new Checkpoint(Bundles.ORIGIN, 3, sha256("another history"), List.of())
                            .encode()));
                    KeyHolder.manifest(b.dir(), k, m -> KeyHolder.listing(m, CP30));
                },
                one(FindingCode.CHECKPOINT_MALFORMED, CP30), one(FindingCode.CHECKPOINT_INCONSISTENT, CP30)));
        cases.add(fails("checkpoint-signature-invalid", "One byte of the log key's signature on"
                + " checkpoints/3.checkpoint flipped (and the manifest re-sealed).", Base.PLAIN, (b, k) -> {
                    b.replaceFile(CP3, flipSignatureByte(Files.readAllBytes(b.dir().resolve(CP3))));
                    KeyHolder.manifest(b.dir(), k);
                },
                one(FindingCode.CHECKPOINT_SIGNATURE_INVALID, CP3), one(FindingCode.CHECKPOINT_UNSIGNED, CP3)));
        cases.add(fails("timestamp-malformed", "timestamps/3.tsr is not a DER time-stamp response.", Base.STAMPED,
                (b, k) -> {
                    b.replaceFile(TSR3, "not a token\n".getBytes(StandardCharsets.UTF_8));
                    KeyHolder.manifest(b.dir(), k);
                },
                one(FindingCode.TIMESTAMP_MALFORMED, TSR3), one(FindingCode.TIMESTAMP_TSA_UNTRUSTED, Manifest.TSA_CHAIN)));
        cases.add(fails("timestamp-without-checkpoint", "A listed timestamps/4.tsr stamps a checkpoint the bundle"
                + " does not have.", Base.STAMPED, (b, k) -> {
                    b.addFile(TSR4, Files.readAllBytes(b.dir().resolve(TSR3)));
                    KeyHolder.manifest(b.dir(), k, m -> KeyHolder.listing(m, TSR4));
                },
                one(FindingCode.TIMESTAMP_MALFORMED, TSR4), one(FindingCode.TIMESTAMP_TSA_UNTRUSTED, Manifest.TSA_CHAIN)));
        cases.add(fails("timestamp-signature-invalid", "One byte of the TSA's signature in timestamps/3.tsr flipped.",
                Base.STAMPED, (b, k) -> {
                    byte[] tsr = Files.readAllBytes(b.dir().resolve(TSR3));
                    // the response ends with the SignerInfo's signature, so this keeps the DER intact
                    b.xorByte(TSR3, tsr.length - 10, 0x01);
                    KeyHolder.manifest(b.dir(), k);
                },
                one(FindingCode.TIMESTAMP_SIGNATURE_INVALID, TSR3),
                one(FindingCode.TIMESTAMP_TSA_UNTRUSTED, Manifest.TSA_CHAIN)));
        cases.add(fails("timestamp-chain-invalid", "timestamps/tsa-chain.pem holds another TSA's certificates, so no"
                + " chain leads from the tokens' signer to a root.", Base.STAMPED, (b, k) -> {
                    b.replaceFile(Manifest.TSA_CHAIN, otherTsa().chainPem().getBytes(StandardCharsets.US_ASCII));
                    KeyHolder.manifest(b.dir(), k);
                },
                one(FindingCode.TIMESTAMP_CHAIN_INVALID, TSR3),
                one(FindingCode.TIMESTAMP_CHAIN_INVALID, "timestamps/6.tsr")));
        cases.add(warns("time-backwards", "The third event's time set to the first event's (chain and checkpoints"
                + " re-signed).", Base.PLAIN, (b, k) -> {
                    setTime(b, SEG0, 3, timeOf(b.dir(), SEG0, 1));
                    KeyHolder.events(b.dir(), k);
                },
                one(FindingCode.TIME_BACKWARDS, SEG0)));
        cases.add(warns("time-backwards-across-segments", "The last event of the first segment moved to 06:01:30,"
                + " after the heartbeat at 06:01:00 that opens the second segment (chain and checkpoints re-signed).",
                Base.PLAIN, (b, k) -> {
                    setTime(b, SEG0, 3, "2026-03-02T06:01:30.000000Z");
                    KeyHolder.events(b.dir(), k);
                },
                one(FindingCode.TIME_BACKWARDS, SEG3)));
        cases.add(ok("source-order", "The third event's time set to the first event's, and the event labelled as a"
                + " record sealed from a source (record.format), as 'sealtrail seal' writes them: a sealed export"
                + " keeps its source's order, so this is a note, not a warning (chain and checkpoints re-signed).",
                Base.PLAIN, (b, k) -> {
                    setTime(b, SEG0, 3, timeOf(b.dir(), SEG0, 1));
                    b.editLine(SEG0, 3, ConformanceKit::asSourceRecord);
                    KeyHolder.events(b.dir(), k);
                },
                one(FindingCode.SEALED_RECORD_ORDER, SEG0)));
        cases.add(warns("time-outside-range", "The manifest's time_range ends at the fifth event's time, before the"
                + " sixth event (manifest re-signed).", Base.PLAIN,
                (b, k) -> {
                    Instant to = Instant.parse(timeOf(b.dir(), SEG3, 2));
                    KeyHolder.manifest(b.dir(), k, m -> withTimeTo(m, to));
                },
                one(FindingCode.TIME_OUTSIDE_RANGE, SEG3)));
        cases.add(fails("field-missing", "The second event has no event.outcome (chain and checkpoints re-signed).",
                Base.PLAIN, (b, k) -> {
                    b.editLine(SEG0, 2, s -> s.replaceFirst(",\"outcome\":\"[a-z]+\"", ""));
                    KeyHolder.events(b.dir(), k);
                },
                one(FindingCode.FIELD_MISSING, SEG0)));
        cases.add(fails("field-invalid", "The second event's event.outcome is \"sometimes\", which is not an outcome"
                + " (chain and checkpoints re-signed).", Base.PLAIN, (b, k) -> {
                    b.editLine(SEG0, 2, s -> s.replaceFirst("\"outcome\":\"[a-z]+\"", "\"outcome\":\"sometimes\""));
                    KeyHolder.events(b.dir(), k);
                },
                one(FindingCode.FIELD_INVALID, SEG0)));
        cases.add(warns("field-unknown", "The second event has a top-level field \"color\" the format does not define"
                + " (chain and checkpoints re-signed).", Base.PLAIN, (b, k) -> {
                    b.editLine(SEG0, 2, s -> s.substring(0, s.length() - 1) + ",\"color\":\"red\"}");
                    KeyHolder.events(b.dir(), k);
                },
                one(FindingCode.FIELD_UNKNOWN, SEG0)));
        return cases;
    }

    // ---- writing the kit ----------------------------------------------------------------------

    /** The files that describe a case beside its bundle. */
    public static final String EXPECTED_JSON = "expected.json";
    public static final String EXPECTED_CODES = "expected-codes.txt";
    public static final String TRUSTED_VKEY = "trusted.vkey";
    public static final String SUMS = "SHA256SUMS";
    /** The valid case's signing key (a published test key), in Go's note format. */
    public static final String LOG_KEY = "log.key";

    /**
     * Regenerates the kit under {@code args[0]} (default: docs/conformance of the working directory's
     * repository). Run it only when the format changed on purpose; see docs/conformance/README.md.
     */
    public static void main(String[] args) throws Exception {
        Path root = args.length > 0 ? Path.of(args[0]) : repositoryRoot().resolve("docs/conformance");
        write(root);
        System.out.println("wrote " + cases().size() + " cases to " + root);
    }

    /** Writes every case and SHA256SUMS under {@code root}; other files there (the README) are left alone. */
    public static void write(Path root) throws Exception {
        Files.createDirectories(root);
        for (Case c : cases()) {
            Path dir = root.resolve(c.name());
            Tamper.deleteTree(dir);
            Files.createDirectories(dir);
            build(c, dir.resolve("bundle"));
            Files.writeString(dir.resolve(TRUSTED_VKEY), trustedKey(c).encode() + "\n", StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(EXPECTED_JSON), expectedJson(c), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(EXPECTED_CODES), expectedCodes(c), StandardCharsets.UTF_8);
            if (c.name().equals("valid")) {
                // a test key anyone can derive (seed 11): lets an exporter re-sign the valid bundle and compare bytes
                Files.writeString(dir.resolve(LOG_KEY), key().encode() + "\n", StandardCharsets.UTF_8);
            }
        }
        Files.writeString(root.resolve(SUMS), sums(root), StandardCharsets.UTF_8);
    }

    /** {@code sha256sum}'s format over every file of every case, sorted by path, so {@code sha256sum -c} reads it. */
    public static String sums(Path root) throws Exception {
        java.util.TreeMap<String, String> hashes = new java.util.TreeMap<>();
        for (Case c : cases()) {
            try (java.util.stream.Stream<Path> walk = Files.walk(root.resolve(c.name()))) {
                for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                    hashes.put(root.relativize(p).toString().replace('\\', '/'),
                            java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                                    .digest(Files.readAllBytes(p))));
                }
            }
        }
        StringBuilder out = new StringBuilder();
        hashes.forEach((path, hex) -> out.append(hex).append("  ").append(path).append('\n'));
        return out.toString();
    }

    /** One line per expected code, {@code CODE COUNT}, sorted by code: what {@code uniq -c} of a verifier's codes gives. */
    public static String expectedCodes(Case c) {
        java.util.TreeMap<String, Integer> counts = new java.util.TreeMap<>();
        c.findings().forEach(e -> counts.merge(e.code().name(), e.count(), Integer::sum));
        StringBuilder out = new StringBuilder();
        counts.forEach((code, n) -> out.append(code).append(' ').append(n).append('\n'));
        return out.toString();
    }

    public static String expectedJson(Case c) {
        StringBuilder out = new StringBuilder("{\n");
        out.append("  \"case\": ").append(quote(c.name())).append(",\n");
        out.append("  \"description\": ").append(quote(c.description())).append(",\n");
        out.append("  \"bundle\": \"bundle\",\n");
        out.append("  \"trusted_keys\": [").append(quote(TRUSTED_VKEY)).append("],\n");
        out.append("  \"verdict\": ").append(quote(c.verdict().name())).append(",\n");
        out.append("  \"exit_code\": ").append(c.verdict().exitCode()).append(",\n");
        out.append("  \"findings\": [");
        for (int i = 0; i < c.findings().size(); i++) {
            Expected e = c.findings().get(i);
            out.append(i == 0 ? "\n" : ",\n").append("    {\"code\": ").append(quote(e.code().name()))
                    .append(", \"severity\": ").append(quote(e.code().severity().name()))
                    .append(", \"count\": ").append(e.count());
            if (e.file() != null) {
                out.append(", \"file\": ").append(quote(e.file()));
            }
            out.append('}');
        }
        out.append(c.findings().isEmpty() ? "]\n" : "\n  ]\n").append("}\n");
        return out.toString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The repository root: the nearest directory upwards that holds docs/bundle-format.md. */
    public static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("docs/bundle-format.md"))) {
                return p;
            }
        }
        throw new IllegalStateException("not inside the Sealtrail repository: no docs/bundle-format.md above "
                + Path.of("").toAbsolutePath());
    }

    // ---- recipes ------------------------------------------------------------------------------

    /** The time of 1-based line {@code lineNo} of {@code file}. */
    public static String timeOf(Path bundle, String file, int lineNo) throws IOException {
        Matcher m = TIME.matcher(new String(Tamper.line(bundle, file, lineNo), StandardCharsets.UTF_8));
        if (!m.find()) {
            throw new IllegalStateException("line " + lineNo + " of " + file + " has no time");
        }
        return m.group(1);
    }

    /** Sets the time of one line (its entry hash changes: re-seal the events afterwards). */
    public static void setTime(Tamper bundle, String file, int lineNo, String time) throws IOException {
        bundle.editLine(file, lineNo, s -> TIME.matcher(s).replaceFirst("\"time\":\"" + time + "\""));
    }

    static String flipOutcome(String line) {
        return line.contains("\"outcome\":\"success\"") ? line.replace("\"outcome\":\"success\"", "\"outcome\":\"failure\"")
                : line.replaceFirst("\"outcome\":\"[a-z]+\"", "\"outcome\":\"success\"");
    }

    /** Signs manifest.json's bytes as they are, for a manifest the verifier cannot parse. */
    static void signManifestAsIs(Path bundle, NoteSigner key) throws Exception {
        byte[] json = Files.readAllBytes(bundle.resolve(Manifest.MANIFEST));
        Files.write(bundle.resolve(Manifest.MANIFEST_SIG), key.sign(io.sealtrail.verify.bundle.ManifestSignature.text(
                Bundles.ORIGIN, KeyHolder.bundleId(bundle), MessageDigest.getInstance("SHA-256").digest(json))));
    }

    static Checkpoint checkpointIn(Path bundle, String file) throws Exception {
        return Checkpoint.parse(SignedNote.parse(Files.readAllBytes(bundle.resolve(file))).text());
    }

    /** Flips one byte inside the Ed25519 signature (after the key id) of a note's first signature line. */
    static byte[] flipSignatureByte(byte[] note) {
        String s = new String(note, StandardCharsets.UTF_8);
        int line = s.indexOf("\n\u2014 ") + 3;
        int b64 = s.indexOf(' ', line) + 1;
        int end = s.indexOf('\n', b64);
        byte[] sig = Base64.getDecoder().decode(s.substring(b64, end));
        sig[4 + 10] ^= 0x01;
        return (s.substring(0, b64) + Base64.getEncoder().encodeToString(sig) + s.substring(end))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A TSA other than the generator's (same name, another key), for a chain that does not fit. */
    static TestTimestampAuthority otherTsa() {
        return TestTimestampAuthority.create("another tsa".getBytes(StandardCharsets.UTF_8), "Sealtrail Test TSA",
                Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2045-01-01T00:00:00Z"));
    }

    public static Manifest withKeys(Manifest m, List<String> keys) {
        return new Manifest(m.formatVersion(), m.origin(), m.bundleId(), m.created(), m.producer(), m.timeFrom(),
                m.timeTo(), m.start(), m.end(), m.heartbeatIntervalSeconds(), m.checkpointInterval(), keys,
                m.previous(), m.compactRange(), m.finalCheckpoint(), m.files());
    }

    public static Manifest withCompactRange(Manifest m, List<byte[]> compactRange) {
        return new Manifest(m.formatVersion(), m.origin(), m.bundleId(), m.created(), m.producer(), m.timeFrom(),
                m.timeTo(), m.start(), m.end(), m.heartbeatIntervalSeconds(), m.checkpointInterval(), m.keys(),
                m.previous(), compactRange, m.finalCheckpoint(), m.files());
    }

    public static Manifest withPrevious(Manifest m, Manifest.Previous previous) {
        return new Manifest(m.formatVersion(), m.origin(), m.bundleId(), m.created(), m.producer(), m.timeFrom(),
                m.timeTo(), m.start(), m.end(), m.heartbeatIntervalSeconds(), m.checkpointInterval(), m.keys(),
                previous, m.compactRange(), m.finalCheckpoint(), m.files());
    }

    public static Manifest withTimeTo(Manifest m, Instant to) {
        return new Manifest(m.formatVersion(), m.origin(), m.bundleId(), m.created(), m.producer(), m.timeFrom(),
                to, m.start(), m.end(), m.heartbeatIntervalSeconds(), m.checkpointInterval(), m.keys(),
                m.previous(), m.compactRange(), m.finalCheckpoint(), m.files());
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
