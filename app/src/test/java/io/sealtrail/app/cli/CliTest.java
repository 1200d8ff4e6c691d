package io.sealtrail.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line's contract: exit codes, one-line errors, and the documented commands. */
class CliTest {
    @TempDir
    static Path dir;
    static Path bundle;
    static Path vkey;

    record Run(int exit, String out, String err) {
    }

    /** Runs a command that must succeed. */
    static Run ok(String... args) {
        Run r = run(args);
        assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isZero();
        return r;
    }

    /** A case of one generated bundle (its key trusted) at {@code dir/case}, with seq 7 bookmarked: what a report cites. */
    record CitedCase(Path caseDir, Path vkey) {
    }

    static CitedCase citedCase(Path dir, int events, int seed, int checkpointEvery) {
        Path bundle = dir.resolve("in/e1");
        ok("gen", "--events", Integer.toString(events), "--seed", Integer.toString(seed), "--checkpoint-every",
                Integer.toString(checkpointEvery), "--out", bundle.toString());
        Path vkey = dir.resolve("in/e1.vkey");
        Path caseDir = dir.resolve("case");
        ok("import", bundle.toString(), "--case", caseDir.toString(), "--trust", vkey.toString(), "--no-trust-store");
        String id = ok("search", "--case", caseDir.toString(), "seq:7", "--format", "csv").out().lines().skip(1)
                .findFirst().orElseThrow().split(",")[1];
        ok("annotate", "--case", caseDir.toString(), "--event", id + ":7", "--bookmark");
        return new CitedCase(caseDir, vkey);
    }

    static Run run(String... args) {
        CommandLine cl = SealtrailCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @BeforeAll
    static void generate() {
        bundle = dir.resolve("b.zip");
        Run r = run("gen", "--events", "3000", "--seed", "7", "--checkpoint-every", "1000", "--segment-events", "1000",
                "--out", bundle.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        vkey = dir.resolve("b.zip.vkey");
    }

    @Test
    void genWritesTheBundleAndBothKeyFiles() {
        assertThat(bundle).isRegularFile();
        assertThat(dir.resolve("b.zip.key")).content().startsWith("PRIVATE+KEY+gateway.example.com/prod-audit+");
        assertThat(vkey).content().startsWith("gateway.example.com/prod-audit+");
    }

    @Test
    void verifyWithTheTrustedKeyExitsZero() {
        Run r = run("verify", bundle.toString(), "--trust", vkey.toString(), "--no-trust-store");
        assertThat(r.exit()).as(r.out()).isEqualTo(0);
        assertThat(r.out()).contains("VERIFIED");
    }

    @Test
    void verifyWithoutATrustedKeyExitsThree() {
        Run r = run("verify", bundle.toString(), "--no-trust-store");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.out()).contains("INTACT, NOT TRUSTED").contains("SIGNATURE_UNTRUSTED_KEY");
    }

    @Test
    void verifyOfATamperedBundleExitsOneAndNamesTheFinding() throws IOException {
        Path copy = dir.resolve("tampered");
        run("gen", "--events", "1500", "--seed", "8", "--checkpoint-every", "500", "--out", copy.toString());
        Path segment;
        try (Stream<Path> s = Files.list(copy.resolve("events"))) {
            segment = s.findFirst().orElseThrow();
        }
        String text = Files.readString(segment);
        Files.writeString(segment, text.replaceFirst("\"outcome\":\"denied\"", "\"outcome\":\"success\""));
        Run r = run("verify", copy.toString(), "--trust", dir.resolve("tampered.vkey").toString(), "--no-trust-store");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("INTEGRITY FAILURE").contains("CHAIN_BROKEN").contains("CHECKPOINT_ROOT_MISMATCH");
    }

    @Test
    void jsonOutputIsOneDocumentWithVerdictAndFindings() throws IOException {
        Run r = run("verify", bundle.toString(), "--no-trust-store", "--json");
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("verdict").asText()).isEqualTo("INTACT_UNTRUSTED");
        assertThat(doc.get("exit_code").asInt()).isEqualTo(3);
        assertThat(doc.get("counts").get("events").asLong()).isEqualTo(3000);
        assertThat(doc.get("checkpoints")).hasSize(3);
        assertThat(doc.get("findings").get(0).get("code").asText()).isEqualTo("SIGNATURE_UNTRUSTED_KEY");
    }

