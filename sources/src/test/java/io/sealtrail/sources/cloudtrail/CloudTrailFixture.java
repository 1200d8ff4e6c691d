package io.sealtrail.sources.cloudtrail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a CloudTrail tree as {@code aws s3 sync} leaves it, signed with a key pair of our own in CloudTrail's
 * way: per hour two gzip log files and a digest listing them, chained to the previous digest, plus the
 * {@code list-public-keys} output for the key and a head-object sidecar for the newest digest.
 */
final class CloudTrailFixture {
    static final String ACCOUNT = "111122223333";
    static final String REGION = "eu-west-1";
    static final String BUCKET = "audit-bucket";
    static final String TRAIL = "org-trail";
    static final Instant START = Instant.parse("2026-03-02T06:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOG_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    static final KeyPair KEY = keyPair();

    final Path root;
    final List<String> logs = new ArrayList<>();
    final List<String> digests = new ArrayList<>();
    final Path keys;
    final String fingerprint;

    private CloudTrailFixture(Path root, Path keys, String fingerprint) {
        this.root = root;
        this.keys = keys;
        this.fingerprint = fingerprint;
    }

    /** {@code hours} hourly digests, two log files each with {@code events} records. */
    static CloudTrailFixture write(Path dir, int hours, int events) throws IOException, GeneralSecurityException {
        return write(dir, hours, events, START.minusSeconds(3600), START.plusSeconds(3600L * 24 * 365));
    }

    static CloudTrailFixture write(Path dir, int hours, int events, Instant keyFrom, Instant keyUntil)
            throws IOException, GeneralSecurityException {
        return write(dir, hours, events, keyFrom, keyUntil, "", "");
    }

    /**
     * @param org       the organisation level of an organisation trail ("o-abc123/"), or ""
     * @param s3Prefix  the trail's S3 key prefix ("audit/"), which the digests name but the synced tree has not
     */
    static CloudTrailFixture write(Path dir, int hours, int events, Instant keyFrom, Instant keyUntil, String org,
                                   String s3Prefix) throws IOException, GeneralSecurityException {
        byte[] pkcs1 = pkcs1(KEY.getPublic().getEncoded());
        String fingerprint = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(pkcs1));
        Path keys = dir.resolve("cloudtrail-keys.json");
        ObjectNode k = JSON.createObjectNode();
        ObjectNode key = k.putArray("PublicKeyList").addObject();
        key.put("Value", Base64.getEncoder().encodeToString(pkcs1));
        key.put("ValidityStartTime", keyFrom.toString());
        key.put("ValidityEndTime", keyUntil.toString());
        key.put("Fingerprint", fingerprint);
        Files.createDirectories(dir);
        Files.writeString(keys, k.toPrettyString());
        Path root = dir.resolve("bucket");
        CloudTrailFixture f = new CloudTrailFixture(root, keys, fingerprint);
        String previousKey = null;
        String previousSig = null;
        String previousHash = null;
        int seq = 0;
        for (int h = 0; h < hours; h++) {
            Instant start = START.plusSeconds(3600L * h);
            Instant end = start.plusSeconds(3600);
            ArrayNode entries = JSON.createArrayNode();
            for (int part = 0; part < 2; part++) {
                Instant delivered = start.plusSeconds(600 + 1800L * part);
                String logKey = "AWSLogs/" + org + ACCOUNT + "/CloudTrail/" + REGION + "/" + DAY.format(delivered) + "/" + ACCOUNT
                        + "_CloudTrail_" + REGION + "_" + LOG_STAMP.format(delivered) + "_part" + h + part + ".json.gz";
                byte[] log = logFile(delivered, events, seq);
                seq += events;
                write(root.resolve(logKey), gzip(log));
                f.logs.add(logKey);
                ObjectNode e = entries.addObject();
                e.put("s3Bucket", BUCKET);
                e.put("s3Object", s3Prefix + logKey);
                e.put("hashValue", hex(sha256(log)));
                e.put("hashAlgorithm", "SHA-256");
            }
            String digestKey = "AWSLogs/" + org + ACCOUNT + "/CloudTrail-Digest/" + REGION + "/" + DAY.format(end) + "/" + ACCOUNT
                    + "_CloudTrail-Digest_" + REGION + "_" + TRAIL + "_" + REGION + "_" + STAMP.format(end) + ".json.gz";
            ObjectNode d = JSON.createObjectNode();
            d.put("awsAccountId", ACCOUNT);
            d.put("digestStartTime", start.toString());
            d.put("digestEndTime", end.toString());
            d.put("digestS3Bucket", BUCKET);
            d.put("digestS3Object", s3Prefix + digestKey);
            d.put("digestPublicKeyFingerprint", fingerprint);
            d.put("digestSignatureAlgorithm", "SHA256withRSA");
            d.put("newestEventTime", end.minusSeconds(60).toString());
            d.put("oldestEventTime", start.plusSeconds(60).toString());
            if (previousKey == null) {
                d.putNull("previousDigestS3Bucket");
                d.putNull("previousDigestS3Object");
                d.putNull("previousDigestHashValue");
                d.putNull("previousDigestHashAlgorithm");
                d.putNull("previousDigestSignature");
            } else {
                d.put("previousDigestS3Bucket", BUCKET);
                d.put("previousDigestS3Object", s3Prefix + previousKey);
                d.put("previousDigestHashValue", previousHash);
                d.put("previousDigestHashAlgorithm", "SHA-256");
                d.put("previousDigestSignature", previousSig);
            }
            d.set("logFiles", entries);
            byte[] digest = JSON.writeValueAsBytes(d);
            write(root.resolve(digestKey), gzip(digest));
            String signed = end + "\n" + BUCKET + "/" + s3Prefix + digestKey + "\n" + hex(sha256(digest)) + "\n"
                    + (previousSig == null ? "null" : previousSig);
            String sig = sign(signed);
            f.digests.add(digestKey);
            if (h == hours - 1) {
                f.sidecar(digestKey, sig, null);
            }
            previousKey = digestKey;
            previousSig = sig;
            previousHash = hex(sha256(digest));
        }
        return f;
    }

