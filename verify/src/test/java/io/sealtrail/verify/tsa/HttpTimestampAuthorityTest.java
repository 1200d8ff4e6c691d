package io.sealtrail.verify.tsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.tools.tsa.LoopbackTsaServer;
import io.sealtrail.tools.tsa.TestTimestampAuthority;
import io.sealtrail.verify.bundle.Timestamping;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The RFC 3161 HTTP client against the test TSA served on the loopback address. */
class HttpTimestampAuthorityTest {
    private static final byte[] CHECKPOINT = "gateway.example.com/log\n42\nroot\n".getBytes(StandardCharsets.UTF_8);
    private LoopbackTsaServer server;

    @BeforeEach
    void start() throws Exception {
        server = LoopbackTsaServer.start(TestTimestampAuthority.forLog("http-client"), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private List<X509Certificate> root() {
        return List.of(server.authority().rootCertificate());
    }

    @Test
    void aStampedTokenVerifiesOverTheDataWithTheChainTheBundleWillCarry() throws Exception {
        Timestamping t = HttpTimestampAuthority.connect(server.url(), root(), Duration.ofSeconds(5));
        byte[] tsr = t.authority().stamp(CHECKPOINT, Instant.EPOCH);
        TimestampCheck c = new TimestampVerifier(root()).verify(tsr, CHECKPOINT,
                Pem.readCertificates(t.chainPem().getBytes(StandardCharsets.US_ASCII)));
        assertThat(c.status()).isEqualTo(TimestampCheck.Status.OK);
        assertThat(c.tsaTrusted()).isTrue();
    }

    @Test
    void anAnswerToAnotherRequestIsRefusedByItsNonce() {
        Timestamping t = HttpTimestampAuthority.connect(server.url(), root(), Duration.ofSeconds(5));
        server.behave(LoopbackTsaServer.Behaviour.REPLAY);
        assertThatThrownBy(() -> t.authority().stamp(CHECKPOINT, Instant.EPOCH))
                .isInstanceOf(HttpTimestampAuthority.TsaException.class)
                .hasMessageContaining("answered another request: nonce");
    }

    @Test
    void aTokenThatChainsToNoRootAsksForTheTsaChain() {
        assertThatThrownBy(() -> HttpTimestampAuthority.connect(server.url(), List.of(), Duration.ofSeconds(5)))
                .isInstanceOf(HttpTimestampAuthority.TsaException.class)
                .hasMessageContaining("CHAIN_INVALID").hasMessageContaining("--tsa-chain");
    }

    @Test
    void aUrlThatIsNotHttpIsRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> HttpTimestampAuthority.connect(java.net.URI.create("ftp://127.0.0.1/tsr"), root(),
                Duration.ofSeconds(5))).hasMessageContaining("not an http(s) URL");
        assertThat(server.requests()).isZero();
    }
}
