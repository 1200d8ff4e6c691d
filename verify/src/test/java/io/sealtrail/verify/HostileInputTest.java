package io.sealtrail.verify;

import static io.sealtrail.verify.testing.Bundles.describe;
import static io.sealtrail.verify.testing.Bundles.findings;
import static io.sealtrail.verify.testing.Bundles.trusting;
import static io.sealtrail.verify.testing.Tamper.segment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Verdict;
import io.sealtrail.verify.bundle.BundleFormatException;
import io.sealtrail.verify.testing.Bundles;
import io.sealtrail.verify.testing.Tamper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Inputs built to hurt the verifier. Each either is refused as unreadable ({@link BundleFormatException},
 * with a one-line message naming the file) or yields INTEGRITY_FAILURE with a specific finding, and in
 * either case the verifier writes nothing: the working directory and the input stay byte-identical.
 */
class HostileInputTest {
    static final String FIRST = segment(0);
    static final String LAST = segment(1000);

    @TempDir
    static Path shared;
    static Path fixture;
    static Path fixtureZip;

    @TempDir
    Path tmp;

    /** Every file under the sandbox (the per-test temp dir and the shared fixtures), with its SHA-256. */
    private Map<String, String> before;

    @BeforeAll
    static void generate() throws Exception {
        fixture = Bundles.generate(shared.resolve("bundle"), Bundles.options(2000, 1, 500, 1000));
        fixtureZip = Bundles.generate(shared.resolve("bundle.zip"), Bundles.options(2000, 1, 500, 1000));
    }

    /** Call once the hostile input is in place; {@link #nothingWritten} compares after the test. */
    private void snapshot() throws IOException {
        before = listing();
    }

    @AfterEach
    void nothingWritten() throws IOException {
        if (before != null) {
            assertThat(listing()).as("files under the sandbox after verification").isEqualTo(before);
        }
    }

