package io.sealtrail.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.index.TestBundles.Fixture;
import io.sealtrail.index.TestBundles.Row;
import io.sealtrail.model.AuditEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every field of a hit, by its index name: the schema's from the index, a source's own from its raw record. */
class HitFieldsTest {

    @Test
    void aBundleHitCarriesItsRolesSourceAddressAndAccount() throws Exception {
        Fixture f = TestBundles.shared();
        Row row = f.rows().stream().filter(r -> r.event() != null && r.event().source() != null
                && r.event().user() != null && !r.event().user().roles().isEmpty() && r.event().target() != null
                && r.event().target().account() != null).findFirst().orElseThrow();
        AuditEvent e = row.event();
        try (EventSearch s = EventSearch.open(List.of(f.index()))) {
            Hit h = s.search(EventQuery.of("seq:" + row.seq()), 1, null).hits().get(0);

            assertThat(HitFields.values(h, "user.roles")).containsExactlyInAnyOrderElementsOf(e.user().roles());
            assertThat(HitFields.value(h, "source.ip")).isEqualTo(e.source().ip());
            assertThat(HitFields.value(h, "target.account")).isEqualTo(e.target().account());
            assertThat(HitFields.value(h, "seq")).isEqualTo(Long.toString(row.seq()));
        }
    }

    @Test
    void aSourceRecordsJsonFieldsAreNamedByFormatAndPath() {
        Hit h = new Hit("src", 0, 0, null, "GetObject", null, null, null, null, null, null, null, Integrity.UNSEALED,
                "00", "a.json", 1, "{\"eventSource\":\"s3.amazonaws.com\",\"userIdentity\":{\"type\":\"IAMUser\","
                + "\"sessionContext\":{\"mfa\":true}},\"resources\":[{\"ARN\":\"a\"},{\"ARN\":\"b\"}],\"x\":null}", false,
                "cloudtrail");

        Map<String, List<String>> extras = HitFields.extras(h);

        assertThat(extras).containsExactly(Map.entry("cloudtrail.eventSource", List.of("s3.amazonaws.com")),
                Map.entry("cloudtrail.userIdentity.type", List.of("IAMUser")),
                Map.entry("cloudtrail.userIdentity.sessionContext.mfa", List.of("true")),
                Map.entry("cloudtrail.resources.ARN", List.of("a", "b")));
        assertThat(HitFields.value(h, "cloudtrail.resources.ARN")).isEqualTo("a, b");
    }

    @Test
    void aClauseFindsTheExactValueOfAKeywordOrTheWholeCommand() {
        assertThat(HitFields.clause("user.name", "a\"b")).isEqualTo("user.name:\"a\\\"b\"");
        assertThat(HitFields.clause("command", "ls -l")).isEqualTo("command.keyword:\"ls -l\"");
        assertThat(HitFields.clause("seq", "12")).isEqualTo("seq:12");
        assertThat(HitFields.clause("cloudtrail.eventSource", "s3")).isNull();
    }
}
