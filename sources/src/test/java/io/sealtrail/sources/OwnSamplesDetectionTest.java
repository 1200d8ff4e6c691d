package io.sealtrail.sources;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.sources.kubernetes.KubernetesAuditFormat;
import io.sealtrail.sources.teleport.TeleportFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The samples in this module's resources against the Kubernetes and Teleport detectors. */
class OwnSamplesDetectionTest {
    private static final List<String> KUBERNETES = List.of("kubernetes-audit/generated-stages.jsonl",
            "kubernetes-audit/eks_k8s_audit.jsonl", "kubernetes-audit/k8s-audit-pod-exec-file.log",
            "kubernetes-audit/k8s-audit-priv-pod-file.log");
    private static final List<String> TELEPORT = List.of("teleport/generated-events.jsonl",
            "teleport/teleport_audit.jsonl", "teleport/teleport-logs.log", "teleport/teleport-bf.log",
            "teleport/teleport-impossible-travel.log");
    private static final List<String> OTHER = List.of("jsonl-mapped/okta-system-log.jsonl",
            "jsonl-mapped/bastion-sessions.csv", "jsonl-mapped/okta_systemlog-panther.jsonl",
            "kubernetes-audit/eks_k8s_audit.labels.jsonl", "teleport/teleport_audit.labels.jsonl");

    @Test
    void kubernetesAuditRecognisesItsSamplesAndNotTheOthers() {
        KubernetesAuditFormat f = new KubernetesAuditFormat();

        assertThat(KUBERNETES).allMatch(r -> f.recognizes(Samples.headOfResource(r)));
        assertThat(TELEPORT).noneMatch(r -> f.recognizes(Samples.headOfResource(r)));
        assertThat(OTHER).noneMatch(r -> f.recognizes(Samples.headOfResource(r)));
    }

    @Test
    void teleportRecognisesItsSamplesAndNotTheOthers() {
        TeleportFormat f = new TeleportFormat();

        assertThat(TELEPORT).allMatch(r -> f.recognizes(Samples.headOfResource(r)));
        assertThat(KUBERNETES).noneMatch(r -> f.recognizes(Samples.headOfResource(r)));
        assertThat(OTHER).noneMatch(r -> f.recognizes(Samples.headOfResource(r)));
    }

    @Test
    void aKubernetesEventLongerThanTheHeadIsRecognisedByTheFieldsBeforeTheCut() {
        StringBuilder big = new StringBuilder("{\"kind\":\"Event\",\"apiVersion\":\"audit.k8s.io/v1\","
                + "\"requestObject\":{\"data\":\"");
        big.append("x".repeat(Head.MAX_BYTES));
        byte[] b = big.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(new KubernetesAuditFormat().recognizes(new Head(b, Head.MAX_BYTES, false))).isTrue();
    }

    @Test
    void aTeleportLookalikeWithoutAnEventCodeIsNotTeleport() {
        assertThat(new TeleportFormat().recognizes(Head.of(
                "{\"event\":\"user.login\",\"code\":\"login\",\"time\":\"2026-03-02T08:00:00Z\"}\n"))).isFalse();
    }

    @Test
    void aKubernetesCoreEventIsNotAnAuditEvent() {
        assertThat(new KubernetesAuditFormat().recognizes(Head.of(
                "{\"kind\":\"Event\",\"apiVersion\":\"v1\",\"reason\":\"Scheduled\"}\n"))).isFalse();
    }
}
