package io.sealtrail.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.index.TestBundles.Fixture;
import io.sealtrail.index.TestBundles.Row;
import io.sealtrail.model.AuditEvent;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The query language's documented forms (docs/index-schema.md), each against a count by hand. */
class QuerySyntaxTest {
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

    private static long brute(Predicate<AuditEvent> p) {
        return fixture.rows().stream().filter(r -> p.test(r.event())).count();
    }

    private static long count(String q) throws IndexException {
        return search.count(EventQuery.of(q));
    }

    @Test
    void emptyQueryAndStarMeanAll() throws Exception {
        assertThat(count("")).isEqualTo(TestBundles.EVENTS);
        assertThat(count("*")).isEqualTo(TestBundles.EVENTS);
        assertThat(count("*:*")).isEqualTo(TestBundles.EVENTS);
    }

    @Test
    void dateOnlyRangeMeansUtcMidnight() throws Exception {
        assertThat(count("time:[2026-03-02 TO 2026-03-03]")).isEqualTo(brute(e -> e.time().toString().startsWith("2026-03-02")));
        assertThat(count("time:{2026-03-01 TO 2026-03-02}")).isZero();
    }

    @Test
    void instantRangeHonoursInclusiveAndExclusiveEnds() throws Exception {
        Row r = fixture.rows().get(777);
        String t = r.event().time().toString();
        long atT = brute(e -> e.time().equals(r.event().time()));
        assertThat(count("time:[" + t + " TO " + t + "]")).isEqualTo(atT).isPositive();
        assertThat(count("time:{" + t + " TO " + t + "]")).isZero();
        assertThat(count("time:[" + t + " TO *]")).isEqualTo(brute(e -> !e.time().isBefore(r.event().time())));
        assertThat(count("time:\"" + t + "\"")).isEqualTo(atT);
    }

    @Test
    void seqRangeIsInclusive() throws Exception {
        assertThat(count("seq:[100 TO 200]")).isEqualTo(101);
        assertThat(count("seq:{100 TO 200}")).isEqualTo(99);
    }

    @Test
    void openEndedPortRange() throws Exception {
        assertThat(count("source.port:[1024 TO *]")).isEqualTo(
                brute(e -> e.source() != null && e.source().port() != null && e.source().port() >= 1024)).isPositive();
    }

    @Test
    void notAloneMeansEverythingElse() throws Exception {
        assertThat(count("NOT event.outcome:success")).isEqualTo(brute(e -> e.outcome() != AuditEvent.Outcome.SUCCESS))
                .isPositive();
    }

    @Test
    void termsSideBySideMeanAnd() throws Exception {
        assertThat(count("event.action:login event.outcome:failure")).isEqualTo(
                brute(e -> e.action().equals("login") && e.outcome() == AuditEvent.Outcome.FAILURE));
    }

    @Test
    void leadingWildcardIsAllowed() throws Exception {
        assertThat(count("user.name:*ller")).isEqualTo(
                brute(e -> e.user() != null && e.user().name().endsWith("ller"))).isPositive();
    }

    @Test
    void phraseQueryOnAnalysedCommand() throws Exception {
        assertThat(count("command:\"kubectl logs\"")).isEqualTo(
                brute(e -> e.command() != null && e.command().toLowerCase().contains("kubectl logs"))).isPositive();
    }

    @Test
    void commandKeywordMatchesTheWholeCommandExactly() throws Exception {
        String cmd = fixture.rows().stream().map(Row::event).filter(e -> e.command() != null).findFirst()
                .orElseThrow().command();
        assertThat(count("command.keyword:\"" + cmd.replace("\"", "\\\"") + "\"")).isEqualTo(
                brute(e -> cmd.equals(e.command())));
    }

