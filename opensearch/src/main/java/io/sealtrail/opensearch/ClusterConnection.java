package io.sealtrail.opensearch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.message.BasicHeader;
import org.opensearch.client.RestClient;
import org.opensearch.client.RestClientBuilder;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.rest_client.RestClientTransport;

/**
 * Where a case's events live in OpenSearch and how to log in: a URL, optionally a user and password or an API key,
 * optionally the CA that signed the cluster's certificate. Secrets come from files, never from the command line.
 *
 * @param url          {@code http://127.0.0.1:9200} or {@code https://search.example:9200}
 * @param user         null without basic authentication
 * @param passwordFile the file holding the password (its first line), with {@code user}
 * @param apiKeyFile   the file holding an API key ({@code id:key} or already encoded), or null
 * @param ca           a PEM certificate to trust for TLS, or null for the JVM's trust store
 */
public record ClusterConnection(URI url, String user, Path passwordFile, Path apiKeyFile, Path ca) {

    public ClusterConnection {
        if (url == null || url.getHost() == null) {
            throw new IllegalArgumentException("an OpenSearch URL needs a host, e.g. http://127.0.0.1:9200, not " + url);
        }
        if (user != null && passwordFile == null) {
            throw new IllegalArgumentException("a user needs --password-file");
        }
        if (user != null && apiKeyFile != null) {
            throw new IllegalArgumentException("give a user and password or an API key, not both");
        }
    }

    /** A cluster without authentication: a single node tried out on one's own machine. */
    public static ClusterConnection open(URI url) {
        return new ClusterConnection(url, null, null, null, null);
    }

    /** A client of the official Java client over its REST transport; closing it closes its HTTP connections. */
    public OpenSearchClient client() throws IOException {
        int port = url.getPort() < 0 ? 9200 : url.getPort();
        RestClientBuilder b = RestClient.builder(new HttpHost(url.getHost(), port, url.getScheme()));
        BasicCredentialsProvider credentials = null;
        if (user != null) {
            credentials = new BasicCredentialsProvider();
            credentials.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials(user, firstLine(passwordFile)));
        }
        if (apiKeyFile != null) {
            String key = firstLine(apiKeyFile);
            String encoded = key.contains(":")
                    ? Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8)) : key;
            b.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", "ApiKey " + encoded)});
        }
        SSLContext tls = ca == null ? null : trusting(ca);
        BasicCredentialsProvider creds = credentials;
        b.setHttpClientConfigCallback(h -> {
            if (creds != null) {
                h.setDefaultCredentialsProvider(creds);
            }
            if (tls != null) {
                h.setSSLContext(tls);
            }
            return h;
        });
        return new OpenSearchClient(new RestClientTransport(b.build(), new JacksonJsonpMapper()));
    }

    /**
     * Why this cluster did not answer, in one sentence: a login it refused (naming the user or key file), a
     * permission the login lacks (naming the action), a certificate not trusted; else the error's own message.
     */
    public String explain(Throwable e) {
        return ClusterErrors.describe(e, this);
    }

    private static String firstLine(Path f) throws IOException {
        requirePrivate(f);
        String s = Files.readString(f, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
        if (s.isEmpty()) {
            throw new IOException(f + " is empty");
        }
        return s;
    }

    /**
     * A secret file must be its owner's alone, as ssh asks of a private key: a password others can read is no longer
     * a secret, and a case names the file for everyone who opens it.
     */
    static void requirePrivate(Path f) throws IOException {
        if (!Files.isRegularFile(f)) {
            throw new IOException(f + ": no such file (a password or API key file)");
        }
        if (!Files.getFileStore(f).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
            return; // no POSIX permissions to check (Windows): the file system's ACLs are the user's to set
        }
        java.util.Set<java.nio.file.attribute.PosixFilePermission> p = Files.getPosixFilePermissions(f);
        p.retainAll(java.util.EnumSet.of(java.nio.file.attribute.PosixFilePermission.GROUP_READ,
                java.nio.file.attribute.PosixFilePermission.GROUP_WRITE,
                java.nio.file.attribute.PosixFilePermission.OTHERS_READ,
                java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE));
        if (!p.isEmpty()) {
            throw new IOException(f + " can be read or changed by others ("
                    + java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f))
                    + "): make it yours alone first, e.g. chmod 600 " + f);
        }
    }

    private static SSLContext trusting(Path pem) throws IOException {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, c);
            }
            if (i == 0) {
                throw new IOException(pem + " holds no certificate");
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IOException(pem + ": not a usable CA certificate (" + e.getMessage() + ")", e);
        }
    }
}
