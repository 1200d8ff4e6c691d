package io.sealtrail.verify.gen;

import io.sealtrail.model.AuditEvent;
import io.sealtrail.model.AuditEvent.Outcome;
import io.sealtrail.model.AuditEvent.TargetKind;
import io.sealtrail.verify.gen.Organisation.Person;
import io.sealtrail.verify.gen.Organisation.Resource;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Streams the access log of a simulated infrastructure gateway, one event at a time and in time order:
 * logins (some failing), sessions with shell commands, SQL, kubectl and cloud API calls, privileged
 * operations, denials, off-hours work, and a heartbeat at every interval. Events come without seq and
 * prev; the bundle writer chains them. Deterministic for a given seed.
 */
public final class ActivitySimulator {
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int MAX_SESSIONS = 14;

    /** A stretch of time in which the gateway logged nothing, not even heartbeats. */
    public record Outage(Instant from, Duration length) {
    }

    private final SplittableRandom rnd;
    private final Organisation org;
    private final long heartbeatNanos;
    private final List<Outage> outages;
    private final String gatewayName;
    private final Deque<AuditEvent> pending = new ArrayDeque<>();
    private final List<Session> sessions = new ArrayList<>();
    private long now;
    private long nextHeartbeat;
    private long nextActivity;

    private static final class Session {
        final String id;
        final Person person;
        final Resource resource;
        final String account;
        final String namespace;
        final String ip;
        final String agent;
        int remaining;

        Session(String id, Person person, Resource resource, String account, String namespace, String ip, String agent,
                int remaining) {
            this.id = id;
            this.person = person;
            this.resource = resource;
            this.account = account;
            this.namespace = namespace;
            this.ip = ip;
            this.agent = agent;
            this.remaining = remaining;
        }
    }

    public ActivitySimulator(long seed, Instant start, Duration heartbeatInterval, String gatewayName, List<Outage> outages) {
        this.rnd = new SplittableRandom(seed);
        this.org = new Organisation(new SplittableRandom(seed ^ 0x5EA1L));
        this.heartbeatNanos = heartbeatInterval.toNanos();
        this.outages = List.copyOf(outages);
        this.gatewayName = gatewayName;
        this.now = toNanos(start);
        this.nextHeartbeat = now + heartbeatNanos;
        this.nextActivity = now + gap();
    }

    /** The next event, in non-decreasing time order. */
    public AuditEvent next() {
        while (pending.isEmpty()) {
            if (nextHeartbeat <= nextActivity) {
                now = Math.max(now, nextHeartbeat); // a burst may have run a little past the beat
                nextHeartbeat += heartbeatNanos;
                if (!inOutage(now)) {
                    pending.add(heartbeat());
                }
            } else {
                now = Math.max(now, nextActivity);
                nextActivity = now + gap();
                if (!inOutage(now)) {
                    act();
                }
            }
        }
        return pending.poll();
    }

    private boolean inOutage(long t) {
        for (Outage o : outages) {
            long from = toNanos(o.from());
            if (t >= from && t < from + o.length().toNanos()) {
                return true;
            }
        }
        return false;
    }

    private ZonedDateTime clock() {
        return Instant.ofEpochSecond(0, now).atZone(ZoneOffset.UTC);
    }

    private boolean officeHours() {
        ZonedDateTime t = clock();
        return t.getDayOfWeek() != DayOfWeek.SATURDAY && t.getDayOfWeek() != DayOfWeek.SUNDAY
                && t.getHour() >= 8 && t.getHour() < 19;
    }

    /** Exponential inter-arrival time: busy in office hours, quiet at night and at weekends. */
    private long gap() {
        double rate = officeHours() ? 0.5 : 0.03;
        double seconds = -Math.log(1 - rnd.nextDouble()) / rate;
        return (long) (seconds * 1e9) + 1_000;
    }

    private void act() {
        sessions.removeIf(s -> s.remaining <= 0);
        int roll = rnd.nextInt(100);
        if (sessions.isEmpty() || (sessions.size() < MAX_SESSIONS && roll < 18)) {
            startSession();
        } else {
            Session s = sessions.get(rnd.nextInt(sessions.size()));
            if (--s.remaining <= 0) {
                emit(s, "session.end", Outcome.SUCCESS, null, null, null);
            } else {
                activity(s);
            }
        }
    }

