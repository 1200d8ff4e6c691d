package io.sealtrail.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.CaseImporter;
import io.sealtrail.cases.SourceImporter;
import io.sealtrail.opensearch.ClusterCases;
import io.sealtrail.opensearch.ClusterConnection;
import io.sealtrail.opensearch.ClusterImport;
import io.sealtrail.opensearch.ClusterRecord;
import io.sealtrail.opensearch.ClusterSending;
import io.sealtrail.opensearch.TestNode;
import io.sealtrail.verify.note.NoteSigner;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sessions whose first user or target the first times alone cannot tell (two at the same instant: the leaf decides),
 * and more (session, user, target) combinations than one page of the cluster's aggregation holds, some without a
 * target: the same spans from both engines.
 */
class SessionsAgreeTest {
    private static final NoteSigner AUDITOR = NoteSigner.fromSeed("auditor/alice@laptop", new byte[32]);

    @TempDir
    Path dir;

    private static String exec(int n, String sid, String user, String host, Instant t) {
        return "{\"ei\":" + n + ",\"event\":\"exec\",\"uid\":\"u-" + n + "\",\"code\":\"T3002I\",\"time\":\"" + t
                + "\",\"cluster_name\":\"c\",\"user\":\"" + user + "\",\"sid\":\"" + sid + "\""
                + (host == null ? "" : ",\"server_hostname\":\"" + host + "\"") + ",\"command\":\"ls " + n + "\"}";
    }

    @Test
    void tiedFirstEventsAndManyPagesGiveTheLocalSpans() throws Exception {
        Instant t0 = Instant.parse("2026-03-02T08:00:00Z");
        // "zed" comes first in the file, "amy" first in key order: only the leaf says it is zed
        List<String> lines = new java.util.ArrayList<>(List.of(exec(0, "tied", "zed", "db-2", t0),
                exec(1, "tied", "amy", "db-1", t0)));
        IntStream.range(0, 1600).forEach(i -> {
            lines.add(exec(2 + 2 * i, "s-" + i, "user" + (i % 7), i % 3 == 0 ? null : "host" + (i % 5), t0.plusSeconds(i)));
            lines.add(exec(3 + 2 * i, "s-" + i, "user" + (i % 11), "host" + (i % 13), t0.plusSeconds(i + 30)));
        });
        Path log = dir.resolve("teleport-audit.jsonl");
        Files.writeString(log, lines.stream().collect(Collectors.joining("\n", "", "\n")));
        CaseFolder c = CaseFolder.create(dir.resolve("case"), "sessions", Clock.systemUTC(), AUDITOR);
        ClusterSending sending = new ClusterImport(ClusterFixture.shared().client, "sealtrail-sessions", 2, 1000)
                .begin(c.id());
        SourceImporter.Result r = new SourceImporter().importSource(c, log, new SourceImporter.Options("teleport", null,
                null, null, null), AUDITOR, CaseImporter.Progress.NONE, () -> false, sending);
        String id = r.record().bundleId();
        ClusterImport.Sent sent = sending.finish(id, c.bundleDir(id).resolve("index"));
        new ClusterRecord(id, URI.create(TestNode.shared().url()), sent.index(),
                ClusterImport.caseAlias("sealtrail-sessions", c.id()), sent.events(), sent.entryHashes()).append(c, AUDITOR);

        try (EventSearch local = c.openSearch(c.bundles());
             EventSearch cluster = ClusterCases.openSearch(c, c.bundles(), ClusterConnection::open).orElseThrow()) {
            List<SessionSpan> l = local.sessions(EventQuery.all());
            assertThat(r.malformed()).isZero();
            assertThat(l).hasSize(1601).filteredOn(s -> s.sessionId().equals("tied")).singleElement()
                    .satisfies(s -> assertThat(s.user() + " " + s.target()).isEqualTo("zed db-2"));
            assertThat(cluster.sessions(EventQuery.all())).containsExactlyElementsOf(l);
        }
    }
}
