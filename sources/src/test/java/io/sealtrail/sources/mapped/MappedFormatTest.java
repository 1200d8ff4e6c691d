package io.sealtrail.sources.mapped;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.sealtrail.model.AuditEvent;
import io.sealtrail.model.AuditEvent.Actor;
import io.sealtrail.model.AuditEvent.Auth;
import io.sealtrail.model.AuditEvent.Outcome;
import io.sealtrail.model.AuditEvent.Source;
import io.sealtrail.model.AuditEvent.Target;
import io.sealtrail.model.AuditEvent.TargetKind;
import io.sealtrail.sources.ReadContext;
import io.sealtrail.sources.Samples;
import io.sealtrail.sources.SourceRecord;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedFormatTest {
    private final MappedFormat format = new MappedFormat();

    @TempDir
    Path tmp;

    private static ReadContext mapping(String resource) {
        try {
            return new ReadContext(null, null, Path.of(MappedFormatTest.class.getResource("/" + resource).toURI()),
                    f -> { });
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private ReadContext mappingText(String text) throws IOException {
        Path p = tmp.resolve("mapping.properties");
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return new ReadContext(null, null, p, f -> { });
    }

    private List<SourceRecord> okta() throws IOException {
        return Samples.read(format, "jsonl-mapped/okta-system-log.jsonl",
                mapping("jsonl-mapped/okta-system-log.properties"));
    }

    private List<SourceRecord> bastion() throws IOException {
        return Samples.read(format, "jsonl-mapped/bastion-sessions.csv",
                mapping("jsonl-mapped/bastion-sessions.properties"));
    }

    private static final String MINIMAL = "format = jsonl\ntime = t\naction = a\noutcome = o\n"
            + "outcome.success = ok\n";

    @Test
    void readsTheWorkedOktaExampleAndReportsTheUnlistedChallengeAsMalformed() throws IOException {
        List<SourceRecord> records = okta();

        assertThat(records).extracting(SourceRecord::line, SourceRecord::isMalformed).containsExactly(
                tuple(1L, false), tuple(2L, false), tuple(3L, false), tuple(4L, false), tuple(5L, true),
                tuple(6L, false));
        assertThat(records.get(4).problem()).isEqualTo("outcome \"CHALLENGE\" is listed in none of"
                + " outcome.success, outcome.failure and outcome.denied");
    }

    @Test
    void countsOktaOutcomesByTheMappingsLists() throws IOException {
        Map<Outcome, Long> outcomes = okta().stream().filter(r -> !r.isMalformed())
                .collect(Collectors.groupingBy(r -> r.event().outcome(), Collectors.counting()));

        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(
                Map.of(Outcome.SUCCESS, 3L, Outcome.FAILURE, 1L, Outcome.DENIED, 1L));
    }

    @Test
    void mapsOktaFieldsThroughDottedPathsAndConstants() throws IOException {
        assertThat(okta().get(0).event()).isEqualTo(new AuditEvent(-1, Instant.parse("2026-03-02T07:59:00.123Z"),
                "2026-03-02T07:59:00.123Z", null, "user.session.start", Outcome.SUCCESS, null,
                new Actor("alice@acme.example", "00u1a2b3c4d5e6f7g8h9", List.of()), new Auth("PASSWORD", null),
                new Source("198.51.100.23", null, "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/537.36"
                        + " (KHTML, like Gecko) Chrome/126.0 Safari/537.36"),
                new Target(TargetKind.APPLICATION, null, null, null), "102xYzAbC", null, null, "jsonl-mapped"));
    }

    @Test
    void mapsAnOktaDenialWithTheTargetFromTheFirstArrayElement() throws IOException {
        assertThat(okta().get(5).event()).isEqualTo(new AuditEvent(-1, Instant.parse("2026-03-02T08:05:00Z"),
                "2026-03-02T08:05:00Z", null, "app.generic.unauth_app_access_attempt", Outcome.DENIED,
                "User not assigned to app", new Actor("mallory@acme.example", "00u9z8y7x6", List.of()), null,
                new Source("192.0.2.66", null, "curl/8.5.0"),
                new Target(TargetKind.APPLICATION, "Payroll", null, null), null, null, null, "jsonl-mapped"));
    }

    @Test
    void readsCsvRecordsWithQuotesAndALineBreakInsideAField() throws IOException {
        List<SourceRecord> records = bastion();

        assertThat(records).extracting(SourceRecord::line, SourceRecord::isMalformed).containsExactly(
                tuple(2L, false), tuple(3L, false), tuple(4L, false), tuple(6L, false), tuple(7L, true));
        assertThat(new String(records.get(2).raw(), StandardCharsets.UTF_8)).isEqualTo(
                "1772438520000,mallory,,192.0.2.66,60001,db-prod-1,root,s-02,blocked,\"policy: root login from\n"
                        + "outside the VPN\",ssh root@db-prod-1");
        assertThat(records.get(4).problem()).isEqualTo("outcome \"maybe\" is listed in none of outcome.success,"
                + " outcome.failure and outcome.denied");
    }

    @Test
    void mapsEveryFieldOfACsvRecord() throws IOException {
        assertThat(bastion().get(0).event()).isEqualTo(new AuditEvent(-1, Instant.parse("2026-03-02T08:00:00Z"),
                "1772438400000", null, "command", Outcome.SUCCESS, null,
                new Actor("alice", null, List.of("ops", "dba")), null, new Source("198.51.100.23", 51234, null),
                new Target(TargetKind.HOST, "db-prod-1", "postgres", null), "s-01",
                "psql -c \"SELECT count(*) FROM payments\"", null, "jsonl-mapped"));
    }

    @Test
    void keepsALineBreakInsideAQuotedCsvFieldInTheValue() throws IOException {
        AuditEvent e = bastion().get(2).event();

        assertThat(e.reason()).isEqualTo("policy: root login from\noutside the VPN");
        assertThat(e.outcome()).isEqualTo(Outcome.DENIED);
        assertThat(e.user()).isEqualTo(new Actor("mallory", null, List.of()));
        assertThat(e.time()).isEqualTo(Instant.parse("2026-03-02T08:02:00Z"));
    }

    @Test
    void aBrokenLineBetweenGoodOnesIsCountedWithItsLineNumberAndTheOthersAreRead() throws IOException {
        String text = "{\"t\":\"2026-03-02T08:00:00Z\",\"a\":\"login\",\"o\":\"ok\"}\n"
                + "{\"t\":\"2026-03-02T08:00:01Z\",\"a\":\n"
                + "{\"t\":\"2026-03-02T08:00:02Z\",\"a\":\"login\",\"o\":\"ok\"}\n";

        List<SourceRecord> records = Samples.readText(format, text, mappingText(MINIMAL));

        assertThat(records).extracting(SourceRecord::line, SourceRecord::isMalformed)
                .containsExactly(tuple(1L, false), tuple(2L, true), tuple(3L, false));
    }

    @Test
    void aCsvRecordWithTheWrongNumberOfFieldsIsMalformed() throws IOException {
        ReadContext ctx = mappingText("format = csv\ntime = t\naction = a\noutcome = \"success\"\n");

        List<SourceRecord> records = Samples.readText(format, "t,a\n2026-03-02T08:00:00Z,login,extra\n"
                + "2026-03-02T08:00:01Z,login\n", ctx);

        assertThat(records).extracting(SourceRecord::line, SourceRecord::problem).containsExactly(
                tuple(2L, "record has 3 fields, the header 2"), tuple(3L, null));
    }

    @Test
    void readsEpochSecondsWithAFraction() throws IOException {
        ReadContext ctx = mappingText(MINIMAL.replace("time = t\n", "time = t\ntime.format = epoch-seconds\n"));

        List<SourceRecord> records = Samples.readText(format, "{\"t\":1772438400.25,\"a\":\"x\",\"o\":\"ok\"}\n",
                ctx);

        assertThat(records.get(0).event().time()).isEqualTo(Instant.parse("2026-03-02T08:00:00.250Z"));
        assertThat(records.get(0).event().timeText()).isEqualTo("1772438400.25");
    }

    @Test
    void takesAKeyWithDotsWholeBeforeSplittingThePath() throws IOException {
        ReadContext ctx = mappingText(MINIMAL + "source.ip = addr.remote\nuser.name = who.name\n");

        List<SourceRecord> records = Samples.readText(format, "{\"t\":\"2026-03-02T08:00:00Z\",\"a\":\"x\","
                + "\"o\":\"ok\",\"addr.remote\":\"192.0.2.1\",\"who\":{\"name\":\"ann\"}}\n", ctx);

        assertThat(records.get(0).event().source().ip()).isEqualTo("192.0.2.1");
        assertThat(records.get(0).event().user().name()).isEqualTo("ann");
    }

    @Test
    void aTimeThatDoesNotFitTheFormatIsMalformed() throws IOException {
        List<SourceRecord> records = Samples.readText(format, "{\"t\":\"yesterday\",\"a\":\"x\",\"o\":\"ok\"}\n",
                mappingText(MINIMAL));

        assertThat(records.get(0).problem()).isEqualTo("time \"yesterday\" is not an RFC 3339 time with a zone");
    }

    @Test
    void readsPanthersOktaCopyWithAPatternAndZoneAndCountsWhatItCannotRead() throws IOException {
        List<SourceRecord> records = Samples.read(format, "jsonl-mapped/okta_systemlog-panther.jsonl",
                mapping("jsonl-mapped/okta-panther.properties"));

        assertThat(records).hasSize(74);
        assertThat(records.stream().filter(r -> !r.isMalformed())).hasSize(23);
        Map<String, Long> why = records.stream().filter(SourceRecord::isMalformed).collect(Collectors.groupingBy(
                r -> r.problem().replaceAll("\".*\"", "\"…\""), Collectors.counting()));
        assertThat(why).containsExactlyInAnyOrderEntriesOf(Map.of(
                "no action (eventType)", 32L, // the lines that spell it "eventtype"
                "no time (published)", 12L,
                "time \"…\" is not a time in the pattern yyyy-MM-dd HH:mm:ss[.SSSSSSSSS][.SSSSSS][.SSS]", 4L,
                "no outcome (outcome.result)", 3L));
    }

    @Test
    void isNeverRecognisedFromContent() {
        assertThat(format.recognizes(Samples.headOfResource("jsonl-mapped/okta-system-log.jsonl"))).isFalse();
        assertThat(format.recognizes(Samples.headOfResource("jsonl-mapped/bastion-sessions.csv"))).isFalse();
    }

    @Test
    void withoutAMappingReadingIsAUsageError() {
        assertThatThrownBy(() -> Samples.readText(format, "{}\n")).isInstanceOf(MappingException.class)
                .hasMessage("the jsonl-mapped format needs a mapping file (--mapping FILE)");
    }

    @Test
    void aCsvMappingNamingAColumnTheHeaderLacksIsAUsageError() throws IOException {
        ReadContext ctx = mappingText("format = csv\ntime = t\naction = act\noutcome = \"success\"\n");

        assertThatThrownBy(() -> Samples.readText(format, "t,a\n2026-03-02T08:00:00Z,x\n", ctx))
                .isInstanceOf(MappingException.class)
                .hasMessage("test.jsonl: the mapping names column(s) [act] that the header row does not have;"
                        + " it has [t, a]");
    }
}
