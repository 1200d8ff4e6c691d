package io.sealtrail.verify.tsa;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sealtrail.testing.FuzzBounds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the RFC 3161 reading (docs/testing.md, "Fuzzing"): the token reader documents only
 * {@link TimestampFormatException}, the PEM chain reader the same, and the verifier never throws for bad input
 * (it answers MALFORMED). The stamped data and chain are the conformance kit's stamped bundle, so mutations of
 * its real tokens get past the DER layer into the CMS and certificate checks.
 */
@Timeout(10) // per input; read by Jazzer as libFuzzer's -timeout too (docs/testing.md, "Fuzzing")
class TimestampFuzzTest {
    private static final Path STAMPED = Path.of("../docs/conformance/valid-stamped/bundle");
    private static byte[] checkpoint;
    private static List<X509Certificate> chain;
    /** One verifier for every input, as a verification has: its BouncyCastle provider is costly to build. */
    private static TimestampVerifier verifier;

    @BeforeAll
    static void readStampedBundle() throws Exception {
        checkpoint = Files.readAllBytes(STAMPED.resolve("checkpoints/3.checkpoint"));
        chain = Pem.readCertificates(Files.readAllBytes(STAMPED.resolve("timestamps/tsa-chain.pem")));
        verifier = new TimestampVerifier(List.of(chain.get(chain.size() - 1)));
        // the classes and lazy tables of the first check are loaded once, not counted against any input
        verifier.verify(Files.readAllBytes(STAMPED.resolve("timestamps/3.tsr")), checkpoint, chain);
    }

    @FuzzTest(maxDuration = "60s")
    void aTokenIsReadOrRefusedAsMalformed(byte[] bytes) {
        FuzzBounds bounds = FuzzBounds.start(bytes.length);
        try {
            TokenReader.read(bytes);
        } catch (TimestampFormatException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
        bounds.check();
    }

    @FuzzTest(maxDuration = "60s")
    void aTokenIsCheckedWithoutThrowing(byte[] bytes) {
        FuzzBounds bounds = FuzzBounds.start(bytes.length);
        TimestampCheck check = verifier.verify(bytes, checkpoint, chain);
        bounds.check();

        assertThat(check.message()).isNotBlank();
    }

    @FuzzTest(maxDuration = "60s")
    void aCertificateChainIsReadOrRefused(byte[] bytes) {
        FuzzBounds bounds = FuzzBounds.start(bytes.length);
        try {
            assertThat(Pem.readCertificates(bytes)).hasSizeLessThanOrEqualTo(Pem.MAX_CERTIFICATES);
        } catch (TimestampFormatException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
        bounds.check();
    }
}
