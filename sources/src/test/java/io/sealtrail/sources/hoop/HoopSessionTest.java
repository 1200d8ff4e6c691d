package io.sealtrail.sources.hoop;

import static io.sealtrail.sources.hoop.HoopFixtures.commandContains;
import static io.sealtrail.sources.hoop.HoopFixtures.event;
import static io.sealtrail.sources.hoop.HoopFixtures.only;
import static io.sealtrail.sources.hoop.HoopFixtures.queryContains;
import static io.sealtrail.sources.hoop.HoopFixtures.session;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.model.AuditEvent;
import io.sealtrail.model.AuditEvent.Outcome;
import io.sealtrail.model.AuditEvent.TargetKind;
import io.sealtrail.sources.SourceRecord;
import io.sealtrail.sources.TerminalText;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HoopSessionTest {

    private static List<SourceRecord> dropTable() {
        return session(queryContains("DROP TABLE"));
    }

    private static List<SourceRecord> interactiveSsh() {
        return session(commandContains("ls --color"));
    }

    private static String raw(SourceRecord r) {
        return new String(r.raw(), StandardCharsets.UTF_8);
    }

    @Test
    void anInputChunkIsADatabaseQueryAtTheSessionStartPlusItsElapsedSeconds() {
        List<SourceRecord> s = dropTable();
        AuditEvent start = event(s, "session.start");
        AuditEvent query = event(s, "db.query");

        assertThat(query.query()).isEqualTo("DROP TABLE audit_archive_2023;");
        assertThat(Duration.between(start.time(), query.time())).isEqualTo(Duration.ofNanos(5_000)); // 5e-06 s
    }

    @Test
    void aChunkEventKeepsItsTupleExactlyAsWrittenAndItsLine() {
        SourceRecord query = only(dropTable(), "db.query");

        assertThat(raw(query)).isEqualTo("[5e-06,\"i\",\"RFJPUCBUQUJMRSBhdWRpdF9hcmNoaXZlXzIwMjM7\"]");
        assertThat(io.sealtrail.sources.Samples.resourceText("hoop/sessions.json").lines()
                .skip(query.line() - 1).findFirst().orElseThrow()).contains(raw(query));
    }

    @Test
    void theSessionStartCarriesTheWholeSessionObject() {
        SourceRecord start = only(dropTable(), "session.start");

        assertThat(raw(start)).startsWith("{\n  \"id\": ").endsWith("}").contains("\"event_stream\": [[5e-06,\"i\"");
        assertThat(start.event().sessionId()).isEqualTo(raw(start).substring(11, 47));
    }

    @Test
    void whatTheDatabaseAnsweredIsTheQuerysOutput() {
        assertThat(only(dropTable(), "db.query").output()).isEqualTo("DROP TABLE\n");
    }

    @Test
    void eachInputOfAnInteractiveSessionIsACommandInOrder() {
        assertThat(interactiveSsh().stream().filter(r -> r.event().action().equals("command"))
                .map(r -> r.event().command())).containsExactly("ls --color=auto /srv/app",
                "cat /srv/app/shared/config/Grüße.txt", "sudo systemctl restart payments-worker", "exit");
    }

    @Test
    void nonAsciiOutputIsDecodedForSearch() {
        SourceRecord cat = interactiveSsh().stream().filter(commandContains("Grüße.txt")).findFirst().orElseThrow();

        assertThat(cat.output()).startsWith("Grüße aus München — 東京オフィス ✓\r\nkunde: Jörg Müller");
    }

    @Test
    void terminalColoursAreNotInTheSearchableOutput() {
        SourceRecord ls = interactiveSsh().stream().filter(commandContains("ls --color")).findFirst().orElseThrow();

        assertThat(ls.output()).startsWith("releases  shared  current\r\ndeploy@bastion-01:~$ ");
    }

    @Test
    void whatCameBeforeTheFirstInputGoesWithTheSessionStart() {
        assertThat(only(interactiveSsh(), "session.start").output()).startsWith("Welcome to Ubuntu 24.04.1 LTS");
    }

    @Test
    void theCommandsOfAnInteractiveSessionHaveNoOutcomeOfTheirOwn() {
        List<SourceRecord> s = interactiveSsh();

        assertThat(s.stream().filter(r -> r.event().action().equals("command"))).allMatch(r -> r.event().outcome() == null);
        assertThat(event(s, "session.end").outcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    void exitCodeZeroIsSuccessForTheSessionAndItsOneOffQuery() {
        List<SourceRecord> s = dropTable();

        assertThat(event(s, "session.end").outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(event(s, "db.query").outcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    void aNonZeroExitCodeIsAFailureWithTheErrorItPrinted() {
        AuditEvent end = event(session(queryContains("paymnets")), "session.end");

        assertThat(end.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(end.reason()).startsWith("exit code 1; ERROR:  relation \"paymnets\" does not exist");
    }

    @Test
    void aRejectedReviewIsDeniedByTheReviewerAndTheStatementNeverRan() {
        List<SourceRecord> s = session(queryContains("DELETE FROM customers"));
        AuditEvent reject = event(s, "access.reject");

        assertThat(reject.outcome()).isEqualTo(Outcome.DENIED);
        assertThat(reject.user().name()).isEqualTo("dana.schulz@northwind.example");
        assertThat(reject.reason()).isEqualTo("group dba rejected: Not without a backup and a ticket from legal.");
        assertThat(event(s, "db.query").outcome()).isEqualTo(Outcome.DENIED);
        assertThat(event(s, "session.end").outcome()).isEqualTo(Outcome.DENIED);
    }

    @Test
    void theReviewRequestIsTheRequestersAtItsCreationTime() {
        List<SourceRecord> s = session(queryContains("DELETE FROM customers"));
        AuditEvent request = event(s, "access.request");

        assertThat(request.user().name()).isEqualTo("sam.okafor@northwind.example");
        assertThat(request.reason()).isEqualTo("onetime review requested; now REJECTED");
    }

    @Test
    void eachApprovingGroupIsAnApprovalByItsReviewerAtItsReviewDate() {
        List<SourceRecord> s = interactiveSsh();
        List<AuditEvent> approvals = s.stream().map(SourceRecord::event)
                .filter(e -> e.action().equals("access.approve")).toList();

        assertThat(approvals).extracting(e -> e.user().name(), AuditEvent::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ops-lead@northwind.example", "group sre approved"),
                org.assertj.core.groups.Tuple.tuple("dana.schulz@northwind.example", "group security approved"));
        assertThat(approvals).allMatch(e -> e.time().isBefore(event(s, "session.start").time()));
    }

    @Test
    void aGuardrailMatchIsADeniedEventNamingTheRuleAndTheWords() {
        List<SourceRecord> s = session(queryContains("card_number"));
        AuditEvent match = event(s, "guardrail.match");

        assertThat(match.outcome()).isEqualTo(Outcome.DENIED);
        assertThat(match.reason()).isEqualTo("rule \"pci-columns\" matched on input words card_number, cvv: "
                + "Card data may not be queried through the gateway.");
        assertThat(event(s, "session.end").outcome()).isEqualTo(Outcome.DENIED);
    }

    @Test
    void aRunningSessionHasNoEndAndItsInputNoOutcome() {
        List<SourceRecord> s = session(commandContains("tail -f"));

        assertThat(s).noneMatch(r -> r.event().action().equals("session.end"));
        assertThat(event(s, "command").outcome()).isNull();
    }

    @Test
    void aTruncatedStreamIsSaidOnTheSessionEnd() {
        AuditEvent end = event(session(queryContains("FROM events")), "session.end");

        assertThat(end.reason()).isEqualTo("exit code 0; the gateway truncated the recorded stream (metrics.truncated)");
    }

    @Test
    void redactionCountsAreADataMaskingEvent() {
        AuditEvent masking = event(session(queryContains("name, email, phone")), "data.masking");

        assertThat(masking.reason()).isEqualTo("redacted 4 value(s): EMAIL_ADDRESS 2, PHONE_NUMBER 2");
    }

    @Test
    void theTargetIsTheConnectionWithAKindFromItsSubtype() {
        assertThat(event(interactiveSsh(), "session.start").target())
                .isEqualTo(new AuditEvent.Target(TargetKind.HOST, "bastion-prod-ssh", null, null));
        assertThat(event(session(commandContains("kubectl get pods")), "session.start").target().kind())
                .isEqualTo(TargetKind.KUBERNETES);
        assertThat(event(dropTable(), "session.start").target().kind()).isEqualTo(TargetKind.DATABASE);
    }

    @Test
    void theUserIsTheEmailWithTheSubjectAsId() {
        AuditEvent start = event(dropTable(), "session.start");

        assertThat(start.user()).isEqualTo(new AuditEvent.Actor("marco.rossi@northwind.example", "oidc|marco.rossi",
                List.of()));
    }

    @Test
    void everyEventOfASessionCarriesItsId() {
        List<SourceRecord> s = interactiveSsh();

        assertThat(s).hasSize(9).extracting(r -> r.event().sessionId()).containsOnly(s.get(0).event().sessionId());
    }

    @Test
    void outputBeyond64KiBIsNotMadeSearchable() {
        String big = java.util.Base64.getEncoder().encodeToString("ä".repeat(40_000).getBytes(StandardCharsets.UTF_8));
        List<SourceRecord> r = HoopFixtures.readText("{\"id\":\"s1\",\"user\":\"a@x\",\"connection\":\"h\","
                + "\"connection_subtype\":\"ssh\",\"verb\":\"exec\",\"status\":\"done\",\"exit_code\":0,"
                + "\"event_stream\":[[0.1,\"i\",\"bHMK\"],[0.2,\"o\",\"" + big + "\"]],"
                + "\"start_date\":\"2026-03-02T08:00:00Z\",\"end_date\":\"2026-03-02T08:00:01Z\"}\n");

        assertThat(only(r, "command").output()).hasSize(TerminalText.MAX_OUTPUT_BYTES / 2);
    }

    @Test
    void postgresWireProtocolInputIsReadAsItsSql() {
        byte[] sql = "SELECT 1\0".getBytes(StandardCharsets.UTF_8);
        byte[] msg = java.nio.ByteBuffer.allocate(5 + sql.length).put((byte) 'Q').putInt(4 + sql.length).put(sql).array();
        List<SourceRecord> r = HoopFixtures.readText("{\"id\":\"s1\",\"user\":\"a@x\",\"connection\":\"pg\","
                + "\"type\":\"database\",\"connection_subtype\":\"postgres\",\"verb\":\"connect\",\"status\":\"done\","
                + "\"event_stream\":[[1.5,\"i\",\"" + java.util.Base64.getEncoder().encodeToString(msg) + "\"]],"
                + "\"start_date\":\"2026-03-02T08:00:00Z\",\"end_date\":\"2026-03-02T08:00:09Z\",\"exit_code\":0}");

        assertThat(event(r, "db.query").query()).isEqualTo("SELECT 1");
        assertThat(event(r, "db.query").time()).isEqualTo(Instant.parse("2026-03-02T08:00:01.500Z"));
    }

    @Test
    void keystrokesOfATerminalUpToEnterAreOneCommandWithTheOutputAfterIt() {
        java.util.function.Function<String, String> b64 = t -> java.util.Base64.getEncoder()
                .encodeToString(t.getBytes(StandardCharsets.UTF_8));
        List<SourceRecord> r = HoopFixtures.readText("{\"id\":\"s1\",\"user\":\"a@x\",\"connection\":\"h\","
                + "\"connection_subtype\":\"ssh\",\"verb\":\"connect\",\"status\":\"done\",\"exit_code\":0,"
                + "\"event_stream\":[[1,\"i\",\"" + b64.apply("l") + "\"],[1.01,\"o\",\"" + b64.apply("l") + "\"],"
                + "[1.2,\"i\",\"" + b64.apply("s") + "\"],[1.21,\"o\",\"" + b64.apply("s") + "\"],"
                + "[1.5,\"i\",\"" + b64.apply("\r") + "\"],[1.6,\"o\",\"" + b64.apply("\r\nREADME.md\r\n$ ") + "\"]],"
                + "\"start_date\":\"2026-03-02T08:00:00Z\",\"end_date\":\"2026-03-02T08:00:09Z\"}");
        SourceRecord ls = only(r, "command");

        assertThat(ls.event().command()).isEqualTo("ls");
        assertThat(ls.event().time()).isEqualTo(Instant.parse("2026-03-02T08:00:01.500Z"));
        assertThat(ls.output()).isEqualTo("\r\nREADME.md\r\n$ ");
        assertThat(raw(ls)).isEqualTo("[1,\"i\",\"bA==\"]\n[1.2,\"i\",\"cw==\"]\n[1.5,\"i\",\"DQ==\"]");
    }

    @Test
    void aStreamTheApiFlattenedToOneStringIsTheOutputOfTheScript() {
        List<SourceRecord> r = HoopFixtures.readText("{\"id\":\"s1\",\"user\":\"a@x\",\"connection\":\"pg\","
                + "\"type\":\"database\",\"connection_subtype\":\"postgres\",\"verb\":\"exec\",\"status\":\"done\","
                + "\"script\":{\"data\":\"DROP TABLE t;\"},\"event_stream\":[\"DROP TABLE\\n\"],"
                + "\"start_date\":\"2026-03-02T08:00:00Z\",\"end_date\":\"2026-03-02T08:00:09Z\",\"exit_code\":0}");

        assertThat(only(r, "db.query").output()).isEqualTo("DROP TABLE\n");
    }
}
