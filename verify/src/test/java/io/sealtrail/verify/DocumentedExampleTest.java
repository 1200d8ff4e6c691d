package io.sealtrail.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.model.Verdict;
import io.sealtrail.verify.gen.BundleGenerator;
import io.sealtrail.verify.merkle.Merkle;
import io.sealtrail.verify.note.VerifierKey;
import io.sealtrail.verify.testing.Bundles;
import io.sealtrail.verify.testing.Tamper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worked example of docs/bundle-format.md is what the generator makes for the documented command
 * ({@code gen --events 2500 --seed 3 --checkpoint-every 1000 --segment-events 1000 --timestamp}, and its
 * continuation with {@code --events 700 --seed 4}): an exporter compares its bytes with these, so every
 * verbatim file, hash and key in the text must be the real one.
 */
class DocumentedExampleTest {
    static String doc;
    static Path example;
    static Path continued;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void generate() throws Exception {
        doc = Files.readString(Path.of("..", "docs", "bundle-format.md"), StandardCharsets.UTF_8);
        example = Bundles.generate(tmp.resolve("docs-example"),
                Bundles.options(2500, 3, 1000, 1000).withTimestamps(Bundles.TEST_TSA));
        continued = Bundles.generate(tmp.resolve("docs-example-2"), Bundles.options(700, 4, 1000, 1000)
                .withPrevious(example).withSigner(Bundles.signer(3)));
    }

    /** The body of the first fenced block after {@code marker}, without the fences and indentation. */
    static String blockAfter(String marker) {
        int at = doc.indexOf(marker);
        assertThat(at).as("docs/bundle-format.md still says %s", marker).isNotNegative();
        Matcher m = Pattern.compile("\n( *)```[a-z]*\n(.*?)\n *```", Pattern.DOTALL).matcher(doc);
        assertThat(m.find(at)).as("a fenced block after %s", marker).isTrue();
        String indent = m.group(1);
        return m.group(2).lines().map(l -> l.startsWith(indent) ? l.substring(indent.length()) : l)
                .reduce((a, b) -> a + "\n" + b).orElse("");
    }

    static String text(Path p) throws Exception {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    static String bytes(long n) {
        return String.format(Locale.ROOT, "%,d bytes", n);
    }

    @Test
    void theExampleVerifiesUnderItsDocumentedKey() throws Exception {
        VerifierKey key = Bundles.signer(3).verifierKey();
        assertThat(doc).contains("Log key: " + key.encode() + " (" + key.fingerprint() + ")");
        assertThat(blockAfter("`<name>+<8 lowercase hex key id>+<base64(type || 32-byte public key)>`"))
                .isEqualTo(key.encode());
        assertThat(Bundles.verify(example, Bundles.trusting(3)).verdict()).isEqualTo(Verdict.VERIFIED);
    }

    @Test
    void theManifestIsVerbatimWithItsSizeAndHash() throws Exception {
        byte[] manifest = Files.readAllBytes(example.resolve("manifest.json"));
        assertThat(blockAfter("`/tmp/docs-example/manifest.json` (") + "\n").isEqualTo(new String(manifest,
                StandardCharsets.UTF_8));
        assertThat(doc).contains("`/tmp/docs-example/manifest.json` (" + bytes(manifest.length) + ", verbatim)");
        assertThat(doc).contains(sha256(manifest) + "  /tmp/docs-example/manifest.json");
    }

    @Test
    void theGeneratorsSummaryLineMatches() throws Exception {
        VerificationReport r = Bundles.verify(example, Bundles.trusting(3));
        long files = r.manifest().files().size() + 2;
        assertThat(doc).contains("Wrote /tmp/docs-example: 2,500 events, leaves [0, 2500), " + r.manifest().timeFrom()
                + " to " + r.manifest().timeTo() + ", " + files + " files");
    }

    @Test
    void theExampleLinesAndTheFirstEntryHashAreVerbatim() throws Exception {
        String segment = Tamper.segment(0);
        String one = new String(Tamper.line(example, segment, 1), StandardCharsets.UTF_8);
        String two = new String(Tamper.line(example, segment, 2), StandardCharsets.UTF_8);
        assertThat(blockAfter("The first two lines of `events/000000000000.jsonl`, verbatim")).isEqualTo(one + "\n" + two);
        assertThat(blockAfter("A heartbeat (line 5 of the same file)"))
                .isEqualTo(new String(Tamper.line(example, segment, 5), StandardCharsets.UTF_8));
        String entryHash = HexFormat.of().formatHex(Merkle.leafHash(Tamper.line(example, segment, 1)));
        assertThat(blockAfter("Check it with standard tools")).contains(entryHash + "  -");
        assertThat(two).contains("\"prev\":\"" + entryHash + "\"");
    }

    @Test
    void theCheckpointAndTheManifestSignatureAreVerbatim() throws Exception {
        byte[] cp = Files.readAllBytes(example.resolve(Tamper.checkpoint(1000)));
        assertThat(doc).contains("`checkpoints/1000.checkpoint` of the example, verbatim (" + bytes(cp.length) + ")");
        assertThat(blockAfter("`checkpoints/1000.checkpoint` of the example, verbatim") + "\n")
                .isEqualTo(new String(cp, StandardCharsets.UTF_8));
        assertThat(blockAfter("example's, verbatim:") + "\n").isEqualTo(text(example.resolve("manifest.sig")));
    }

    @Test
    void theCheckpointVerifyOutputNamesTheRealRootAndFingerprint() throws Exception {
        VerificationReport r = Bundles.verify(example, Bundles.trusting(3));
        String root = r.checkpoints().stream().filter(c -> c.treeSize() == 2000).findFirst().orElseThrow().rootHash();
        String out = blockAfter("Any C2SP-aware tool can check it");
        assertThat(out).contains("tree size 2,000, root " + root)
                .contains("by gateway.example.com/prod-audit (" + Bundles.signer(3).verifierKey().fingerprint() + ")");
    }

    @Test
    void theTimestampShownByOpensslIsTheTokensGenTime() throws Exception {
        VerificationReport r = Bundles.verify(example, Bundles.trusting(3));
        java.time.Instant genTime = r.checkpoints().stream().filter(c -> c.treeSize() == 1000).findFirst().orElseThrow()
                .timestamp();
        String openssl = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss.SSS yyyy 'GMT'", Locale.ROOT)
                .withZone(ZoneOffset.UTC).format(genTime);
        String block = blockAfter("### Re-checking a timestamp with OpenSSL");
        assertThat(block).contains("#   Time stamp: " + openssl).contains("#   " + genTime.getEpochSecond())
                .contains("-attime " + genTime.getEpochSecond());
    }

    @Test
    void theContinuedExportsManifestLinesAreVerbatim() throws Exception {
        String manifest = text(continued.resolve("manifest.json"));
        String block = blockAfter("--segment-events 1000 --out /tmp/docs-example-2`");
        int from = 0;
        for (String line : List.of(block.split("\n"))) {
            if (line.strip().equals("...")) {
                continue;
            }
            int at = manifest.indexOf(line + "\n", from);
            assertThat(at).as("continued manifest.json has, in this order, the line%n%s%nin%n%s", line, manifest)
                    .isNotNegative();
            from = at + line.length();
        }
    }
}
