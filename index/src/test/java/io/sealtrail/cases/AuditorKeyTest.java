package io.sealtrail.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.verify.note.NoteSigner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditorKeyTest {
    @TempDir
    Path config;

    @Test
    void theFirstUseCreatesAPrivateKeyAndItsVerifierKey() throws Exception {
        NoteSigner k = AuditorKey.loadOrCreate(config);

        assertThat(config.resolve(AuditorKey.VKEY_FILE)).hasContent(k.verifierKey().encode());
        if (config.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config.resolve(AuditorKey.KEY_FILE))))
                    .isEqualTo("rw-------");
        }
        assertThat(AuditorKey.loadOrCreate(config).verifierKey()).isEqualTo(k.verifierKey());
    }

    @Test
    void threadsCreatingTheKeyAtOnceAllGetTheOneKeptOnDisk() throws Exception {
        int n = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            Callable<String> create = () -> {
                go.await();
                return AuditorKey.loadOrCreate(config).verifierKey().encode();
            };
            List<Future<String>> keys = IntStream.range(0, n).mapToObj(i -> pool.submit(create)).toList();
            go.countDown();
            Set<String> distinct = keys.stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }).collect(Collectors.toSet());

            assertThat(distinct).hasSize(1);
            assertThat(AuditorKey.loadOrCreate(config).verifierKey().encode()).isEqualTo(distinct.iterator().next());
        } finally {
            pool.shutdownNow();
        }
    }
}
