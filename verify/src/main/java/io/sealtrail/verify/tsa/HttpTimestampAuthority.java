package io.sealtrail.verify.tsa;

import io.sealtrail.verify.bundle.Timestamping;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * An RFC 3161 time-stamping authority reached over HTTP (RFC 3161 §3.4), as {@code openssl ts -query | curl -H
 * 'Content-Type: application/timestamp-query' --data-binary @- URL} reaches one: a DER TimeStampReq for the
 * SHA-256 of the data, with a nonce and a request for the TSA's certificate, POSTed; the TimeStampResp comes back.
 * Every token is checked before it is used exactly as a verifier will check it in the bundle (imprint, CMS
 * signature, chain at genTime, {@link TimestampVerifier}), and its nonce against the request's, so a bundle is
 * never written with a token that would not verify.
 */
public final class HttpTimestampAuthority implements Timestamping.Authority {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_REPLY = 1 << 20;
    private static final byte[] PROBE = "sealtrail: does this time-stamping authority answer?\n"
            .getBytes(StandardCharsets.US_ASCII);

    /** The authority did not answer, or answered with what cannot be used; the message names the URL and why. */
    public static final class TsaException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TsaException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final URI url;
    private final HttpClient http;
    private final Duration timeout;
    private final List<X509Certificate> chain;
    private final TimestampVerifier verifier = new TimestampVerifier(List.of());
    private final SecureRandom random = new SecureRandom();

    private HttpTimestampAuthority(URI url, Duration timeout, List<X509Certificate> chain) {
        this.url = url;
        this.timeout = timeout;
        this.chain = List.copyOf(chain);
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Asks the authority once, to learn its certificate and to fail before any work when it cannot be used, and
     * returns what a bundle writer needs: the authority and the chain the bundle will carry (the TSA's certificate
     * from its token, then {@code caCertificates}).
     *
     * @param caCertificates the TSA's issuing and root certificates, which tokens rarely carry; may be empty when
     *                       the TSA's tokens include the whole chain
     * @throws TsaException when the authority does not answer, or its token does not verify with that chain
     */
    public static Timestamping connect(URI url, List<X509Certificate> caCertificates, Duration timeout) {
        Objects.requireNonNull(url, "url");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new TsaException("time-stamping authority " + url + ": not an http(s) URL", null);
        }
        HttpTimestampAuthority probe = new HttpTimestampAuthority(url, timeout, caCertificates);
        byte[] reply = probe.request(PROBE);
        LinkedHashSet<X509Certificate> all = new LinkedHashSet<>(certificates(read(url, reply)));
        all.addAll(caCertificates);
        HttpTimestampAuthority authority = new HttpTimestampAuthority(url, timeout, new ArrayList<>(all));
        authority.check(reply, PROBE);
        return new Timestamping(authority, pem(authority.chain));
    }

    /** A TimeStampResp over SHA-256(data); {@code genTime} is the authority's to choose, so it is not used. */
    @Override
    public byte[] stamp(byte[] data, Instant genTime) {
        byte[] reply = request(data);
        check(reply, data);
        return reply;
    }

    /** The authority's reply to a request for {@code data}, granted and answering this very request. */
    private byte[] request(byte[] data) {
        BigInteger nonce = new BigInteger(63, random);
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, sha256(data), nonce);
        byte[] reply = post(encoded(request));
        TimeStampToken token = read(url, reply);
        BigInteger got = token.getTimeStampInfo().getNonce();
        if (!nonce.equals(got)) {
            throw new TsaException("time-stamping authority " + url + " answered another request: nonce "
                    + (got == null ? "missing" : got.toString(16)) + ", asked " + nonce.toString(16), null);
        }
        return reply;
    }

    private static TimeStampToken read(URI url, byte[] reply) {
        try {
            return TokenReader.read(reply);
        } catch (TimestampFormatException e) {
            throw new TsaException("time-stamping authority " + url + " answered with no usable token: "
                    + e.getMessage(), e);
        }
    }

    private void check(byte[] reply, byte[] data) {
        TimestampCheck c = verifier.verify(reply, data, chain);
        if (!c.ok()) {
            throw new TsaException("time-stamping authority " + url + ": its token does not verify ("
                    + c.status() + ": " + c.message() + ")" + (c.status() == TimestampCheck.Status.CHAIN_INVALID
                    ? "; give the TSA's CA certificates with --tsa-chain" : ""), null);
        }
    }

    private byte[] post(byte[] query) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/timestamp-query")
                .header("Accept", "application/timestamp-reply")
                .POST(HttpRequest.BodyPublishers.ofByteArray(query)).build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new TsaException("time-stamping authority " + url + " cannot be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TsaException("time-stamping authority " + url + ": interrupted", e);
        }
        try (InputStream in = response.body()) {
            byte[] body = in.readNBytes(MAX_REPLY + 1);
            if (response.statusCode() != 200) {
                throw new TsaException("time-stamping authority " + url + " answered HTTP " + response.statusCode(),
                        null);
            }
            if (body.length > MAX_REPLY) {
                throw new TsaException("time-stamping authority " + url + " answered more than " + MAX_REPLY
                        + " bytes", null);
            }
            return body;
        } catch (IOException e) {
            throw new TsaException("time-stamping authority " + url + ": the answer broke off: " + e, e);
        }
    }

    private static byte[] encoded(TimeStampRequest request) {
        try {
            return request.getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a time-stamp request", e);
        }
    }

    private static List<X509Certificate> certificates(TimeStampToken token) {
        List<X509Certificate> out = new ArrayList<>();
        try {
            java.security.cert.CertificateFactory f = java.security.cert.CertificateFactory.getInstance("X.509");
            for (org.bouncycastle.cert.X509CertificateHolder h : token.getCertificates().getMatches(null)) {
                out.add((X509Certificate) f.generateCertificate(new java.io.ByteArrayInputStream(h.getEncoded())));
            }
        } catch (java.security.GeneralSecurityException | IOException e) {
            throw new TsaException("a certificate in the time-stamping authority's token cannot be read: " + e, e);
        }
        return out;
    }

    private static String pem(List<X509Certificate> certs) {
        StringBuilder b = new StringBuilder();
        Base64.Encoder enc = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        for (X509Certificate c : certs) {
            try {
                b.append("-----BEGIN CERTIFICATE-----\n").append(enc.encodeToString(c.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (CertificateEncodingException e) {
                throw new TsaException("the time-stamping authority's certificate cannot be encoded: " + e, e);
            }
        }
        return b.toString();
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks SHA-256", e);
        }
    }
}
