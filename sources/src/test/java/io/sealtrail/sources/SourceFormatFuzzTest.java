package io.sealtrail.sources;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sealtrail.sources.asciicast.AsciicastFormat;
import io.sealtrail.sources.auditd.AuditdFormat;
import io.sealtrail.sources.cloudtrail.CloudTrailFormat;
import io.sealtrail.sources.hoop.HoopFormat;
import io.sealtrail.sources.kubernetes.KubernetesAuditFormat;
import io.sealtrail.sources.mapped.MappedFormat;
import io.sealtrail.sources.mapped.Mapping;
import io.sealtrail.sources.mapped.MappingException;
import io.sealtrail.sources.sudo.SudoJsonFormat;
import io.sealtrail.sources.sudoio.SudoIolog;
import io.sealtrail.sources.syslog.SyslogFormat;
import io.sealtrail.sources.teleport.TeleportFormat;
import io.sealtrail.testing.FuzzBounds;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes every source format's reader, one target per format (docs/testing.md, "Fuzzing"). What
 * {@link SourceFormat#read} documents is the property: every record is passed on, a malformed one as a malformed
 * {@link SourceRecord}, and the only exception is an {@link IOException} when the file as a whole cannot be read;
 * records name the file, a line from 1, and carry no sequence number (the importer numbers them). Each input is
 * also shown to every format's detection, which must answer without throwing. The seeds are the first records of
 * the samples in this module's test resources (their provenance is beside them there).
 */
@Timeout(10) // per input; read by Jazzer as libFuzzer's -timeout too (docs/testing.md, "Fuzzing")
class SourceFormatFuzzTest {
    private static final Instant MODIFIED = Instant.parse("2026-03-02T12:00:00Z");
    private static Mapping jsonLines;
    private static Mapping csv;

    @BeforeAll
    static void loadMappingsAndClasses() throws Exception {
        jsonLines = Mapping.load(resource("/jsonl-mapped/okta-system-log.properties"));
        csv = Mapping.load(resource("/jsonl-mapped/bastion-sessions.properties"));
        // each format's classes and tables are loaded once, not counted against any input
        for (SourceFormat f : SourceFormats.all()) {
            if (!(f instanceof MappedFormat)) {
                read(f, "{}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        read(new MappedFormat(), "{}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), jsonLines);
        read(new MappedFormat(), "a,b\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), csv);
        SudoIolog.read(resource("/sudo-iolog/gzip"), "", record -> { });
        SudoIolog.read(resource("/sudo-iolog/plain"), "", record -> { });
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(Objects.requireNonNull(SourceFormatFuzzTest.class.getResource(name), name).toURI());
    }

    @FuzzTest(maxDuration = "60s")
    void cloudTrail(byte[] file) {
        read(new CloudTrailFormat(), file);
    }

    @FuzzTest(maxDuration = "60s")
    void kubernetesAudit(byte[] file) {
        read(new KubernetesAuditFormat(), file);
    }

    @FuzzTest(maxDuration = "60s")
    void teleport(byte[] file) {
        read(new TeleportFormat(), file);
    }

    @FuzzTest(maxDuration = "60s")
    void hoop(byte[] file) {
        read(new HoopFormat(), file);
    }

    @FuzzTest(maxDuration = "60s")
    void asciicast(byte[] file) {
        read(new AsciicastFormat(), file);
    }

    @FuzzTest(maxDuration = "60s")
    void sudoJson(byte[] file) {
        read(new SudoJsonFormat(), file);
    }

    @FuzzTest(maxDuration = "60s")
    void auditd(byte[] file) {
        read(new AuditdFormat(), file);
    }

    @FuzzTest(maxDuration = "60s")
    void syslog(byte[] file) {
        read(new SyslogFormat(), file);
    }

    @FuzzTest(maxDuration = "60s")
    void mappedJsonLines(byte[] file) {
        read(new MappedFormat(), file, jsonLines);
    }

    @FuzzTest(maxDuration = "60s")
    void mappedCsv(byte[] file) {
        read(new MappedFormat(), file, csv);
    }

    private static void read(SourceFormat format, byte[] file) {
        check(format, file, (in, sink) -> format.read(in, new SourceFile("fuzz.log", MODIFIED),
                ReadContext.defaults(), sink));
    }

    private static void read(MappedFormat format, byte[] file, Mapping mapping) {
        check(format, file, (in, sink) -> format.read(in, new SourceFile("fuzz.log", MODIFIED), mapping, sink));
    }

    @FunctionalInterface
    private interface Reading {
        void read(InputStream in, RecordSink sink) throws IOException;
    }

    private static void check(SourceFormat format, byte[] file, Reading reading) {
        FuzzBounds bounds = FuzzBounds.start(file.length);
        Head head = new Head(file, file.length, true);
        for (SourceFormat f : SourceFormats.all()) {
            f.recognizes(head);
        }
        try {
            reading.read(new ByteArrayInputStream(file), record -> {
                assertThat(record.file()).isEqualTo("fuzz.log");
                assertThat(record.line()).isPositive();
                if (!record.isMalformed()) {
                    assertThat(record.event().seq()).isEqualTo(-1);
                    assertThat(record.event().sourceFormat()).isEqualTo(format.name());
                } else {
                    assertThat(record.problem()).isNotBlank();
                }
            });
        } catch (IOException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
        bounds.check();
    }

    /**
     * A sudo I/O log folder, written from one input that holds its files as {@code head} prints several:
     * {@code ==> NAME <==} lines, each followed by the file's bytes (the seeds are this module's sample folders).
     */
    @FuzzTest(maxDuration = "60s")
    void sudoIolog(byte[] folder) throws IOException {
        Path dir = java.nio.file.Files.createTempDirectory("sealtrail-fuzz-iolog-");
        try {
            for (java.util.Map.Entry<String, byte[]> f : IologFiles.split(folder).entrySet()) {
                java.nio.file.Files.write(dir.resolve(f.getKey()), f.getValue());
            }
            FuzzBounds bounds = FuzzBounds.start(folder.length);
            try {
                SudoIolog.read(dir, "", record -> {
                    assertThat(record.file()).isIn("log", "log.json", "timing");
                    assertThat(record.line()).isPositive();
                    if (!record.isMalformed()) {
                        assertThat(record.event().seq()).isEqualTo(-1);
                        assertThat(record.event().sourceFormat()).isEqualTo(SudoIolog.NAME);
                    } else {
                        assertThat(record.problem()).isNotBlank();
                    }
                });
            } catch (IOException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
            bounds.check();
        } finally {
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(dir)) {
                for (Path f : files.toList()) {
                    java.nio.file.Files.delete(f);
                }
            }
            java.nio.file.Files.delete(dir);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void gzip(byte[] file) {
        FuzzBounds bounds = FuzzBounds.start(file.length);
        byte[] buffer = new byte[8192];
        try (InputStream in = Gzip.open(new ByteArrayInputStream(file))) {
            while (in.read(buffer) >= 0) {
                // the decompressed bytes are not the point; reaching the end or a clear refusal is
            }
        } catch (IOException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
        bounds.check();
    }

    @FuzzTest(maxDuration = "60s")
    void mappingFile(byte[] file) throws IOException {
        Path mapping = java.nio.file.Files.createTempFile("sealtrail-fuzz-", ".properties");
        try {
            java.nio.file.Files.write(mapping, file);
            FuzzBounds bounds = FuzzBounds.start(file.length);
            try {
                Mapping.load(mapping);
            } catch (MappingException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
            bounds.check();
        } finally {
            java.nio.file.Files.delete(mapping);
        }
    }
}
