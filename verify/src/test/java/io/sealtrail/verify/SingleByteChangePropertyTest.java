package io.sealtrail.verify;

import static io.sealtrail.verify.testing.Bundles.describe;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.model.Severity;
import io.sealtrail.model.Verdict;
import io.sealtrail.verify.testing.Bundles;
import io.sealtrail.verify.testing.Tamper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Tamper evidence, as a property: flipping any bits of any single byte of an event segment, a checkpoint,
 * manifest.json or manifest.sig never leaves the bundle VERIFIED, and always yields an ERROR finding.
 */
class SingleByteChangePropertyTest {
    private static Path root;
    private static Path fixture;
    private static List<String> files;

    @BeforeContainer
    static void generate() throws Exception {
        root = Files.createTempDirectory("sealtrail-single-byte-");
        fixture = Bundles.generate(root.resolve("fixture"), Bundles.options(300, 5, 100, 150));
        try (Stream<Path> walk = Files.walk(fixture)) {
            files = walk.filter(Files::isRegularFile).map(p -> fixture.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.startsWith("events/") || p.startsWith("checkpoints/")
                            || p.equals("manifest.json") || p.equals("manifest.sig"))
                    .sorted().toList();
        }
        assertThat(files).contains("manifest.json", "manifest.sig", "events/000000000000.jsonl",
                "events/000000000150.jsonl", "checkpoints/300.checkpoint");
        assertThat(Bundles.verify(fixture, Bundles.trusting(5)).verdict()).isEqualTo(Verdict.VERIFIED);
    }

    @AfterContainer
    static void cleanUp() {
        Tamper.deleteTree(root);
    }

    @Property(tries = 60)
    void anySingleByteChangeIsAnIntegrityError(
            @ForAll @IntRange(min = 0, max = 1_000_000) int fileIndex,
            @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int position,
            @ForAll @IntRange(min = 1, max = 255) int mask) throws Exception {
        String file = files.get(fileIndex % files.size());
        check(file, position % Files.size(fixture.resolve(file)), mask);
    }

    /** Once found by the property: year 2026 turned into 3026 overflowed the heartbeat-gap arithmetic. */
    @Example
    void aTimeAThousandYearsAwayIsAnIntegrityErrorNotACrash() throws Exception {
        String line = Files.readAllLines(fixture.resolve("events/000000000150.jsonl")).get(0);
        int year = line.indexOf("\"time\":\"2") + "\"time\":\"".length();
        check("events/000000000150.jsonl", year, 1);
    }

    private void check(String file, long offset, int mask) throws Exception {
        Path copy = Files.createTempDirectory(root, "try-").resolve("bundle");
        try {
            Tamper.copyOf(fixture, copy).xorByte(file, offset, mask);

            VerificationReport r = Bundles.verify(copy, Bundles.trusting(5));

            assertThat(r.verdict()).as("%s byte %d ^ 0x%02x:%n%s", file, offset, mask, describe(r))
                    .isNotEqualTo(Verdict.VERIFIED);
            assertThat(r.count(Severity.ERROR)).as("%s byte %d ^ 0x%02x:%n%s", file, offset, mask, describe(r))
                    .isPositive();
        } finally {
            Tamper.deleteTree(copy.getParent());
        }
    }
}
