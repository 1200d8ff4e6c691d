package io.sealtrail.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.index.EventQuery;
import io.sealtrail.index.EventSearch;
import io.sealtrail.index.Hit;
import io.sealtrail.index.Integrity;
import io.sealtrail.model.Finding;
import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Verdict;
import io.sealtrail.verify.bundle.BundleFormatException;
import io.sealtrail.verify.note.NoteSigner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sources other than bundles import like bundles: all or nothing, evidence untouched, verdict by their own rules. */
class SourceImporterTest {
    static final NoteSigner AUDITOR = CaseImporterTest.AUDITOR;

    @TempDir
    Path tmp;
    CaseFolder c;
    Path golden;

    @BeforeEach
    void newCase() throws Exception {
        c = CaseFolder.create(tmp.resolve("case"), "test", Clock.systemUTC());
        c.journal().append(AUDITOR, JournalEntry.CASE_CREATED, Map.of("name", "test"));
        golden = tmp.resolve("golden");
        copy(Path.of(getClass().getResource("/cloudtrail-golden").toURI()), golden);
    }

    private static void copy(Path from, Path to) throws IOException {
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

    private static Map<String, String> checksums(Path root) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                out.put(root.relativize(p).toString(), HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        return out;
    }

    private SourceImporter.Result importCloudTrail(Path keys) throws Exception {
        return new SourceImporter().importSource(c, golden.resolve("bucket"),
                new SourceImporter.Options(null, keys, null, null, null), AUDITOR, CaseImporter.Progress.NONE, () -> false);
    }

    private List<Hit> all() throws Exception {
        List<Path> indexes = c.bundles().stream().map(b -> c.bundleDir(b.bundleId()).resolve("index")).toList();
        try (EventSearch s = EventSearch.open(indexes)) {
            return s.search(EventQuery.of("*:*"), 1000, null).hits();
        }
    }

    @Test
    void aSignedCloudTrailTreeImportsVerifiedWithEveryEventProven() throws Exception {
        Map<String, String> before = checksums(golden);
        SourceImporter.Result r = importCloudTrail(golden.resolve("cloudtrail-keys.json"));
        assertThat(r.verification().verdict()).isEqualTo(Verdict.VERIFIED);
        assertThat(r.verification().findings()).isEmpty();
        assertThat(r.record().events()).isEqualTo(20);
        assertThat(r.record().format()).isEqualTo("cloudtrail");
        assertThat(r.record().bundleId()).startsWith("cloudtrail-");
        List<Hit> hits = all();
        assertThat(hits).hasSize(20).allMatch(h -> h.integrity() == Integrity.VERIFIED);
        assertThat(hits).as("a record of a source has no inclusion proof").noneMatch(Hit::provable)
                .allMatch(h -> "cloudtrail".equals(h.sourceFormat()));
        assertThat(hits).allSatisfy(h -> {
            assertThat(h.action()).isEqualTo("cloud.api");
            assertThat(h.userName()).isEqualTo("alice");
            assertThat(h.raw()).startsWith("{").contains("\"eventVersion\"");
        });
        assertThat(checksums(golden)).as("the evidence the auditor chose is only read").isEqualTo(before);
        CaseVerifier.Result custody = new CaseVerifier().verify(c, List.of(AUDITOR.verifierKey()));
        assertThat(custody.findings()).isEmpty();
        assertThat(c.journal().entries()).last().satisfies(e -> {
            assertThat(e.data()).containsEntry("format", "cloudtrail").containsEntry("verdict", "VERIFIED")
                    .containsKey(CaseImporter.IMPORT_SHA256);
        });
    }

    @Test
    void aCloudTrailTreeWithoutKeysIsIntactButUntrusted() throws Exception {
        SourceImporter.Result r = importCloudTrail(null);
        assertThat(r.verification().verdict()).isEqualTo(Verdict.INTACT_UNTRUSTED);
        assertThat(r.verification().findings()).extracting(Finding::code).containsOnly(FindingCode.CLOUDTRAIL_KEY_UNKNOWN);
    }

    @Test
    void anAlteredLogFileMarksItsEventsBrokenAndTheOthersVerified() throws Exception {
        Path log;
        try (Stream<Path> walk = Files.walk(golden.resolve("bucket"))) {
            log = walk.filter(p -> p.toString().endsWith("part00.json.gz")).findFirst().orElseThrow();
        }
        byte[] text;
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(log))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("ListUsers", "ListRoles")
                    .getBytes(StandardCharsets.UTF_8);
        }
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(log))) {
            out.write(text);
        }
        SourceImporter.Result r = importCloudTrail(golden.resolve("cloudtrail-keys.json"));
        assertThat(r.verification().verdict()).isEqualTo(Verdict.INTEGRITY_FAILURE);
        assertThat(all()).filteredOn(h -> h.integrity() == Integrity.BROKEN).hasSize(5)
                .allMatch(h -> h.file().endsWith("part00.json.gz"));
        assertThat(all()).filteredOn(h -> h.integrity() == Integrity.VERIFIED).hasSize(15);
    }

    @Test
    void jsonLinesOfRecordsAreUnsealedAndAMalformedLineIsNamedWhileTheOthersImport() throws Exception {
        Path jsonl = tmp.resolve("trail.jsonl");
        String good = "{\"eventVersion\":\"1.08\",\"eventTime\":\"2026-03-02T06:00:0%dZ\",\"eventSource\":\"s3.amazonaws.com\","
                + "\"eventName\":\"GetObject\",\"userIdentity\":{\"type\":\"IAMUser\",\"userName\":\"bob\"},"
                + "\"sourceIPAddress\":\"198.51.100.7\",\"errorCode\":\"AccessDenied\"}\n";
        Files.writeString(jsonl, String.format(good, 1) + "{\"eventVersion\": broken\n" + String.format(good, 2));
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(jsonl)));
        SourceImporter.Result r = new SourceImporter().importSource(c, jsonl, SourceImporter.Options.DEFAULT, AUDITOR,
                CaseImporter.Progress.NONE, () -> false);
        assertThat(r.verification().verdict()).isEqualTo(Verdict.NO_INTEGRITY_EVIDENCE);
        assertThat(r.verification().findings()).extracting(Finding::code)
                .containsExactly(FindingCode.SOURCE_UNSEALED, FindingCode.RECORD_MALFORMED);
        Finding bad = r.verification().findings().get(1);
        assertThat(bad.location().file()).isEqualTo("trail.jsonl");
        assertThat(bad.location().line()).isEqualTo(2);
        assertThat(r.malformed()).isEqualTo(1);
        assertThat(r.record().bundleSha256()).isEqualTo(sha);
        List<Hit> hits = all();
        assertThat(hits).hasSize(3).allMatch(h -> h.integrity() == Integrity.UNSEALED);
        assertThat(hits).filteredOn(h -> "cloud.api".equals(h.action())).hasSize(2)
                .allSatisfy(h -> assertThat(h.outcome()).isEqualTo("denied"));
        assertThat(r.record().files()).anySatisfy(f -> {
            assertThat(f.path()).isEqualTo("evidence/trail.jsonl");
            assertThat(f.sha256()).isEqualTo(sha);
        });
    }

    @Test
    void aFileNoFormatRecognisesIsRefusedByNameAndLeavesTheCaseAsItWas() throws Exception {
        Path garbage = tmp.resolve("random.bin");
        Files.write(garbage, new byte[] {1, 2, 3, 4, 5});
        byte[] journal = Files.readAllBytes(c.journal().file());
        assertThatThrownBy(() -> new SourceImporter().importSource(c, garbage, SourceImporter.Options.DEFAULT, AUDITOR,
                CaseImporter.Progress.NONE, () -> false))
                .isInstanceOf(BundleFormatException.class)
                .hasMessageContaining(garbage.toString()).hasMessageContaining("not a format Sealtrail recognises");
        assertThat(Files.readAllBytes(c.journal().file())).isEqualTo(journal);
        try (Stream<Path> s = Files.list(c.dir())) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".staging"));
        }
        assertThat(c.bundles()).isEmpty();
    }
}
