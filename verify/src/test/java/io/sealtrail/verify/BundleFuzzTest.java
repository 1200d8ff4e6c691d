package io.sealtrail.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sealtrail.model.Verdict;
import io.sealtrail.testing.FuzzBounds;
import io.sealtrail.verify.bundle.BundleFormatException;
import io.sealtrail.verify.bundle.BundleSource;
import io.sealtrail.verify.note.VerifierKey;
import io.sealtrail.verify.testing.Tamper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the bundle readers and the verifier behind them (docs/testing.md, "Fuzzing"), starting from the
 * conformance kit's valid bundle, signed by the key the verification trusts. Both targets hold the verifier to what
 * it documents: a report, or a {@link BundleFormatException} when the input is no bundle at all; and to its
 * promise: bytes that differ from the signed original are never VERIFIED. The directory target alters the bundle's
 * files (any byte, any file, files added or removed); the zip target alters a zip of it, where only the bytes read
 * out of the zip are the bundle's.
 */
@Timeout(30) // per input; read by Jazzer as libFuzzer's -timeout too (docs/testing.md, "Fuzzing")
class BundleFuzzTest {
    private static final Path VALID = Path.of("../docs/conformance/valid");
    /** Plausible names for an added file: each of the bundle's folders, and names outside them. */
    private static final String[] ADDED = {"events/000000000006.jsonl", "checkpoints/9.checkpoint",
        "timestamps/3.tsr", "timestamps/tsa-chain.pem", "README.txt", "events/x", ".hidden"};

    private static final TreeMap<String, byte[]> ORIGINAL = new TreeMap<>();
    private static VerifyOptions trusting;
    private static Path work;

    @BeforeAll
    static void readValidBundle() throws Exception {
        Path bundle = VALID.resolve("bundle");
        try (Stream<Path> walk = Files.walk(bundle)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                ORIGINAL.put(bundle.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        VerifierKey key = VerifierKey.parse(Files.readString(VALID.resolve("trusted.vkey")).strip());
        trusting = new VerifyOptions(List.of(key), List.of(), null, 1);
        work = Files.createTempDirectory("sealtrail-bundle-fuzz-");
        assertThat(new BundleVerifier().verify(bundle, trusting).verdict()).isEqualTo(Verdict.VERIFIED);
    }

    @AfterAll
    static void cleanUp() {
        Tamper.deleteTree(work);
    }

    @FuzzTest(maxDuration = "120s")
    void anAlteredBundleDirectoryIsNeverVerified(FuzzedDataProvider data) throws Exception {
        TreeMap<String, byte[]> files = new TreeMap<>();
        ORIGINAL.forEach((k, v) -> files.put(k, v.clone()));
        for (int edits = data.consumeInt(1, 4); edits > 0 && data.remainingBytes() > 0; edits--) {
            alter(files, data);
        }
        Path dir = work.resolve("dir");
        Tamper.deleteTree(dir);
        long size = 0;
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, f.getValue());
            size += f.getValue().length;
        }

        FuzzBounds bounds = FuzzBounds.start(size);
        VerificationReport report;
        try {
            report = new BundleVerifier().verify(dir, trusting);
        } catch (BundleFormatException e) { // no manifest.json: refused as no bundle, which is never VERIFIED
            assertThat(files).doesNotContainKey("manifest.json");
            return;
        }
        bounds.check();

        if (same(files, ORIGINAL)) {
            assertThat(report.verdict()).isEqualTo(Verdict.VERIFIED);
        } else {
            assertThat(report.verdict()).as("%s", report.findings()).isNotEqualTo(Verdict.VERIFIED);
        }
    }

    @FuzzTest(maxDuration = "120s")
    void aZipIsVerifiedOnlyWhenItHoldsTheSignedBytes(byte[] zip) throws Exception {
        Path file = work.resolve("bundle.zip");
        Files.write(file, zip);
        FuzzBounds bounds = FuzzBounds.start(zip.length);
        VerificationReport report;
        try {
            report = new BundleVerifier().verify(file, trusting);
        } catch (BundleFormatException e) {
            assertThat(e.getMessage()).isNotBlank();
            bounds.check();
            return;
        }
        bounds.check();

        if (report.verdict() == Verdict.VERIFIED) {
            assertThat(read(file)).containsExactlyElementsOf(ORIGINAL.keySet());
        }
    }

    /** The bundle's files as the zip reader hands them out, each compared with the signed original. */
    private static List<String> read(Path zip) throws BundleFormatException, IOException {
        List<String> same = new ArrayList<>();
        try (BundleSource source = BundleSource.open(zip)) {
            for (String path : source.paths()) {
                byte[] original = ORIGINAL.get(path);
                try (var in = source.open(path)) {
                    if (original != null && Arrays.equals(in.readNBytes(original.length + 1), original)) {
                        same.add(path);
                    }
                }
            }
        }
        return same;
    }

    private static void alter(TreeMap<String, byte[]> files, FuzzedDataProvider data) {
        List<String> names = new ArrayList<>(files.keySet());
        switch (names.isEmpty() ? 4 : data.consumeInt(0, 5)) {
            case 0 -> { // flip bits of one byte
                String name = data.pickValue(names);
                byte[] b = files.get(name);
                if (b.length > 0) {
                    b[data.consumeInt(0, b.length - 1)] ^= (byte) data.consumeInt(1, 255);
                }
            }
            case 1 -> { // insert bytes
                String name = data.pickValue(names);
                byte[] b = files.get(name);
                int at = data.consumeInt(0, b.length);
                byte[] insert = data.consumeBytes(data.consumeInt(1, 64));
                byte[] out = new byte[b.length + insert.length];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(insert, 0, out, at, insert.length);
                System.arraycopy(b, at, out, at + insert.length, b.length - at);
                files.put(name, out);
            }
            case 2 -> { // cut a range out
                String name = data.pickValue(names);
                byte[] b = files.get(name);
                int from = data.consumeInt(0, b.length);
                int to = data.consumeInt(from, b.length);
                byte[] out = new byte[b.length - (to - from)];
                System.arraycopy(b, 0, out, 0, from);
                System.arraycopy(b, to, out, from, b.length - to);
                files.put(name, out);
            }
            case 3 -> files.remove(data.pickValue(names));
            case 4 -> files.put(data.pickValue(ADDED), data.consumeBytes(data.consumeInt(0, 256)));
            default -> files.put(data.pickValue(names), data.consumeBytes(data.consumeInt(0, 2048)));
        }
    }

    private static boolean same(Map<String, byte[]> a, Map<String, byte[]> b) {
        return a.keySet().equals(b.keySet()) && a.keySet().stream().allMatch(k -> Arrays.equals(a.get(k), b.get(k)));
    }
}
