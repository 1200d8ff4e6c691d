package io.sealtrail.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.net.ssl.SSLContext;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * A secured single-node OpenSearch for the command line's tests: the official minimal distribution with the official
 * security plugin (both fetched from Maven Central by the build, app/pom.xml), started as a child process on the
 * loopback address. TLS on HTTP and transport with certificates made here (a CA, the node's certificate for
 * 127.0.0.1 and localhost, an admin certificate), no demo certificates or users; logins from the internal users
 * database: {@value #ADMIN} (all access, for the tests' own look at the cluster), {@value #IMPORTER} (the role in
 * secured-cluster/roles.yml, what docs/opensearch.md tells a production cluster to give the import account) and
 * {@value #READER} (nothing until {@link #grantCase} gives it one case's alias to read).
 *
 * <p>The distribution is unpacked and the plugin installed once per build folder ({@code target/secured-opensearch});
 * each start has its own configuration, data and logs. A start that does not reach a healthy cluster within
 * {@link #START_TIMEOUT} fails with the end of the node's log.
 */
final class SecuredCluster implements AutoCloseable {
    static final String ADMIN = "admin";
    static final String IMPORTER = "importer";
    static final String READER = "reader";
    static final Duration START_TIMEOUT = Duration.ofSeconds(150);

    private final Path dir;
    private final Process node;
    private final Thread reaper;
    private final URI url;
    private final Path ca;
    private final Map<String, String> passwords;
    private final HttpClient http;

    private SecuredCluster(Path dir, Process node, Thread reaper, URI url, Path ca, Map<String, String> passwords,
                           HttpClient http) {
        this.dir = dir;
        this.node = node;
        this.reaper = reaper;
        this.url = url;
        this.ca = ca;
        this.passwords = passwords;
        this.http = http;
    }

    /** Where the node listens, {@code https://127.0.0.1:PORT}. */
    URI url() {
        return url;
    }

    /** The CA that signed the node's certificate, PEM. */
    Path ca() {
        return ca;
    }

    /** A password file of {@code user}'s (its owner's alone, as Sealtrail asks). */
    Path passwordFile(String user) throws IOException {
        return secret(user + ".password", passwords.get(user));
    }

    /** A file holding {@code text} on one line, its owner's alone. */
    Path secret(String name, String text) throws IOException {
        Path f = dir.resolve("secrets").resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        return f;
    }

    /**
     * Gives {@code user} a role of its own that reads the case alias {@code alias} and nothing else: read, and the
     * points in time an export holds (what docs/opensearch.md tells a production cluster to give an investigator).
     */
    void grantCase(String user, String alias) throws IOException, InterruptedException {
        String role = "sealtrail_read_" + alias.replaceAll("[^a-z0-9_]", "_");
        admin("PUT", "/_plugins/_security/api/roles/" + role, """
                {"index_permissions": [{"index_patterns": ["%s"],
                  "allowed_actions": ["read", "indices:data/read/point_in_time/*"]}]}""".formatted(alias));
        admin("PUT", "/_plugins/_security/api/rolesmapping/" + role, """
                {"users": ["%s"]}""".formatted(user));
    }

    /** The number of documents in an index or alias, as the admin sees it (-1 when there is no such index). */
    long count(String index) throws IOException, InterruptedException {
        HttpResponse<String> r = send("GET", "/" + index + "/_count", null);
        if (r.statusCode() == 404) {
            return -1;
        }
        requireOk(r, "GET /" + index + "/_count");
        return Long.parseLong(r.body().replaceAll("(?s).*\"count\"\\s*:\\s*(\\d+).*", "$1"));
    }

    /** How many search requests (queries) an index has answered since it was created. */
    long searches(String index) throws IOException, InterruptedException {
        String body = admin("GET", "/" + index + "/_stats/search", null);
        return Long.parseLong(body.replaceAll("(?s).*?\"total\"\\s*:\\s*\\{.*?\"query_total\"\\s*:\\s*(\\d+).*", "$1"));
    }

    /** A request as the admin user; its answer's body, or an exception naming the status and body. */
    String admin(String method, String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> r = send(method, path, json);
        requireOk(r, method + " " + path);
        return r.body();
    }

    private HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(url.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (ADMIN + ":" + passwords.get(ADMIN)).getBytes(StandardCharsets.UTF_8)));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void requireOk(HttpResponse<String> r, String what) throws IOException {
        if (r.statusCode() / 100 != 2) {
            throw new IOException(what + ": HTTP " + r.statusCode() + " " + r.body());
        }
    }

    /** The last lines the node logged, for a failure's message. */
    String logTail(int lines) {
        return logTail(dir, lines);
    }

    private static String logTail(Path dir, int lines) {
        StringBuilder out = new StringBuilder();
        for (Path f : List.of(dir.resolve("node-console.log"), dir.resolve("logs").resolve(CLUSTER + ".log"))) {
            try {
                List<String> all = Files.readAllLines(f, StandardCharsets.UTF_8);
                out.append("--- ").append(f).append(" (last ").append(Math.min(lines, all.size())).append(" lines)\n");
                all.subList(Math.max(0, all.size() - lines), all.size()).forEach(l -> out.append(l).append('\n'));
            } catch (IOException e) {
                out.append("--- ").append(f).append(": ").append(e.getMessage()).append('\n');
            }
        }
        return out.toString();
    }

    /** Stops the node and whatever it started, waiting for them to end. */
    @Override
    public void close() {
        stop(node);
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs anyway
        }
    }

    private static void stop(Process p) {
        List<ProcessHandle> children = p.descendants().toList();
        p.destroy(); // SIGTERM: the node closes its indices and exits
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private static final String CLUSTER = "sealtrail-secured-test";

    /**
     * Starts a node whose configuration, data and logs live in {@code dir}, and waits until it answers healthy over
     * HTTPS as the admin.
     */
    static SecuredCluster start(Path dir) throws Exception {
        Path home = prepared();
        Files.createDirectories(dir);
        Path conf = dir.resolve("config");
        copyTree(home.resolve("config"), conf);
        ClusterCertificates certs = ClusterCertificates.make();
        certs.write(conf);
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String user : List.of(ADMIN, IMPORTER, READER)) {
            passwords.put(user, user + "-" + new BigInteger(64, new SecureRandom()).toString(36));
        }
        writeSecurityConfig(conf.resolve("opensearch-security"), passwords);
        Files.writeString(conf.resolve("opensearch.yml"), """
                cluster.name: %s
                node.name: secured-1
                discovery.type: single-node
                network.host: 127.0.0.1
                # free ports, chosen by the node; it names them in logs/http.ports
                http.port: 0
                transport.port: 0
                node.portsfile: true
                path.data: %s
                path.logs: %s
                plugins.security.ssl.transport.pemcert_filepath: node.pem
                plugins.security.ssl.transport.pemkey_filepath: node-key.pem
                plugins.security.ssl.transport.pemtrustedcas_filepath: ca.pem
                plugins.security.ssl.http.enabled: true
                plugins.security.ssl.http.pemcert_filepath: node.pem
                plugins.security.ssl.http.pemkey_filepath: node-key.pem
                plugins.security.ssl.http.pemtrustedcas_filepath: ca.pem
                plugins.security.nodes_dn: ["%s"]
                plugins.security.authcz.admin_dn: ["%s"]
                # the security index is created from opensearch-security/*.yml on the first start (no securityadmin run)
                plugins.security.allow_default_init_securityindex: true
                plugins.security.restapi.roles_enabled: ["all_access"]
                """.formatted(CLUSTER, dir.resolve("data"), dir.resolve("logs"), ClusterCertificates.NODE_DN,
                ClusterCertificates.ADMIN_DN));

        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/opensearch").toString()).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("node-console.log").toFile());
        Files.createDirectories(dir.resolve("logs"));
        Map<String, String> env = pb.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("OPENSEARCH_JAVA_HOME", System.getProperty("java.home"));
        env.put("OPENSEARCH_PATH_CONF", conf.toString());
        // A small heap, not touched up front, and the quick compiler only: on a busy 2-core machine this halves the
        // start (38-43 s against 15-22 s at load 8-9), and the tests' few requests need no optimised code.
        // OpenSearch refuses to run as root and asks JNA whether it is: without JNA's native library (not loaded
        // from the system, not unpacked) it cannot tell and starts, without its native calls (memory locking, the
        // system call filter), which a test node does not need. CI runs as root.
        env.put("OPENSEARCH_JAVA_OPTS", "-Xms512m -Xmx512m -XX:-AlwaysPreTouch -XX:TieredStopAtLevel=1"
                + " -Djna.nosys=true -Djna.nounpack=true");
        env.remove("JAVA_TOOL_OPTIONS");
        Process node = pb.start();
        Thread reaper = new Thread(() -> stop(node), "secured-opensearch-reaper");
        Runtime.getRuntime().addShutdownHook(reaper); // the node never outlives the tests' JVM
        try {
            SSLContext tls = certs.trustingCa();
            HttpClient http = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
            int port = awaitPort(node, dir.resolve("logs/http.ports"));
            SecuredCluster cluster = new SecuredCluster(dir, node, reaper, URI.create("https://127.0.0.1:" + port), conf.resolve("ca.pem"),
                    passwords, http);
            cluster.awaitHealthy(node);
            return cluster;
        } catch (Exception | Error e) {
            stop(node);
            String tail = logTail(dir, 60);
            Runtime.getRuntime().removeShutdownHook(reaper);
            throw new IllegalStateException("the secured OpenSearch node did not start: " + e.getMessage() + "\n" + tail,
                    e);
        }
    }

    private static int awaitPort(Process node, Path portsFile) throws IOException, InterruptedException {
        Instant until = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(until)) {
            if (!node.isAlive()) {
                throw new IOException("the node exited with " + node.exitValue());
            }
            if (Files.isRegularFile(portsFile)) {
                String first = Files.readAllLines(portsFile).stream().filter(l -> !l.isBlank()).findFirst().orElse("");
                if (!first.isEmpty()) {
                    return Integer.parseInt(first.substring(first.lastIndexOf(':') + 1).strip());
                }
            }
            Thread.sleep(250);
        }
        throw new IOException("no HTTP port after " + START_TIMEOUT.toSeconds() + " s");
    }

    /** Until the security plugin has initialised its index, every request is answered 503. */
    private void awaitHealthy(Process node) throws IOException, InterruptedException {
        Instant until = Instant.now().plus(START_TIMEOUT);
        String last = "no answer";
        while (Instant.now().isBefore(until)) {
            if (!node.isAlive()) {
                throw new IOException("the node exited with " + node.exitValue());
            }
            try {
                HttpResponse<String> r = send("GET", "/_cluster/health?wait_for_status=yellow&timeout=5s", null);
                last = "HTTP " + r.statusCode() + " " + r.body();
                if (r.statusCode() == 200 && !r.body().contains("\"red\"")) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(250);
        }
        throw new IOException("not healthy after " + START_TIMEOUT.toSeconds() + " s: " + last);
    }

    /**
     * The distribution with the security plugin installed, unpacked once into the build folder: the plugin is
     * installed by OpenSearch's own installer from the zip Maven fetched, offline.
     */
    private static synchronized Path prepared() throws IOException, InterruptedException {
        String base = System.getProperty("sealtrail.secured-opensearch.dir");
        String version = System.getProperty("sealtrail.secured-opensearch.version");
        if (base == null || version == null) {
            throw new IllegalStateException("run through Maven (mvn test in app): it fetches OpenSearch and its security"
                    + " plugin and names them in sealtrail.secured-opensearch.dir and .version");
        }
        Path zips = Path.of(base, "zips");
        Path home = Path.of(base, "opensearch-" + version);
        Path done = home.resolve(".prepared-by-sealtrail");
        if (Files.exists(done)) {
            return home;
        }
        long t0 = System.nanoTime();
        deleteTree(home);
        unzip(zips.resolve("opensearch.zip"), Path.of(base));
        // zip entries carry no permissions here: the scripts are made runnable again
        try (Stream<Path> bin = Files.list(home.resolve("bin"))) {
            for (Path f : bin.filter(f -> !f.toString().endsWith(".bat") && !f.toString().endsWith(".exe")).toList()) {
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        // the minimal distribution has no analysis module; the full one ships this very jar as one
        Path analysis = Files.createDirectories(home.resolve("modules/analysis-common"));
        Files.copy(zips.resolve("analysis-common.jar"), analysis.resolve("analysis-common-" + version + ".jar"));
        Files.writeString(analysis.resolve("plugin-descriptor.properties"), """
                description=Adds "built in" analyzers to OpenSearch.
                version=%s
                name=analysis-common
                classname=org.opensearch.analysis.common.CommonAnalysisPlugin
                java.version=11
                opensearch.version=%s
                extended.plugins=
                has.native.controller=false
                """.formatted(version, version));
        ProcessBuilder install = new ProcessBuilder(home.resolve("bin/opensearch-plugin").toString(), "install",
                "--batch", zips.resolve("opensearch-security.zip").toUri().toString()).redirectErrorStream(true)
                .redirectOutput(Path.of(base, "plugin-install.log").toFile());
        install.environment().put("JAVA_HOME", System.getProperty("java.home"));
        install.environment().put("OPENSEARCH_JAVA_HOME", System.getProperty("java.home"));
        install.environment().remove("OPENSEARCH_PATH_CONF");
        Process p = install.start();
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("installing the security plugin failed:\n"
                    + Files.readString(Path.of(base, "plugin-install.log")));
        }
        Files.writeString(done, Instant.now() + "\n");
        System.out.printf("SecuredCluster: unpacked OpenSearch and installed its security plugin in %,d ms%n",
                (System.nanoTime() - t0) / 1_000_000);
        return home;
    }

    /** The plugin's own configuration files, but with these logins and roles, and no demo users. */
    private static void writeSecurityConfig(Path security, Map<String, String> passwords) throws IOException {
        for (String f : List.of("config.yml", "roles.yml")) {
            try (InputStream in = SecuredCluster.class.getResourceAsStream("secured-cluster/" + f)) {
                Files.write(security.resolve(f), in.readAllBytes());
            }
        }
        StringBuilder users = new StringBuilder("_meta:\n  type: \"internalusers\"\n  config_version: 2\n");
        Map<String, String> roles = Map.of(ADMIN, "[\"all_access\"]", IMPORTER, "[\"sealtrail_import\"]", READER, "[]");
        SecureRandom random = new SecureRandom();
        for (Map.Entry<String, String> u : passwords.entrySet()) {
            byte[] salt = new byte[16];
            random.nextBytes(salt);
            // the lowest cost bcrypt allows: the node checks a password once per login it has not cached
            String hash = OpenBSDBCrypt.generate("2y", u.getValue().toCharArray(), salt, 4);
            users.append(u.getKey()).append(":\n  hash: \"").append(hash).append("\"\n  opendistro_security_roles: ")
                    .append(roles.get(u.getKey())).append('\n');
        }
        Files.writeString(security.resolve("internal_users.yml"), users);
        for (String type : List.of("rolesmapping", "actiongroups", "tenants")) {
            String file = switch (type) {
                case "rolesmapping" -> "roles_mapping.yml";
                case "actiongroups" -> "action_groups.yml";
                default -> "tenants.yml";
            };
            Files.writeString(security.resolve(file), "_meta:\n  type: \"" + type + "\"\n  config_version: 2\n");
        }
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path to = into.resolve(e.getName()).normalize();
                if (!to.startsWith(into)) {
                    throw new IOException(zip + ": " + e.getName() + " points outside " + into);
                }
                if (e.isDirectory()) {
                    Files.createDirectories(to);
                } else {
                    Files.createDirectories(to.getParent());
                    Files.copy(in, to);
                }
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        List<Path> all;
        try (Stream<Path> s = Files.walk(from)) {
            all = new ArrayList<>(s.toList());
        }
        for (Path p : all) {
            Path target = to.resolve(from.relativize(p).toString());
            if (Files.isDirectory(p)) {
                Files.createDirectories(target);
            } else {
                Files.copy(p, target);
            }
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        List<Path> all;
        try (Stream<Path> s = Files.walk(p)) {
            all = new ArrayList<>(s.toList());
        }
        java.util.Collections.reverse(all);
        for (Path f : all) {
            Files.delete(f);
        }
    }
}
