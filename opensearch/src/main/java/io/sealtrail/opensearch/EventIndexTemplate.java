package io.sealtrail.opensearch;

import io.sealtrail.index.IndexSchema;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.mapping.DynamicMapping;
import org.opensearch.client.opensearch._types.mapping.Property;
import org.opensearch.client.opensearch._types.mapping.TypeMapping;
import org.opensearch.client.opensearch.indices.IndexSettings;

/**
 * The index template Sealtrail puts before it sends a bundle's events: the local schema's fields with the same
 * types and the same analysis (docs/index-schema.md), so one query means the same on both engines.
 * <ul>
 *   <li>Keyword fields are {@code keyword}s, matched whole and case-sensitively; {@code event.hash} too, with all 64
 *       hex digits (locally it is a point of its first 8 bytes checked against the line: the same answers).</li>
 *   <li>Text fields use {@code sealtrail_words}: each of {@code . - _ / @ :} replaced by a space, Unicode's word
 *       boundaries (the standard tokenizer, 255 characters at most per word, as Lucene's), lower-cased: the local
 *       WordAnalyzer, step for step. No norms: results are sorted, never scored.</li>
 *   <li>{@code command.keyword} and {@code query.keyword} are keyword sub-fields of {@code command} and {@code query}
 *       (a field name cannot be both a leaf and an object here).</li>
 *   <li>{@code time} is a {@code long} of epoch microseconds, as locally (a {@code date} holds milliseconds).</li>
 *   <li>The line itself is {@code event.original}, stored and not searchable; the catch-all {@code text} is searchable
 *       and not stored. Unknown fields are refused ({@code dynamic: strict}).</li>
 * </ul>
 */
final class EventIndexTemplate {
    static final String ANALYZER = "sealtrail_words";
    private static final String SEPARATORS = "sealtrail_separators";
    /** Bumped with {@link IndexSchema#VERSION} or any change here; the template's name carries it. */
    static final int VERSION = IndexSchema.VERSION;
    /**
     * Longer commands and queries are left out of their keyword sub-field: OpenSearch cannot cut them at 8 KiB of
     * UTF-8 as the local index does, and a term over 32 KiB would be refused (8,192 characters are at most 24 KiB).
     * Every ASCII value the local index keeps whole is kept whole here too.
     */
    static final int KEYWORD_CHARS = IndexSchema.MAX_KEYWORD_BYTES;

    private EventIndexTemplate() {
    }

    /**
     * Puts (or replaces) the template for indices named {@code prefix-events-*}: only the events' indices, so that
     * prefixes where one starts the other ({@code sealtrail}, {@code sealtrail-team2}) do not give one index two
     * templates of the same priority, which OpenSearch refuses.
     */
    static void put(OpenSearchClient client, String prefix, int shards) throws IOException {
        client.indices().putIndexTemplate(r -> r
                .name(prefix + "-events-v" + VERSION)
                .indexPatterns(prefix + "-events-*")
                .priority(100)
                .template(t -> t.settings(settings(shards)).mappings(mapping())));
    }

    static IndexSettings settings(int shards) {
        return IndexSettings.of(s -> s
                .numberOfShards(Integer.toString(shards))
                .analysis(a -> a
                        .charFilter(SEPARATORS, c -> c.definition(d -> d.mapping(m -> m.mappings(
                                List.of(". => \\u0020", "- => \\u0020", "_ => \\u0020", "/ => \\u0020",
                                        "@ => \\u0020", ": => \\u0020")))))
                        .analyzer(ANALYZER, an -> an.custom(c -> c.tokenizer("standard").charFilter(SEPARATORS)
                                .filter("lowercase")))));
    }

    static TypeMapping mapping() {
        Map<String, Property> p = new LinkedHashMap<>();
        for (String f : IndexSchema.KEYWORD_FIELDS) {
            if (!f.equals(IndexSchema.COMMAND_KEYWORD) && !f.equals(IndexSchema.QUERY_KEYWORD)) {
                p.put(f, Property.of(x -> x.keyword(k -> k)));
            }
        }
        for (String f : IndexSchema.TEXT_FIELDS) {
            boolean withKeyword = f.equals(IndexSchema.COMMAND) || f.equals(IndexSchema.QUERY);
            p.put(f, Property.of(x -> x.text(t -> {
                t.analyzer(ANALYZER).norms(false);
                if (withKeyword) {
                    t.fields("keyword", k -> k.keyword(kw -> kw.ignoreAbove(KEYWORD_CHARS)));
                }
                return t;
            })));
        }
        for (String f : IndexSchema.LONG_FIELDS) {
            p.put(f, Property.of(x -> x.long_(l -> l)));
        }
        for (String f : IndexSchema.INT_FIELDS) {
            p.put(f, Property.of(x -> x.integer(i -> i)));
        }
        p.put(EventDocuments.ORIGINAL, Property.of(x -> x.keyword(k -> k.index(false).docValues(false))));
        return TypeMapping.of(m -> m.dynamic(DynamicMapping.Strict).properties(p)
                .source(s -> s.excludes(IndexSchema.TEXT)));
    }
}
