package io.sealtrail.sources.mapped;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MappingTest {

    private static Mapping of(String text) throws MappingException {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Mapping.of(p, "m");
    }

    private static final String BASE = "format = jsonl\ntime = t\naction = a\noutcome = o\noutcome.success = ok\n";

    @Test
    void aQuotedValueIsAConstantAndABareOneAPath() throws MappingException {
        Mapping m = of(BASE + "target.kind = \"database\"\ntarget.name = db.name\n");

        assertThat(m.fields().get("target.kind")).isEqualTo(new Mapping.Source(null, "database"));
        assertThat(m.fields().get("target.name")).isEqualTo(new Mapping.Source("db.name", null));
    }

    @Test
    void rejectsAnUnknownKey() {
        assertThatThrownBy(() -> of(BASE + "user.nmae = u\n")).isInstanceOf(MappingException.class)
                .hasMessageStartingWith("mapping m: unknown key(s) [user.nmae]");
    }

    @Test
    void requiresTimeActionAndOutcome() {
        assertThatThrownBy(() -> of("format = jsonl\ntime = t\noutcome = \"success\"\n"))
                .hasMessage("mapping m: action is required");
    }

    @Test
    void requiresAZoneForAPatternWithoutOne() {
        assertThatThrownBy(() -> of(BASE + "time.format = pattern:yyyy-MM-dd HH:mm:ss\n"))
                .hasMessage("mapping m: time.format pattern \"yyyy-MM-dd HH:mm:ss\" has no zone or offset, so"
                        + " time.zone is required (e.g. UTC, Europe/Berlin)");
    }

    @Test
    void acceptsAPatternWithAnOffsetAndNoZone() throws MappingException {
        assertThat(of(BASE + "time.format = pattern:dd/MMM/yyyy:HH:mm:ss Z\n").timeFormat())
                .isInstanceOf(Mapping.TimeFormat.Pattern.class);
    }

    @Test
    void rejectsAValueListedUnderTwoOutcomes() {
        assertThatThrownBy(() -> of(BASE + "outcome.failure = OK\n"))
                .hasMessage("mapping m: outcome value \"OK\" is listed as both success and failure");
    }

    @Test
    void requiresOutcomeListsWhenOutcomeIsAField() {
        assertThatThrownBy(() -> of("format = jsonl\ntime = t\naction = a\noutcome = o\n"))
                .hasMessageStartingWith("mapping m: outcome names a source field, so outcome.success");
    }

    @Test
    void rejectsATargetKindConstantOutsideTheModel() {
        assertThatThrownBy(() -> of(BASE + "target.kind = \"vpn\"\n"))
                .hasMessage("mapping m: target.kind \"vpn\" is not host, database, kubernetes, cloud or application");
    }

    @Test
    void rejectsAFormatOtherThanJsonlOrCsv() {
        assertThatThrownBy(() -> of(BASE.replace("jsonl", "xml"))).hasMessage(
                "mapping m: format must be jsonl or csv, not \"xml\"");
    }
}
