package io.sealtrail.tools.tsa;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link TestTimestampAuthority} served over HTTP on the loopback address, as a real RFC 3161 authority serves
 * (RFC 3161 §3.4: POST of a DER TimeStampReq as {@code application/timestamp-query}, the TimeStampResp back as
 * {@code application/timestamp-reply}), so a client can be tested against the protocol without the network.
 * Started and stopped by the test that uses it; it answers on an ephemeral port of 127.0.0.1 only.
 */
public final class LoopbackTsaServer implements AutoCloseable {
    /** How the server answers, so clients can be tested against broken authorities too. */
    public enum Behaviour {
        /** Grants every well-formed request. */
        GRANT,
        /** Answers 200 with bytes that are no TimeStampResp. */
        GARBAGE,
        /** Answers HTTP 503. */
        UNAVAILABLE,
        /** Answers every request with the first reply it granted: a token for another request (its nonce, its imprint). */
        REPLAY,
        /** Answers a TimeStampResp with PKIStatus rejection (badAlg), as an authority refusing the request does. */
        REJECT
    }

    private static final String PATH = "/tsr";
    private final HttpServer server;
    private final TestTimestampAuthority authority;
    private final Clock clock;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Behaviour behaviour = Behaviour.GRANT;
    private volatile int grantFirst;
    private volatile byte[] firstGranted;

    private LoopbackTsaServer(TestTimestampAuthority authority, Clock clock) throws IOException {
        this.authority = authority;
        this.clock = clock;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(PATH, this::handle);
        server.start();
    }

    /** Serves {@code authority}, stamping at {@code clock}'s time (which its certificate must cover). */
    public static LoopbackTsaServer start(TestTimestampAuthority authority, Clock clock) throws IOException {
        return new LoopbackTsaServer(authority, clock);
    }

    public URI url() {
        InetSocketAddress a = server.getAddress();
        return URI.create("http://" + a.getAddress().getHostAddress() + ":" + a.getPort() + PATH);
    }

    public TestTimestampAuthority authority() {
        return authority;
    }

    public void behave(Behaviour b) {
        behave(b, 0);
    }

    /** Grants the next {@code grants} requests, then behaves as {@code b}: an authority that fails midway. */
    public void behave(Behaviour b, int grants) {
        grantFirst = requests.get() + grants;
        behaviour = b;
    }

    /** How many requests were answered (any behaviour). */
    public int requests() {
        return requests.get();
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            int n = requests.incrementAndGet();
            byte[] body;
            try (InputStream in = x.getRequestBody()) {
                body = in.readNBytes(1 << 16);
            }
            String type = x.getRequestHeaders().getFirst("Content-Type");
            if (!"POST".equals(x.getRequestMethod()) || !"application/timestamp-query".equals(type)) {
                send(x, 400, "text/plain", "POST an application/timestamp-query".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            switch (n <= grantFirst ? Behaviour.GRANT : behaviour) {
                case UNAVAILABLE -> send(x, 503, "text/plain", "down for maintenance".getBytes(StandardCharsets.US_ASCII));
                case REPLAY -> send(x, 200, "application/timestamp-reply", firstGranted);
                case REJECT -> send(x, 200, "application/timestamp-reply", authority.reject("unsupported algorithm"));
                case GARBAGE -> send(x, 200, "application/timestamp-reply",
                        "<html>not a timestamp</html>".getBytes(StandardCharsets.US_ASCII));
                case GRANT -> {
                    byte[] reply;
                    try {
                        reply = authority.respond(body, clock.instant());
                    } catch (IOException | IllegalArgumentException e) {
                        send(x, 400, "text/plain", String.valueOf(e.getMessage()).getBytes(StandardCharsets.UTF_8));
                        return;
                    }
                    if (firstGranted == null) {
                        firstGranted = reply;
                    }
                    send(x, 200, "application/timestamp-reply", reply);
                }
            }
        }
    }

    private static void send(HttpExchange x, int status, String type, byte[] body) throws IOException {
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(status, body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
