package io.sealtrail.tools.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Source files for {@code bench import --format}: records shaped like a real export of that format (the fields
 * its reader maps, at realistic sizes), deterministic per seed. What is measured is reading, mapping and
 * indexing a source; a source has no integrity evidence to verify unless it is a CloudTrail tree.
 */
final class BenchSourceData {
    static final String[] FORMATS = {"cloudtrail", "kubernetes-audit"};
    private static final String[] USERS = {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"};
    private static final String[][] CALLS = {{"iam", "ListUsers"}, {"s3", "GetObject"}, {"ec2", "DescribeInstances"},
            {"sts", "AssumeRole"}, {"iam", "CreateAccessKey"}, {"kms", "Decrypt"}, {"s3", "PutObject"}};
    private static final String[] VERBS = {"get", "list", "watch", "create", "update", "patch", "delete"};
    private static final String[] RESOURCES = {"pods", "secrets", "configmaps", "deployments", "services"};

    private BenchSourceData() {
    }

    /** Writes {@code events} records of {@code format} as JSON Lines to {@code file}. */
    static void write(String format, Path file, long events, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        Instant t = Instant.parse("2026-03-02T06:00:00Z");
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (long i = 0; i < events; i++) {
                t = t.plusMillis(1 + r.nextInt(400));
                String user = USERS[r.nextInt(USERS.length)];
                String ip = "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256);
                switch (format) {
                    case "cloudtrail" -> cloudTrail(w, r, t, user, ip, i);
                    case "kubernetes-audit" -> kubernetes(w, r, t, user, ip, i);
                    default -> throw new IllegalArgumentException("no bench data for format " + format);
                }
                w.write('\n');
            }
        }
    }

    private static void cloudTrail(BufferedWriter w, SplittableRandom r, Instant t, String user, String ip, long i)
            throws IOException {
        String[] call = CALLS[r.nextInt(CALLS.length)];
        boolean denied = r.nextInt(20) == 0;
        w.write("{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":\"AIDA" + i
                + "\",\"arn\":\"arn:aws:iam::111122223333:user/" + user + "\",\"accountId\":\"111122223333\","
                + "\"accessKeyId\":\"AKIAEXAMPLE" + r.nextInt(100) + "\",\"userName\":\"" + user + "\"},\"eventTime\":\""
                + t + "\",\"eventSource\":\"" + call[0] + ".amazonaws.com\",\"eventName\":\"" + call[1]
                + "\",\"awsRegion\":\"eu-west-1\",\"sourceIPAddress\":\"" + ip + "\",\"userAgent\":\"aws-cli/2.15.0"
                + " Python/3.11.6 Linux/6.1.0 exe/x86_64\",\"requestParameters\":{\"maxItems\":100},\"responseElements\":null,"
                + (denied ? "\"errorCode\":\"AccessDenied\",\"errorMessage\":\"User: " + user + " is not authorized\"," : "")
                + "\"requestID\":\"" + Long.toHexString(r.nextLong()) + "\",\"eventID\":\"" + Long.toHexString(r.nextLong())
                + "\",\"readOnly\":true,\"eventType\":\"AwsApiCall\",\"managementEvent\":true,"
                + "\"recipientAccountId\":\"111122223333\",\"eventCategory\":\"Management\"}");
    }

    private static void kubernetes(BufferedWriter w, SplittableRandom r, Instant t, String user, String ip, long i)
            throws IOException {
        String verb = VERBS[r.nextInt(VERBS.length)];
        String resource = RESOURCES[r.nextInt(RESOURCES.length)];
        int code = r.nextInt(20) == 0 ? 403 : 200;
        w.write("{\"kind\":\"Event\",\"apiVersion\":\"audit.k8s.io/v1\",\"level\":\"Metadata\",\"auditID\":\"a-" + i
                + "\",\"stage\":\"ResponseComplete\",\"requestURI\":\"/api/v1/namespaces/payments/" + resource + "/x" + i
                + "\",\"verb\":\"" + verb + "\",\"user\":{\"username\":\"" + user + "\",\"groups\":[\"system:authenticated\","
                + "\"devs\"]},\"sourceIPs\":[\"" + ip + "\"],\"userAgent\":\"kubectl/v1.30.2 (linux/amd64)\","
                + "\"objectRef\":{\"resource\":\"" + resource + "\",\"namespace\":\"payments\",\"name\":\"x" + i
                + "\",\"apiVersion\":\"v1\"},\"responseStatus\":{\"metadata\":{},\"code\":" + code + "},"
                + "\"requestReceivedTimestamp\":\"" + t + "\",\"stageTimestamp\":\"" + t.plusMillis(3) + "\"}");
    }
}
