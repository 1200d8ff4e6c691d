package io.sealtrail.sources.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.sealtrail.model.AuditEvent;
import io.sealtrail.model.AuditEvent.Actor;
import io.sealtrail.model.AuditEvent.Auth;
import io.sealtrail.model.AuditEvent.Outcome;
import io.sealtrail.model.AuditEvent.Source;
import io.sealtrail.model.AuditEvent.Target;
import io.sealtrail.model.AuditEvent.TargetKind;
import io.sealtrail.model.Finding;
import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Location;
import io.sealtrail.model.Severity;
import io.sealtrail.sources.FormatRun;
import io.sealtrail.sources.Head;
import io.sealtrail.sources.ReadContext;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyslogFormatTest {
    private static final SyslogFormat FORMAT = new SyslogFormat();
    /** Written on 2 January: a first line of 31 December belongs to the year before. */
    private static final Instant MODIFIED = Instant.parse("2025-01-02T00:00:00Z");

    private static FormatRun read(String resource) {
        return FormatRun.of(FORMAT, "/syslog/" + resource, ReadContext.defaults(), MODIFIED);
    }

    private static FormatRun readText(String text, Instant modified) {
        return FormatRun.ofText(FORMAT, text, ReadContext.defaults(), modified);
    }

    private static Target host(String name, String account) {
        return new Target(TargetKind.HOST, name, account, null);
    }

    @Test
    void readsEveryLineOfAnAuthLogAsAnEvent() {
        FormatRun run = read("auth-newyear.log");
        assertThat(run.malformed()).isEmpty();
        assertThat(run.events()).extracting(AuditEvent::action).containsExactly("login", "session.start", "command",
                "session.start", "session.end", "command", "command", "command", "command", "login",
                "sshd.disconnect", "syslog.message", "session.end");
    }

    @Test
    void countsOutcomes() {
        FormatRun run = read("auth-newyear.log");
        assertThat(run.count(Outcome.SUCCESS)).isEqualTo(7);
        assertThat(run.count(Outcome.FAILURE)).isEqualTo(4);
        assertThat(run.count(Outcome.DENIED)).isEqualTo(1);
        assertThat(run.count(null)).isEqualTo(1);
    }

    @Test
    void mapsAnAcceptedPublickeyLogin() {
        AuditEvent e = read("auth-newyear.log").events().get(0);
        assertThat(e).isEqualTo(new AuditEvent(-1, Instant.parse("2024-12-31T23:59:58Z"), "Dec 31 23:59:58", null,
                "login", Outcome.SUCCESS, null, new Actor("alice", null, List.of()), new Auth("publickey", null),
                new Source("10.0.0.5", 52311, null), host("web1", "alice"), null, null, null, "syslog"));
    }

    @Test
    void mapsASudoCommandWithTheInvokingUserAndTheRunAsAccountAfterTheYearRolledOver() {
        AuditEvent e = read("auth-newyear.log").events().get(2);
        assertThat(e).isEqualTo(new AuditEvent(-1, Instant.parse("2025-01-01T00:00:05Z"), "Jan  1 00:00:05", null,
                "command", Outcome.SUCCESS, null, new Actor("alice", null, List.of()), null, null,
                host("web1", "root"), null, "sudo /usr/bin/id", null, "syslog"));
    }

    @Test
    void mapsAFailedPasswordForAnInvalidUser() {
        AuditEvent e = read("auth-newyear.log").events().get(9);
        assertThat(e).isEqualTo(new AuditEvent(-1, Instant.parse("2025-01-01T00:01:00Z"), "Jan  1 00:01:00", null,
                "login", Outcome.FAILURE, "Failed password for invalid user", new Actor("admin", null, List.of()),
                new Auth("password", null), new Source("203.0.113.9", 40022, null), host("web1", "admin"), null, null,
                null, "syslog"));
    }

    @Test
    void sudoRefusalsAreDeniedAndWrongPasswordsFailuresWithSudosReason() {
        List<AuditEvent> events = read("auth-newyear.log").events();
        assertThat(events.get(5)).extracting(AuditEvent::outcome, AuditEvent::reason, AuditEvent::command)
                .containsExactly(Outcome.DENIED, "command not allowed", "sudo /usr/bin/vi /etc/shadow");
        assertThat(events.get(6)).extracting(AuditEvent::outcome, AuditEvent::reason, e -> e.user().name())
                .containsExactly(Outcome.FAILURE, "3 incorrect password attempts", "bob");
    }

    @Test
    void aSudoSessionIsOpenedByTheInvokingUserForTheRunAsAccount() {
        AuditEvent e = read("auth-newyear.log").events().get(3);
        assertThat(e.user()).isEqualTo(new Actor("alice", "1000", List.of()));
        assertThat(e.target()).isEqualTo(host("web1", "root"));
    }

    @Test
    void suSwitchesAreCommandsToTheTargetAccount() {
        List<AuditEvent> events = read("auth-newyear.log").events();
        assertThat(events.get(7)).extracting(AuditEvent::command, AuditEvent::outcome, e -> e.user().name(),
                e -> e.target().account()).containsExactly("su root", Outcome.SUCCESS, "alice", "root");
        assertThat(events.get(8).outcome()).isEqualTo(Outcome.FAILURE);
    }

    @Test
    void anotherProgramsLineIsAMessageWithItsTextAsReasonNotMalformed() {
        AuditEvent e = read("auth-newyear.log").events().get(11);
        assertThat(e.action()).isEqualTo("syslog.message");
        assertThat(e.reason()).isEqualTo("CRON[4200]: (root) CMD (command -v debian-sa1 > /dev/null && debian-sa1 1 1)");
        assertThat(e.target()).isEqualTo(host("web1", null));
    }

    @Test
    void saysOncePerFileWhichYearAndZoneWereAssumedAndWhereTheYearRolled() {
        List<Finding> findings = read("auth-newyear.log").findings();
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.TIME_ASSUMED);
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.location()).isEqualTo(Location.line("auth-newyear.log", 1, -1));
            assertThat(f.details()).containsEntry("year", "2024").containsEntry("yearFrom", "modification time")
                    .containsEntry("zone", "UTC").containsEntry("rollovers", "1");
            assertThat(f.message()).contains("the year 2024 is assumed", "line 3", "the zone UTC is assumed");
        });
    }

    @Test
    void aGivenYearAndZoneAreUsedAndSaidToBeGiven() {
        ReadContext given = new ReadContext(2019, ZoneId.of("Europe/Berlin"), null, f -> { });
        FormatRun run = FormatRun.of(FORMAT, "/syslog/auth-newyear.log", given, MODIFIED);
        assertThat(run.events().get(0).time()).isEqualTo(Instant.parse("2019-12-31T22:59:58Z"));
        assertThat(run.events().get(2).time()).isEqualTo(Instant.parse("2019-12-31T23:00:05Z"));
        assertThat(run.findings()).singleElement().satisfies(f -> assertThat(f.details())
                .containsEntry("yearFrom", "given").containsEntry("zoneFrom", "given")
                .containsEntry("zone", "Europe/Berlin"));
    }

    @Test
    void linesGoingBackInTimeWithoutANewYearDoNotRollTheYear() {
        FormatRun run = read("sshd-logs.log");
        assertThat(run.events()).allSatisfy(e -> assertThat(e.time().toString())
                .matches(s -> s.startsWith("2024-") || s.startsWith("2023-11-13T23:20:42"), "in 2024"));
        assertThat(run.findings()).singleElement().satisfies(f -> assertThat(f.details())
                .containsEntry("rollovers", "0"));
    }

    @Test
    void rfc5424LinesCarryTheirYearAndZoneAndNeedNoAssumption() {
        FormatRun run = read("opnsense-sshd.log");
        assertThat(run.findings()).isEmpty();
        assertThat(run.events()).hasSize(10).allMatch(e -> e.outcome() == Outcome.FAILURE);
        assertThat(run.events().get(0)).isEqualTo(new AuditEvent(-1, Instant.parse("2022-01-19T14:23:55Z"),
                "2022-01-19T14:23:55+00:00", null, "login", Outcome.FAILURE, "invalid user",
                new Actor("tutu", null, List.of()), null, new Source("1.2.3.4", 33166, null),
                host("OPNsense.localdomain", "tutu"), null, null, null, "syslog"));
    }

    @Test
    void readsTheRsyslogRfc3339FormWithItsOffset() {
        AuditEvent e = read("sshd-logs.log").events().get(16);
        assertThat(e.time()).isEqualTo(Instant.parse("2023-11-13T23:20:42.738197Z"));
        assertThat(e.timeText()).isEqualTo("2023-11-14T00:20:42.738197+01:00");
        assertThat(e).extracting(AuditEvent::action, AuditEvent::outcome, AuditEvent::reason)
                .containsExactly("login", Outcome.DENIED, "not allowed because not listed in AllowUsers");
    }

    @Test
    void readsEveryCrowdsecSshdSampleLineAndMapsTheirOutcomes() {
        FormatRun run = read("sshd-logs.log");
        assertThat(run.records()).hasSize(24);
        assertThat(run.malformed()).isEmpty();
        // 12 failures: invalid users, PAM failures, failed password, connections closed while authenticating;
        // "Disconnected from totobad user", key-exchange and timeout lines stay messages without an outcome
        assertThat(run.count(Outcome.FAILURE)).isEqualTo(12);
        assertThat(run.count(Outcome.DENIED)).isEqualTo(1);
        assertThat(run.count(null)).isEqualTo(11);
    }

    @Test
    void aPamAuthenticationFailureOfSudoIsAFailedLoginOfItsUser() {
        AuditEvent e = read("pam-logs.log").events().get(1);
        assertThat(e).isEqualTo(new AuditEvent(-1, Instant.parse("2024-12-07T14:52:59Z"), "Dec  7 14:52:59", null,
                "login", Outcome.FAILURE, "pam_unix(sudo:auth): authentication failure",
                new Actor("zbadguy", null, List.of()), new Auth("password", null), null,
                host("vskub1master01p", "zbadguy"), null, null, null, "syslog"));
    }

    @Test
    void aBrokenLineBetweenGoodOnesIsMalformedWithItsLineAndTheOthersAreRead() {
        FormatRun run = readText("""
                Mar  3 14:01:02 host sshd[1]: Accepted password for alice from 10.0.0.5 port 1 ssh2
                this is not syslog
                Mar  3 14:01:03 host sshd[1]: Accepted password for bob from 10.0.0.5 port 2 ssh2
                """, MODIFIED);
        assertThat(run.records()).hasSize(3);
        assertThat(run.malformed()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(2);
            assertThat(FormatRun.text(r)).isEqualTo("this is not syslog");
        });
        assertThat(run.events()).extracting(e -> e.user().name()).containsExactly("alice", "bob");
    }

    @Test
    void february29thInAnAssumedYearWithoutOneIsMalformed() {
        FormatRun run = readText("Feb 29 10:00:00 host sshd[1]: Invalid user x from 10.0.0.1 port 2\n",
                Instant.parse("2023-06-01T00:00:00Z"));
        assertThat(run.malformed()).singleElement().extracting(r -> r.problem())
                .asString().contains("Feb 29 10:00:00");
        assertThat(run.findings()).singleElement().satisfies(f -> assertThat(f.details()).containsEntry("year", "2023"));
    }

    @Test
    void readsABsdLineWithItsPriorityAndALineWithoutAHost() {
        FormatRun run = readText("""
                <38>Mar  3 14:01:02 web1 sshd[1]: Invalid user x from 10.0.0.1 port 2
                Mar  3 14:01:03 sshd[1]: Invalid user y from 10.0.0.1 port 3
                """, MODIFIED);
        assertThat(run.malformed()).isEmpty();
        assertThat(run.events()).extracting(e -> e.user().name(), e -> e.target().name())
                .containsExactly(tuple("x", "web1"),
                        tuple("y", null));
    }

    @Test
    void recognisesBsdRfc5424AndRfc3339SyslogFiles() {
        assertThat(FORMAT.recognizes(FormatRun.head("/syslog/auth-newyear.log"))).isTrue();
        assertThat(FORMAT.recognizes(FormatRun.head("/syslog/sshd-logs.log"))).isTrue();
        assertThat(FORMAT.recognizes(FormatRun.head("/syslog/opnsense-sshd.log"))).isTrue();
        assertThat(FORMAT.recognizes(Head.of("2024-03-03T14:01:02.123456+00:00 host sshd[123]: Accepted password "
                + "for a from 10.0.0.5 port 1 ssh2\n"))).isTrue();
    }

    @Test
    void doesNotRecogniseAuditdNorJsonNorCsv() {
        assertThat(FORMAT.recognizes(FormatRun.head("/auditd/login-sudo.log"))).isFalse();
        assertThat(FORMAT.recognizes(FormatRun.head("/sudo-json/eventlog.json"))).isFalse();
        assertThat(FORMAT.recognizes(Head.of("{\"time\":\"2024-03-03T14:01:02Z\",\"user\":\"alice\"}\n"))).isFalse();
        assertThat(FORMAT.recognizes(Head.of("time,user,action\n2024-03-03T14:01:02Z,alice,login\n"))).isFalse();
    }
}
