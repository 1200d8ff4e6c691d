package io.sealtrail.app.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.CaseImporter;
import io.sealtrail.cases.JournalEntry;
import io.sealtrail.cases.SourceImporter;
import io.sealtrail.index.EventQuery;
import io.sealtrail.index.EventSearch;
import io.sealtrail.index.FacetValue;
import io.sealtrail.index.Hit;
import io.sealtrail.index.Integrity;
import io.sealtrail.model.Verdict;
import io.sealtrail.verify.VerifyOptions;
import io.sealtrail.verify.gen.BundleGenerator;
import io.sealtrail.verify.note.NoteSigner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One case holding a native bundle, a signed CloudTrail tree, a Kubernetes audit log and an auth.log: one query
 * answers across all of them in one time-ordered result, and the timeline has one lane per user across sources.
 */
class MixedCaseTest {
    static final NoteSigner AUDITOR = NoteSigner.fromSeed("auditor/mixed@host", new byte[32]);
    static final Path GOLDEN = Path.of("../index/src/test/resources/cloudtrail-golden");

    @TempDir
    static Path dir;
    static CaseFolder c;
    static List<Path> indexes;

    @BeforeAll
    static void buildCase() throws Exception {
        c = CaseFolder.create(dir.resolve("case"), "mixed", Clock.systemUTC());
        c.journal().append(AUDITOR, JournalEntry.CASE_CREATED, Map.of("name", "mixed"));
        Path bundle = dir.resolve("b.zip");
        new BundleGenerator().generate(bundle, BundleGenerator.Options.defaults(500, 3), n -> { });
        new CaseImporter().importBundle(c, bundle, VerifyOptions.trusting(List.of(BundleGenerator.seededSigner(
                BundleGenerator.DEFAULT_ORIGIN, 3).verifierKey())), AUDITOR, CaseImporter.Progress.NONE, () -> false);

        Path trail = dir.resolve("trail");
        try (Stream<Path> walk = Files.walk(GOLDEN.resolve("bucket"))) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path t = trail.resolve(GOLDEN.resolve("bucket").relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        SourceImporter.Result ct = new SourceImporter().importSource(c, trail, new SourceImporter.Options(null,
                GOLDEN.resolve("cloudtrail-keys.json"), null, null, null), AUDITOR, CaseImporter.Progress.NONE, () -> false);
        assertThat(ct.verification().verdict()).isEqualTo(Verdict.VERIFIED);

        Path kube = dir.resolve("kube-audit.log");
        Files.writeString(kube, "{\"kind\":\"Event\",\"apiVersion\":\"audit.k8s.io/v1\",\"level\":\"Metadata\","
                + "\"auditID\":\"a-1\",\"stage\":\"ResponseComplete\",\"requestURI\":\"/api/v1/namespaces/pay/secrets/db\","
                + "\"verb\":\"get\",\"user\":{\"username\":\"alice\",\"groups\":[\"devs\"]},\"sourceIPs\":[\"10.0.0.5\"],"
                + "\"objectRef\":{\"resource\":\"secrets\",\"namespace\":\"pay\",\"name\":\"db\",\"apiVersion\":\"v1\"},"
                + "\"responseStatus\":{\"metadata\":{},\"code\":403},\"requestReceivedTimestamp\":\"2026-03-02T06:30:00.000000Z\","
                + "\"stageTimestamp\":\"2026-03-02T06:30:00.010000Z\"}\n");
        new SourceImporter().importSource(c, kube, SourceImporter.Options.DEFAULT, AUDITOR, CaseImporter.Progress.NONE,
                () -> false);

        Path auth = dir.resolve("auth.log");
        Files.writeString(auth, "Mar  2 06:05:00 bastion sshd[4242]: Accepted publickey for alice from 10.0.0.5 port 52311 ssh2\n"
                + "Mar  2 06:50:00 bastion sshd[4242]: pam_unix(sshd:session): session closed for user alice\n");
        new SourceImporter().importSource(c, auth, new SourceImporter.Options(null, null, 2026, ZoneOffset.UTC, null),
                AUDITOR, CaseImporter.Progress.NONE, () -> false);
        indexes = c.bundles().stream().map(b -> c.bundleDir(b.bundleId()).resolve("index")).toList();
    }

    @Test
    void oneQueryAnswersAcrossEverySourceInTimeOrder() throws Exception {
        try (EventSearch s = EventSearch.open(indexes)) {
            List<Hit> hits = s.search(EventQuery.of("user.name:alice"), 100, null).hits();
            assertThat(hits).extracting(Hit::bundleId).anyMatch(id -> id.startsWith("cloudtrail-"))
                    .anyMatch(id -> id.startsWith("kubernetes-audit-")).anyMatch(id -> id.startsWith("syslog-"));
            List<Instant> times = hits.stream().map(Hit::time).toList();
            assertThat(times).isSorted();
            assertThat(hits).filteredOn(h -> h.bundleId().startsWith("cloudtrail-"))
                    .allMatch(h -> h.integrity() == Integrity.VERIFIED);
            assertThat(hits).filteredOn(h -> !h.bundleId().startsWith("cloudtrail-"))
                    .allMatch(h -> h.integrity() == Integrity.UNSEALED);
            assertThat(s.count(EventQuery.of("*:*"))).isEqualTo(500 + 20 + 1 + 2);
        }
    }

    @Test
    void theTimelineHasOneLanePerUserAcrossSources() throws Exception {
        try (EventSearch s = EventSearch.open(indexes)) {
            List<FacetValue> users = s.facets(EventQuery.of("*:*"), "user.name", Integer.MAX_VALUE);
            List<Lane> lanes = TimelineViewModel.lanes(users, s.sessions(EventQuery.of("*:*")),
                    TimelineViewModel.Grouping.USER);
            assertThat(lanes).filteredOn(l -> l.name().equals("alice")).singleElement()
                    .satisfies(l -> assertThat(l.events()).isEqualTo(20 + 1 + 2));
        }
    }
}
