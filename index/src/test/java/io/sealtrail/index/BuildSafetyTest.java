package io.sealtrail.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.index.TestBundles.Fixture;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Building reads the evidence only, and leaves either a complete index at the target or nothing at all. */
class BuildSafetyTest {
    @TempDir
    Path dir;

    private List<String> leftovers() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.contains(".building-")).toList();
        }
    }

    @Test
    void evidenceIsUntouchedByBuildingAndSearching() throws Exception {
        Fixture f = TestBundles.shared();
        Map<String, String> before = TestBundles.hashes(f.bundle());
        TestBundles.index(f.bundle(), f.report(), dir.resolve("idx"));
        try (EventSearch s = EventSearch.open(List.of(dir.resolve("idx")))) {
            s.search(EventQuery.of("user.name:a*"), 50, null);
            s.facets(EventQuery.all(), IndexSchema.USER_NAME, 5);
            s.export(new EventQuery("event.outcome:denied", null, Instant.parse("2026-03-02T09:00:00Z")), h -> { });
        }
        assertThat(TestBundles.hashes(f.bundle())).isEqualTo(before);
    }

    @Test
    void cancelledBuildLeavesNoTargetAndNoTempFolder() throws Exception {
        Fixture f = TestBundles.shared();
        AtomicLong done = new AtomicLong();
        Path target = dir.resolve("idx");
        assertThatThrownBy(() -> IndexBuilder.build(f.bundle(), f.report(), target, (n, total) -> done.set(n),
                () -> done.get() >= TestBundles.EVENTS / 2))
                .isInstanceOf(CancellationException.class);
        assertThat(done.get()).isLessThan(TestBundles.EVENTS);
        assertThat(target).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void reportOfAnotherBundleFailsAndLeavesNothing() throws Exception {
        Path other = TestBundles.generate(dir.resolve("other"), 50, 99);
        Path target = dir.resolve("idx");
        assertThatThrownBy(() -> TestBundles.index(other, TestBundles.shared().report(), target))
                .isInstanceOf(IndexException.class).hasMessageContaining("another bundle");
        assertThat(target).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void existingTargetIsRefusedAndKept() throws Exception {
        Path target = Files.createDirectories(dir.resolve("idx"));
        Files.writeString(target.resolve("keep.txt"), "mine");
        Fixture f = TestBundles.shared();
        assertThatThrownBy(() -> TestBundles.index(f.bundle(), f.report(), target))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(target.resolve("keep.txt")).hasContent("mine");
    }

    @Test
    void commitRecordsSchemaVersionBundleAndManifestHash() throws Exception {
        Fixture f = TestBundles.shared();
        try (var d = org.apache.lucene.store.FSDirectory.open(f.index());
             var r = org.apache.lucene.index.DirectoryReader.open(d)) {
            Map<String, String> user = r.getIndexCommit().getUserData();
            assertThat(user).containsEntry("schema_version", Integer.toString(IndexSchema.VERSION))
                    .containsEntry("bundle_id", f.report().manifest().bundleId())
                    .containsEntry("event_count", Integer.toString(TestBundles.EVENTS))
                    .containsKey("manifest_sha256");
        }
    }
}