    /**
     * Changes the newest digest and signs it again with the real key, as CloudTrail itself would have: a change
     * only the chain checks can catch, since its signature is genuine.
     */
    void resignNewest(java.util.function.Consumer<ObjectNode> change) throws IOException, GeneralSecurityException {
        String key = digests.get(digests.size() - 1);
        Path file = root.resolve(key);
        ObjectNode d = (ObjectNode) JSON.readTree(gunzip(Files.readAllBytes(file)));
        change.accept(d);
        byte[] digest = JSON.writeValueAsBytes(d);
        Files.write(file, gzip(digest));
        String previous = d.path("previousDigestSignature").isNull() ? null : d.path("previousDigestSignature").asText();
        String signed = d.path("digestEndTime").asText() + "\n" + d.path("digestS3Bucket").asText() + "/"
                + d.path("digestS3Object").asText() + "\n" + hex(sha256(digest)) + "\n" + (previous == null ? "null" : previous);
        sidecar(key, sign(signed), null);
    }

    /** Writes what `aws s3api head-object` prints for an object: its signature metadata and, if given, a lock. */
    void sidecar(String key, String signature, String lockUntil) throws IOException {
        ObjectNode h = JSON.createObjectNode();
        h.put("ContentType", "application/json");
        h.put("ContentEncoding", "gzip");
        h.put("VersionId", "v-" + Math.abs(key.hashCode()));
        if (signature != null) {
            ObjectNode m = h.putObject("Metadata");
            m.put("signature", signature);
            m.put("signature-algorithm", "SHA256withRSA");
        }
        if (lockUntil != null) {
            h.put("ObjectLockMode", "COMPLIANCE");
            h.put("ObjectLockRetainUntilDate", lockUntil);
            h.put("ObjectLockLegalHoldStatus", "OFF");
        }
        Files.writeString(root.resolve(key + CloudTrailTree.SIDECAR), h.toPrettyString());
    }

    static byte[] logFile(Instant at, int events, int firstSeq) throws IOException {
        ObjectNode doc = JSON.createObjectNode();
        ArrayNode records = doc.putArray("Records");
        for (int i = 0; i < events; i++) {
            ObjectNode r = records.addObject();
            r.put("eventVersion", "1.09");
            ObjectNode id = r.putObject("userIdentity");
            id.put("type", "IAMUser");
            id.put("principalId", "AIDA" + (firstSeq + i));
            id.put("arn", "arn:aws:iam::" + ACCOUNT + ":user/alice");
            id.put("accountId", ACCOUNT);
            id.put("accessKeyId", "AKIAEXAMPLE");
            id.put("userName", "alice");
            r.put("eventTime", at.plusSeconds(i).toString().replace(".000Z", "Z"));
            r.put("eventSource", "iam.amazonaws.com");
            r.put("eventName", i % 5 == 4 ? "CreateAccessKey" : "ListUsers");
            r.put("awsRegion", REGION);
            r.put("sourceIPAddress", "203.0.113." + (i % 250));
            r.put("userAgent", "aws-cli/2.15.0");
            if (i % 7 == 6) {
                r.put("errorCode", "AccessDenied");
                r.put("errorMessage", "User: alice is not authorized");
            }
            r.put("eventID", "evt-" + (firstSeq + i));
            r.put("recipientAccountId", ACCOUNT);
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc);
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(data);
        }
        return out.toByteArray();
    }

    static byte[] gunzip(byte[] data) throws IOException {
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(data))) {
            return in.readAllBytes();
        }
    }

    static String sign(String text) throws GeneralSecurityException {
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(KEY.getPrivate());
        s.update(text.getBytes(StandardCharsets.UTF_8));
        return hex(s.sign());
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    /** The PKCS#1 RSAPublicKey inside an X.509 SubjectPublicKeyInfo: the bit string after the algorithm. */
    static byte[] pkcs1(byte[] spki) {
        int i = 1;
        i += lengthBytes(spki, i); // the outer SEQUENCE's length
        i += 1 + lengthBytes(spki, i + 1) + length(spki, i + 1); // the AlgorithmIdentifier SEQUENCE
        int header = 1 + lengthBytes(spki, i + 1); // the BIT STRING tag and length
        return Arrays.copyOfRange(spki, i + header + 1, spki.length); // + 1: the unused-bits byte
    }

    private static int lengthBytes(byte[] der, int at) {
        int b = der[at] & 0xff;
        return b < 0x80 ? 1 : 1 + (b & 0x7f);
    }

    private static int length(byte[] der, int at) {
        int b = der[at] & 0xff;
        if (b < 0x80) {
            return b;
        }
        int n = 0;
        for (int k = 1; k <= (b & 0x7f); k++) {
            n = (n << 8) | (der[at + k] & 0xff);
        }
        return n;
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048, new java.security.SecureRandom(new byte[] {7}));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
