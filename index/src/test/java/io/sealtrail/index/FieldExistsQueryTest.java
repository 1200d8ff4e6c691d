package io.sealtrail.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.index.TestBundles.Fixture;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;

/** {@code field:*} on a keyword field reads doc values instead of every term, and matches the same events. */
class FieldExistsQueryTest {

    @Test
    void everyKeywordFieldMatchesWhatTheWildcardOverItsTermsMatched() throws Exception {
        Fixture f = TestBundles.shared();
        int partial = 0;
        try (var d = FSDirectory.open(f.index()); var r = DirectoryReader.open(d)) {
            IndexSearcher s = new IndexSearcher(r);
            for (String field : IndexSchema.KEYWORD_FIELDS) {
                if (field.equals(IndexSchema.EVENT_HASH)) {
                    continue; // a point, not a term: event.hash:* is every event (EntryHashSearchTest)
                }
                int byTerms = s.count(new WildcardQuery(new Term(field, "*")));
                int parsed = s.count(EventQueryParser.parseQuery(field + ":*"));
                assertThat(parsed).as(field).isEqualTo(byTerms);
                partial += byTerms > 0 && byTerms < r.numDocs() ? 1 : 0;
            }
        }
        assertThat(partial).as("fields that some events have and others lack").isGreaterThan(0);
    }

    @Test
    void aKeywordFieldWildcardAloneIsAnExistsQuery() throws Exception {
        assertThat(EventQueryParser.parseQuery("user.name:*")).isInstanceOf(FieldExistsQuery.class);
    }

    @Test
    void aTextFieldWildcardStillVisitsItsTerms() throws Exception {
        assertThat(EventQueryParser.parseQuery("command:*")).isNotInstanceOf(FieldExistsQuery.class);
    }
}
