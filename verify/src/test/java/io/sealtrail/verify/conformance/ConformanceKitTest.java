package io.sealtrail.verify.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.model.Finding;
import io.sealtrail.model.FindingCode;
import io.sealtrail.verify.BundleVerifier;
import io.sealtrail.verify.VerificationReport;
import io.sealtrail.verify.VerifyOptions;
import io.sealtrail.verify.note.VerifierKey;
import io.sealtrail.verify.testing.Bundles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conformance kit in docs/conformance: the committed files are exactly what {@link ConformanceKit}
 * writes (pinned by SHA256SUMS), and every case gives exactly the verdict and the finding codes it
 * declares. With {@code -Dconformance.regenerate=true} the kit is rewritten first (see its README).
 */
class ConformanceKitTest {
    static final Path KIT = ConformanceKit.repositoryRoot().resolve("docs/conformance");

    @TempDir
    Path tmp;

    @BeforeAll
    static void regenerateWhenAsked() throws Exception {
        if (Boolean.getBoolean("conformance.regenerate")) {
            ConformanceKit.write(KIT);
        }
    }

    @Test
    void theGeneratorReproducesEveryCommittedFileByteForByte() throws Exception {
        ConformanceKit.write(tmp);

        assertThat(ConformanceKit.sums(tmp)).as("regenerated against the committed %s", ConformanceKit.SUMS)
                .isEqualTo(Files.readString(KIT.resolve(ConformanceKit.SUMS), StandardCharsets.UTF_8));
    }

    @Test
    void theCommittedFilesAreTheOnesSha256sumsPins() throws Exception {
        assertThat(ConformanceKit.sums(KIT)).as("docs/conformance against its %s", ConformanceKit.SUMS)
                .isEqualTo(Files.readString(KIT.resolve(ConformanceKit.SUMS), StandardCharsets.UTF_8));
    }

    @Test
    void theKitHoldsOneFolderPerCaseAndNothingElse() throws Exception {
        List<String> folders;
        try (Stream<Path> list = Files.list(KIT)) {
            folders = list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(folders).isEqualTo(ConformanceKit.cases().stream().map(ConformanceKit.Case::name).sorted().toList());
    }

    @Test
    void theReadmeListsEveryCase() throws Exception {
        String readme = Files.readString(KIT.resolve("README.md"), StandardCharsets.UTF_8);
        for (ConformanceKit.Case c : ConformanceKit.cases()) {
            assertThat(readme).as("docs/conformance/README.md lists %s", c.name()).contains("| `" + c.name() + "` | "
                    + c.verdict().exitCode() + " |");
        }
    }

    @TestFactory
    Stream<DynamicTest> eachCommittedCaseGivesExactlyItsDeclaredVerdictAndCodes() {
        return ConformanceKit.cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Path dir = KIT.resolve(c.name());
            VerifierKey trusted = VerifierKey.parse(Files.readString(dir.resolve(ConformanceKit.TRUSTED_VKEY)).strip());
            assertMatches(c, new BundleVerifier().verify(dir.resolve("bundle"), VerifyOptions.trusting(List.of(trusted))));
            assertThat(Files.readString(dir.resolve(ConformanceKit.EXPECTED_JSON))).isEqualTo(ConformanceKit.expectedJson(c));
        }));
    }

    static void assertMatches(ConformanceKit.Case c, VerificationReport r) {
        String all = Bundles.describe(r);
        assertThat(r.verdict()).as("%s: %s%nIf deliberate, the case's verdict is now %s and its findings%n%s", c.name(), all,
                r.verdict(), declarations(r)).isEqualTo(c.verdict());
        Map<FindingCode, Integer> expected = new TreeMap<>();
        c.findings().forEach(e -> expected.merge(e.code(), e.count(), Integer::sum));
        Map<FindingCode, Integer> actual = new TreeMap<>();
        r.findings().forEach(f -> actual.merge(f.code(), 1, Integer::sum));
        assertThat(actual).as("%s: codes and counts in%n%s%nIf this change of behaviour is deliberate, declare the case's"
                + " findings in ConformanceKit.cases() as%n%s%nand regenerate the kit (docs/conformance/README.md).",
                c.name(), all, declarations(r)).isEqualTo(expected);
        for (ConformanceKit.Expected e : c.findings()) {
            if (e.file() != null) {
                List<Finding> at = r.findings().stream()
                        .filter(f -> f.code() == e.code() && Objects.equals(f.location().file(), e.file())).toList();
                assertThat(at).as("%s: %s at %s in%n%s", c.name(), e.code(), e.file(), all).hasSize(e.count());
            }
        }
    }

    /** The report's findings as ConformanceKit declarations, for a deliberate change of behaviour. */
    static String declarations(VerificationReport r) {
        Map<FindingCode, Map<String, Integer>> byFile = new TreeMap<>();
        r.findings().forEach(f -> byFile.computeIfAbsent(f.code(), k -> new TreeMap<>())
                .merge(String.valueOf(f.location().file()), 1, Integer::sum));
        StringBuilder out = new StringBuilder();
        byFile.forEach((code, files) -> {
            if (files.size() > 1) {
                out.append("    n(FindingCode.").append(code).append(", ")
                        .append(files.values().stream().mapToInt(Integer::intValue).sum()).append(", null),\n");
                return;
            }
            files.forEach((file, count) -> out.append("    n(FindingCode.").append(code).append(", ").append(count)
                    .append(", ").append(file.equals("null") ? "null" : "\"" + file + "\"").append("),\n"));
        });
        return out.length() == 0 ? "    (none)" : out.toString();
    }
}
