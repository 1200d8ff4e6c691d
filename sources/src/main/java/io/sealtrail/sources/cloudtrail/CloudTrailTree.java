package io.sealtrail.sources.cloudtrail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The files of a CloudTrail tree as {@code aws s3 sync} lays it out: AWSLogs/[org id/]account/CloudTrail/region/
 * Y/M/D/*.json.gz for logs, .../CloudTrail-Digest/... for digests, and the auditor's sidecars
 * ({@code <file>.head-object.json}, what {@code aws s3api head-object} printed for that object). Files are named
 * by their path inside the tree; {@link #key} cuts a path to the part S3 keys and digests agree on.
 */
public record CloudTrailTree(Path root, List<String> logs, List<String> digests, List<String> sidecars,
                             List<String> others) {
    public static final String SIDECAR = ".head-object.json";

    public static CloudTrailTree scan(Path root) throws IOException {
        List<String> all = io.sealtrail.model.EvidenceFolder.files(root);
        List<String> logs = new ArrayList<>();
        List<String> digests = new ArrayList<>();
        List<String> sidecars = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (String f : all) {
            String lower = f.toLowerCase(Locale.ROOT);
            if (lower.endsWith(SIDECAR)) {
                sidecars.add(f);
            } else if (f.contains("/CloudTrail-Digest/") && lower.endsWith(".json.gz")) {
                digests.add(f);
            } else if (isLog(f)) {
                logs.add(f);
            } else {
                others.add(f);
            }
        }
        return new CloudTrailTree(root, logs, digests, sidecars, others);
    }

    /** Whether a path is a CloudTrail log file in the S3 layout. */
    static boolean isLog(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return (path.startsWith("CloudTrail/") || path.contains("/CloudTrail/"))
                && (lower.endsWith(".json.gz") || lower.endsWith(".json"));
    }

    /** Whether a directory looks like a CloudTrail tree: it has CloudTrail or CloudTrail-Digest folders in it. */
    public static boolean looksLikeTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir, 6)) {
            return walk.anyMatch(p -> Files.isDirectory(p) && p.getFileName() != null
                    && (p.getFileName().toString().equals("CloudTrail")
                    || p.getFileName().toString().equals("CloudTrail-Digest")));
        }
    }

    /**
     * The part of a path or S3 key from "AWSLogs/" on: the bucket, any key prefix and wherever the auditor synced
     * the tree to do not matter, the layout below AWSLogs does.
     */
    static String key(String pathOrKey) {
        int at = pathOrKey.startsWith("AWSLogs/") ? 0 : pathOrKey.indexOf("/AWSLogs/") + 1;
        return at <= 0 && !pathOrKey.startsWith("AWSLogs/") ? pathOrKey : pathOrKey.substring(at);
    }
}
