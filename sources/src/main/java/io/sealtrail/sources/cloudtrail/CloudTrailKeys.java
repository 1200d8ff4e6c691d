package io.sealtrail.sources.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealtrail.sources.Times;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The CloudTrail public keys the auditor saved with {@code aws cloudtrail list-public-keys} (its JSON output).
 * Each key is matched by its fingerprint, the lowercase hex MD5 of the key bytes as delivered, and used only
 * for digests whose end time lies inside its validity window. AWS documents the keys as PKCS#1 RSAPublicKey;
 * one documented key is an X.509 SubjectPublicKeyInfo: both are read.
 */
public final class CloudTrailKeys {
    /** One key as listed. */
    public record Key(String fingerprint, PublicKey key, Instant validFrom, Instant validUntil) {
        boolean validAt(Instant t) {
            return (validFrom == null || !t.isBefore(validFrom)) && (validUntil == null || !t.isAfter(validUntil));
        }
    }

    private final List<Key> keys;
    private final String source;

    private CloudTrailKeys(List<Key> keys, String source) {
        this.keys = List.copyOf(keys);
        this.source = source;
    }

    public static CloudTrailKeys none() {
        return new CloudTrailKeys(List.of(), null);
    }

    /** Reads {@code list-public-keys} output; a key that cannot be read is an error naming it. */
    public static CloudTrailKeys read(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + ": not the JSON output of `aws cloudtrail list-public-keys`: "
                    + e.getOriginalMessage(), e);
        }
        JsonNode list = root == null ? null : root.get("PublicKeyList");
        if (list == null || !list.isArray()) {
            throw new IOException(file + ": has no PublicKeyList; save the output of "
                    + "`aws cloudtrail list-public-keys --output json`");
        }
        List<Key> keys = new ArrayList<>();
        int i = 0;
        for (JsonNode k : list) {
            i++;
            String value = CloudTrailMapping.text(k, "Value");
            if (value == null) {
                throw new IOException(file + ": key " + i + " has no Value");
            }
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(value);
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": key " + i + ": Value is not base64", e);
            }
            String fingerprint = fingerprint(der);
            String listed = CloudTrailMapping.text(k, "Fingerprint");
            if (listed != null && !listed.equalsIgnoreCase(fingerprint)) {
                throw new IOException(file + ": key " + i + " is listed with fingerprint " + listed
                        + " but its bytes have fingerprint " + fingerprint);
            }
            PublicKey key;
            try {
                key = rsa(der);
            } catch (GeneralSecurityException e) {
                throw new IOException(file + ": key " + i + " (" + fingerprint + ") is not an RSA public key", e);
            }
            keys.add(new Key(fingerprint, key, Times.rfc3339(CloudTrailMapping.text(k, "ValidityStartTime")),
                    Times.rfc3339(CloudTrailMapping.text(k, "ValidityEndTime"))));
        }
        return new CloudTrailKeys(keys, file.toString());
    }

    /** The fingerprints of the keys, in the order listed. */
    public List<String> fingerprints() {
        return keys.stream().map(Key::fingerprint).toList();
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    /** Where the keys came from, for findings. */
    public String source() {
        return source;
    }

    public Optional<Key> byFingerprint(String fingerprint) {
        return keys.stream().filter(k -> k.fingerprint().equalsIgnoreCase(fingerprint)).findFirst();
    }

    static String fingerprint(byte[] der) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }

    /** An RSA key from SubjectPublicKeyInfo DER, or from PKCS#1 RSAPublicKey DER wrapped into one. */
    static PublicKey rsa(byte[] der) throws GeneralSecurityException {
        KeyFactory f = KeyFactory.getInstance("RSA");
        try {
            return f.generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            return f.generatePublic(new X509EncodedKeySpec(spki(der)));
        }
    }

    /** SEQUENCE { SEQUENCE { rsaEncryption, NULL }, BIT STRING { 0 unused bits, pkcs1 } }. */
    private static byte[] spki(byte[] pkcs1) {
        byte[] algorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01,
                0x01, 0x05, 0x00};
        ByteArrayOutputStream bits = new ByteArrayOutputStream();
        bits.write(0x03);
        length(bits, pkcs1.length + 1);
        bits.write(0);
        bits.writeBytes(pkcs1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        length(out, algorithm.length + bits.size());
        out.writeBytes(algorithm);
        out.writeBytes(bits.toByteArray());
        return out.toByteArray();
    }

    private static void length(ByteArrayOutputStream out, int n) {
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else if (n < 0x10000) {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n & 0xff);
        } else {
            out.write(0x83);
            out.write(n >> 16);
            out.write((n >> 8) & 0xff);
            out.write(n & 0xff);
        }
    }
}
