package io.sealtrail.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.transport.Netty4Plugin;

/**
 * A real single-node OpenSearch (2.19, the server's own code) in the test JVM, on a free loopback port: the tests
 * talk to it through the official client exactly as to a cluster. Started once per test JVM (about 10 s) and
 * stopped when the JVM exits, so a test run costs one start however many classes use it.
 */
public final class TestNode {
    private static TestNode shared;
    private static boolean loggingConfigured;

    private final Node node;
    private final Path home;
    private final int httpPort;

    private TestNode(Node node, Path home, int httpPort) {
        this.node = node;
        this.home = home;
        this.httpPort = httpPort;
    }

    /** The node every test of this JVM shares; started on first use. */
    public static synchronized TestNode shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "opensearch-test-node-stop"));
        }
        return shared;
    }

    /** {@code http://127.0.0.1:PORT}, what a user gives {@code --opensearch}. */
    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    /**
     * Runs the node by hand, for a try-out or a bench without a distribution: prints its URL, stops with the JVM.
     * {@code java -Xmx1g -cp <the module's test classpath> io.sealtrail.opensearch.TestNode}
     */
    public static void main(String[] args) throws InterruptedException {
        System.out.println(shared().url());
        Thread.currentThread().join();
    }

    /**
     * A node of its own beside the shared one, with {@code extra} settings (a tiny write queue, say); the caller
     * {@link #close}s it.
     */
    public static TestNode startWith(String name, Map<String, String> extra) {
        return start(name, extra);
    }

    /** Stops a node started by {@link #startWith} and deletes its data. */
    public void close() {
        stop();
    }

    private static TestNode start() {
        return start("sealtrail-test", Map.of());
    }

    private static synchronized void configureLogging(Settings settings) {
        if (!loggingConfigured) {
            LogConfigurator.registerErrorListener();
            LogConfigurator.configureWithoutConfig(settings);
            loggingConfigured = true;
        }
    }

    private static TestNode start(String name, Map<String, String> extra) {
        try {
            Path home = Files.createTempDirectory("sealtrail-opensearch-node-");
            int http = freePort();
            Settings.Builder b = Settings.builder()
                    .put("cluster.name", name)
                    .put("node.name", name + "-node")
                    .put("path.home", home.toString())
                    .put("path.data", home.resolve("data").toString())
                    .put("path.logs", home.resolve("logs").toString())
                    .put("network.host", "127.0.0.1")
                    .put("http.port", http)
                    .put("transport.port", freePort())
                    .put("discovery.type", "single-node")
                    // the temp folder's disk may be nearly full on a shared machine; shards must still be allocated
                    .put("cluster.routing.allocation.disk.threshold_enabled", false)
                    .put("http.type", "netty4")
                    .put("transport.type", "netty4");
            extra.forEach(b::put);
            Settings settings = b.build();
            configureLogging(settings);
            Node node = new PluginNode(settings, name + "-node");
            node.start();
            return new TestNode(node, home, http);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("the test OpenSearch node did not start: " + e.getMessage(), e);
        }
    }

    private void stop() {
        try {
            node.close();
            try (var walk = Files.walk(home)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            // a temp folder left behind is not worth failing a finished test run for
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The protected constructor lets the node load its plugins from the classpath, without a distribution. */
    private static final class PluginNode extends Node {
        PluginNode(Settings settings, String name) {
            super(InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> name),
                    List.of(Netty4Plugin.class, CommonAnalysisPlugin.class), true);
        }
    }
}