    @Test
    void unreadableInputExitsTwoWithOneLineNamingTheFile() throws IOException {
        Path junk = Files.writeString(dir.resolve("junk.zip"), "this is not a zip");
        Run r = run("verify", junk.toString(), "--no-trust-store");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).contains("junk.zip").contains("not a zip").doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void verifyOfACutShortBundleSaysSoWithItsSizeAndSha256AndExitsTwo() throws Exception {
        Path cut = dir.resolve("cut.zip");
        Files.write(cut, java.util.Arrays.copyOf(Files.readAllBytes(bundle), 30_000));
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(cut)));
        Run r = run("verify", cut.toString(), "--no-trust-store");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("sealtrail: " + cut + " (30,000 bytes, SHA-256 " + sha
                + "): the zip ends before its central directory: the file is cut short");
    }

    @Test
    void importOfACutShortBundleSaysSoWithItsSizeAndSha256AndLeavesNoCase() throws Exception {
        Path cut = dir.resolve("cut-import.zip");
        Files.write(cut, java.util.Arrays.copyOf(Files.readAllBytes(bundle), 30_000));
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(cut)));
        Path caseDir = dir.resolve("cut-case");
        System.setProperty("sealtrail.home", dir.resolve("home").toString());
        try {
            Run r = run("import", cut.toString(), "--case", caseDir.toString(), "--no-trust-store");
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains(cut + " (30,000 bytes, SHA-256 " + sha
                    + "): the zip ends before its central directory: the file is cut short");
            assertThat(caseDir).doesNotExist();
        } finally {
            System.clearProperty("sealtrail.home");
        }
    }

    @Test
    void missingBundleExitsTwo() {
        Run r = run("verify", dir.resolve("nope.zip").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("nope.zip");
    }

    @Test
    void unknownOptionIsAUsageErrorWithExitTwo() {
        assertThat(run("verify", "--frobnicate").exit()).isEqualTo(2);
    }

    @Test
    void checkpointVerifyAcceptsTheLogKeyAndRejectsAnother() throws IOException {
        Path cp = dir.resolve("1000.checkpoint");
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(bundle.toFile())) {
            Files.write(cp, z.getInputStream(z.getEntry("checkpoints/1000.checkpoint")).readAllBytes());
        }
        assertThat(run("checkpoint", "verify", cp.toString(), "--vkey", vkey.toString()).exit()).isZero();
        Run other = run("gen", "--events", "10", "--seed", "99", "--out", dir.resolve("other").toString());
        assertThat(other.exit()).isZero();
        Run r = run("checkpoint", "verify", cp.toString(), "--vkey", dir.resolve("other.vkey").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("REJECTED");
    }

    @Test
    void exportedProofVerifiesWithoutTheBundleAndRejectsAnotherEvent() throws IOException {
        Path proof = dir.resolve("e1234.tlog-proof");
        assertThat(run("proof", "export", "--bundle", bundle.toString(), "--seq", "1234", "--out", proof.toString())
                .exit()).isZero();
        assertThat(proof).content().startsWith("c2sp.org/tlog-proof@v1\nextra ");
        Run ok = run("proof", "verify", proof.toString(), "--vkey", vkey.toString());
        assertThat(ok.exit()).as(ok.out()).isZero();
        Path wrong = Files.writeString(dir.resolve("wrong.jsonl"), "{\"seq\":1234}\n");
        Run bad = run("proof", "verify", proof.toString(), "--event", wrong.toString(), "--vkey", vkey.toString());
        assertThat(bad.exit()).isEqualTo(1);
    }
}
