package io.sealtrail.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * How a case logs in to the cluster its events live in, for reading: the method and where its secret is, never the
 * secret itself. Kept in the case folder ({@value #FILE}) by the last command given a login, so that the workbench,
 * which takes no options, reads the case as that command did. It holds paths only: a case handed over names files
 * its receiver does not have, who then gives their own (docs/opensearch.md).
 *
 * @param method     how to log in
 * @param user       with {@link Method#BASIC}, else null
 * @param secretFile the password file ({@link Method#BASIC}) or API key file ({@link Method#API_KEY}), else null
 * @param ca         a PEM CA certificate for {@code https://}, or null for the JVM's trust store
 */
public record ClusterLogin(Method method, String user, Path secretFile, Path ca) {
    /** The file in the case folder. */
    public static final String FILE = "opensearch-login.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How to log in. */
    public enum Method {
        NONE, BASIC, API_KEY
    }

    public ClusterLogin {
        if ((method == Method.NONE) != (secretFile == null) || (method == Method.BASIC) != (user != null)) {
            throw new IllegalArgumentException("a login with " + method + " takes "
                    + (method == Method.BASIC ? "a user and a password file" : method == Method.API_KEY
                    ? "an API key file" : "no secret"));
        }
    }

    /** The login of these options: a user and password file, an API key file, or neither; a CA in any case. */
    public static ClusterLogin of(String user, Path passwordFile, Path apiKeyFile, Path ca) {
        if (user != null && apiKeyFile != null) {
            throw new IllegalArgumentException("give a user and password or an API key, not both");
        }
        if (user != null && passwordFile == null) {
            throw new IllegalArgumentException("a user needs --password-file");
        }
        if (user == null && passwordFile != null) {
            throw new IllegalArgumentException("--password-file needs --user");
        }
        Path abs = ca == null ? null : ca.toAbsolutePath().normalize();
        if (user != null) {
            return new ClusterLogin(Method.BASIC, user, passwordFile.toAbsolutePath().normalize(), abs);
        }
        return apiKeyFile != null ? new ClusterLogin(Method.API_KEY, null, apiKeyFile.toAbsolutePath().normalize(), abs)
                : new ClusterLogin(Method.NONE, null, null, abs);
    }

    /** Whether anything was given at all (a CA alone counts). */
    public boolean given() {
        return method != Method.NONE || ca != null;
    }

    /** The connection to {@code url} with this login. */
    public ClusterConnection connection(URI url) {
        return new ClusterConnection(url, user, method == Method.BASIC ? secretFile : null,
                method == Method.API_KEY ? secretFile : null, ca);
    }

    /** The login recorded in a case folder, if any. */
    public static Optional<ClusterLogin> read(Path caseDir) throws IOException {
        Path f = caseDir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(f.toFile());
            Method m = Method.valueOf(n.path("method").asText("none").toUpperCase(Locale.ROOT).replace('-', '_'));
            return Optional.of(new ClusterLogin(m, text(n, "user"), path(n, "secret_file"), path(n, "ca")));
        } catch (IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(f + ": not a login Sealtrail wrote (" + e.getMessage() + "); delete it and give the"
                    + " login again", e);
        }
    }

    /** Records this login in the case folder (the method and paths, never a secret). */
    public void write(Path caseDir) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("method", method.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        if (user != null) {
            n.put("user", user);
        }
        if (secretFile != null) {
            n.put("secret_file", secretFile.toString());
        }
        if (ca != null) {
            n.put("ca", ca.toString());
        }
        Path tmp = caseDir.resolve(FILE + ".tmp");
        Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n) + "\n");
        Files.move(tmp, caseDir.resolve(FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Path path(JsonNode n, String field) {
        String v = text(n, field);
        return v == null ? null : Path.of(v);
    }
}
