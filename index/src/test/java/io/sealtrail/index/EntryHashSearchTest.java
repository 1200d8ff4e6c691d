package io.sealtrail.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.index.TestBundles.Fixture;
import io.sealtrail.index.TestBundles.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * event.hash is indexed as a point of its first bytes, not a term (ADR 0008): lookups by a whole hash or by
 * its start, and facets over it, must still be exactly what the bundle's lines say.
 */
class EntryHashSearchTest {
    private static Fixture f;
    private static EventSearch s;

    @TempDir
    Path dir;

    @BeforeAll
    static void open() throws Exception {
        f = TestBundles.shared();
        s = EventSearch.open(List.of(f.index()));
    }

    @AfterAll
    static void close() throws Exception {
        s.close();
    }

    private static List<String> hashesOf(String query) throws Exception {
        List<String> out = new ArrayList<>();
        s.export(EventQuery.of(query), h -> out.add(h.entryHash()));
        out.sort(null);
        return out;
    }

    private static List<String> brute(String prefix) {
        return f.rows().stream().map(Row::hash).filter(h -> h.startsWith(prefix)).sorted().toList();
    }

    @Test
    void aWholeHashFindsExactlyItsEvent() throws Exception {
        Row r = f.rows().get(4321);
        assertThat(hashesOf("event.hash:" + r.hash())).containsExactly(r.hash());
        assertThat(hashesOf("event.hash:" + r.hash().toUpperCase())).containsExactly(r.hash());
    }

    @Test
    void aHashNoEventHasFindsNothingEvenWhenItsFirstBytesMatchOne() throws Exception {
        String h = f.rows().get(77).hash();
        String other = h.substring(0, 60) + (h.charAt(60) == '0' ? "1" : "0") + h.substring(61);
        assertThat(s.count(EventQuery.of("event.hash:" + other))).isZero();
    }

    @Test
    void theStartOfAHashFindsEveryEventWhoseHashStartsSo() throws Exception {
        String h = f.rows().get(1234).hash();
        for (int len : new int[] {1, 2, 3, 7, 15, 16, 17, 20, 40, 64}) {
            String prefix = h.substring(0, len);
            assertThat(hashesOf("event.hash:" + prefix + "*")).as(prefix).isEqualTo(brute(prefix));
        }
    }

    @Test
    void hashLookupsCombineWithOtherClauses() throws Exception {
        Row r = f.rows().get(900);
        assertThat(s.count(EventQuery.of("event.hash:" + r.hash() + " AND seq:" + r.seq()))).isEqualTo(1);
        assertThat(s.count(EventQuery.of("event.hash:" + r.hash() + " AND NOT seq:" + r.seq()))).isZero();
        assertThat(s.count(EventQuery.of("NOT event.hash:" + r.hash()))).isEqualTo(TestBundles.EVENTS - 1);
        assertThat(s.count(EventQuery.of("event.hash:*"))).isEqualTo(TestBundles.EVENTS);
    }

    @Test
    void whatIsNotAHashOrItsStartIsAClearError() {
        for (String q : List.of("event.hash:941a0157", "event.hash:xyz*", "event.hash:9?1a*", "event.hash:[a TO b]",
                "event.hash:abc~")) {
            assertThatThrownBy(() -> s.count(EventQuery.of(q))).as(q).isInstanceOf(IndexException.class)
                    .hasMessageContaining("event.hash takes an entry hash (64 hex digits) or its start followed by *");
        }
    }

    @Test
    void facetsOfTheHashAreTheSmallestHashesOnceEach() throws Exception {
        List<FacetValue> top = s.facets(EventQuery.all(), IndexSchema.EVENT_HASH, 5);
        assertThat(top).extracting(FacetValue::value).containsExactlyElementsOf(brute("").subList(0, 5));
        assertThat(top).extracting(FacetValue::count).containsOnly(1L);
    }

    @Test
    void facetsOfTheHashCountARepeatedLineAndComeFirst() throws Exception {
        Path copy = TestBundles.copy(f.bundle(), dir.resolve("replayed"));
        Path seg = copy.resolve("events/000000002500.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(seg));
        lines.set(11, lines.get(10)); // line 11 replayed where line 12 was
        Files.write(seg, (String.join("\n", lines) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path idx = dir.resolve("idx");
        TestBundles.index(copy, TestBundles.verify(copy, TestBundles.SEED), idx);
        try (EventSearch t = EventSearch.open(List.of(idx))) {
            Map<String, Long> brute = new TreeMap<>();
            t.export(EventQuery.all(), h -> brute.merge(h.entryHash(), 1L, Long::sum));
            String replayed = brute.entrySet().stream().filter(e -> e.getValue() == 2).map(Map.Entry::getKey)
                    .findFirst().orElseThrow();
            List<FacetValue> expected = brute.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(4).map(e -> new FacetValue(e.getKey(), e.getValue())).collect(Collectors.toList());

            assertThat(t.facets(EventQuery.all(), IndexSchema.EVENT_HASH, 4)).isEqualTo(expected);
            assertThat(expected.get(0)).isEqualTo(new FacetValue(replayed, 2));
            assertThat(t.count(EventQuery.of("event.hash:" + replayed))).isEqualTo(2);
        }
    }

    @Test
    void facetsOfTheHashFollowTheQuery() throws Exception {
        List<String> denied = hashesOf("event.outcome:denied");
        assertThat(s.facets(EventQuery.of("event.outcome:denied"), IndexSchema.EVENT_HASH, 3))
                .extracting(FacetValue::value).containsExactlyElementsOf(denied.subList(0, 3));
        assertThat(denied).isSortedAccordingTo(Comparator.naturalOrder());
    }
}
