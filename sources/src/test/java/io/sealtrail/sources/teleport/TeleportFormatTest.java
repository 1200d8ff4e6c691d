package io.sealtrail.sources.teleport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.sealtrail.model.AuditEvent;
import io.sealtrail.model.AuditEvent.Actor;
import io.sealtrail.model.AuditEvent.Auth;
import io.sealtrail.model.AuditEvent.Outcome;
import io.sealtrail.model.AuditEvent.Source;
import io.sealtrail.model.AuditEvent.Target;
import io.sealtrail.model.AuditEvent.TargetKind;
import io.sealtrail.sources.Samples;
import io.sealtrail.sources.SourceRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TeleportFormatTest {
    private static final String GENERATED = "teleport/generated-events.jsonl";
    private final TeleportFormat format = new TeleportFormat();

    private List<SourceRecord> generated() throws IOException {
        return Samples.read(format, GENERATED);
    }

    private AuditEvent at(int line) throws IOException {
        return generated().get(line - 1).event();
    }

    private static String line(String resource, int n) {
        return Samples.resourceText(resource).split("\n")[n - 1];
    }

    @Test
    void readsOneEventPerLine() throws IOException {
        List<SourceRecord> records = generated();

        assertThat(records).hasSize(16).noneMatch(SourceRecord::isMalformed);
        assertThat(records.get(4).raw()).isEqualTo(line(GENERATED, 5).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void countsOutcomesFromTheCodeSuffixAndDenials() throws IOException {
        Map<Outcome, Long> outcomes = generated().stream()
                .collect(Collectors.groupingBy(r -> r.event().outcome(), Collectors.counting()));

        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(
                Map.of(Outcome.SUCCESS, 10L, Outcome.FAILURE, 2L, Outcome.DENIED, 4L));
    }

    @Test
    void mapsALocalLoginWithItsWebAuthnDevice() throws IOException {
        assertThat(at(1)).isEqualTo(new AuditEvent(-1, Instant.parse("2026-03-02T08:00:00.123Z"),
                "2026-03-02T08:00:00.123Z", null, "login", Outcome.SUCCESS, null,
                new Actor("alice", null, List.of("access", "editor")), new Auth("local", true),
                new Source("198.51.100.23", 51234, "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"),
                new Target(TargetKind.APPLICATION, "teleport.acme.example", null, null),
                null, null, null, "teleport"));
    }

    @Test
    void anSsoLoginLeavesMfaUnknownBecauseTheIdentityProviderDidIt() throws IOException {
        assertThat(at(2).auth()).isEqualTo(new Auth("saml", null));
    }

    @Test
    void mapsASessionEndWithItsParticipantsAndSession() throws IOException {
        assertThat(at(15)).isEqualTo(new AuditEvent(-1, Instant.parse("2026-03-02T08:30:00Z"),
                "2026-03-02T08:30:00Z", null, "session.end", Outcome.SUCCESS,
                "participants: alice, bob@acme.example", new Actor("alice", null, List.of()), null,
                new Source("198.51.100.23", 51240, null), new Target(TargetKind.HOST, "db-prod-1", "root", null),
                "9a8b7c6d-0000-4000-8000-00000000aaaa", null, null, "teleport"));
    }

    @Test
    void mapsADatabaseQueryToTheDatabaseItsUserAndTheQuery() throws IOException {
        assertThat(at(9)).isEqualTo(new AuditEvent(-1, Instant.parse("2026-03-02T08:10:00.500Z"),
                "2026-03-02T08:10:00.5Z", null, "db.query", Outcome.SUCCESS, null,
                new Actor("carol", null, List.of()), null, null,
                new Target(TargetKind.DATABASE, "payments-db", "app_rw", "payments"),
                "9a8b7c6d-0000-4000-8000-00000000ffff", null,
                "DELETE FROM audit_log WHERE created_at < '2026-01-01'", "teleport"));
    }

    @Test
    void mapsAFailedExecIntoAPodAsKubectlExecOnTheCluster() throws IOException {
        assertThat(at(6)).isEqualTo(new AuditEvent(-1, Instant.parse("2026-03-02T08:07:00Z"),
                "2026-03-02T08:07:00Z", null, "command", Outcome.FAILURE,
                "command terminated with non-zero exit code", new Actor("bob@acme.example", null, List.of()), null,
                new Source("203.0.113.50", 40010, null),
                new Target(TargetKind.KUBERNETES, "prod-eu-1", "bob@acme.example", "payments"),
                "9a8b7c6d-0000-4000-8000-00000000cccc",
                "kubectl exec payments-api-7f9c6-x2kq -n payments -c api -- cat"
                        + " /var/run/secrets/kubernetes.io/serviceaccount/token", null, "teleport"));
    }

    @Test
    void namesFileTransfersAndTheSessionMfa() throws IOException {
        assertThat(at(7).command()).isEqualTo("scp -f /var/backups/customers.sql");
        assertThat(at(8).command()).isEqualTo("sftp OPEN /etc/shadow");
        assertThat(at(4).auth()).isEqualTo(new Auth(null, true));
        assertThat(at(5).command()).isEqualTo("sudo systemctl restart postgresql");
    }

    @Test
    void policyRefusalsAreDeniedNotFailed() throws IOException {
        List<SourceRecord> r = generated();

        assertThat(List.of(r.get(9), r.get(10), r.get(12), r.get(13))).extracting(s -> s.event().action(),
                s -> s.event().outcome()).containsExactly(tuple("db.session.start", Outcome.DENIED),
                tuple("kube.request", Outcome.DENIED), tuple("access_request.update", Outcome.DENIED),
                tuple("session.rejected", Outcome.DENIED));
        assertThat(r.get(10).event().command()).isEqualTo("kubectl get secrets -n payments");
        assertThat(r.get(12).event().target()).isEqualTo(new Target(TargetKind.APPLICATION,
                "teleport.acme.example", "prod-admin", null));
    }

    @Test
    void aFailedLoginWithoutDenialWordsIsAFailure() throws IOException {
        assertThat(at(3).outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(at(3).reason()).isEqualTo("invalid username, password or second factor");
    }

    @Test
    void aFailedLocalLoginLeavesMfaUnknownAndASuccessfulOneWithoutDeviceSaysNoMfa() throws IOException {
        List<SourceRecord> panther = Samples.read(format, "teleport/teleport_audit.jsonl");

        assertThat(at(3).auth()).isEqualTo(new Auth("local", null));
        assertThat(panther.get(6).event().auth()).isEqualTo(new Auth("local", false));
    }

    @Test
    void aBrokenLineBetweenGoodOnesIsCountedWithItsLineNumberAndTheOthersAreRead() throws IOException {
        String text = line(GENERATED, 1) + "\n{\"event\":\"user.login\",\n" + line(GENERATED, 2) + "\n";

        List<SourceRecord> records = Samples.readText(format, text);

        assertThat(records).extracting(SourceRecord::line, SourceRecord::isMalformed)
                .containsExactly(tuple(1L, false), tuple(2L, true), tuple(3L, false));
        assertThat(records.get(1).problem()).startsWith("not JSON: ");
    }

    @Test
    void readsCrowdSecsBruteForceAsSixFailedLogins() throws IOException {
        List<SourceRecord> records = Samples.read(format, "teleport/teleport-bf.log");

        assertThat(records).hasSize(6).allSatisfy(r -> {
            assertThat(r.event().outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(r.event().source()).isEqualTo(new Source("172.19.0.2", 34204, "Mozilla/5.0 (iPhone;"
                    + " CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6"
                    + " Mobile/15E148 Safari/604.1"));
        });
    }

    @Test
    void followsTheCodeWhereSuccessDisagreesAndSaysSo() throws IOException {
        List<SourceRecord> records = Samples.read(format, "teleport/teleport-impossible-travel.log");

        assertThat(records).hasSize(2).allSatisfy(r -> {
            assertThat(r.event().outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(r.event().reason()).isEqualTo("code T1000W and success=true disagree, the outcome follows"
                    + " the code");
        });
    }

    @Test
    void readsPanthersEventsAndReportsTheTimesAYamlLoaderRewrote() throws IOException {
        List<SourceRecord> records = Samples.read(format, "teleport/teleport_audit.jsonl");

        assertThat(records).hasSize(21);
        assertThat(records.stream().filter(SourceRecord::isMalformed)).extracting(SourceRecord::line)
                .containsExactly(3L, 4L, 9L, 10L, 14L, 15L, 16L, 17L);
        assertThat(records.get(0).event()).isEqualTo(new AuditEvent(-1, Instant.parse("2020-08-13T18:39:42Z"),
                "2020-08-13T18:39:42Z", null, "login", Outcome.FAILURE,
                "ssh: principal \"jack\" not in the set of valid principals for given certificate: [\"ec2-user\"]",
                new Actor("panther", null, List.of()), null, null, null, null, null, null, "teleport"));
        assertThat(records.get(11).event().command()).isEqualTo("/bin/nmap -v -iR 100000 -Pn -p 80");
        assertThat(records.get(11).event().target()).isEqualTo(new Target(TargetKind.HOST,
                "e75992b4-9e27-456f-b1c9-7a32da83c661", "root", null));
    }

    @Test
    void aLineWithoutEventNameOrWithAnUnknownCodeSuffixIsMalformed() throws IOException {
        List<SourceRecord> records = Samples.readText(format,
                "{\"code\":\"T1000I\",\"time\":\"2026-03-02T08:00:00Z\"}\n"
                        + "{\"event\":\"x\",\"code\":\"T1000Q\",\"time\":\"2026-03-02T08:00:00Z\"}\n");

        assertThat(records).extracting(SourceRecord::problem).containsExactly("no event name (\"event\")",
                "code \"T1000Q\" ends in neither I, W, E nor S");
    }
}
