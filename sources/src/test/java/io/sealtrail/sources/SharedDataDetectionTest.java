package io.sealtrail.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sealtrail.sources.hoop.HoopFormat;
import io.sealtrail.sources.kubernetes.KubernetesAuditFormat;
import io.sealtrail.sources.mapped.MappedFormat;
import io.sealtrail.sources.teleport.TeleportFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every file of the shared sample data (../shared/data: CloudTrail, GCP, Okta, auditd, syslog, sudo logs,
 * Merkle vectors ...) against the Kubernetes, Teleport and mapped readers: each recognises its own samples and
 * nothing else. Skipped where the shared data is not there; the samples copied into this module's resources
 * are checked hermetically by the format tests.
 */
class SharedDataDetectionTest {

    private static List<Path> files() throws IOException {
        Path data = Samples.sharedData();
        assumeTrue(data != null, "no ../shared/data here");
        try (Stream<Path> walk = Files.walk(data)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static Set<String> recognisedBy(SourceFormat format) throws IOException {
        Set<String> out = new TreeSet<>();
        for (Path f : files()) {
            if (format.recognizes(Samples.head(f))) {
                out.add(f.getFileName().toString());
            }
        }
        return out;
    }

    @Test
    void kubernetesAuditRecognisesTheKubernetesSamplesOnly() throws IOException {
        assertThat(recognisedBy(new KubernetesAuditFormat())).containsExactly("eks_k8s_audit.jsonl",
                "k8s-audit-pod-exec-file.log", "k8s-audit-priv-pod-file.log");
    }

    @Test
    void teleportRecognisesTheTeleportSamplesOnly() throws IOException {
        assertThat(recognisedBy(new TeleportFormat())).containsExactly("teleport-bf.log", "teleport-logs.log",
                "teleport_audit.jsonl");
    }

    @Test
    void hoopRecognisesNoneOfTheSharedSamples() throws IOException {
        assertThat(recognisedBy(new HoopFormat())).isEmpty();
    }

    @Test
    void theMappedFormatRecognisesNothing() throws IOException {
        assertThat(recognisedBy(new MappedFormat())).isEmpty();
    }
}
