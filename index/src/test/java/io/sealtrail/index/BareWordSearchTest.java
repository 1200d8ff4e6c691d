package io.sealtrail.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.index.TestBundles.Fixture;
import io.sealtrail.model.AuditEvent;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A bare word finds the names and paths it is part of (schema version 5, {@link WordAnalyzer}). */
class BareWordSearchTest {
    private static Fixture fixture;
    private static EventSearch search;

    @BeforeAll
    static void open() throws Exception {
        fixture = TestBundles.shared();
        search = EventSearch.open(List.of(fixture.index()));
    }

    @AfterAll
    static void close() throws Exception {
        search.close();
    }

    /** Events whose catch-all values (docs/index-schema.md, field {@code text}) have these words in a row. */
    private static long brute(String... words) {
        Pattern p = Pattern.compile("(?<![\\p{L}\\p{N}])" + String.join("[^\\p{L}\\p{N}]+", words) + "(?![\\p{L}\\p{N}])");
        return fixture.rows().stream().map(TestBundles.Row::event).filter(e -> catchAll(e).anyMatch(
                v -> p.matcher(v.toLowerCase(Locale.ROOT)).find())).count();
    }

    private static Stream<String> catchAll(AuditEvent e) {
        return Stream.of(e.action(), e.reason(), e.user() == null ? null : e.user().name(),
                e.target() == null ? null : e.target().name(), e.command(), e.query()).filter(v -> v != null);
    }

    @Test
    void firstNameFindsTheDottedUserName() throws Exception {
        long byUser = search.count(EventQuery.of("user.name:kavya.reddy"));
        assertThat(byUser).isPositive();
        assertThat(search.count(EventQuery.of("kavya"))).isEqualTo(brute("kavya")).isGreaterThanOrEqualTo(byUser);
    }

    @Test
    void wholeDottedNameStillFindsTheUser() throws Exception {
        assertThat(search.count(EventQuery.of("kavya.reddy"))).isEqualTo(brute("kavya", "reddy"))
                .isGreaterThanOrEqualTo(search.count(EventQuery.of("user.name:kavya.reddy"))).isPositive();
    }

    @Test
    void startOfAHostNameFindsItsTargets() throws Exception {
        long one = search.count(EventQuery.of("target.name:prod-db-01"));
        assertThat(one).isPositive();
        assertThat(search.count(EventQuery.of("prod-db"))).isEqualTo(brute("prod", "db"))
                .isGreaterThan(one); // prod-db-02 too
    }

    @Test
    void hyphenatedWordsMatchInOrderNotAnywhere() throws Exception {
        assertThat(search.count(EventQuery.of("db-prod"))).isEqualTo(brute("db", "prod"))
                .isLessThan(search.count(EventQuery.of("db prod")));
    }

    @Test
    void fileNameFindsTheCommandThatTouchedIt() throws Exception {
        long shadow = fixture.rows().stream().filter(r -> r.event().command() != null
                && r.event().command().contains("/etc/shadow")).count();
        assertThat(shadow).isPositive();
        assertThat(search.count(EventQuery.of("shadow"))).isEqualTo(brute("shadow")).isGreaterThanOrEqualTo(shadow);
    }

    @Test
    void lastNameFindsTheUserInAnyCase() throws Exception {
        assertThat(search.count(EventQuery.of("REDDY"))).isEqualTo(brute("reddy")).isPositive();
    }
}