    @Test
    void freeTextSearchesTheCatchAllField() throws Exception {
        assertThat(count("PAYMENTS")).isEqualTo(brute(e -> (e.target() != null && e.target().name() != null
                && e.target().name().contains("payments")) || (e.command() != null && e.command().contains("payments"))
                || (e.query() != null && e.query().toLowerCase().matches("(?s)(.*[^a-z0-9])?payments([^a-z0-9].*)?")) // _ splits words too
                || (e.reason() != null && e.reason().contains("payments")))).isPositive();
    }

    @Test
    void keywordMatchIsCaseSensitive() throws Exception {
        assertThat(count("event.outcome:DENIED")).isZero();
        assertThat(count("event.outcome:denied")).isPositive();
    }

    /** docs/index-schema.md's examples, each against the count found by reading every event. */
    @Test
    void documentedExamplesCountExactlyTheEventsTheyDescribe() throws Exception {
        assertThat(count("event.outcome:denied")).isEqualTo(brute(e -> e.outcome() == AuditEvent.Outcome.DENIED))
                .isPositive();
        assertThat(count("event.action:login event.outcome:failure auth.mfa:false")).isEqualTo(brute(e ->
                e.action().equals("login") && e.outcome() == AuditEvent.Outcome.FAILURE && e.auth() != null
                        && Boolean.FALSE.equals(e.auth().mfa())));
        assertThat(count("target.name:payments-db")).isEqualTo(brute(e -> e.target() != null
                && "payments-db".equals(e.target().name()))).isPositive();
        assertThat(count("query:(drop OR truncate OR delete)")).isEqualTo(brute(e -> e.query() != null
                && e.query().toLowerCase().matches("(?s).*\\b(drop|truncate|delete)\\b.*"))).isPositive();
        assertThat(count("target.kind:host target.account:root target.name:prod-*")).isEqualTo(brute(e ->
                e.target() != null && e.target().kind() == AuditEvent.TargetKind.HOST && "root".equals(e.target().account())
                        && e.target().name() != null && e.target().name().startsWith("prod-"))).isPositive();
        assertThat(count("integrity:broken")).as("an untouched bundle").isZero();
        String session = fixture.rows().stream().map(Row::event).filter(e -> e.sessionId() != null).findFirst()
                .orElseThrow().sessionId();
        assertThat(count("session.id:" + session)).isEqualTo(brute(e -> session.equals(e.sessionId()))).isPositive();
        Instant eight = Instant.parse("2026-03-02T08:00:00Z");
        Instant nine = Instant.parse("2026-03-02T09:00:00Z");
        assertThat(count("time:[2026-03-02T08:00:00Z TO 2026-03-02T09:00:00Z}")).isEqualTo(brute(e ->
                !e.time().isBefore(eight) && e.time().isBefore(nine))).isPositive();
        assertThat(count("time:2026-03-02")).isEqualTo(brute(e -> e.time().toString().startsWith("2026-03-02")))
                .isPositive();
        assertThat(count("source.ip:100.64.*")).isEqualTo(brute(e -> e.source() != null && e.source().ip() != null
                && e.source().ip().startsWith("100.64."))).isPositive();
        assertThat(count("event.reason:\"no role\"")).isEqualTo(brute(e -> e.reason() != null
                && e.reason().toLowerCase().matches("(?s).*\\bno role\\b.*"))).isPositive();
    }

    /** A purely negative clause inside OR means "every event but", as it does alone. */
    @Test
    void negativeClauseInsideOrMeansEverythingElse() throws Exception {
        assertThat(count("event.outcome:denied OR (NOT event.action:login)")).isEqualTo(brute(e ->
                e.outcome() == AuditEvent.Outcome.DENIED || !e.action().equals("login")))
                .isLessThan(TestBundles.EVENTS);
        // the documented form, on free text: everything except the events with b but not a
        assertThat(count("a OR (NOT b)")).isEqualTo(TestBundles.EVENTS - count("b AND NOT a"))
                .isEqualTo(count("NOT b") + count("a AND b"));
    }
}
