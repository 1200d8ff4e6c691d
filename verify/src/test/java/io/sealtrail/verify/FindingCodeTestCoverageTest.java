package io.sealtrail.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.model.FindingCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every finding code is asserted by some test: a code no test names can be deleted from the verifier
 * and every test stays green (an audit found 16 such codes). "Named" means {@code FindingCode.X} or the
 * quoted name {@code "X"} in a test class of any module (a file with a JUnit or jqwik test in it), or in
 * the conformance kit's declared expectations, which ConformanceKitTest asserts exactly. A code only
 * mentioned elsewhere (a test-only reference parser, a filter) does not count.
 */
class FindingCodeTestCoverageTest {
    /**
     * Codes that no main code emits yet, so no test can assert them. Each must leave this list as soon as
     * it is emitted (the test below fails when one is) or asserted; the list should end up empty.
     */
    /** Codes declared before the code that emits them lands; empty now that issue 11's codes are emitted and tested. */
    static final Set<FindingCode> NOT_YET_EMITTED = EnumSet.noneOf(FindingCode.class);

    private static final Pattern TEST_ANNOTATION = Pattern.compile("@(Test|ParameterizedTest|TestFactory|Property|Example)\\b");
    private static final Path SELF = Path.of("verify/src/test/java/io/sealtrail/verify/FindingCodeTestCoverageTest.java");
    /** Its expectations are code, asserted one to one by ConformanceKitTest. */
    private static final Path KIT = Path.of("verify/src/test/java/io/sealtrail/verify/conformance/ConformanceKit.java");

    static Path root;
    static String tests;
    static String main;

    @BeforeAll
    static void read() throws IOException {
        root = repositoryRoot();
        StringBuilder t = new StringBuilder();
        StringBuilder m = new StringBuilder();
        for (Path src : sources()) {
            String text = Files.readString(src);
            Path rel = root.relativize(src);
            if (rel.toString().contains("/src/main/java/")) {
                m.append(text).append('\n');
            } else if (!rel.equals(SELF) && (rel.equals(KIT) || TEST_ANNOTATION.matcher(text).find())) {
                t.append(text).append('\n');
            }
        }
        tests = t.toString();
        main = m.toString();
    }

    @Test
    void everyEmittedFindingCodeIsNamedByATest() {
        List<FindingCode> untested = new ArrayList<>();
        for (FindingCode c : FindingCode.values()) {
            if (!NOT_YET_EMITTED.contains(c) && !namedByATest(c)) {
                untested.add(c);
            }
        }
        assertThat(untested).as("finding codes no test asserts: add a test that produces each and asserts it exactly")
                .isEmpty();
    }

    @Test
    void theAllowListHoldsOnlyCodesNothingEmitsOrTests() {
        for (FindingCode c : NOT_YET_EMITTED) {
            assertThat(emitted(c)).as("%s is emitted now: remove it from NOT_YET_EMITTED and test it", c).isFalse();
            assertThat(namedByATest(c)).as("%s is tested now: remove it from NOT_YET_EMITTED", c).isFalse();
        }
    }

    /** The scan itself finds what it should, so an empty result above means something. */
    @Test
    void theScanSeesTestsOfEveryModuleAndTheEmitters() {
        assertThat(namedByATest(FindingCode.CHAIN_BROKEN)).isTrue();
        assertThat(namedByATest(FindingCode.JOURNAL_MALFORMED)).as("index's tests").isTrue();
        assertThat(emitted(FindingCode.CHAIN_BROKEN)).isTrue();
        assertThat(emitted(FindingCode.CASE_FILE_MISSING)).as("index's main code").isTrue();
    }

    static boolean namedByATest(FindingCode c) {
        return Pattern.compile("FindingCode\\." + c.name() + "\\b|\"" + c.name() + "\"").matcher(tests).find();
    }

    /** Named by main code (the enum declares its constants without the prefix, so it does not count). */
    static boolean emitted(FindingCode c) {
        return Pattern.compile("FindingCode\\." + c.name() + "\\b").matcher(main).find();
    }

    private static List<Path> sources() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : (Iterable<Path>) modules.filter(p -> Files.isDirectory(p.resolve("src")))::iterator) {
                for (String part : List.of("src/main/java", "src/test/java")) {
                    Path dir = module.resolve(part);
                    if (Files.isDirectory(dir)) {
                        try (Stream<Path> walk = Files.walk(dir)) {
                            walk.filter(p -> p.toString().endsWith(".java")).forEach(out::add);
                        }
                    }
                }
            }
        }
        return out;
    }

    private static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("docs/bundle-format.md"))) {
                return p;
            }
        }
        throw new IllegalStateException("not inside the Sealtrail repository");
    }
}
