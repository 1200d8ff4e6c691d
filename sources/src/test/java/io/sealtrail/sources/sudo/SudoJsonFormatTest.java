package io.sealtrail.sources.sudo;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.model.AuditEvent;
import io.sealtrail.model.AuditEvent.Actor;
import io.sealtrail.model.AuditEvent.Outcome;
import io.sealtrail.model.AuditEvent.Source;
import io.sealtrail.model.AuditEvent.Target;
import io.sealtrail.model.AuditEvent.TargetKind;
import io.sealtrail.sources.FormatRun;
import io.sealtrail.sources.Head;
import io.sealtrail.sources.ReadContext;
import io.sealtrail.sources.SourceRecord;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SudoJsonFormatTest {
    private static final SudoJsonFormat FORMAT = new SudoJsonFormat();
    private static final Instant MODIFIED = Instant.parse("2024-01-01T00:00:00Z");
    private static final String UUID = "94109a6eb8-9bed-41ba-0ff1-79926f3947";
    private static final String HOST = "xerxes.sudo.ws";

    private static FormatRun read(String resource) {
        return FormatRun.of(FORMAT, "/sudo-json/" + resource, ReadContext.defaults(), MODIFIED);
    }

    private static FormatRun readText(String text) {
        return FormatRun.ofText(FORMAT, text, ReadContext.defaults(), MODIFIED);
    }

    @Test
    void readsEachRecordOfSudosEventLogObjectWithTheLineItStartsOn() {
        FormatRun run = read("eventlog.json");
        assertThat(run.malformed()).isEmpty();
        assertThat(run.records()).extracting(SourceRecord::line).containsExactly(2L, 38L, 58L, 88L);
        assertThat(run.events()).extracting(AuditEvent::action)
                .containsExactly("command", "sudo.exit", "command", "sudo.alert");
        assertThat(FormatRun.text(run.records().get(1))).startsWith("\"exit\": {").endsWith("\"exit_value\": 1\n    }");
    }

    @Test
    void countsOutcomes() {
        FormatRun run = read("eventlog.json");
        assertThat(run.count(Outcome.SUCCESS)).isEqualTo(1);
        assertThat(run.count(Outcome.FAILURE)).isEqualTo(2);
        assertThat(run.count(Outcome.DENIED)).isEqualTo(1);
    }

    @Test
    void mapsAnAcceptedCommand() {
        AuditEvent e = read("eventlog.json").events().get(0);
        assertThat(e).isEqualTo(new AuditEvent(-1, Instant.parse("2023-03-01T02:44:33.093789768Z"),
                "{\"seconds\":1677638673,\"nanoseconds\":93789768,\"iso8601\":\"20230301024433Z\","
                        + "\"localtime\":\"Tue Feb 28 19:44:33 MST 2023\"}",
                null, "command", Outcome.SUCCESS, null, new Actor("millert", null, List.of()), null,
                new Source("172.30.200.2", null, null), new Target(TargetKind.HOST, HOST, "root", null), UUID,
                "sudo /usr/bin/ci -u aliases\n", null, "sudo-json"));
    }

    @Test
    void mapsTheExitOfThatCommandToItsUuidWithTheExitStatusAsReason() {
        AuditEvent e = read("eventlog.json").events().get(1);
        assertThat(e).isEqualTo(new AuditEvent(-1, Instant.parse("2023-03-01T02:44:35.101Z"),
                "{\"seconds\":1677638675,\"nanoseconds\":101000000,\"iso8601\":\"20230301024435Z\","
                        + "\"localtime\":\"Tue Feb 28 19:44:35 MST 2023\"}",
                null, "sudo.exit", Outcome.FAILURE, "exit status 1", null, null, null, null, UUID, null, null,
                "sudo-json"));
    }

    @Test
    void mapsARejectedCommandAsDeniedWithSudosReason() {
        AuditEvent e = read("eventlog.json").events().get(2);
        assertThat(e).extracting(AuditEvent::outcome, AuditEvent::reason, AuditEvent::command, AuditEvent::target)
                .containsExactly(Outcome.DENIED, "command not allowed", "sudo /usr/bin/vi /etc/shadow",
                        new Target(TargetKind.HOST, HOST, "root", null));
    }

    @Test
    void readsTheIoLogsBareRecordAsTheCommandSudoRan() {
        FormatRun run = read("iolog-id.json");
        assertThat(run.records()).singleElement().extracting(SourceRecord::line).isEqualTo(1L);
        AuditEvent e = run.events().get(0);
        assertThat(e).isEqualTo(new AuditEvent(-1, Instant.parse("2020-10-26T21:13:57.016450063Z"),
                "{\"seconds\":1603746837,\"nanoseconds\":16450063}", null, "command", Outcome.SUCCESS, null,
                new Actor("millert", null, List.of()), null, null, new Target(TargetKind.HOST, HOST, "root", null),
                null, "sudo /usr/bin/id", null, "sudo-json"));
    }

    @Test
    void readsEveryUpstreamSample() {
        for (String f : List.of("eventlog_store-test1.json", "eventlog_store-test2.json", "eventlog_store-test3.json",
                "eventlog_store-test4.json", "iolog-id.json", "iolog-ls.json", "iolog-make.json")) {
            FormatRun run = read(f);
            assertThat(run.events()).as(f).singleElement().satisfies(e -> {
                assertThat(e.user().name()).isEqualTo("millert");
                assertThat(e.command()).startsWith("sudo /");
            });
        }
    }

    @Test
    void aBrokenJsonLineBetweenGoodOnesIsMalformedWithItsLineAndTheOthersAreRead() {
        FormatRun run = readText("""
                {"accept":{"submit_time":{"seconds":1,"nanoseconds":0},"submituser":"a","command":"/bin/ls","runargv":["ls"]}}
                {"accept":{"submit_time":{"seconds":2,"nanoseconds":0},"submituser":"b","comm
                {"reject":{"reason":"command not allowed","submit_time":{"seconds":3,"nanoseconds":0},"submituser":"c","command":"/bin/vi","runargv":["vi"]}}
                not json at all
                {"accept":{"submit_time":{"seconds":4,"nanoseconds":0},"submituser":"d" "command":"/bin/id"}}
                {"accept":{"submit_time":{"seconds":5,"nanoseconds":0},"submituser":"e","command":"/bin/id","runargv":["id"]}}
                """);
        assertThat(run.records()).hasSize(6);
        assertThat(run.malformed()).extracting(SourceRecord::line).containsExactly(2L, 4L, 5L);
        assertThat(FormatRun.text(run.malformed().get(0)))
                .isEqualTo("\"accept\":{\"submit_time\":{\"seconds\":2,\"nanoseconds\":0},\"submituser\":\"b\",\"comm");
        assertThat(run.events()).extracting(e -> e.user().name()).containsExactly("a", "c", "e");
    }

    @Test
    void aRecordCutShortInSudosEventLogLosesOnlyItself() {
        FormatRun run = readText("""
                {
                    "accept": {
                        "submit_time": {
                            "seconds": 1,
                            "nanoseconds": 0
                        },
                        "submituser": "a",
                        "comm
                    "reject": {
                        "reason": "command not allowed",
                        "submit_time": {
                            "seconds": 2,
                            "nanoseconds": 0
                        },
                        "submituser": "b",
                        "command": "/bin/vi"
                    }
                }
                """);
        assertThat(run.malformed()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.problem()).contains("line 9");
        });
        assertThat(run.events()).singleElement().extracting(AuditEvent::outcome, e -> e.user().name())
                .containsExactly(Outcome.DENIED, "b");
    }

    @Test
    void anExitBySignalIsAFailureNamingTheSignal() {
        FormatRun run = readText("{\"exit\":{\"uuid\":\"u1\",\"exit_time\":{\"seconds\":5,\"nanoseconds\":0},"
                + "\"signal\":\"KILL\",\"dumped_core\":false,\"exit_value\":137}}\n");
        assertThat(run.events()).singleElement()
                .extracting(AuditEvent::action, AuditEvent::outcome, AuditEvent::reason, AuditEvent::sessionId)
                .containsExactly("sudo.exit", Outcome.FAILURE, "killed by SIGKILL", "u1");
    }

    @Test
    void aByteOrderMarkBeforeTheFirstRecordIsIgnored() {
        FormatRun run = readText("\uFEFF{\"accept\":{\"submit_time\":{\"seconds\":1,\"nanoseconds\":0},"
                + "\"submituser\":\"a\",\"command\":\"/bin/ls\"}}\n");
        assertThat(run.malformed()).isEmpty();
        assertThat(run.events()).singleElement().extracting(AuditEvent::command).isEqualTo("sudo /bin/ls");
    }

    @Test
    void aRecordWithoutATimeIsMalformed() {
        FormatRun run = readText("{\"accept\":{\"submituser\":\"a\",\"command\":\"/bin/ls\"}}\n");
        assertThat(run.malformed()).singleElement().extracting(SourceRecord::problem).asString()
                .contains("without a time");
    }

    @Test
    void recognisesSudosEventLogItsBareRecordsAndJsonLinesOfRecords() {
        assertThat(FORMAT.recognizes(FormatRun.head("/sudo-json/eventlog.json"))).isTrue();
        assertThat(FORMAT.recognizes(FormatRun.head("/sudo-json/iolog-id.json"))).isTrue();
        assertThat(FORMAT.recognizes(FormatRun.head("/sudo-json/eventlog_store-test1.json"))).isTrue();
        assertThat(FORMAT.recognizes(Head.of("{\"reject\":{\"reason\":\"command not allowed\"}}\n"))).isTrue();
    }

    @Test
    void doesNotRecogniseOtherJsonSourcesNorLineFormats() {
        assertThat(FORMAT.recognizes(Head.of("{\"kind\":\"Event\",\"apiVersion\":\"audit.k8s.io/v1\",\"level\":"
                + "\"Metadata\",\"auditID\":\"1\",\"stage\":\"ResponseComplete\",\"user\":{\"username\":\"a\"}}\n")))
                .isFalse();
        assertThat(FORMAT.recognizes(Head.of("{\"Records\":[{\"eventVersion\":\"1.08\",\"eventSource\":"
                + "\"signin.amazonaws.com\",\"userIdentity\":{\"type\":\"IAMUser\"}}]}"))).isFalse();
        assertThat(FORMAT.recognizes(Head.of("{\"ei\":0,\"event\":\"user.login\",\"code\":\"T1000W\",\"user\":\"a\","
                + "\"success\":false}\n"))).isFalse();
        assertThat(FORMAT.recognizes(FormatRun.head("/syslog/auth-newyear.log"))).isFalse();
        assertThat(FORMAT.recognizes(FormatRun.head("/auditd/login-sudo.log"))).isFalse();
    }
}
