package io.sealtrail.sources.asciicast;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;

/**
 * The first line of a recording: its version, when it started, and what the recorder says of who and where
 * ({@code env.USER}, {@code env.HOSTNAME}, the title and command; asciinema keeps only what it was told to).
 */
record CastHeader(int version, Instant start, String user, String host, String title, String command) {

    static CastHeader parse(byte[] line) throws IOException {
        JsonNode h;
        try {
            h = AsciicastFormat.JSON.readTree(line);
        } catch (IOException e) {
            throw new IOException("the header is not JSON: " + e.getMessage(), e);
        }
        if (h == null || !h.isObject()) {
            throw new IOException("the header is not a JSON object");
        }
        int version = h.path("version").asInt(-1);
        if (version != 2 && version != 3) {
            throw new IOException("asciicast version " + h.path("version") + " is not 2 or 3");
        }
        JsonNode ts = h.get("timestamp");
        if (ts == null || !ts.isNumber()) {
            throw new IOException("the header has no \"timestamp\": the recording cannot be placed in time");
        }
        // asLong would clamp a number past a long to Long.MAX_VALUE, which no Instant holds
        if (!ts.canConvertToLong() || ts.asLong() < Instant.MIN.getEpochSecond()
                || ts.asLong() > Instant.MAX.getEpochSecond()) {
            throw new IOException("the header's \"timestamp\" " + ts + " is not a time");
        }
        Instant start = Instant.ofEpochSecond(ts.asLong());
        JsonNode env = h.path("env");
        return new CastHeader(version, start, text(env, "USER"), text(env, "HOSTNAME"), text(h, "title"),
                text(h, "command"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || !v.isTextual() || v.asText().isBlank() ? null : v.asText();
    }
}
