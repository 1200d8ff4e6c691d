package io.sealtrail.app.cli;

import static io.sealtrail.app.cli.CliTest.ok;
import static io.sealtrail.app.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.cli.CliTest.Run;
import io.sealtrail.cases.AuditorKey;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.verify.merkle.CompactRange;
import io.sealtrail.verify.merkle.Merkle;
import io.sealtrail.verify.note.Checkpoint;
import io.sealtrail.verify.note.NoteSigner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A case from the command line: import two consecutive exports (the second altered in one event), then
 * investigate. The evidence the user named is byte-identical before and after every command.
 */
class CaseCliTest {
    @TempDir
    static Path dir;
    static Path first;
    static Path second;
    static Path vkey;
    static Path caseDir;
    static Map<String, String> before;
    static Run imported;

    @BeforeAll
    static void importTwoExports() throws Exception {
        System.setProperty("sealtrail.home", dir.resolve("home").toString());
        first = dir.resolve("in/e1");
        second = dir.resolve("in/e2");
        assertThat(run("gen", "--events", "3000", "--seed", "21", "--checkpoint-every", "1000", "--segment-events",
                "1000", "--out", first.toString()).exit()).isZero();
        assertThat(run("gen", "--events", "2000", "--seed", "22", "--checkpoint-every", "1000", "--previous",
                first.toString(), "--out", second.toString()).exit()).isZero();
        Path segment;
        try (Stream<Path> s = Files.list(second.resolve("events"))) {
            segment = s.sorted().findFirst().orElseThrow();
        }
        String text = Files.readString(segment);
        Files.writeString(segment, text.replaceFirst("\"outcome\":\"denied\"", "\"outcome\":\"success\""));
        vkey = dir.resolve("in/e1.vkey");
        before = checksums(dir.resolve("in"));
        caseDir = dir.resolve("case");
        imported = run("import", first.toString(), second.toString(), "--case", caseDir.toString(), "--trust",
                vkey.toString(), "--no-trust-store");
    }

    @AfterAll
    static void clearHome() {
        System.clearProperty("sealtrail.home");
    }


    /** Runs a command as the auditor whose config folder is {@code home}. */
    static Run as(Path home, String... args) {
        String mine = System.getProperty("sealtrail.home");
        System.setProperty("sealtrail.home", home.toString());
        try {
            return run(args);
        } finally {
            System.setProperty("sealtrail.home", mine);
        }
    }

