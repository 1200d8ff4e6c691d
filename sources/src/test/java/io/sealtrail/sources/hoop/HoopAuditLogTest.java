package io.sealtrail.sources.hoop;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.model.AuditEvent;
import io.sealtrail.model.AuditEvent.Outcome;
import io.sealtrail.sources.SourceRecord;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HoopAuditLogTest {

    private static List<AuditEvent> events() {
        return HoopFixtures.read("audit-logs.json").stream().map(SourceRecord::event).toList();
    }

    @Test
    void anEntryIsWhoDidWhatToWhichResourceFromWhere() {
        AuditEvent first = events().get(0);

        assertThat(first.action()).isEqualTo("admin.connections.create");
        assertThat(first.time()).isEqualTo(Instant.parse("2026-03-02T10:08:00Z"));
        assertThat(first.user()).isEqualTo(new AuditEvent.Actor("kavya.reddy@northwind.example", "oidc|kavya.reddy",
                List.of()));
        assertThat(first.source().ip()).isEqualTo("10.20.0.10");
        assertThat(first.command()).isEqualTo("POST /api/connections");
        assertThat(first.target().name()).isEqualTo("hoop:connections");
    }

    @Test
    void outcomeTrueIsSuccessForbiddenIsDeniedAndOtherErrorsFail() {
        assertThat(events()).extracting(AuditEvent::outcome).containsExactly(Outcome.SUCCESS, Outcome.SUCCESS,
                Outcome.SUCCESS, Outcome.DENIED, Outcome.FAILURE, Outcome.SUCCESS);
    }

    @Test
    void theErrorMessageIsTheReason() {
        assertThat(events().get(3).reason()).isEqualTo("HTTP 403 — access denied: admin role required");
    }

    @Test
    void jsonLinesOfEntriesAreReadToo() {
        List<SourceRecord> r = HoopFixtures.readText("{\"actor_email\":\"a@x\",\"created_at\":\"2026-03-02T10:00:00Z\","
                + "\"resource_type\":\"users\",\"action\":\"delete\",\"http_method\":\"DELETE\",\"http_status\":204,"
                + "\"http_path\":\"/api/users/b\",\"client_ip\":\"10.0.0.1\",\"outcome\":true}\n");

        assertThat(r).singleElement().satisfies(x -> assertThat(x.event().action()).isEqualTo("admin.users.delete"));
    }
}
