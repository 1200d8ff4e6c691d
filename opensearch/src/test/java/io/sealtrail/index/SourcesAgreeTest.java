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
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sources other than bundles (CloudTrail with its digest chain, Kubernetes audit, Teleport, hoop, syslog, auditd, an
 * asciicast recording) imported into one case with {@code --opensearch}: the events reach the cluster in the import's
 * own pass, with the local index's fields and integrity, and both engines give the same hits, counts, facets,
 * histograms and sessions.
 */
class SourcesAgreeTest {
    private static final NoteSigner AUDITOR = NoteSigner.fromSeed("auditor/alice@laptop", new byte[32]);
    private static final String PREFIX = "sealtrail-sources";
    @TempDir
    static Path dir;
    private static EventSearch local;
    private static EventSearch cluster;

    @BeforeAll
    static void importEverySource() throws Exception {
        ClusterFixture both = ClusterFixture.shared();
        CaseFolder c = CaseFolder.create(dir.resolve("case"), "sources", Clock.systemUTC(), AUDITOR);
        // small requests, so that every source takes several and they overlap
        ClusterImport sender = new ClusterImport(both.client, PREFIX, 3, 50);
        Path golden = repoFile("index/src/test/resources/cloudtrail-golden");
        Map<Path, SourceImporter.Options> sources = new java.util.LinkedHashMap<>();
        sources.put(golden.resolve("bucket"), new SourceImporter.Options(null, golden.resolve("cloudtrail-keys.json"),
                null, null, null));
        SourceImporter.Options syslog = new SourceImporter.Options(null, null, 2026, ZoneOffset.UTC, null);
        for (String f : List.of("kubernetes-audit/eks_k8s_audit.jsonl", "teleport/teleport_audit.jsonl",
                "hoop/sessions.json", "auditd/login-sudo.log", "asciicast/deploy-with-input.cast")) {
            sources.put(SourceIndexes.fixture(f), SourceImporter.Options.DEFAULT);
        }
        sources.put(SourceIndexes.fixture("syslog/sshd-logs.log"), syslog);
        for (var s : sources.entrySet()) {
            ClusterSending sending = sender.begin(c.id());
            SourceImporter.Result r = new SourceImporter().importSource(c, s.getKey(), s.getValue(), AUDITOR,
                    CaseImporter.Progress.NONE, () -> false, sending);
            String id = r.record().bundleId();
            ClusterImport.Sent sent = sending.finish(id, c.bundleDir(id).resolve("index"));
            new ClusterRecord(id, URI.create(TestNode.shared().url()), sent.index(), ClusterImport.caseAlias(PREFIX,
                    c.id()), sent.events(), sent.entryHashes()).append(c, AUDITOR);
        }
        local = c.openSearch(c.bundles());
        cluster = ClusterCases.openSearch(c, c.bundles(), ClusterConnection::open).orElseThrow();
    }

    @AfterAll
    static void close() throws Exception {
        local.close();
        cluster.close();
    }

    private static Path repoFile(String path) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(path))) {
                return p.resolve(path);
            }
        }
        throw new IllegalStateException("no " + path + " above " + Path.of("").toAbsolutePath());
    }

    @Test
    void everyEventArrivesWithTheLocalFieldsAndIntegrity() throws Exception {
        List<Hit> l = new ArrayList<>();
        List<Hit> c = new ArrayList<>();
        local.export(EventQuery.all(), l::add);
        cluster.export(EventQuery.all(), c::add);

        assertThat(l).extracting(Hit::sourceFormat).contains("cloudtrail", "kubernetes-audit", "teleport", "hoop",
                "syslog", "auditd", "asciicast");
        assertThat(l).extracting(Hit::integrity).contains(Integrity.VERIFIED, Integrity.UNSEALED);
        assertThat(c).containsExactlyElementsOf(l);
    }

    @Test
    void queriesOnSourceFieldsFindTheSameEvents() throws Exception {
        for (String q : List.of("user.name:*", "event.outcome:failure OR event.outcome:denied", "integrity:verified",
                "source.ip:10.*", "target.kind:*", "session.output:*", "sudo", "\"session opened\"", "command:*",
                "query:*", "NOT user.name:*", "target.namespace:* AND NOT event.action:get", "user.roles:*",
                "source.format:cloudtrail AND event.action:*Instances", "seq:[0 TO 5]", "time:2026-03-02")) {
            List<String> lk = new ArrayList<>();
            List<String> ck = new ArrayList<>();
            local.export(EventQuery.of(q), h -> lk.add(h.bundleId() + "/" + h.leaf()));
            cluster.export(EventQuery.of(q), h -> ck.add(h.bundleId() + "/" + h.leaf()));
            assertThat(ck).as(q).containsExactlyElementsOf(lk);
            assertThat(cluster.count(EventQuery.of(q))).as(q).isEqualTo(lk.size());
        }
    }

    @Test
    void facetsOfEveryKeywordFieldCountTheSame() throws Exception {
        for (String field : IndexSchema.KEYWORD_FIELDS) {
            assertThat(cluster.facets(EventQuery.all(), field, 8)).as(field)
                    .containsExactlyElementsOf(local.facets(EventQuery.all(), field, 8));
        }
    }

    @Test
    void histogramsHaveTheSameBuckets() throws Exception {
        for (Duration d : List.of(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofDays(1))) {
            assertThat(cluster.histogram(EventQuery.all(), d)).as(d.toString())
                    .containsExactlyElementsOf(local.histogram(EventQuery.all(), d));
        }
        assertThat(cluster.histogramBy(EventQuery.all(), Duration.ofDays(1), IndexSchema.SOURCE_FORMAT, 10))
                .containsExactlyElementsOf(local.histogramBy(EventQuery.all(), Duration.ofDays(1),
                        IndexSchema.SOURCE_FORMAT, 10));
    }

    @Test
    void sessionsHaveTheSameSpans() throws Exception {
        List<SessionSpan> l = local.sessions(EventQuery.all());

        assertThat(l).isNotEmpty();
        assertThat(cluster.sessions(EventQuery.all())).containsExactlyElementsOf(l);
    }
}