    static Map<String, String> checksums(Path root) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                try (InputStream in = Files.newInputStream(p)) {
                    md.update(in.readAllBytes());
                }
                out.put(root.relativize(p).toString(), HexFormat.of().formatHex(md.digest()));
            }
        }
        return out;
    }

    @Test
    void importOfATamperedExportExitsOneAndNamesBothVerdicts() {
        assertThat(imported.exit()).as(imported.out() + imported.err()).isEqualTo(1);
        assertThat(imported.out()).contains("VERIFIED").contains("INTEGRITY_FAILURE");
    }

    @Test
    void theEvidenceIsByteIdenticalAfterEveryCommand() throws Exception {
        String c = caseDir.toString();
        ok("search", "--case", c, "event.outcome:denied", "--limit", "3");
        ok("search", "--case", c, "*", "--format", "jsonl");
        ok("facets", "--case", c, "--field", "user.name");
        ok("histogram", "--case", c, "--interval", "1h");
        ok("sessions", "--case", c);
        ok("journal", "verify", "--case", c);
        ok("case", "verify", "--case", c);
        report();
        assertThat(checksums(dir.resolve("in"))).isEqualTo(before);
    }

    @Test
    void countEqualsTheFacetOfTheSameField() {
        long denied = Long.parseLong(ok("search", "--case", caseDir.toString(), "event.outcome:denied", "--count")
                .out().strip());
        String facets = ok("facets", "--case", caseDir.toString(), "--field", "event.outcome").out();
        assertThat(facets).containsPattern("denied\\s+" + String.format("%,d", denied));
        assertThat(denied).isPositive();
    }

    @Test
    void sortByUserPrintsTheAlphabeticallyFirstUserOfTheCaseFirst() {
        String c = caseDir.toString();
        int userColumn = io.sealtrail.index.HitFormat.CSV_COLUMNS.indexOf("user.name");
        String first = ok("search", "--case", c, "--format", "csv").out().lines().skip(1)
                .map(l -> l.split(",", -1)[userColumn]).filter(u -> !u.isEmpty()).min(String::compareTo).orElseThrow();

        String top = ok("search", "--case", c, "--sort", "user.name", "--format", "csv", "--limit", "1").out().lines()
                .skip(1).findFirst().orElseThrow();

        assertThat(top.split(",", -1)[userColumn]).isEqualTo(first);
    }

    @Test
    void sortByAFieldTheIndexCannotSortIsOnePlainLine() {
        Run r = run("search", "--case", caseDir.toString(), "--sort", "command:desc");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("sealtrail: cannot sort by \"command\"");
    }

    @Test
    void aQueryMistakeIsOnePlainLine() {
        Run r = run("search", "--case", caseDir.toString(), "user.name:");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("sealtrail: nothing after user.name: — give a value, e.g. user.name:alice"
                + System.lineSeparator());
    }

    @Test
    void jsonlExportIsTheEvidenceLinesThemselves() throws IOException {
        String out = ok("search", "--case", caseDir.toString(), "seq:[0 TO 2]", "--format", "jsonl").out();
        String evidence = Files.readString(first.resolve("events/000000000000.jsonl"));
        assertThat(out.lines().toList()).hasSize(3).allSatisfy(line -> assertThat(evidence).contains(line + "\n"));
    }

    @Test
    void theAlteredEventIsMarkedBrokenAndTheFirstExportVerified() {
        String c = caseDir.toString();
        long broken = Long.parseLong(ok("search", "--case", c, "integrity:broken", "--count").out().strip());
        long verified = Long.parseLong(ok("search", "--case", c, "integrity:verified", "--count").out().strip());
        assertThat(broken).isPositive();
        assertThat(verified).isGreaterThanOrEqualTo(3000);
    }

    @Test
    void anAnnotationLandsInTheSignedJournal() {
        String c = caseDir.toString();
        Run ambiguous = run("annotate", "--case", c, "--event", "5", "--bookmark");
        assertThat(ambiguous.exit()).isEqualTo(2);
        assertThat(ambiguous.err()).contains("BUNDLE_ID:SEQ");
        String firstId = ok("search", "--case", c, "seq:5", "--format", "csv").out().lines().skip(1).findFirst()
                .orElseThrow().split(",")[1];
        ok("annotate", "--case", c, "--event", firstId + ":5", "--tag", "sample", "--comment", "checked ✓");
        assertThat(ok("journal", "show", "--case", c).out()).contains("annotation").contains("checked ✓");
        ok("journal", "verify", "--case", c);
    }

    @Test
    void anAnnotationIsTakenBackByASignedRemovalAndItsEntryStays() throws Exception {
        Path copy = dir.resolve("case-remove");
        copyTree(caseDir, copy);
        String c = copy.toString();
        String id = ok("search", "--case", c, "seq:7", "--format", "csv").out().lines().skip(1).findFirst()
                .orElseThrow().split(",")[1];
        String recorded = ok("annotate", "--case", c, "--event", id + ":7", "--bookmark").out();
        String n = recorded.replaceAll("(?s)Recorded annotation #(\\d+).*", "$1");
        Run notAnAnnotation = run("annotate", "--case", c, "--remove", "0");
        assertThat(notAnAnnotation.exit()).isEqualTo(2);
        assertThat(notAnAnnotation.err()).contains("#0 is no annotation");

        assertThat(ok("annotate", "--case", c, "--remove", n, "--reason", "wrong event").out())
                .contains("Removed annotation #" + n, "#" + n + " stays in the journal");
        assertThat(ok("journal", "show", "--case", c).out()).contains("annotation.removed").contains("removes=" + n);
        assertThat(io.sealtrail.cases.Annotation.all(io.sealtrail.cases.CaseFolder.open(copy, java.time.Clock.systemUTC())
                .journal())).noneMatch(a -> a.journalSeq() == Long.parseLong(n));
        ok("journal", "verify", "--case", c);
    }

    @Test
    void caseVerifyNoticesAChangedEvidenceCopy() throws Exception {
        Path copy = dir.resolve("case-copy");
        copyTree(caseDir, copy);
        Path evidenceFile;
        try (Stream<Path> walk = Files.walk(copy.resolve("bundles"))) {
            evidenceFile = walk.filter(p -> p.toString().contains("/evidence/") && p.toString().endsWith(".jsonl"))
                    .findFirst().orElseThrow();
        }
        evidenceFile.toFile().setWritable(true);
        Files.writeString(evidenceFile, "\n", java.nio.file.StandardOpenOption.APPEND);
        Run r = run("case", "verify", "--case", copy.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("CASE_FILE_CHANGED");
    }

    /** The evidence folder and the import record of the first export, in a copy of the case. */
    private static Path firstEvidence(Path kase) throws IOException {
        try (Stream<Path> walk = Files.walk(kase.resolve("bundles"))) {
            return walk.filter(p -> p.endsWith("evidence/e1")).findFirst().orElseThrow();
        }
    }

    @Test
    void caseVerifyFailsWhenEvidenceAndItsImportRecordAreRewrittenTogether() throws Exception {
        Path copy = dir.resolve("case-custody");
        copyTree(caseDir, copy);
        Path evidence = firstEvidence(copy);
        Path segment = evidence.resolve("events/000000000000.jsonl");
        Path record = evidence.getParent().getParent().resolve("import.json");
        String before = sha256(segment);
        segment.toFile().setWritable(true);
        String text = Files.readString(segment);
        String forged = text.replaceFirst("\"outcome\":\"denied\"", "\"outcome\":\"DENIED\"");
        assertThat(forged).isNotEqualTo(text).hasSameSizeAs(text);
        Files.writeString(segment, forged);
        String json = Files.readString(record);
        assertThat(json).contains(before);
        Files.writeString(record, json.replace(before, sha256(segment)));

        Run r = run("case", "verify", "--case", copy.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("CASE_RECORD_CHANGED").contains("journal entry #1").doesNotContain("CASE_FILE_CHANGED")
                .contains("CHANGED: see the findings");
    }

    @Test
    void aJournalReSignedUnderAnotherKeyFailsWithAndWithoutTrustingThatKey() throws Exception {
        Path copy = dir.resolve("case-resigned");
        copyTree(caseDir, copy);
        NoteSigner mallory = NoteSigner.fromSeed("auditor/mallory@laptop", new byte[32]);
        resign(copy, mallory);
        String c = copy.toString();
        for (String[] args : List.of(new String[] {"journal", "verify", "--case", c},
                new String[] {"journal", "verify", "--case", c, "--trust-auditor", mallory.verifierKey().encode()},
                new String[] {"case", "verify", "--case", c, "--trust-auditor", mallory.verifierKey().encode()})) {
            Run r = run(args);
            assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isEqualTo(1);
            assertThat(r.out()).contains("JOURNAL_SIGNER_CHANGED").contains("BROKEN")
                    .doesNotContain("JOURNAL_CHAIN_BROKEN", "JOURNAL_ROOT_MISMATCH", "JOURNAL_SIGNATURE_INVALID");
        }
    }

    @Test
    void aHandOverLetsTheSecondAuditorAnnotateAndNobodyElse() throws Exception {
        Path copy = dir.resolve("case-handover");
        copyTree(caseDir, copy);
        String c = copy.toString();
        Path bobHome = dir.resolve("home-bob");
        String bob = AuditorKey.loadOrCreate(bobHome).verifierKey().encode();
        String id = ok("search", "--case", c, "seq:9", "--format", "csv").out().lines().skip(1).findFirst()
                .orElseThrow().split(",")[1];

        Run refused = as(bobHome, "annotate", "--case", c, "--event", id + ":9", "--comment", "mine");
        assertThat(refused.exit()).as(refused.out() + refused.err()).isEqualTo(2);
        assertThat(refused.err()).contains("this case is held by").contains("handover");

        Run handed = ok("journal", "handover", "--case", c, "--to", bobHome.resolve("auditor.vkey").toString(), "--reason",
                "Alice leaves the audit team");
        assertThat(handed.out()).contains("Handed the case over to");
        Run annotated = as(bobHome, "annotate", "--case", c, "--event", id + ":9", "--comment", "reviewed by Bob");
        assertThat(annotated.exit()).as(annotated.out() + annotated.err()).isZero();
        Run verified = ok("journal", "verify", "--case", c, "--trust-auditor", bob);
        assertThat(verified.out()).contains("Verdict   INTACT").contains("handed over to");

        Run alice = run("annotate", "--case", c, "--event", id + ":9", "--comment", "one more");
        assertThat(alice.exit()).as(alice.out() + alice.err()).isEqualTo(2);
        Run again = run("journal", "handover", "--case", c, "--to", bob, "--reason", "again");
        assertThat(again.exit()).as(again.out() + again.err()).isEqualTo(2);
        ok("journal", "verify", "--case", c);
    }

    /** What an attacker with the case folder and his own key does: every actor his, the chain and the checkpoint anew. */
    private static void resign(Path kase, NoteSigner signer) throws Exception {
        Path file = kase.resolve("journal/journal.jsonl");
        StringBuilder out = new StringBuilder();
        CompactRange tree = CompactRange.empty();
        byte[] prev = new byte[32];
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String forged = line.replaceFirst("\"prev\":\"[0-9a-f]{64}\"", "\"prev\":\"" + HexFormat.of().formatHex(prev) + "\"")
                    .replaceFirst("\"actor\":\"[^\"]+\"", "\"actor\":\"" + signer.verifierKey().encode() + "\"");
            out.append(forged).append('\n');
            prev = Merkle.leafHash(forged.getBytes(StandardCharsets.UTF_8));
            tree.append(prev);
        }
        Files.writeString(file, out, StandardCharsets.UTF_8);
        String origin = "sealtrail.io/case/" + CaseFolder.open(kase, java.time.Clock.systemUTC()).id();
        Files.write(kase.resolve("journal/journal.checkpoint"),
                signer.sign(new Checkpoint(origin, tree.size(), tree.root(), List.of()).encode()));
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static Path report;
    private static Run reportRun;

    /** One report of the case, with one cited event, made on first use. */
    static synchronized Path report() {
        if (report == null) {
            String c = caseDir.toString();
            String id = ok("search", "--case", c, "seq:7", "--format", "csv").out().lines().skip(1).findFirst()
                    .orElseThrow().split(",")[1];
            ok("annotate", "--case", c, "--event", id + ":7", "--bookmark", "--comment", "cited");
            report = dir.resolve("out/report.pdf");
            reportRun = run("report", "--case", c, "--out", report.toString(), "--title", "CLI test review", "--trust",
                    vkey.toString(), "--no-trust-store");
            assertThat(reportRun.exit()).as(reportRun.out() + reportRun.err()).isZero();
        }
        return report;
    }

    @Test
    void reportPrintsTheHashOfTheFileItWroteAndJournalsIt() throws Exception {
        Path pdf = report();
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(pdf)));
        assertThat(reportRun.out()).contains("SHA-256 " + sha);
        assertThat(ok("journal", "show", "--case", caseDir.toString()).out()).contains("report").contains(sha);
        ok("journal", "verify", "--case", caseDir.toString());
    }

    @Test
    void reportVerifyAcceptsTheReportUnderTheLogKeyOnly() throws Exception {
        Path pdf = report();
        Run accepted = run("report", "verify", pdf.toString(), "--vkey", vkey.toString());
        assertThat(accepted.exit()).as(accepted.out() + accepted.err()).isZero();
        assertThat(accepted.out()).contains("VERIFIED: 1 of 1");
        Path other = dir.resolve("other.zip");
        ok("gen", "--events", "5", "--seed", "98", "--out", other.toString());
        Run underOther = run("report", "verify", pdf.toString(), "--vkey", other + ".vkey");
        assertThat(underOther.exit()).as(underOther.out() + underOther.err()).isEqualTo(3);
        assertThat(underOther.out()).doesNotContain("VERIFIED: 1 of 1");
    }

    @Test
    void reportVerifyUnderAnotherKeyExitsThree() throws Exception {
        Path pdf = report();
        Path other = dir.resolve("other-key.zip");
        assertThat(run("gen", "--events", "5", "--seed", "99", "--out", other.toString()).exit()).isZero();
        Run wrong = run("report", "verify", pdf.toString(), "--vkey", other + ".vkey");
        assertThat(wrong.exit()).as(wrong.out() + wrong.err()).isEqualTo(3);
        assertThat(wrong.out()).contains("UNTRUSTED").contains("is not signed by any key given")
                .contains("Verdict UNTRUSTED: 0 of 1 cited events proven");
    }

    @Test
    void reportVerifyOfAProofWithAnEditedEventLineExitsOne() throws Exception {
        Path pdf = report();
        Path tampered = dir.resolve("out/tampered.pdf");
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            var names = doc.getDocumentCatalog().getNames().getEmbeddedFiles().getNames();
            String victim = names.keySet().stream().filter(n -> n.endsWith(".tlog-proof")).findFirst().orElseThrow();
            var ef = names.get(victim).getEmbeddedFile();
            var proof = io.sealtrail.verify.note.TlogProof.parse(ef.toByteArray());
            String line = new String(proof.extra(), java.nio.charset.StandardCharsets.UTF_8);
            String forged = line.contains("\"outcome\":\"success\"")
                    ? line.replace("\"outcome\":\"success\"", "\"outcome\":\"denied\"")
                    : line.replaceFirst("\"outcome\":\"[a-z]+\"", "\"outcome\":\"success\"");
            assertThat(forged).isNotEqualTo(line);
            try (var os = ef.getCOSObject().createOutputStream()) {
                os.write(new io.sealtrail.verify.note.TlogProof(forged.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        proof.index(), proof.path(), proof.checkpointNote()).encode());
            }
            doc.save(tampered.toFile());
        }
        Run r = run("report", "verify", tampered.toString(), "--vkey", vkey.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL").contains("the event line is not in checkpoint").contains("Verdict FAILED");
    }

    @Test
    void reportWithAnUnknownTemplateIsAUsageErrorThatNamesTheTemplates() {
        Run r = run("report", "--case", caseDir.toString(), "--out", dir.resolve("out/t.pdf").toString(), "--template",
                "timeline", "--no-trust-store");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("unknown report template \"timeline\"; choose one of access-review, incident-timeline, "
                + "integrity");
        assertThat(dir.resolve("out/t.pdf")).doesNotExist();
    }

    @Test
    void reportWithABadRetentionIsAUsageError() {
        Run r = run("report", "--case", caseDir.toString(), "--out", dir.resolve("out/r.pdf").toString(), "--retention",
                "12 months", "--no-trust-store");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("e.g. 12m, 90d or 1y");
    }

    @Test
    void reportIntegrityTemplateListsTheFindingsAndRetention() throws Exception {
        Path pdf = dir.resolve("out/integrity.pdf");
        Run r = run("report", "--case", caseDir.toString(), "--out", pdf.toString(), "--template", "integrity",
                "--retention", "12m", "--trust", vkey.toString(), "--no-trust-store");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        String text;
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        assertThat(text).contains("Integrity of the evidence — evidence report", "Template integrity",
                "Retention coverage", "Required: 12 months of audit log", "EVENT_ALTERED", "Signed checkpoints");
        assertThat(ok("journal", "show", "--case", caseDir.toString()).out()).contains("integrity");
    }

    @Test
    void reportNeverOverwritesAFile() throws Exception {
        Path existing = dir.resolve("out/existing.pdf");
        Files.createDirectories(existing.getParent());
        Files.writeString(existing, "keep me");
        Run r = run("report", "--case", caseDir.toString(), "--out", existing.toString(), "--no-trust-store");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("already exists");
        assertThat(Files.readString(existing)).isEqualTo("keep me");
    }

    @Test
    void reportVerifyOfAFileThatIsNoPdfIsAUsageError() {
        Run r = run("report", "verify", vkey.toString(), "--vkey", vkey.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(vkey.toString()).contains("not a readable PDF");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }
}
