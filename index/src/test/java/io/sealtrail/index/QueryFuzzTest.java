package io.sealtrail.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sealtrail.testing.FuzzBounds;
import io.sealtrail.verify.BundleVerifier;
import io.sealtrail.verify.VerificationReport;
import io.sealtrail.verify.VerifyOptions;
import io.sealtrail.verify.note.VerifierKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the query language (docs/testing.md, "Fuzzing"): whatever is typed into the search box, a search answers
 * or says what is wrong with an {@link IndexException} and a sentence, never another exception, on an index of the
 * conformance kit's valid bundle. The seeds are queries of the user guide's kinds (fields, ranges, phrases,
 * wildcards, negation, hashes).
 */
@Timeout(10) // per input; read by Jazzer as libFuzzer's -timeout too (docs/testing.md, "Fuzzing")
class QueryFuzzTest {
    private static final Path VALID = Path.of("../docs/conformance/valid");
    /**
     * A search does more than read its query: a fuzzy, wildcard or regular-expression term becomes a Lucene automaton
     * (a 30-character fuzzy term took 21 MB when fuzzing), whose size Lucene caps by its determinization limit and
     * which grows with the term. So a search's bound is its own: 64 MiB and 16 KiB per byte of the query.
     */
    static final long SEARCH_FIXED_BYTES = 64L << 20;
    static final long SEARCH_PER_QUERY_BYTE = 16L << 10;
    private static Path root;
    private static EventSearch search;

    @BeforeAll
    static void indexValidBundle() throws Exception {
        root = Files.createTempDirectory("sealtrail-query-fuzz-");
        Path bundle = VALID.resolve("bundle");
        VerifierKey key = VerifierKey.parse(Files.readString(VALID.resolve("trusted.vkey")).strip());
        VerificationReport report = new BundleVerifier().verify(bundle, VerifyOptions.trusting(List.of(key)));
        IndexBuilder.build(bundle, report, root.resolve("index"), IndexBuilder.Progress.NONE, () -> false);
        search = EventSearch.open(List.of(root.resolve("index")));
        assertThat(search.count(EventQuery.all())).isEqualTo(6);
        // the parser's and the searcher's classes are loaded once, not counted against any input
        search.search(EventQuery.of("user.name:alice AND seq:[1 TO 3]"), 10, null);
        search.search(EventQuery.all(), 10, null);
    }

    @AfterAll
    static void close() throws Exception {
        search.close();
        IndexFiles.deleteTree(root);
    }

    @FuzzTest(maxDuration = "60s")
    void aQueryIsAnsweredOrRefusedInASentence(byte[] typed) {
        String text = new String(typed, StandardCharsets.UTF_8);
        FuzzBounds bounds = FuzzBounds.start(typed.length, SEARCH_FIXED_BYTES, SEARCH_PER_QUERY_BYTE);
        try {
            EventQuery query = EventQuery.of(text);
            long count = search.count(query);
            assertThat(search.search(query, 10, null).hits()).hasSizeLessThanOrEqualTo((int) Math.min(10, count));
        } catch (IndexException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
        bounds.check();
    }
}