    private Map<String, String> listing() throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (Path root : List.of(tmp, shared)) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    out.put(root + "|" + root.relativize(p), Files.isRegularFile(p) ? sha256(p) : "dir");
                }
            }
        }
        // siblings of the temp dir: only what a hostile entry could have written there, by name. A glob lists names
        // without visiting the others, which other programs (and tests running beside these) create and remove.
        Path parent = tmp.getParent();
        try (java.nio.file.DirectoryStream<Path> evil = Files.newDirectoryStream(parent, "*evil*")) {
            for (Path p : evil) {
                out.put(parent + "|" + parent.relativize(p), "");
            }
        }
        return out;
    }

    private static String sha256(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BundleFormatException refused(Path input) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> Bundles.verify(input, trusting(1)));
        assertThat(t).isInstanceOf(BundleFormatException.class);
        assertThat(t.getMessage()).as("one line naming the input").doesNotContain("\n").contains(input.toString());
        return (BundleFormatException) t;
    }

    private static void assertFailureWith(VerificationReport r, FindingCode code) {
        assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.INTEGRITY_FAILURE);
        assertThat(findings(r, code)).as("%s in%n%s", code, describe(r)).isNotEmpty();
    }

    // ---- not a bundle ---------------------------------------------------------------------------

    @Test
    void textFileIsNotAZip() throws Exception {
        Path input = Files.writeString(tmp.resolve("bundle.zip"), "just some text, not a zip\n");
        snapshot();

        assertThat(refused(input)).hasMessageContaining("not a zip");
    }

    @Test
    void missingInputIsRefused() throws Exception {
        Path input = tmp.resolve("no-such-bundle");
        snapshot();

        refused(input);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil.txt", "/etc/passwd", "events/../../evil.txt", "C:/evil.txt", "a\\..\\evil.txt"})
    void zipEntryThatEscapesIsRefused(String name) throws Exception {
        Path input = tmp.resolve("evil.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(input))) {
            zip.putNextEntry(Tamper.entry("manifest.json"));
            zip.write(Files.readAllBytes(fixture.resolve("manifest.json")));
            zip.closeEntry();
            zip.putNextEntry(Tamper.entry(name));
            zip.write("pwned\n".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        snapshot();

        assertThat(refused(input)).hasMessageContaining("unsafe zip entry");
        for (Path d = tmp; d != null && d.getNameCount() > 0 && d.startsWith(tmp.getRoot().resolve("tmp")); d = d.getParent()) {
            assertThat(d.resolve("evil.txt")).doesNotExist();
        }
        assertThat(tmp.getParent().resolve("evil.txt")).doesNotExist();
    }

    @Test
    void missingManifestInADirectoryIsRefused() throws Exception {
        Path input = Tamper.copyOf(fixture, tmp.resolve("no-manifest")).dropFile("manifest.json").dir();
        snapshot();

        assertThat(refused(input)).hasMessageContaining("manifest.json");
    }

    @Test
    void missingManifestInAZipIsRefused() throws Exception {
        Path dir = Tamper.copyOf(fixture, tmp.resolve("no-manifest")).dropFile("manifest.json").dir();
        Path input = Tamper.zip(dir, tmp.resolve("no-manifest.zip"), "");
        snapshot();

        assertThat(refused(input)).hasMessageContaining("manifest.json");
    }

    @Test
    void emptyZipIsRefused() throws Exception {
        byte[] endRecord = new byte[22];
        endRecord[0] = 'P';
        endRecord[1] = 'K';
        endRecord[2] = 5;
        endRecord[3] = 6;
        Path input = Files.write(tmp.resolve("empty.zip"), endRecord);
        try (ZipFile z = new ZipFile(input.toFile())) {
            assertThat(z.size()).as("a valid, empty zip").isZero();
        }
        snapshot();

        refused(input);
    }

    @Test
    void truncatedZipIsRefusedAsCutShort() throws Exception {
        byte[] zip = Files.readAllBytes(fixtureZip);
        Path input = Files.write(tmp.resolve("truncated.zip"), Arrays.copyOf(zip, zip.length / 2));
        snapshot();

        assertThat(refused(input)).hasMessageEndingWith(
                ": the zip ends before its central directory: the file is cut short");
    }

    @Test
    void aRefusedFileIsNamedWithItsSizeAndSha256() throws Exception {
        byte[] zip = Files.readAllBytes(fixtureZip);
        byte[] cut = Arrays.copyOf(zip, zip.length / 2);
        Path input = Files.write(tmp.resolve("truncated.zip"), cut);
        snapshot();

        assertThat(refused(input)).hasMessageStartingWith(String.format("%s (%,d bytes, SHA-256 %s): ", input, cut.length,
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cut))));
    }

    @Test
    void anEmptyFileIsRefusedAsEmpty() throws Exception {
        Path input = Files.write(tmp.resolve("empty.zip"), new byte[0]);
        snapshot();

        assertThat(refused(input)).hasMessageContaining("the file is empty");
    }

    @Test
    void symbolicLinkInADirectoryBundleIsRefused() throws Exception {
        Path dir = Tamper.copyOf(fixture, tmp.resolve("linked")).dir();
        Files.writeString(tmp.resolve("outside.txt"), "secret\n");
        Files.createSymbolicLink(dir.resolve("events/link.jsonl"), tmp.resolve("outside.txt"));
        snapshot();

        assertThat(refused(dir)).hasMessageContaining("symbolic link");
    }

    @Test
    void namedPipeInADirectoryBundleIsRefusedWithoutWaitingForAWriter() throws Exception {
        Path dir = Tamper.copyOf(fixture, tmp.resolve("piped")).dir();
        Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve("events/pipe.jsonl").toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available");
        snapshot();

        assertThat(refused(dir)).hasMessageContaining("events/pipe.jsonl is a named pipe (FIFO), not a file");
    }

    @Test
    void segmentNamesThatDifferOnlyInCaseAreRefused() throws Exception {
        Path dir = Tamper.copyOf(fixture, tmp.resolve("folded")).dir();
        Files.copy(dir.resolve("manifest.json"), dir.resolve("MANIFEST.json"));
        snapshot();

        assertThat(refused(dir)).hasMessageContaining("MANIFEST.json and manifest.json differ only in case");
    }

    // ---- readable, but broken -------------------------------------------------------------------

    @Test
    void manifestThatIsNotJsonIsManifestInvalid() throws Exception {
        Path input = Tamper.copyOf(fixture, tmp.resolve("bad-manifest"))
                .replaceFile("manifest.json", "this is not JSON\n".getBytes(StandardCharsets.US_ASCII)).dir();
        snapshot();

        VerificationReport r = Bundles.verify(input, trusting(1));

        assertFailureWith(r, FindingCode.MANIFEST_INVALID);
        assertThat(findings(r, FindingCode.MANIFEST_INVALID)).allSatisfy(f ->
                assertThat(f.location().file()).isEqualTo("manifest.json"));
    }

    @Test
    void invalidUtf8InAStringValue() throws Exception {
        int lineNo = 12;
        Path input = Tamper.copyOf(fixture, tmp.resolve("latin1")).editLineBytes(FIRST, lineNo, b -> {
            byte[] key = "\"time\":\"".getBytes(StandardCharsets.US_ASCII);
            int at = indexOf(b, key) + key.length + 4; // inside the time string, after the year
            byte[] out = new byte[b.length + 1];
            System.arraycopy(b, 0, out, 0, at);
            out[at] = (byte) 0xC3;
            out[at + 1] = (byte) 0x28; // '(' is no continuation byte
            System.arraycopy(b, at + 1, out, at + 2, b.length - at - 1);
            return out;
        }).dir();
        snapshot();

        VerificationReport r = Bundles.verify(input, trusting(1));

        assertFailureWith(r, FindingCode.LINE_NOT_UTF8);
        assertThat(findings(r, FindingCode.LINE_NOT_UTF8)).singleElement().satisfies(f -> {
            assertThat(f.location().file()).isEqualTo(FIRST);
            assertThat(f.location().line()).isEqualTo(lineNo);
        });
    }

    @Test
    void segmentCutInTheMiddleOfALineIsUnterminated() throws Exception {
        long size = Files.size(fixture.resolve(LAST));
        Path input = Tamper.copyOf(fixture, tmp.resolve("cut")).truncateBytes(LAST, size - 40).dir();
        snapshot();

        VerificationReport r = Bundles.verify(input, trusting(1));

        assertFailureWith(r, FindingCode.LINE_UNTERMINATED);
        assertThat(findings(r, FindingCode.LINE_UNTERMINATED)).singleElement().satisfies(f -> {
            assertThat(f.location().file()).isEqualTo(LAST);
            assertThat(f.location().line()).isEqualTo(1000);
        });
        assertFailureWith(r, FindingCode.FILE_SIZE_MISMATCH);
    }

    @Test
    void unterminatedShortLineIsNotReportedAsTooLong() throws Exception {
        long size = Files.size(fixture.resolve(LAST));
        Path input = Tamper.copyOf(fixture, tmp.resolve("cut")).truncateBytes(LAST, size - 40).dir();
        snapshot();

        VerificationReport r = Bundles.verify(input, trusting(1));

        assertThat(findings(r, FindingCode.LINE_TOO_LONG)).as(describe(r)).isEmpty();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void hundredMegabyteLineIsTooLongWithoutExhaustingMemory() throws Exception {
        int lineNo = 10;
        Path dir = Tamper.copyOf(fixture, tmp.resolve("long-line")).dir();
        Path seg = dir.resolve(FIRST);
        List<byte[]> lines = splitLines(Files.readAllBytes(seg));
        long hundredMb = 100L * 1024 * 1024;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(seg), 1 << 16)) {
            for (int i = 0; i < lines.size(); i++) {
                if (i == lineNo - 1) {
                    out.write("{\"seq\":9,\"pad\":\"".getBytes(StandardCharsets.US_ASCII));
                    Tamper.writeRepeated(out, (byte) 'a', hundredMb);
                    out.write("\"}".getBytes(StandardCharsets.US_ASCII));
                } else {
                    out.write(lines.get(i));
                }
                out.write('\n');
            }
        }
        assertThat(Files.size(seg)).isGreaterThan(hundredMb);
        // declare the new size and hash, so the verifier must read the whole line (the signature then fails)
        Map<String, String> was = Map.of("size", Long.toString(Files.size(fixture.resolve(FIRST))),
                "sha", sha256(fixture.resolve(FIRST)));
        String newSize = Long.toString(Files.size(seg));
        String newSha = sha256(seg);
        Files.writeString(dir.resolve("manifest.json"), Files.readString(dir.resolve("manifest.json"))
                .replace("\"size\" : " + was.get("size") + ",", "\"size\" : " + newSize + ",")
                .replace(was.get("sha"), newSha));
        long lineLength = hundredMb + "{\"seq\":9,\"pad\":\"\"}".length();
        snapshot();

        VerificationReport r = Bundles.verify(dir, trusting(1));

        assertFailureWith(r, FindingCode.LINE_TOO_LONG);
        assertThat(findings(r, FindingCode.LINE_TOO_LONG)).singleElement().satisfies(f -> {
            assertThat(f.location().file()).isEqualTo(FIRST);
            assertThat(f.location().line()).isEqualTo(lineNo);
            assertThat(f.message()).contains(Long.toString(lineLength));
        });
        assertThat(findings(r, FindingCode.FILE_SIZE_MISMATCH)).as(describe(r)).isEmpty();
        assertThat(findings(r, FindingCode.FILE_HASH_MISMATCH)).as(describe(r)).isEmpty();
        assertThat(r.eventBytes()).isGreaterThan(hundredMb);
        assertThat(r.events()).as("the long line is still one leaf").isEqualTo(2000);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void zipBombSegmentIsReadOnlyToItsDeclaredSize() throws Exception {
        long bomb = 200L * 1024 * 1024;
        Path input = tmp.resolve("bomb.zip");
        try (ZipFile src = new ZipFile(fixtureZip.toFile());
             ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(input), 1 << 16))) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            for (ZipEntry e : src.stream().map(ZipEntry.class::cast).toList()) {
                zip.putNextEntry(Tamper.entry(e.getName()));
                if (e.getName().equals(LAST)) {
                    Tamper.writeRepeated(zip, (byte) 0, bomb); // streamed: never 200 MB in memory
                } else {
                    try (InputStream in = src.getInputStream(e)) {
                        in.transferTo(zip);
                    }
                }
                zip.closeEntry();
            }
        }
        assertThat(Files.size(input)).as("highly compressible").isLessThan(5L * 1024 * 1024);
        snapshot();

        long t0 = System.nanoTime();
        VerificationReport r = Bundles.verify(input, trusting(1));
        Duration took = Duration.ofNanos(System.nanoTime() - t0);

        assertFailureWith(r, FindingCode.FILE_SIZE_MISMATCH);
        assertThat(findings(r, FindingCode.FILE_SIZE_MISMATCH)).extracting(f -> f.location().file()).contains(LAST);
        long declared = r.manifest().eventSegments().stream().mapToLong(f -> f.size()).sum();
        assertThat(r.eventBytes()).as("bytes of event data read").isLessThanOrEqualTo(declared + r.segments());
        assertThat(took).as("verification time").isLessThan(Duration.ofSeconds(20));
    }

    private static int indexOf(byte[] b, byte[] key) {
        outer:
        for (int i = 0; i <= b.length - key.length; i++) {
            for (int k = 0; k < key.length; k++) {
                if (b[i + k] != key[k]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }

    private static List<byte[]> splitLines(byte[] b) {
        List<byte[]> out = new java.util.ArrayList<>();
        int start = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n') {
                out.add(Arrays.copyOfRange(b, start, i));
                start = i + 1;
            }
        }
        return out;
    }
}
