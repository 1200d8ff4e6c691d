package io.sealtrail.verify.tsa;

import static io.sealtrail.verify.tsa.TsaFixtures.DATA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sealtrail.verify.tsa.TimestampCheck.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tokens from a TSA we did not write: OpenSSL's {@code ts -reply} with an ECDSA P-256 key, accuracy,
 * and the imprint algorithm chosen by the requester. Checks the verifier is not tuned to our own
 * generator's output.
 */
class OpensslTsaTokenTest {
    private static final Path OPENSSL = Path.of("/usr/bin/openssl");

    @TempDir
    static Path dir;
    private static List<X509Certificate> chain;
    private static TimestampVerifier verifier;

    @BeforeAll
    static void createOpensslTsa() throws Exception {
        assumeTrue(Files.isExecutable(OPENSSL), "openssl not installed");
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "root.key", "-out", "root.pem", "-subj", "/O=Interop/CN=OpenSSL Root", "-days", "30",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign");
        openssl("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "tsa.key", "-out", "tsa.csr", "-subj", "/O=Interop/CN=OpenSSL TSA");
        Files.writeString(dir.resolve("ext.cnf"), "basicConstraints=critical,CA:FALSE\n"
                + "keyUsage=critical,digitalSignature\nextendedKeyUsage=critical,timeStamping\n");
        openssl("x509", "-req", "-in", "tsa.csr", "-CA", "root.pem", "-CAkey", "root.key", "-set_serial", "7",
                "-out", "tsa.pem", "-days", "30", "-extfile", "ext.cnf");
        Files.writeString(dir.resolve("serial"), "01\n");
        Files.writeString(dir.resolve("ts.cnf"), String.join("\n",
                "[ tsa ]", "default_tsa = tsa_config1", "[ tsa_config1 ]",
                "serial = " + dir.resolve("serial"), "signer_cert = " + dir.resolve("tsa.pem"),
                "signer_key = " + dir.resolve("tsa.key"), "signer_digest = sha256",
                "default_policy = 1.2.3.4.7", "digests = sha1, sha256, sha384, sha512", "accuracy = secs:1",
                "tsa_name = no", ""));
        Files.write(dir.resolve("data"), DATA);
        chain = Pem.readCertificates(Files.readAllBytes(dir.resolve("root.pem")));
        verifier = new TimestampVerifier(chain);
    }

    @Test
    void sha256TokenIsOk() throws Exception {
        TimestampCheck check = verifier.verify(opensslStamp("-sha256"), DATA, List.of());

        assertThat(check.status()).as(check.message()).isEqualTo(Status.OK);
        assertThat(check.tsaTrusted()).isTrue();
        assertThat(check.tsaName()).isEqualTo("CN=OpenSSL TSA,O=Interop");
        assertThat(check.policyOid()).isEqualTo("1.2.3.4.7");
    }

    @Test
    void sha384TokenIsOk() throws Exception {
        TimestampCheck check = verifier.verify(opensslStamp("-sha384"), DATA, List.of());

        assertThat(check.status()).as(check.message()).isEqualTo(Status.OK);
    }

    @Test
    void sha512TokenIsOk() throws Exception {
        TimestampCheck check = verifier.verify(opensslStamp("-sha512"), DATA, List.of());

        assertThat(check.status()).as(check.message()).isEqualTo(Status.OK);
    }

    @Test
    void sha384TokenOverOtherDataIsImprintMismatch() throws Exception {
        TimestampCheck check = verifier.verify(opensslStamp("-sha384"), TsaFixtures.bytes("other"), List.of());

        assertThat(check.status()).isEqualTo(Status.IMPRINT_MISMATCH);
        assertThat(check.message()).contains("SHA-384");
    }

    @Test
    void sha1ImprintIsMalformedAsUnsupported() throws Exception {
        TimestampCheck check = verifier.verify(opensslStamp("-sha1"), DATA, List.of());

        assertThat(check.status()).isEqualTo(Status.MALFORMED);
        assertThat(check.message()).contains("unsupported message imprint algorithm 1.3.14.3.2.26");
    }

    private static byte[] opensslStamp(String digest) throws IOException, InterruptedException {
        openssl("ts", "-query", "-data", "data", digest, "-cert", "-out", "q.tsq");
        openssl("ts", "-reply", "-config", "ts.cnf", "-queryfile", "q.tsq", "-out", "r.tsr");
        return Files.readAllBytes(dir.resolve("r.tsr"));
    }

    private static void openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(OPENSSL.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("openssl %s: %s", args[0], output).isZero();
    }
}
