package io.sealtrail.sources.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealtrail.model.Finding;
import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Location;
import io.sealtrail.model.Severity;
import io.sealtrail.model.Verdict;
import io.sealtrail.sources.Gzip;
import io.sealtrail.sources.SourceVerification;
import io.sealtrail.sources.SourceVerification.FileEvidence;
import io.sealtrail.sources.SourceVerification.FileIntegrity;
import io.sealtrail.sources.Times;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Verifies a CloudTrail tree offline by its digest chain (docs/sources.md): each digest's SHA256withRSA
 * signature with a key the auditor supplied, each link to the digest before it (stricter than
 * {@code aws cloudtrail validate-logs}, which never compares previousDigestHashValue or previousDigestSignature
 * with the previous file), and every log file against its digest entry. Only the newest digest of a chain needs
 * its signature from a sidecar: every older one's is what its successor signed as previousDigestSignature.
 */
public final class CloudTrailVerifier {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();
    /** Digests are a few KiB; anything far larger is not one. */
    private static final int MAX_DIGEST_BYTES = 64 * 1024 * 1024;

    /** A digest as read: where, its bytes' hash, its JSON and the signature that belongs to it. */
    private static final class Digest {
        final String path;
        final String key;
        final JsonNode json;
        final String sha256;
        String signature;
        boolean signatureFromSidecar;
        boolean valid = true;

        Digest(String path, JsonNode json, String sha256) {
            this.path = path;
            this.key = CloudTrailTree.key(path);
            this.json = json;
            this.sha256 = sha256;
        }

        String text(String field) {
            return CloudTrailMapping.text(json, field);
        }

        Instant end() {
            Instant t = Times.rfc3339(text("digestEndTime"));
            return t == null ? Instant.EPOCH : t;
        }

        /** The log's chain: account, region and trail, from the digest's own file name. */
        String chain() {
            String name = key.substring(key.lastIndexOf('/') + 1);
            int cut = name.lastIndexOf('_');
            return (text("awsAccountId") == null ? "" : text("awsAccountId")) + "|" + (cut < 0 ? name : name.substring(0, cut));
        }
    }

    /** A log file as read: the SHA-256 of its decompressed bytes, and whether data followed its gzip member. */
    private record LogFile(String path, String sha256, boolean trailing, String problem) {
    }

    private final List<Finding> findings = new ArrayList<>();
    private final Set<String> signers = new LinkedHashSet<>();
    private boolean untrusted;
    private final Set<String> unknownKeys = new LinkedHashSet<>();

    private CloudTrailVerifier() {
    }

    /** Whether the tree has digests at all; without them it carries no integrity evidence. */
    public static boolean hasDigests(CloudTrailTree tree) {
        return !tree.digests().isEmpty();
    }

    public static SourceVerification verify(CloudTrailTree tree, CloudTrailKeys keys) throws IOException {
        return new CloudTrailVerifier().run(tree, keys);
    }

    private SourceVerification run(CloudTrailTree tree, CloudTrailKeys keys) throws IOException {
        Map<String, JsonNode> sidecars = new LinkedHashMap<>();
        for (String s : tree.sidecars()) {
            sidecars.put(s.substring(0, s.length() - CloudTrailTree.SIDECAR.length()), readSidecar(tree.root(), s));
        }
        List<Digest> digests = new ArrayList<>();
        for (String d : tree.digests()) {
            Digest digest = readDigest(tree.root(), d);
            if (digest != null) {
                digests.add(digest);
            }
        }
        Map<String, FileIntegrity> states = new TreeMap<>();
        Map<String, List<Digest>> chains = new TreeMap<>();
        for (Digest d : digests) {
            chains.computeIfAbsent(d.chain(), k -> new ArrayList<>()).add(d);
        }
        Set<String> digestKeys = new LinkedHashSet<>();
        digests.forEach(d -> digestKeys.add(d.key));
        for (List<Digest> chain : chains.values()) {
            chain.sort(Comparator.comparing(Digest::end).thenComparing(d -> d.key));
            link(chain, sidecars, digestKeys);
            for (Digest d : chain) {
                checkSignature(d, keys, d == chain.get(chain.size() - 1));
            }
        }
        checkLogs(tree, digests, states);
        List<FileEvidence> files = new ArrayList<>();
        for (String d : tree.digests()) {
            boolean ok = digests.stream().anyMatch(x -> x.path.equals(d) && x.valid);
            files.add(evidence(d, "digest", ok ? FileIntegrity.VERIFIED : FileIntegrity.NOT_COVERED, sidecars.get(d)));
        }
        for (String l : tree.logs()) {
            files.add(evidence(l, "log", states.getOrDefault(l, FileIntegrity.NOT_COVERED), sidecars.get(l)));
        }
        for (String s : tree.sidecars()) {
            files.add(new FileEvidence(s, "signature", FileIntegrity.NOT_COVERED, null, null));
        }
        for (String o : tree.others()) {
            files.add(new FileEvidence(o, "other", FileIntegrity.NOT_COVERED, null, null));
        }
        Verdict verdict = findings.stream().anyMatch(f -> f.severity() == Severity.ERROR) ? Verdict.INTEGRITY_FAILURE
                : untrusted || signers.isEmpty() ? Verdict.INTACT_UNTRUSTED : Verdict.VERIFIED;
        return new SourceVerification(CloudTrailMapping.FORMAT, verdict, findings, files, List.copyOf(signers));
    }

