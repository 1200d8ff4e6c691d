package io.sealtrail.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.index.TestBundles.Fixture;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The doc-values result set equals the one computed from exported hits, over two bundles at once. */
class ResultSetTest {
    @TempDir
    static Path dir;
    private static EventSearch search;

    @BeforeAll
    static void open() throws Exception {
        Fixture first = TestBundles.shared();
        Fixture second = TestBundles.fixture(dir, 11, 3_000);
        search = EventSearch.open(List.of(first.index(), second.index()));
    }

    @AfterAll
    static void close() throws Exception {
        search.close();
    }

    private static ResultSet byExport(String q, Instant from, Instant to) throws IndexException {
        List<String> keys = new ArrayList<>();
        Instant[] span = new Instant[2];
        search.export(new EventQuery(q, from, to), h -> {
            keys.add(h.bundleId() + ":" + h.seq());
            if (h.time() != null) {
                span[0] = span[0] == null || h.time().isBefore(span[0]) ? h.time() : span[0];
                span[1] = span[1] == null || h.time().isAfter(span[1]) ? h.time() : span[1];
            }
        });
        return new ResultSet(keys.size(), ResultSet.hash(keys), span[0], span[1]);
    }

    @Test
    void everyQueryOfTheGrammarGivesTheSameResultSetAsTheExportedHits() throws Exception {
        for (String q : List.of("*", "event.outcome:denied", "user.name:zo*", "event.action:command AND NOT target.kind:host",
                "seq:[0 TO 99]", "integrity:verified", "session.id:nosuch")) {
            assertThat(search.resultSet(EventQuery.of(q))).as(q).isEqualTo(byExport(q, null, null));
        }
    }

    @Test
    void theTimeWindowBoundsTheResultSet() throws Exception {
        Instant from = Instant.parse("2026-03-02T08:00:00Z");
        Instant to = Instant.parse("2026-03-02T14:00:00Z");
        ResultSet r = search.resultSet(new EventQuery("*", from, to));
        assertThat(r).isEqualTo(byExport("*", from, to));
        assertThat(r.count()).isPositive();
        assertThat(r.first()).isAfterOrEqualTo(from);
        assertThat(r.last()).isBefore(to);
    }

    @Test
    void anEmptyResultHasTheHashOfNothingAndNoSpan() throws Exception {
        ResultSet r = search.resultSet(EventQuery.of("user.name:nobody-at-all"));
        assertThat(r.count()).isZero();
        assertThat(r.sha256()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(r.first()).isNull();
    }

    @Test
    void seqsAreHashedInTheOrderOfTheirDecimalText() {
        java.util.Random r = new java.util.Random(17);
        for (int round = 0; round < 50; round++) {
            List<Long> seqs = new ArrayList<>(List.of(0L, 1L, 10L, 100L, 19L, 2L, 9L, 99L, 1000000000000000000L,
                    999999999999999999L, Long.MAX_VALUE, 922337203685477580L, Long.MIN_VALUE, -1L, -10L, -2L, 10L));
            for (int i = 0; i < 500; i++) {
                long magnitude = (long) Math.pow(10, r.nextInt(19));
                seqs.add(r.nextInt(40) == 0 ? -Math.floorMod(r.nextLong(), magnitude) : Math.floorMod(r.nextLong(), magnitude));
            }
            java.util.Collections.shuffle(seqs, r);
            long[] a = seqs.stream().mapToLong(Long::longValue).toArray();
            java.security.MessageDigest md = io.sealtrail.verify.merkle.Sha256.newDigest();

            ResultSet.hashInTextOrder("b-1:".getBytes(java.nio.charset.StandardCharsets.UTF_8), a, a.length, md);

            assertThat(java.util.HexFormat.of().formatHex(md.digest()))
                    .isEqualTo(ResultSet.hash(seqs.stream().map(q -> "b-1:" + q).toList()));
        }
    }
}
