package io.sealtrail.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.index.TestBundles.Fixture;
import io.sealtrail.verify.VerificationReport;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A zipped bundle is indexed in place, streaming its entries, with the same result as the folder. */
class ZipBundleTest {
    @TempDir
    Path dir;

    private static Path zip(Path folder, Path zip) throws Exception {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out);
             Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                z.putNextEntry(new ZipEntry(folder.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, z);
                z.closeEntry();
            }
        }
        return zip;
    }

    @Test
    void zippedBundleGivesTheSameEventsAsTheFolder() throws Exception {
        Fixture f = TestBundles.shared();
        Path zip = zip(f.bundle(), dir.resolve("bundle.zip"));
        VerificationReport report = TestBundles.verify(zip, TestBundles.SEED);
        IndexBuilder.IndexResult r = TestBundles.index(zip, report, dir.resolve("idx"));
        assertThat(r.events()).isEqualTo(TestBundles.EVENTS);
        assertThat(r.verified()).isEqualTo(TestBundles.EVENTS);
        try (EventSearch s = EventSearch.open(List.of(dir.resolve("idx")))) {
            assertThat(s.facets(EventQuery.all(), IndexSchema.EVENT_HASH, 3).stream().map(FacetValue::count))
                    .containsOnly(1L);
            assertThat(s.count(EventQuery.of("integrity:verified"))).isEqualTo(TestBundles.EVENTS);
        }
    }
}
