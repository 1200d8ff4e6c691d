package io.sealtrail.verify.tsa;

import static io.sealtrail.verify.tsa.TsaFixtures.AUTHORITY;
import static io.sealtrail.verify.tsa.TsaFixtures.DATA;
import static io.sealtrail.verify.tsa.TsaFixtures.GEN_TIME;
import static io.sealtrail.verify.tsa.TsaFixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sealtrail.tools.tsa.TestTimestampAuthority;
import io.sealtrail.tools.tsa.PemWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves a third party can re-check our tokens with standard tools (OpenSSL's ts command). */
class OpensslInteropTest {
    private static final Path OPENSSL = Path.of("/usr/bin/openssl");

    @TempDir
    Path dir;

    @Test
    void opensslVerifiesOurResponse() throws Exception {
        String output = opensslVerify(AUTHORITY, AUTHORITY.stamp(DATA, GEN_TIME), List.of());

        assertThat(output).contains("Verification: OK");
    }

    @Test
    void opensslVerifiesOurBareToken() throws Exception {
        String output = opensslVerify(AUTHORITY, TsaFixtures.bareToken(AUTHORITY.stamp(DATA, GEN_TIME)), List.of("-token_in"));

        assertThat(output).contains("Verification: OK");
    }

    /**
     * OpenSSL checks the TSA chain at the current time unless told otherwise, so a token from an
     * expired TSA certificate needs {@code -attime <genTime>}: the same rule our verifier applies.
     */
    @Test
    void opensslVerifiesTokenOfExpiredTsaAtGenTime() throws Exception {
        TestTimestampAuthority expired = TestTimestampAuthority.create(bytes("expired"), "Old TSA",
                Instant.parse("2019-01-01T00:00:00Z"), Instant.parse("2021-01-01T00:00:00Z"));
        Instant genTime = Instant.parse("2020-06-30T23:59:59Z");

        String output = opensslVerify(expired, expired.stamp(DATA, genTime),
                List.of("-attime", Long.toString(genTime.getEpochSecond())));

        assertThat(output).contains("Verification: OK");
    }

    private String opensslVerify(TestTimestampAuthority authority, byte[] tsr, List<String> extra)
            throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(OPENSSL), "openssl not installed");
        Path data = Files.write(dir.resolve("checkpoint"), DATA);
        Path in = Files.write(dir.resolve("checkpoint.tsr"), tsr);
        Path root = Files.writeString(dir.resolve("root.pem"), PemWriter.certificates(List.of(authority.rootCertificate())));
        Path tsa = Files.writeString(dir.resolve("tsa.pem"), PemWriter.certificates(List.of(authority.tsaCertificate())));
        List<String> command = new ArrayList<>(List.of(OPENSSL.toString(), "ts", "-verify",
                "-data", data.toString(), "-in", in.toString(), "-CAfile", root.toString(), "-untrusted", tsa.toString()));
        command.addAll(extra);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return output;
    }
}
