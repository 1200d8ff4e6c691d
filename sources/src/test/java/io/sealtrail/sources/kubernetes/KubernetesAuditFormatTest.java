package io.sealtrail.sources.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.model.AuditEvent;
import io.sealtrail.model.AuditEvent.Actor;
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
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class KubernetesAuditFormatTest {
    private static final String GENERATED = "kubernetes-audit/generated-stages.jsonl";
    private final KubernetesAuditFormat format = new KubernetesAuditFormat();

    private List<SourceRecord> generated() throws IOException {
        return Samples.read(format, GENERATED);
    }

    private SourceRecord atLine(List<SourceRecord> records, long line) {
        return records.stream().filter(r -> r.line() == line).findFirst().orElseThrow();
    }

    private static String line(String resource, int n) {
        return Samples.resourceText(resource).split("\n")[n - 1];
    }

    @Test
    void foldsTheStagesOfEachAuditIdIntoOneEvent() throws IOException {
        List<SourceRecord> records = generated();

        assertThat(records).hasSize(8);
        assertThat(records.stream().filter(r -> !r.isMalformed())).hasSize(7);
        assertThat(records).extracting(SourceRecord::line).containsExactly(2L, 1L, 5L, 4L, 7L, 8L, 10L, 9L);
    }

    @Test
    void countsOutcomesFromTheResponseCode() throws IOException {
        Map<Outcome, Long> outcomes = generated().stream().filter(r -> !r.isMalformed())
                .collect(Collectors.groupingBy(r -> r.event().outcome(), Collectors.counting()));

        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(
                Map.of(Outcome.SUCCESS, 4L, Outcome.DENIED, 1L, Outcome.FAILURE, 2L));
    }

    @Test
    void mapsAFoldedSecretReadWithItsAuthorizationReasonAndBothLinesAsRaw() throws IOException {
        SourceRecord r = atLine(generated(), 1);

        assertThat(r.event()).isEqualTo(new AuditEvent(-1, Instant.parse("2026-03-02T09:15:00.123456Z"),
                "2026-03-02T09:15:00.123456Z", null, "kube.secrets.get", Outcome.SUCCESS,
                "RBAC: allowed by RoleBinding \"secret-readers/payments\" of Role \"secret-reader\" to Group"
                        + " \"developers\"",
                new Actor("alice@example.com", "7d1e6c2a-3b1f-4c55-9a0e-2f6b8e1d4c21",
                        List.of("developers", "system:authenticated")),
                null, new Source("10.20.30.40", null, "kubectl/v1.30.2 (linux/amd64) kubernetes/3968350"),
                new Target(TargetKind.KUBERNETES, "secrets/db-password", null, "payments"),
                null, "kubectl get secrets db-password -n payments", null, "kubernetes-audit"));
        assertThat(new String(r.raw(), StandardCharsets.UTF_8))
                .isEqualTo(line(GENERATED, 1) + "\n" + line(GENERATED, 3));
    }

    @Test
    void mapsADeniedExecUnderImpersonationWithTheActorAsUserAndTheImpersonatedAsAccount() throws IOException {
        SourceRecord r = atLine(generated(), 2);

        assertThat(r.event()).isEqualTo(new AuditEvent(-1, Instant.parse("2026-03-02T09:15:01.000001Z"),
                "2026-03-02T09:15:01.000001Z", null, "kube.pods.exec", Outcome.DENIED,
                "pods \"payments-api-7f9c6-x2kq\" is forbidden: User \"system:serviceaccount:payments:deployer\""
                        + " cannot create resource \"pods/exec\" in API group \"\" in the namespace \"payments\"",
                new Actor("bob@example.com", null, List.of("support", "system:authenticated")),
                null, new Source("203.0.113.9", null, "kubectl/v1.29.6 (darwin/arm64) kubernetes/062798d"),
                new Target(TargetKind.KUBERNETES, "pods/payments-api-7f9c6-x2kq",
                        "system:serviceaccount:payments:deployer", "payments"),
                null, "kubectl exec payments-api-7f9c6-x2kq -n payments -c api -- sh -c 'cat /etc/passwd'", null,
                "kubernetes-audit"));
        assertThat(r.raw()).isEqualTo(line(GENERATED, 2).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void mapsANonResourceRequestToItsPathAndARawKubectlGet() throws IOException {
        AuditEvent e = atLine(generated(), 5).event();

        assertThat(e).isEqualTo(new AuditEvent(-1, Instant.parse("2026-03-02T09:16:30Z"), "2026-03-02T09:16:30Z",
                null, "kube.nonresource.get", Outcome.SUCCESS, null,
                new Actor("system:anonymous", null, List.of("system:unauthenticated")), null,
                new Source("198.51.100.7", null, "curl/8.5.0"),
                new Target(TargetKind.KUBERNETES, "/healthz", null, null),
                null, "kubectl get --raw /healthz?verbose=1", null, "kubernetes-audit"));
    }

    @Test
    void namesPortForwardAndClusterScopedDeleteAsKubectlDoes() throws IOException {
        List<SourceRecord> records = generated();

        assertThat(atLine(records, 4).event().command()).isEqualTo("kubectl port-forward redis-0 -n default 6379");
        assertThat(atLine(records, 4).event().action()).isEqualTo("kube.pods.portforward");
        assertThat(atLine(records, 7).event().command())
                .isEqualTo("kubectl delete clusterrolebindings.rbac.authorization.k8s.io tmp-admin");
        assertThat(atLine(records, 10).event().command())
                .isEqualTo("kubectl patch deployments.apps checkout -n checkout --subresource=scale");
        assertThat(atLine(records, 10).event().action()).isEqualTo("kube.deployments.scale.patch");
    }

    @Test
    void readsV1beta1EventsByTheirRequestReceivedTime() throws IOException {
        AuditEvent e = atLine(generated(), 7).event();

        assertThat(e.timeText()).isEqualTo("2026-03-02T09:16:59.990000Z");
        assertThat(e.target()).isEqualTo(new Target(TargetKind.KUBERNETES, "clusterrolebindings/tmp-admin", null,
                null));
    }

    @Test
    void aPanicIsAFailureWithThePanicMessage() throws IOException {
        AuditEvent e = atLine(generated(), 8).event();

        assertThat(e.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(e.action()).isEqualTo("kube.pods.list");
        assertThat(e.reason()).startsWith("APIServer panic'd");
    }

    @Test
    void aRequestWhoseFinalStageIsNotInTheFileIsMalformedAtItsFirstLine() throws IOException {
        SourceRecord r = atLine(generated(), 9);

        assertThat(r.isMalformed()).isTrue();
        assertThat(r.problem()).isEqualTo("no responseStatus.code (last stage seen: RequestReceived): the outcome"
                + " is unknown");
        assertThat(r.raw()).isEqualTo(line(GENERATED, 9).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aBrokenLineBetweenGoodOnesIsCountedWithItsLineNumberAndTheOthersAreRead() throws IOException {
        String text = line("kubernetes-audit/k8s-audit-pod-exec-file.log", 1) + "\n"
                + "{\"kind\":\"Event\",\"apiVersion\":\"audit.k8s.io/v1\",\"verb\":\n"
                + line("kubernetes-audit/k8s-audit-priv-pod-file.log", 1) + "\n";

        List<SourceRecord> records = Samples.readText(format, text);

        assertThat(records).extracting(SourceRecord::line, SourceRecord::isMalformed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, false),
                        org.assertj.core.groups.Tuple.tuple(2L, true),
                        org.assertj.core.groups.Tuple.tuple(3L, false));
        assertThat(records.get(1).problem()).startsWith("not an audit Event: ");
    }

    @Test
    void readsCrowdSecsPodExecAsAPrivilegedKubectlExec() throws IOException {
        List<SourceRecord> records = Samples.read(format, "kubernetes-audit/k8s-audit-pod-exec-file.log");

        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.event().command()).isEqualTo("kubectl exec test-pod-1 -n foo -c centos -- /bin/bash");
            assertThat(r.event().outcome()).isEqualTo(Outcome.SUCCESS);
            assertThat(r.event().user().roles()).containsExactly("system:masters", "system:authenticated");
        });
    }

    @Test
    void readsCrowdSecsPrivilegedPodCreateSkippingItsRequestAndResponseObjects() throws IOException {
        List<SourceRecord> records = Samples.read(format, "kubernetes-audit/k8s-audit-priv-pod-file.log");

        assertThat(records).singleElement().extracting(r -> r.event().command())
                .isEqualTo("kubectl create pods test-pod-1 -n foo");
    }

    @Test
    void reportsPanthersTrimmedEventsWithoutApiServerTimesAsMalformedInsteadOfGuessingAZone() throws IOException {
        List<SourceRecord> records = Samples.read(format, "kubernetes-audit/eks_k8s_audit.jsonl");

        assertThat(records).hasSize(185).allMatch(SourceRecord::isMalformed); // lines 14 and 15 are one request
        assertThat(new String(atLine(records, 14).raw(), StandardCharsets.UTF_8))
                .isEqualTo(line("kubernetes-audit/eks_k8s_audit.jsonl", 14) + "\n"
                        + line("kubernetes-audit/eks_k8s_audit.jsonl", 15));
        Map<String, Long> why = records.stream().collect(Collectors.groupingBy(
                r -> r.problem().startsWith("time \"") ? "time" : r.problem(), Collectors.counting()));
        assertThat(why).containsExactlyInAnyOrderEntriesOf(Map.of(
                "no requestReceivedTimestamp, stageTimestamp or timestamp", 162L, "no verb", 11L, "time", 12L));
    }

    @Test
    void theSameStageTwiceForOneAuditIdGivesTwoEvents() throws IOException {
        String l = line("kubernetes-audit/k8s-audit-pod-exec-file.log", 1).replace("ResponseComplete",
                "ResponseStarted");

        List<SourceRecord> records = Samples.readText(format, l + "\n" + l + "\n");

        assertThat(records).extracting(SourceRecord::line).containsExactly(1L, 2L);
        assertThat(records).noneMatch(SourceRecord::isMalformed);
    }

    @Test
    void emitsTheOldestPendingRequestWhenTheBoundIsReached() throws IOException {
        String received = line(GENERATED, 9);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i <= KubernetesAuditFormat.MAX_PENDING; i++) {
            text.append(received.replace("7a3c2f51-6d8e-4fa0-b1c2-3d4e5f6a7b07", "id-" + i)).append('\n');
        }
        List<SourceRecord> seen = new java.util.ArrayList<>();
        int[] atFirstEmit = {-1};
        format.read(new java.io.ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)),
                new io.sealtrail.sources.SourceFile("big.jsonl", Instant.EPOCH), io.sealtrail.sources.ReadContext
                        .defaults(), r -> {
                    if (seen.isEmpty()) {
                        atFirstEmit[0] = (int) r.line();
                    }
                    seen.add(r);
                });

        assertThat(seen).hasSize(KubernetesAuditFormat.MAX_PENDING + 1);
        assertThat(atFirstEmit[0]).isEqualTo(1);
        Map<Long, SourceRecord> byLine = seen.stream().collect(Collectors.toMap(SourceRecord::line,
                Function.identity()));
        assertThat(byLine).hasSize(KubernetesAuditFormat.MAX_PENDING + 1);
    }

    @Test
    void aLineThatIsNotAnEventObjectIsMalformed() throws IOException {
        List<SourceRecord> records = Samples.readText(format, "[1,2]\n{\"kind\":\"EventList\",\"verb\":\"get\"}\n");

        assertThat(records).extracting(SourceRecord::problem).containsExactly(
                "not an audit Event: not a JSON object", "kind \"EventList\" is not an audit Event");
    }
}
