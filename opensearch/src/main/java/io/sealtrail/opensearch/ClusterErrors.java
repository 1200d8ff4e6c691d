package io.sealtrail.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import javax.net.ssl.SSLException;
import org.apache.http.HttpEntity;
import org.apache.http.util.EntityUtils;
import org.opensearch.client.ResponseException;

/**
 * Why a secured cluster did not answer, in one sentence for the person at the command line or the workbench: a login
 * it refused (HTTP 401), a permission the login lacks (HTTP 403, with the action the security plugin names), a TLS
 * certificate this machine does not trust. The official client reports the first two as "Unauthorized access" and
 * "Forbidden access" and keeps the cluster's answer in the cause; the TLS error comes with a link to the client's
 * troubleshooting page. Anything else is its own message's first line.
 */
final class ClusterErrors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ClusterErrors() {
    }

    /** What went wrong talking to the cluster through {@code connection} (which says how it logged in). */
    static String describe(Throwable e, ClusterConnection connection) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ResponseException r) {
                int status = r.getResponse().getStatusLine().getStatusCode();
                if (status == 401) {
                    return unauthorized(connection);
                }
                if (status == 403) {
                    return (connection.user() != null ? "user " + connection.user()
                            : connection.apiKeyFile() != null ? "the API key in " + connection.apiKeyFile()
                            : "an anonymous login") + " lacks a permission: " + reason(r) + " (HTTP 403)";
                }
            }
            if (t instanceof org.apache.http.ConnectionClosedException && "http".equals(connection.url().getScheme())) {
                return "the connection was closed before any answer (a cluster with TLS takes https:// URLs)";
            }
            if (t instanceof SSLException) {
                return "its TLS certificate is not accepted (" + deepest(t) + ")" + (connection.ca() == null
                        ? "; give the CA that signed it with --ca CERT"
                        : "; checked against the CA in " + connection.ca());
            }
        }
        return firstLine(e);
    }

    private static String unauthorized(ClusterConnection connection) {
        if (connection.user() != null) {
            return "authentication failed for user " + connection.user() + " (HTTP 401: the cluster did not accept"
                    + " this user with the password in " + connection.passwordFile() + ")";
        }
        if (connection.apiKeyFile() != null) {
            return "authentication failed for the API key in " + connection.apiKeyFile() + " (HTTP 401)";
        }
        return "the cluster asks for a login (HTTP 401): give --user and --password-file";
    }

    /** The security plugin's reason, without the user it names again ("... and User [name=reader, ...]"). */
    private static String reason(ResponseException r) {
        try {
            HttpEntity entity = r.getResponse().getEntity();
            JsonNode error = entity == null ? null : JSON.readTree(EntityUtils.toString(entity)).path("error");
            String reason = error == null ? "" : error.isTextual() ? error.asText() : error.path("reason").asText("");
            if (!reason.isBlank()) {
                return reason.replaceFirst(" and User \\[.*$", "");
            }
        } catch (IOException | RuntimeException e) {
            // not the plugin's JSON: the status says enough
        }
        return "the cluster refused the request " + r.getResponse().getRequestLine();
    }

    /** The innermost cause's message: "unable to find valid certification path ..." rather than its wrappers. */
    private static String deepest(Throwable t) {
        Throwable d = t;
        while (d.getCause() != null && d.getCause() != d) {
            d = d.getCause();
        }
        String m = firstLine(d);
        int colon = m.lastIndexOf(": ");
        return colon < 0 ? m : m.substring(colon + 2); // "PKIX path building failed: sun.security...: unable to ..."
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