    private static FileEvidence evidence(String path, String role, FileIntegrity state, JsonNode sidecar) {
        String lock = null;
        String version = null;
        if (sidecar != null) {
            String mode = CloudTrailMapping.text(sidecar, "ObjectLockMode");
            String until = CloudTrailMapping.text(sidecar, "ObjectLockRetainUntilDate");
            String hold = CloudTrailMapping.text(sidecar, "ObjectLockLegalHoldStatus");
            StringBuilder b = new StringBuilder();
            if (mode != null) {
                b.append(mode).append(until != null ? " until " + until : "");
            }
            if ("ON".equalsIgnoreCase(hold)) {
                b.append(b.length() > 0 ? ", " : "").append("legal hold");
            }
            lock = b.length() == 0 ? null : b.toString();
            version = CloudTrailMapping.text(sidecar, "VersionId");
        }
        return new FileEvidence(path, role, state, lock, version);
    }

    private JsonNode readSidecar(Path root, String path) {
        try {
            JsonNode n = JSON.readTree(root.resolve(path).toFile());
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null; // a sidecar that cannot be read supplies nothing; the digest's own checks say what is missing
        }
    }

    private Digest readDigest(Path root, String path) throws IOException {
        byte[] bytes;
        boolean trailing;
        try (InputStream raw = Files.newInputStream(root.resolve(path)); Gzip in = Gzip.open(raw)) {
            bytes = in.readNBytes(MAX_DIGEST_BYTES + 1);
            if (bytes.length > MAX_DIGEST_BYTES) {
                add(FindingCode.CLOUDTRAIL_DIGEST_MALFORMED, path, "larger than any digest (over "
                        + MAX_DIGEST_BYTES + " bytes decompressed)");
                return null;
            }
            in.transferTo(OutputStreamSink.INSTANCE);
            trailing = in.trailing();
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            add(FindingCode.CLOUDTRAIL_DIGEST_MALFORMED, path, "not valid gzip: " + e.getMessage());
            return null;
        }
        if (trailing) {
            add(FindingCode.GZIP_TRAILING_DATA, path, "data follows the digest's gzip member");
        }
        JsonNode json;
        try {
            json = JSON.readTree(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            add(FindingCode.CLOUDTRAIL_DIGEST_MALFORMED, path, "not JSON: " + e.getOriginalMessage());
            return null;
        }
        for (String required : List.of("digestPublicKeyFingerprint", "digestS3Bucket", "digestS3Object",
                "digestEndTime", "digestStartTime")) {
            if (json == null || !json.isObject() || CloudTrailMapping.text(json, required) == null) {
                add(FindingCode.CLOUDTRAIL_DIGEST_MALFORMED, path, "has no " + required);
                return null;
            }
        }
        if (!json.has("previousDigestSignature") || !json.path("logFiles").isArray()) {
            add(FindingCode.CLOUDTRAIL_DIGEST_MALFORMED, path, "has no previousDigestSignature or logFiles");
            return null;
        }
        Digest d = new Digest(path, json, sha256(bytes));
        if (!CloudTrailTree.key(d.text("digestS3Object")).equals(d.key)) {
            d.valid = false;
            findings.add(Finding.mismatch(FindingCode.CLOUDTRAIL_DIGEST_MOVED, Location.file(path),
                    "the digest says it was delivered to", CloudTrailTree.key(d.text("digestS3Object")), d.key));
        }
        return d;
    }

    /** Each digest against the one before it in its chain; also decides where each digest's signature comes from. */
    private void link(List<Digest> chain, Map<String, JsonNode> sidecars, Set<String> present) {
        for (Digest d : chain) {
            JsonNode sidecar = sidecars.get(d.path);
            String sig = sidecar == null ? null : CloudTrailMapping.text(sidecar.path("Metadata"), "signature");
            if (sig != null) {
                d.signature = sig.toLowerCase(java.util.Locale.ROOT);
                d.signatureFromSidecar = true;
            }
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            Digest d = chain.get(i);
            Digest before = i > 0 ? chain.get(i - 1) : null;
            String previous = d.text("previousDigestS3Object");
            if (previous == null) {
                if (before != null) {
                    add(FindingCode.CLOUDTRAIL_DIGEST_GAP, d.path, "starts a new chain at " + d.text("digestStartTime")
                            + "; the digest before it ended at " + before.text("digestEndTime")
                            + ": nothing links the two");
                }
                continue;
            }
            String previousKey = CloudTrailTree.key(previous);
            if (before == null || !previousKey.equals(before.key)) {
                if (!present.contains(previousKey) && before != null) {
                    // this digest's own signature still vouches for its own log files; what is lost is the one removed
                    add(FindingCode.CLOUDTRAIL_DIGEST_MISSING, d.path, "names " + previousKey
                            + " as the digest before it, which is not in the source");
                } else if (before != null) {
                    add(FindingCode.CLOUDTRAIL_DIGEST_CHAIN_BROKEN, d.path, "names " + previousKey
                            + " as the digest before it, but the one before it is " + before.key);
                }
                continue; // the first digest of the source continues one that was not exported: nothing to compare
            }
            String hash = d.text("previousDigestHashValue");
            if (hash == null || !hash.equalsIgnoreCase(before.sha256)) {
                findings.add(Finding.mismatch(FindingCode.CLOUDTRAIL_DIGEST_CHAIN_BROKEN, Location.file(d.path),
                        "previousDigestHashValue (the SHA-256 of " + before.key + ")", String.valueOf(hash), before.sha256));
            }
            String previousSig = d.text("previousDigestSignature");
            if (before.signature == null) {
                before.signature = previousSig == null ? null : previousSig.toLowerCase(java.util.Locale.ROOT);
            } else if (previousSig == null || !previousSig.equalsIgnoreCase(before.signature)) {
                findings.add(Finding.mismatch(FindingCode.CLOUDTRAIL_DIGEST_CHAIN_BROKEN, Location.file(d.path),
                        "previousDigestSignature (the signature of " + before.key + ")", String.valueOf(previousSig),
                        before.signature));
            }
        }
    }

    private void checkSignature(Digest d, CloudTrailKeys keys, boolean newest) {
        if (d.signature == null) {
            d.valid = false;
            add(FindingCode.CLOUDTRAIL_DIGEST_SIGNATURE_MISSING, d.path, "no signature for this digest: "
                    + (newest ? "it is the newest of its chain" : "no digest after it in the source records it")
                    + ", and its own signature is S3 metadata that `aws s3 sync` does not copy; save the output of"
                    + " `aws s3api head-object` for it as " + d.path.substring(d.path.lastIndexOf('/') + 1)
                    + CloudTrailTree.SIDECAR);
            return;
        }
        String fingerprint = d.text("digestPublicKeyFingerprint");
        var key = keys.byFingerprint(fingerprint);
        if (key.isEmpty()) {
            untrusted = true;
            if (!unknownKeys.add(fingerprint)) {
                return; // once per key: a year of hourly digests would repeat it 8,760 times
            }
            add(FindingCode.CLOUDTRAIL_KEY_UNKNOWN, d.path, "signed (with every later digest by the same key) by CloudTrail key " + fingerprint + ", which "
                    + (keys.isEmpty() ? "cannot be checked: no CloudTrail public keys are trusted (save the output of aws cloudtrail"
                    + " list-public-keys and trust it)"
                    : "is not among the keys in " + keys.source()));
            return;
        }
        if (!key.get().validAt(d.end())) {
            d.valid = false;
            add(FindingCode.CLOUDTRAIL_KEY_NOT_VALID, d.path, "signed with key " + fingerprint + " for "
                    + d.text("digestEndTime") + ", outside its validity (" + key.get().validFrom() + " to "
                    + key.get().validUntil() + ")");
            return;
        }
        String signed = signedString(d.text("digestEndTime"), d.text("digestS3Bucket"), d.text("digestS3Object"), d.sha256,
                d.text("previousDigestSignature"));
        boolean ok;
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initVerify(key.get().key());
            s.update(signed.getBytes(StandardCharsets.UTF_8));
            ok = s.verify(HEX.parseHex(d.signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            ok = false;
        }
        if (!ok) {
            d.valid = false;
            add(FindingCode.CLOUDTRAIL_DIGEST_SIGNATURE_INVALID, d.path, "the signature "
                    + (d.signatureFromSidecar ? "in its sidecar" : "its successor recorded") + " does not verify with key "
                    + fingerprint + ": the digest is not what CloudTrail signed");
            return;
        }
        signers.add("AWS CloudTrail key " + fingerprint);
    }

    /**
     * What CloudTrail signs for a digest: end time, bucket/object, the hex SHA-256 of the decompressed digest and
     * the previous digest's signature, joined by LF (never the platform's line separator), the literal "null"
     * for a first digest.
     */
    static String signedString(String endTime, String bucket, String object, String digestSha256, String previousSignature) {
        return endTime + "\n" + bucket + "/" + object + "\n" + digestSha256 + "\n"
                + (previousSignature == null ? "null" : previousSignature);
    }

    private void checkLogs(CloudTrailTree tree, List<Digest> digests, Map<String, FileIntegrity> states)
            throws IOException {
        Map<String, LogFile> byKey = new LinkedHashMap<>();
        for (String l : tree.logs()) {
            LogFile f = hashLog(tree.root(), l);
            byKey.put(CloudTrailTree.key(l), f);
            if (f.trailing()) {
                add(FindingCode.GZIP_TRAILING_DATA, l, "data follows the log file's gzip member; only the first member"
                        + " is what its digest hashed");
            }
        }
        Set<String> listed = new LinkedHashSet<>();
        for (Digest d : digests) {
            for (JsonNode entry : d.json.path("logFiles")) {
                String object = CloudTrailMapping.text(entry, "s3Object");
                String expected = CloudTrailMapping.text(entry, "hashValue");
                if (object == null || expected == null) {
                    add(FindingCode.CLOUDTRAIL_DIGEST_MALFORMED, d.path, "a logFiles entry has no s3Object or hashValue");
                    continue;
                }
                String key = CloudTrailTree.key(object);
                listed.add(key);
                LogFile f = byKey.get(key);
                if (f == null) {
                    LogFile moved = byKey.values().stream()
                            .filter(o -> o.sha256() != null && o.sha256().equalsIgnoreCase(expected)).findFirst().orElse(null);
                    if (moved != null) {
                        listed.add(CloudTrailTree.key(moved.path()));
                        states.put(moved.path(), d.valid ? FileIntegrity.VERIFIED : FileIntegrity.NOT_COVERED);
                        findings.add(Finding.mismatch(FindingCode.CLOUDTRAIL_LOG_FILE_MOVED, Location.file(moved.path()),
                                "the digest " + d.key + " lists this file at", key, CloudTrailTree.key(moved.path())));
                    } else {
                        add(FindingCode.CLOUDTRAIL_LOG_FILE_MISSING, key, "listed in digest " + d.key
                                + " but not in the source");
                    }
                    continue;
                }
                if (f.problem() != null || !expected.equalsIgnoreCase(f.sha256())) {
                    states.put(f.path(), FileIntegrity.ALTERED);
                    if (f.problem() != null) {
                        add(FindingCode.CLOUDTRAIL_LOG_FILE_ALTERED, f.path(), "cannot be read as its digest hashed it: "
                                + f.problem());
                    } else {
                        findings.add(Finding.mismatch(FindingCode.CLOUDTRAIL_LOG_FILE_ALTERED, Location.file(f.path()),
                                "SHA-256 of the decompressed file (digest " + d.key + ")", expected, f.sha256()));
                    }
                } else if (f.trailing()) {
                    states.put(f.path(), FileIntegrity.ALTERED);
                } else {
                    states.put(f.path(), d.valid ? FileIntegrity.VERIFIED : FileIntegrity.NOT_COVERED);
                }
            }
        }
        for (Map.Entry<String, LogFile> e : byKey.entrySet()) {
            if (!listed.contains(e.getKey())) {
                add(FindingCode.CLOUDTRAIL_LOG_FILE_NOT_DIGESTED, e.getValue().path(), "no digest in the source lists"
                        + " this log file");
                states.put(e.getValue().path(), e.getValue().trailing() ? FileIntegrity.ALTERED : FileIntegrity.NOT_COVERED);
            }
        }
    }

    private static LogFile hashLog(Path root, String path) throws IOException {
        MessageDigest sha = sha256();
        byte[] buf = new byte[64 * 1024];
        Path file = root.resolve(path);
        try (InputStream raw = Files.newInputStream(file)) {
            boolean gz = Gzip.isGzip(file);
            InputStream in = gz ? Gzip.open(raw) : raw;
            for (int n; (n = in.read(buf)) >= 0; ) {
                sha.update(buf, 0, n);
            }
            return new LogFile(path, HEX.formatHex(sha.digest()), gz && ((Gzip) in).trailing(), null);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            return new LogFile(path, null, false, e.getMessage());
        }
    }

    private void add(FindingCode code, String file, String message) {
        findings.add(Finding.of(code, Location.file(file), message));
    }

    static String sha256(byte[] bytes) {
        return HEX.formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Discards what it is given: reading a gzip member to its end tells whether data follows it. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
