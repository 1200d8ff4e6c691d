package io.sealtrail.verify.gen;

import io.sealtrail.model.AuditEvent.TargetKind;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The fictitious company whose gateway the generator simulates: people with roles, and the hosts,
 * databases, Kubernetes clusters and cloud accounts they reach. Names include non-ASCII letters on
 * purpose, so every consumer is exercised with Unicode.
 */
final class Organisation {

    record Person(String name, String id, List<String> roles, String officeIp, String homeIp, boolean nightOwl) {
        boolean has(String role) {
            return roles.contains(role);
        }
    }

    record Resource(TargetKind kind, String name, List<String> accounts, List<String> namespaces, String neededRole) {
    }

    final List<Person> people = new ArrayList<>();
    final List<Resource> resources = new ArrayList<>();

    private static final String[][] STAFF = {
        {"alice.nguyen", "sre,oncall"}, {"bob.smith", "developer"}, {"carol.diaz", "dba"},
        {"dmitri.volkov", "sre"}, {"emma.johansson", "security,admin"}, {"farid.haddad", "developer"},
        {"grace.okafor", "dba,oncall"}, {"hiro.tanaka", "developer"}, {"ines.garcía", "data-analyst"},
        {"jakub.nowak", "sre,oncall"}, {"kavya.reddy", "developer"}, {"liam.obrien", "contractor"},
        {"mei.chen", "security"}, {"noah.fischer", "developer"}, {"olivia.brown", "data-analyst"},
        {"pedro.alves", "sre"}, {"quinn.harper", "contractor"}, {"rania.saleh", "dba"},
        {"søren.kierkegaard", "developer"}, {"tomás.ruiz", "admin"}, {"uma.patel", "developer"},
        {"victor.lefèvre", "sre"}, {"wei.zhang", "data-analyst"}, {"zoë.müller", "developer,oncall"},
        {"svc-backup", "service"}, {"svc-deploy", "service"},
    };

    Organisation(SplittableRandom rnd) {
        int n = 0;
        for (String[] s : STAFF) {
            n++;
            List<String> roles = List.of(s[1].split(","));
            String office = "10.20." + (1 + n % 8) + "." + (10 + n * 7 % 200);
            String home = roles.contains("contractor")
                    ? "203.0.113." + (20 + rnd.nextInt(200))
                    : "100.64." + rnd.nextInt(1, 250) + "." + rnd.nextInt(1, 250);
            boolean nightOwl = roles.contains("oncall") || roles.contains("service") || rnd.nextInt(10) == 0;
            people.add(new Person(s[0], "u-" + (1000 + n), roles, office, home, nightOwl));
        }
        for (String h : List.of("prod-web-01", "prod-web-02", "prod-web-03", "prod-api-01", "prod-api-02",
                "prod-db-01", "prod-db-02", "bastion-01", "build-01", "staging-web-01", "staging-api-01")) {
            String role = h.startsWith("staging") || h.startsWith("build") ? "developer"
                    : h.contains("db") ? "dba" : "sre";
            resources.add(new Resource(TargetKind.HOST, h, List.of("root", "ubuntu", "deploy", "postgres"),
                    List.of(), role));
        }
        resources.add(new Resource(TargetKind.DATABASE, "payments-db", List.of("app_rw", "readonly", "postgres"),
                List.of("payments"), "dba"));
        resources.add(new Resource(TargetKind.DATABASE, "customers-db", List.of("readonly", "admin", "support_ro"),
                List.of("crm"), "dba"));
        resources.add(new Resource(TargetKind.DATABASE, "analytics-dw", List.of("analyst", "etl", "readonly"),
                List.of("warehouse"), "data-analyst"));
        resources.add(new Resource(TargetKind.KUBERNETES, "prod-eu-1", List.of("system:masters", "developers", "viewers"),
                List.of("payments", "checkout", "kube-system", "monitoring"), "sre"));
        resources.add(new Resource(TargetKind.KUBERNETES, "prod-us-1", List.of("system:masters", "developers", "viewers"),
                List.of("payments", "checkout", "kube-system"), "sre"));
        resources.add(new Resource(TargetKind.KUBERNETES, "staging-eu-1", List.of("developers", "viewers"),
                List.of("payments", "checkout", "sandbox"), "developer"));
        resources.add(new Resource(TargetKind.CLOUD, "aws:123456789012", List.of("AdministratorAccess", "ReadOnly", "PowerUser"),
                List.of("eu-west-1", "us-east-1"), "sre"));
        resources.add(new Resource(TargetKind.CLOUD, "aws:210987654321", List.of("PowerUser", "ReadOnly"),
                List.of("eu-west-1"), "developer"));
        resources.add(new Resource(TargetKind.CLOUD, "gcp:acme-analytics", List.of("roles/viewer", "roles/bigquery.admin"),
                List.of("europe-west4"), "data-analyst"));
    }

    /** Whether a person's roles grant access to a resource. Admins and security may look at anything. */
    static boolean allowed(Person p, Resource r) {
        if (p.has("admin") || p.has("security")) {
            return true;
        }
        if (p.has("service")) {
            return r.kind() == TargetKind.HOST || r.kind() == TargetKind.KUBERNETES;
        }
        return p.has(r.neededRole()) || (r.neededRole().equals("developer") && !p.has("contractor"))
                || (p.has("sre") && r.kind() != TargetKind.DATABASE);
    }
}
