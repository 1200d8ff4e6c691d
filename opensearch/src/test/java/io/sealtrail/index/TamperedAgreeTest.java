package io.sealtrail.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.model.Verdict;
import io.sealtrail.opensearch.ClusterImport;
import io.sealtrail.opensearch.OpenSearchEventSearch;
import io.sealtrail.verify.VerificationReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tampered bundle keeps its per-event integrity on OpenSearch: the line that no longer parses is sent with what
 * could be read of it and its raw text searchable, and every event has the integrity the local index gives it.
 */
class TamperedAgreeTest {
    @TempDir
    Path dir;

    @Test
    void anUnreadableLineAndItsBrokenRangeAreTheSameOnBothEngines() throws Exception {
        ClusterFixture both = ClusterFixture.shared();
        Path bundle = TestBundles.copy(both.local.bundle(), dir.resolve("tampered"));
        Path seg = bundle.resolve(String.format("events/%012d.jsonl", 2500));
        byte[] b = Files.readAllBytes(seg);
        int at = 0;
        for (int line = 0; line < 4321 - 2500; line++) {
            while (b[at] != '\n') {
                at++;
            }
            at++;
        }
        b[at] = '['; // the line is no JSON object any more
        Files.write(seg, b);
        VerificationReport report = TestBundles.verify(bundle, TestBundles.SEED);
        assertThat(report.verdict()).isEqualTo(Verdict.INTEGRITY_FAILURE);
        Path index = dir.resolve("index");
        ClusterFixture.indexAndSend(new ClusterImport(both.client, "sealtrail-tampered", 2, 1000), "tampered", bundle,
                report, index);

        try (EventSearch local = EventSearch.open(List.of(index));
             EventSearch cluster = OpenSearchEventSearch.open(both.client,
                     List.of(ClusterImport.caseAlias("sealtrail-tampered", "tampered")), Map.of())) {
            List<Hit> l = new ArrayList<>();
            List<Hit> c = new ArrayList<>();
            local.export(EventQuery.all(), l::add);
            cluster.export(EventQuery.all(), c::add);
            assertThat(c).containsExactlyElementsOf(l);
            String word = new String(b, at, 12, StandardCharsets.UTF_8);
            for (String q : List.of("integrity:broken", "integrity:verified", "seq:4321", "text:\"" + word.replace("\"", "\\\"") + "\"")) {
                List<String> lk = new ArrayList<>();
                List<String> ck = new ArrayList<>();
                local.export(EventQuery.of(q), h -> lk.add(h.leaf() + h.integrity().wireName()));
                cluster.export(EventQuery.of(q), h -> ck.add(h.leaf() + h.integrity().wireName()));
                assertThat(ck).as(q).containsExactlyElementsOf(lk);
            }
            assertThat(cluster.count(EventQuery.of("integrity:broken"))).isEqualTo(1);
            // the line without a time is cited, and bounds no span, alike (a report's result sets)
            for (String q : List.of("*", "seq:4321")) {
                assertThat(cluster.resultSet(EventQuery.of(q))).as(q).isEqualTo(local.resultSet(EventQuery.of(q)));
            }
            assertThat(local.resultSet(EventQuery.of("seq:4321")).first()).isNull();
        }
    }
}
