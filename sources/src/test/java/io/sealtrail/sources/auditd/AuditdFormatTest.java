package io.sealtrail.sources.auditd;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.model.AuditEvent;
import io.sealtrail.model.AuditEvent.Actor;
import io.sealtrail.model.AuditEvent.Auth;
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
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AuditdFormatTest {
    private static final AuditdFormat FORMAT = new AuditdFormat();
    private static final Instant MODIFIED = Instant.parse("2024-01-01T00:00:00Z");

    private static FormatRun read(String resource) {
        return FormatRun.of(FORMAT, "/auditd/" + resource, ReadContext.defaults(), MODIFIED);
    }

    private static FormatRun readText(String text) {
        return FormatRun.ofText(FORMAT, text, ReadContext.defaults(), MODIFIED);
    }

    @Test
    void groupsTheRecordsOfOneAuditIdIntoOneEventInTheOrderOfTheirFirstLine() {
        FormatRun run = read("login-sudo.log");
        assertThat(run.malformed()).isEmpty();
        assertThat(run.records()).extracting(SourceRecord::line)
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 11L, 16L, 19L, 21L, 22L);
    }

    @Test
    void countsOutcomesFromResAndSuccessWithAnAccessRefusedSyscallAsDenied() {
        FormatRun run = read("login-sudo.log");
        assertThat(run.count(Outcome.SUCCESS)).isEqualTo(12);
        assertThat(run.count(Outcome.FAILURE)).isEqualTo(1);
        assertThat(run.count(Outcome.DENIED)).isEqualTo(1);
    }

    @Test
    void mapsAnSshdAuthenticationBeforeLoginWithAcctAsTheUser() {
        AuditEvent e = read("login-sudo.log").events().get(0);
        assertThat(e).isEqualTo(new AuditEvent(-1, Instant.parse("2023-11-14T22:13:20.123Z"), "1700000000.123", null,
                "login", Outcome.SUCCESS, null, new Actor("alice", null, List.of()),
                new Auth("PAM:authentication", null), new Source("10.0.0.5", null, null),
                new Target(TargetKind.HOST, null, "alice", null), null, null, null, "auditd"));
    }

    @Test
    void mapsSudosUserCmdWithItsHexEncodedCommandDecodedAndPrefixedWithSudo() {
        AuditEvent e = read("login-sudo.log").events().get(7);
        assertThat(e).isEqualTo(new AuditEvent(-1, Instant.parse("2023-11-14T22:15:00.010Z"), "1700000100.010", null,
                "command", Outcome.SUCCESS, null, new Actor(null, "1000", List.of()), null, null,
                new Target(TargetKind.HOST, null, null, null), "7", "sudo cat /etc/shadow", null, "auditd"));
    }

    @Test
    void mapsAnExecSyscallWithItsExecveArgumentsAsCommandTheEffectiveUserAsAccountAndEveryLineAsRaw() {
        FormatRun run = read("login-sudo.log");
        SourceRecord r = run.records().get(8);
        assertThat(r.event()).isEqualTo(new AuditEvent(-1, Instant.parse("2023-11-14T22:15:00.020Z"),
                "1700000100.020", null, "command", Outcome.SUCCESS, null, new Actor(null, "1000", List.of()), null,
                null, new Target(TargetKind.HOST, null, "0", null), "7", "cat /etc/shadow", null, "auditd"));
        assertThat(FormatRun.text(r).lines().toList()).hasSize(6)
                .allMatch(l -> l.contains("msg=audit(1700000100.020:472)"));
    }

    @Test
    void decodesAHexEncodedExecveArgument() {
        AuditEvent e = read("login-sudo.log").events().get(10);
        assertThat(e.command()).isEqualTo("bash -c echo hi there\n");
    }

    @Test
    void aFailedSyscallRefusedWithEaccesIsDeniedWithTheExitAsReason() {
        AuditEvent e = read("login-sudo.log").events().get(11);
        assertThat(e.action()).isEqualTo("auditd.syscall.2");
        assertThat(e.outcome()).isEqualTo(Outcome.DENIED);
        assertThat(e.reason()).isEqualTo("exit=-13");
    }

    @Test
    void anAccountManagementRecordNamesTheManagedAccountAsTargetAndTheWholeOpValue() {
        AuditEvent e = read("login-sudo.log").events().get(12);
        assertThat(e.action()).isEqualTo("auditd.add_user");
        assertThat(e.target().account()).isEqualTo("bob");
        assertThat(e.user()).isEqualTo(new Actor(null, "1000", List.of()));
    }

    @Test
    void theNodePrefixNamesTheTargetHost() {
        AuditEvent e = read("login-sudo.log").events().get(13);
        assertThat(e.action()).isEqualTo("session.end");
        assertThat(e.target()).isEqualTo(new Target(TargetKind.HOST, "web1", "alice", null));
    }

    @Test
    void anEnrichedRecordWhoseSeparatorWasLostStillGivesTheLoginUsersName() {
        FormatRun run = read("auditd-suid-crash.log");
        assertThat(run.malformed()).isEmpty();
        assertThat(run.events()).hasSize(3);
        AuditEvent su = run.events().get(1);
        assertThat(su.action()).isEqualTo("command");
        assertThat(su.command()).isEqualTo("/usr/bin/su --help");
        assertThat(su.user()).isEqualTo(new Actor("bui", "1000", List.of()));
        assertThat(su.target().account()).isEqualTo("root");
        AuditEvent abend = run.events().get(2);
        assertThat(abend.action()).isEqualTo("auditd.anom_abend");
        assertThat(abend.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(abend.user()).isEqualTo(new Actor("bui", "1000", List.of()));
    }

    @Test
    void theEnrichedPartAfterTheGroupSeparatorNamesTheLoginUserAndTheEffectiveUser() {
        String line = "type=SYSCALL msg=audit(1700000000.500:77): arch=c000003e syscall=59 success=yes exit=0 "
                + "auid=1000 uid=1000 euid=0 ses=3 comm=\"passwd\" exe=\"/usr/bin/passwd\" key=(null)"
                + "\u001dARCH=x86_64 SYSCALL=execve AUID=\"alice\" UID=\"alice\" EUID=\"root\"\n"
                + "type=EXECVE msg=audit(1700000000.500:77): argc=1 a0=\"passwd\"\n";
        AuditEvent e = readText(line).events().get(0);
        assertThat(e.user()).isEqualTo(new Actor("alice", "1000", List.of()));
        assertThat(e.target().account()).isEqualTo("root");
        assertThat(e.command()).isEqualTo("passwd");
    }

    @Test
    void sshdsPlaceholderForAnAccountThatDoesNotExistNamesNobodyNotEvenSshdAndBecomesTheReason() {
        AuditEvent e = readText("type=USER_LOGIN msg=audit(1700000000.500:79): pid=9 uid=0 auid=4294967295 "
                + "ses=4294967295 msg='op=login acct=\"(invalid user)\" exe=\"/usr/sbin/sshd\" hostname=? "
                + "addr=203.0.113.9 terminal=ssh res=failed'\n").events().get(0);
        assertThat(e).extracting(AuditEvent::action, AuditEvent::outcome, AuditEvent::reason, AuditEvent::user)
                .containsExactly("auditd.user_login", Outcome.FAILURE, "invalid user", null);
        assertThat(e.target().account()).isNull();
        assertThat(e.source()).isEqualTo(new Source("203.0.113.9", null, null));
    }

    @Test
    void aSyscallOfAProcessNoLoginStartedIsTheProcessUsersOwn() {
        AuditEvent e = readText("type=SYSCALL msg=audit(1700000000.500:80): arch=c000003e syscall=59 success=yes "
                + "exit=0 auid=4294967295 uid=33 euid=33 ses=4294967295 comm=\"sh\" exe=\"/usr/bin/dash\"\n")
                .events().get(0);
        assertThat(e.user()).isEqualTo(new Actor(null, "33", List.of()));
        assertThat(e.sessionId()).isNull();
    }

    @Test
    void aLongExecveArgumentSplitIntoHexPartsIsJoinedThenDecoded() {
        String text = "type=EXECVE msg=audit(1700000000.500:78): argc=2 a0=\"echo\" a1_len=11 "
                + "a1[0]=68656C6C6F a1[1]=20776F726C64\n";
        assertThat(readText(text).events().get(0).command()).isEqualTo("echo hello world");
    }

    @Test
    void anExecSyscallWithoutItsExecveRecordTakesTheExecutableAsTheCommand() {
        FormatRun run = read("auditd-base64-exec.log");
        assertThat(run.events()).extracting(AuditEvent::command)
                .containsExactly("/usr/bin/perl", "/usr/bin/base64", "/usr/bin/perl", "/usr/bin/id");
        assertThat(run.events()).extracting(AuditEvent::outcome)
                .containsExactly(Outcome.SUCCESS, Outcome.SUCCESS, Outcome.FAILURE, Outcome.SUCCESS);
    }

    @Test
    void aBrokenLineBetweenGoodRecordsIsMalformedWithItsLineAndTheOthersAreRead() {
        String good1 = "type=USER_AUTH msg=audit(1700000000.123:456): pid=1 uid=0 auid=4294967295 ses=4294967295 "
                + "msg='op=PAM:authentication acct=\"alice\" exe=\"/usr/sbin/sshd\" res=success'";
        String good2 = "type=USER_AUTH msg=audit(1700000001.000:457): pid=1 uid=0 auid=4294967295 ses=4294967295 "
                + "msg='op=PAM:authentication acct=\"bob\" exe=\"/usr/sbin/sshd\" res=failed'";
        FormatRun run = readText(good1 + "\ntype=USER_AUTH msg=audit(17000\n" + good2 + "\n");
        assertThat(run.records()).hasSize(3);
        assertThat(run.malformed()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(2);
            assertThat(FormatRun.text(r)).isEqualTo("type=USER_AUTH msg=audit(17000");
        });
        assertThat(run.events()).extracting(e -> e.user().name()).containsExactly("alice", "bob");
    }

    @Test
    void anEventWithoutEoeIsCompleteOnceTheWindowOfOtherRecordsHasPassed() {
        String syscall = "type=SYSCALL msg=audit(1700000000.000:1): arch=c000003e syscall=59 success=yes exit=0 "
                + "auid=1000 uid=1000 ses=3 comm=\"ls\" exe=\"/usr/bin/ls\"";
        String others = IntStream.range(0, AuditdFormat.WINDOW + 1)
                .mapToObj(i -> "type=USER_AUTH msg=audit(1700000001.000:" + (10 + i) + "): pid=1 uid=0 "
                        + "msg='op=PAM:authentication acct=\"u" + i + "\" res=success'")
                .collect(Collectors.joining("\n"));
        String late = "type=EXECVE msg=audit(1700000000.000:1): argc=2 a0=\"ls\" a1=\"-l\"";
        FormatRun run = readText(syscall + "\n" + others + "\n" + late + "\n");
        assertThat(run.events()).hasSize(AuditdFormat.WINDOW + 3);
        assertThat(run.events().get(0).command()).isEqualTo("/usr/bin/ls");
        assertThat(run.events().get(run.events().size() - 1).command()).isEqualTo("ls -l");
    }

    @Test
    void interleavedRecordsOfTwoEventsWithinTheWindowAreGroupedByTheirId() {
        String text = """
                type=SYSCALL msg=audit(1.000:1): arch=c000003e syscall=59 success=yes exit=0 auid=1000 uid=1000 exe="/usr/bin/a"
                type=SYSCALL msg=audit(1.000:2): arch=c000003e syscall=59 success=yes exit=0 auid=1001 uid=1001 exe="/usr/bin/b"
                type=EXECVE msg=audit(1.000:2): argc=1 a0="b"
                type=EXECVE msg=audit(1.000:1): argc=1 a0="a"
                type=EOE msg=audit(1.000:2):
                type=EOE msg=audit(1.000:1):
                """;
        FormatRun run = readText(text);
        assertThat(run.events()).extracting(AuditEvent::command).containsExactly("a", "b");
        assertThat(run.records()).extracting(SourceRecord::line).containsExactly(1L, 2L);
    }

    @Test
    void recognisesAuditLogs() {
        assertThat(FORMAT.recognizes(FormatRun.head("/auditd/login-sudo.log"))).isTrue();
        assertThat(FORMAT.recognizes(FormatRun.head("/auditd/auditd-suid-crash.log"))).isTrue();
        assertThat(FORMAT.recognizes(FormatRun.head("/auditd/auditd-postexploit-rm.log"))).isTrue();
    }

    @Test
    void doesNotRecogniseSyslogNorJsonNorAnAuditRecordForwardedThroughSyslog() {
        assertThat(FORMAT.recognizes(FormatRun.head("/syslog/sshd-logs.log"))).isFalse();
        assertThat(FORMAT.recognizes(FormatRun.head("/syslog/opnsense-sshd.log"))).isFalse();
        assertThat(FORMAT.recognizes(FormatRun.head("/sudo-json/eventlog.json"))).isFalse();
        assertThat(FORMAT.recognizes(Head.of("Mar  3 14:01:02 host audispd: type=USER_AUTH "
                + "msg=audit(1700000000.123:456): pid=1 res=success\n"))).isFalse();
        assertThat(FORMAT.recognizes(Head.of("{\"type\":\"USER_AUTH\",\"msg\":\"audit(1700000000.123:456)\"}\n")))
                .isFalse();
    }
}