    private void startSession() {
        boolean office = officeHours();
        Person p;
        do {
            p = org.people.get(rnd.nextInt(org.people.size()));
        } while (!office && !p.nightOwl() && rnd.nextInt(8) != 0);
        Resource r = org.resources.get(rnd.nextInt(org.resources.size()));
        String ip = office && rnd.nextInt(4) != 0 ? p.officeIp() : p.homeIp();
        String agent = agent(r.kind());
        String method = authMethod(p, r);
        boolean mfa = !p.has("service") && rnd.nextInt(20) != 0;
        String account = r.accounts().get(rnd.nextInt(r.accounts().size()));
        String ns = r.namespaces().isEmpty() ? null : r.namespaces().get(rnd.nextInt(r.namespaces().size()));
        Session s = new Session(sessionId(), p, r, account, ns, ip, agent, 2 + rnd.nextInt(25));
        if (rnd.nextInt(100) < 7) {
            String reason = pick("invalid credentials", "public key rejected", "MFA challenge timed out",
                    "certificate expired", "account locked after repeated failures");
            pending.add(event("login", Outcome.FAILURE, reason, s, method, mfa, null, null, null));
            return;
        }
        if (!Organisation.allowed(p, r)) {
            pending.add(event("login", Outcome.SUCCESS, null, s, method, mfa, null, null, null));
            pending.add(event("access.grant", Outcome.DENIED, "no role of " + p.name() + " grants access to "
                    + r.name(), s, method, mfa, null, null, null));
            return;
        }
        pending.add(event("login", Outcome.SUCCESS, null, s, method, mfa, null, null, null));
        pending.add(event("session.start", Outcome.SUCCESS, null, s, method, mfa, s.id, null, null));
        sessions.add(s);
    }

    private void activity(Session s) {
        boolean privileged = rnd.nextInt(100) < 9;
        boolean denied = privileged && rnd.nextInt(100) < 18;
        Outcome outcome = denied ? Outcome.DENIED : (rnd.nextInt(100) < 3 ? Outcome.FAILURE : Outcome.SUCCESS);
        switch (s.resource.kind()) {
            case HOST -> emit(s, "command", outcome, reason(outcome, "user is not in the sudoers file", "exit status 1"),
                    privileged ? pick("sudo systemctl restart nginx", "sudo -i", "sudo cat /etc/shadow",
                            "sudo useradd -m -G sudo tempadmin", "sudo iptables -F", "sudo rm -rf /var/log/audit/*",
                            "sudo visudo", "sudo apt-get install -y netcat-openbsd")
                            : pick("ls -la /var/log", "tail -n 200 /var/log/nginx/access.log", "systemctl status nginx",
                            "df -h", "top -b -n 1", "journalctl -u app --since -1h", "ps aux --sort=-%mem",
                            "git -C /srv/app log -5", "free -m", "ss -tlnp"), null);
            case DATABASE -> emit(s, "db.query", outcome, reason(outcome, "permission denied for table payments",
                    "syntax error at or near \"FROM\""), null,
                    privileged ? pick("DROP TABLE payments_archive_2024", "DELETE FROM audit_log WHERE created_at < '2026-01-01'",
                            "GRANT ALL PRIVILEGES ON ALL TABLES IN SCHEMA public TO support_ro",
                            "ALTER ROLE app_rw WITH PASSWORD '********'", "TRUNCATE sessions",
                            "COPY customers TO '/tmp/customers.csv' WITH CSV")
                            : pick("SELECT id, status FROM orders WHERE created_at > now() - interval '1 day' LIMIT 100",
                            "SELECT count(*) FROM payments WHERE status = 'failed'",
                            "SELECT * FROM customers WHERE email = 'j.doe@example.com'",
                            "EXPLAIN ANALYZE SELECT * FROM invoices WHERE customer_id = 4711",
                            "SELECT pg_size_pretty(pg_database_size(current_database()))",
                            "UPDATE orders SET status = 'shipped' WHERE id = 99812"));
            case KUBERNETES -> emit(s, "kube.request", outcome, reason(outcome,
                    "RBAC: forbidden: user cannot create pods/exec in namespace " + s.namespace, "NotFound"),
                    privileged ? pick("kubectl exec -it payments-api-7f9c6-x2kq -n " + s.namespace + " -- /bin/sh",
                            "kubectl get secrets -n " + s.namespace + " -o yaml",
                            "kubectl delete pod checkout-5d8f9-pl2vn -n " + s.namespace,
                            "kubectl create clusterrolebinding tmp-admin --clusterrole=cluster-admin --user=" + s.person.name(),
                            "kubectl scale deploy/checkout --replicas=0 -n " + s.namespace)
                            : pick("kubectl get pods -n " + s.namespace, "kubectl logs deploy/api -n " + s.namespace + " --tail=200",
                            "kubectl rollout status deploy/api -n " + s.namespace, "kubectl top nodes",
                            "kubectl describe svc api -n " + s.namespace), null);
            case CLOUD -> emit(s, "cloud.api", outcome, reason(outcome,
                    "AccessDenied: not authorized to perform this operation", "ThrottlingException"),
                    privileged ? pick("iam:CreateAccessKey user/ci-deployer", "iam:AttachRolePolicy AdministratorAccess",
                            "s3:PutBucketPolicy acme-prod-audit-logs", "cloudtrail:StopLogging prod-trail",
                            "kms:ScheduleKeyDeletion alias/payments")
                            : pick("ec2:DescribeInstances", "s3:ListObjectsV2 acme-prod-assets", "cloudwatch:GetMetricData",
                            "bigquery.jobs.create", "sts:GetCallerIdentity"), null);
            case APPLICATION -> emit(s, "command", outcome, null, "status", null);
        }
    }

