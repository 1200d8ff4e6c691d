package io.sealtrail.verify.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one time grammar of docs/bundle-format.md §4 ("Times"), for events and the manifest alike. */
class Rfc3339Test {

    @ParameterizedTest
    @CsvSource({
            "2026-03-02T06:00:04Z, 2026-03-02T06:00:04Z",
            "2026-03-02T06:00:04.5Z, 2026-03-02T06:00:04.500Z",
            "2026-03-02T06:00:04.013938Z, 2026-03-02T06:00:04.013938Z",
            "2026-03-02T06:00:04.000000000Z, 2026-03-02T06:00:04Z",
            "2026-03-02T06:00:04.123456789Z, 2026-03-02T06:00:04.123456789Z",
            "2024-02-29T23:59:59Z, 2024-02-29T23:59:59Z",
            "2000-02-29T00:00:00Z, 2000-02-29T00:00:00Z",
            "0000-01-01T00:00:00Z, 0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z, 9999-12-31T23:59:59.999999999Z"})
    void acceptsTheGrammar(String text, String instant) {
        assertThat(Rfc3339.parseUtc(text)).isEqualTo(Instant.parse(instant));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2026-03-02T06:00:04+00:00", // an offset, even zero
            "2026-03-02T07:00:04+01:00",
            "2026-03-02T06:00:04-00:00",
            "2026-03-02t06:00:04Z", // lower-case t and z
            "2026-03-02T06:00:04z",
            "2026-03-02 06:00:04Z", // a space for T
            "2016-12-31T23:59:60Z", // a leap second
            "2026-03-02T24:00:00Z",
            "2026-03-02T06:00Z", // no seconds
            "2026-03-02T06:00:04.Z", // a point without digits
            "2026-03-02T06:00:04.1234567891Z", // ten fraction digits
            "2026-03-02T06:00:04,5Z", // a comma for the point
            "2026-03-02T06:00:04",
            "+2026-03-02T06:00:04Z", // a sign or five digits of year
            "12026-03-02T06:00:04Z",
            "2026-3-02T06:00:04Z",
            "2026-02-29T06:00:04Z", // no such day
            "1900-02-29T06:00:04Z",
            "2026-04-31T06:00:04Z",
            "2026-13-01T06:00:04Z",
            "2026-00-01T06:00:04Z",
            "2026-03-00T06:00:04Z",
            "2026-03-02T06:60:04Z",
            "２026-03-02T06:00:04Z", // a non-ASCII digit
            ""})
    void rejectsEverythingElse(String text) {
        assertThat(Rfc3339.parseUtc(text)).as(text).isNull();
    }

    @Test
    void readsTheSameFromBytesInsideALine() {
        byte[] line = "{\"time\":\"2026-03-02T06:00:04.013938Z\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(Rfc3339.parseUtc(line, 9, 27)).isEqualTo(Instant.parse("2026-03-02T06:00:04.013938Z"));
    }
}
