package io.sealtrail.index;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What Sealtrail calls a privileged action, in one place for the workbench's colours, the reports' counts
 * and anyone's queries: shell commands run as another user, Kubernetes exec/secrets/RBAC changes,
 * destructive or permission-changing SQL, and cloud calls that change identities, keys or the audit trail.
 * {@link #QUERY} and {@link #test(Hit)} agree (a test holds them to it).
 */
public final class Privileged {
    /** Prefixes of {@code command}. */
    public static final List<String> COMMAND_PREFIXES = List.of("sudo", "su ", "doas ", "pkexec ", "kubectl exec", "kubectl attach",
            "kubectl port-forward",
            "kubectl get secret", "kubectl create clusterrolebinding", "kubectl create rolebinding", "kubectl delete",
            "iam:", "kms:ScheduleKeyDeletion", "kms:DisableKey", "cloudtrail:StopLogging", "cloudtrail:DeleteTrail",
            "s3:PutBucketPolicy", "s3:DeleteBucket");
    /** Prefixes of {@code query} (SQL), compared ignoring case. */
    public static final List<String> QUERY_PREFIXES = List.of("DROP ", "DELETE ", "TRUNCATE ", "GRANT ", "REVOKE ",
            "ALTER ROLE", "ALTER USER", "CREATE ROLE", "CREATE USER", "COPY ");

    /** The same rule as a query on the index's keyword fields. */
    public static final String QUERY = Stream.concat(
            COMMAND_PREFIXES.stream().map(p -> IndexSchema.COMMAND_KEYWORD + ":" + escape(p) + "*"),
            QUERY_PREFIXES.stream().flatMap(p -> Stream.of(p, p.toLowerCase(Locale.ROOT)))
                    .map(p -> IndexSchema.QUERY_KEYWORD + ":" + escape(p) + "*"))
            .collect(Collectors.joining(" OR ", "(", ")"));

    private Privileged() {
    }

    public static boolean test(Hit h) {
        if (h.command() != null && COMMAND_PREFIXES.stream().anyMatch(h.command()::startsWith)) {
            return true;
        }
        return h.query() != null && QUERY_PREFIXES.stream().anyMatch(p -> h.query().startsWith(p)
                || h.query().startsWith(p.toLowerCase(Locale.ROOT)));
    }

    /** Lucene's classic syntax: every special character and the space escaped. */
    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if ("\\+-!():^[]\"{}~*?|&/ ".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }
}
