package io.sealtrail.app.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback listener that answers as OpenSearch's security plugin does before anything else: a Basic challenge
 * without a login, and (logged in) 503, since what is asked is not the tests' concern. It keeps every Authorization
 * header it was sent, so a test can see how a command logged in without a secured cluster of its own.
 */
final class LoginListener implements AutoCloseable {
    private final HttpServer server;
    private final List<String> logins = new CopyOnWriteArrayList<>();

    LoginListener() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", x -> {
            String auth = x.getRequestHeaders().getFirst("Authorization");
            if (auth == null) {
                x.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"OpenSearch Security\"");
                x.sendResponseHeaders(401, -1);
            } else {
                logins.add(auth);
                x.sendResponseHeaders(503, -1);
            }
            x.close();
        });
        server.start();
    }

    /** Where it listens, as a cluster URL. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The Authorization headers sent so far, in order. */
    List<String> logins() {
        return logins;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
