package io.sealtrail.verify.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeenCheckpointsTest {
    static final Instant T1 = Instant.parse("2026-12-01T09:00:00Z");
    static final Instant T2 = Instant.parse("2026-12-02T09:00:00Z");
    static final String ROOT = "dW50HuHRMEBVO6qB6rA831ZNg156647srOONc4Y6z34=";

    @TempDir
    Path dir;

    @Test
    void rememberedCheckpointsReadBackAsWritten() throws IOException {
        SeenCheckpoints store = new SeenCheckpoints(dir.resolve("sub").resolve(SeenCheckpoints.FILE_NAME));
        SeenCheckpoint a = new SeenCheckpoint("gateway.example.com/prod-audit", 1000, ROOT, "log (SHA256:x)", T1,
                "b.zip \"q3\", bundle 1");
        assertThat(store.remember(List.of(a))).isEqualTo(1);
        assertThat(store.all()).containsExactly(a);
    }

    @Test
    void theSameTreeHeadIsRememberedOnceWithItsFirstSighting() throws IOException {
        SeenCheckpoints store = new SeenCheckpoints(dir.resolve(SeenCheckpoints.FILE_NAME));
        store.remember(List.of(new SeenCheckpoint("log", 5, ROOT, "k", T1, "first")));
        assertThat(store.remember(List.of(new SeenCheckpoint("log", 5, ROOT, "k", T2, "again")))).isZero();
        assertThat(store.all()).singleElement().satisfies(c -> assertThat(c.source()).isEqualTo("first"));
    }

    @Test
    void twoRootsForOneSizeAreBothKept() throws IOException {
        SeenCheckpoints store = new SeenCheckpoints(dir.resolve(SeenCheckpoints.FILE_NAME));
        store.remember(List.of(new SeenCheckpoint("log", 5, ROOT, "k", T1, "a"),
                new SeenCheckpoint("log", 5, ROOT.replace('d', 'e'), "k", T2, "b")));
        assertThat(store.all()).hasSize(2);
    }

    @Test
    void forgettingALogKeepsTheOthers() throws IOException {
        SeenCheckpoints store = new SeenCheckpoints(dir.resolve(SeenCheckpoints.FILE_NAME));
        store.remember(List.of(new SeenCheckpoint("one", 5, ROOT, "k", T1, "a"),
                new SeenCheckpoint("two", 5, ROOT, "k", T1, "b"), new SeenCheckpoint("one", 9, ROOT, "k", T1, "c")));
        assertThat(store.forget("one")).isEqualTo(2);
        assertThat(store.all()).extracting(SeenCheckpoint::origin).containsExactly("two");
    }

    @Test
    void aDamagedLineIsAnErrorNamingTheFileAndLine() throws IOException {
        Path file = dir.resolve(SeenCheckpoints.FILE_NAME);
        Files.writeString(file, "{\"origin\":\"log\",\"tree_size\":5,\"root_hash\":\"" + ROOT
                + "\",\"seen_at\":\"2026-12-01T09:00:00Z\"}\n{\"origin\":\"log\",\"tree_size\":\"x\"}\n");
        assertThatThrownBy(() -> new SeenCheckpoints(file).all()).isInstanceOf(IOException.class)
                .hasMessageContaining(file + ", line 2");
    }

    @Test
    void aMissingStoreRemembersNothing() throws IOException {
        assertThat(new SeenCheckpoints(dir.resolve("none")).all()).isEmpty();
    }
}