    private String reason(Outcome outcome, String denied, String failed) {
        return switch (outcome) {
            case DENIED -> denied;
            case FAILURE -> failed;
            case SUCCESS -> null;
        };
    }

    private void emit(Session s, String action, Outcome outcome, String reason, String command, String query) {
        pending.add(event(action, outcome, reason, s, null, null, s.id, command, query));
    }

    private AuditEvent event(String action, Outcome outcome, String reason, Session s, String method, Boolean mfa,
                             String sessionId, String command, String query) {
        Instant t = Instant.ofEpochSecond(0, now).truncatedTo(ChronoUnit.MICROS); // as precise as the text
        now += 1_000 + rnd.nextInt(900_000); // events of one burst are a little apart, never equal
        return new AuditEvent(-1, t, MICROS.format(t), null, action, outcome, reason,
                new AuditEvent.Actor(s.person.name(), s.person.id(), s.person.roles()),
                method == null ? null : new AuditEvent.Auth(method, mfa),
                new AuditEvent.Source(s.ip, 1024 + rnd.nextInt(64000), s.agent),
                new AuditEvent.Target(s.resource.kind(), s.resource.name(), s.account, s.namespace),
                sessionId, command, query, "sealtrail");
    }

    private AuditEvent heartbeat() {
        Instant t = Instant.ofEpochSecond(0, now).truncatedTo(ChronoUnit.MICROS);
        return new AuditEvent(-1, t, MICROS.format(t), null, AuditEvent.ACTION_HEARTBEAT, Outcome.SUCCESS, null,
                null, null, null, new AuditEvent.Target(TargetKind.APPLICATION, gatewayName, null, null),
                null, null, null, "sealtrail");
    }

    private String authMethod(Person p, Resource r) {
        if (p.has("service")) {
            return "certificate";
        }
        return switch (r.kind()) {
            case HOST -> pick("publickey", "publickey", "certificate", "password");
            case DATABASE -> pick("password", "certificate", "oidc");
            case KUBERNETES -> pick("oidc", "certificate");
            case CLOUD -> pick("saml", "oidc", "webauthn");
            case APPLICATION -> "oidc";
        };
    }

    private String agent(TargetKind kind) {
        return switch (kind) {
            case HOST -> pick("OpenSSH_9.6p1", "OpenSSH_9.2p1 Debian-2+deb12u3", "PuTTY_Release_0.81");
            case DATABASE -> pick("psql (PostgreSQL) 16.4", "DBeaver 24.1.0", "mysql 8.0.39");
            case KUBERNETES -> pick("kubectl/v1.30.2 (linux/amd64)", "kubectl/v1.29.6 (darwin/arm64)", "k9s/0.32.5");
            case CLOUD -> pick("aws-cli/2.17.20 Python/3.11.9", "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) Firefox/128.0",
                    "terraform/1.9.3");
            case APPLICATION -> "sealtrail-gateway/1.0";
        };
    }

    private String sessionId() {
        return String.format("s-%016x", rnd.nextLong());
    }

    private String pick(String... options) {
        return options[rnd.nextInt(options.length)];
    }

    private static long toNanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }
}
