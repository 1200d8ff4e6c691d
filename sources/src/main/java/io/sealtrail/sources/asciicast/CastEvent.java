package io.sealtrail.sources.asciicast;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * One event line: {@code [time, code, data]}; the time is seconds since the start (version 2) or since the
 * previous event (version 3). Codes: o output, i input, m marker, r resize, x exit status (version 3).
 */
record CastEvent(BigDecimal time, char code, String data) {

    static CastEvent parse(byte[] line) throws IOException {
        JsonNode a;
        try {
            a = AsciicastFormat.JSON.readTree(line);
        } catch (IOException e) {
            throw new IOException("not JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (a == null || !a.isArray() || a.size() != 3) {
            throw new IOException("not an event [time, code, data]");
        }
        // a number too large for a double ("1e3300") reads as infinity, which has no decimal value
        if (!a.get(0).isNumber() || !Double.isFinite(a.get(0).asDouble()) || a.get(0).decimalValue().signum() < 0) {
            throw new IOException("the time is not a number of seconds: " + a.get(0));
        }
        String code = a.get(1).asText();
        if (!a.get(1).isTextual() || code.length() != 1 || "oimrx".indexOf(code.charAt(0)) < 0) {
            throw new IOException("unknown event code " + a.get(1) + " (o output, i input, m marker, r resize, x exit)");
        }
        if (!a.get(2).isTextual()) {
            throw new IOException("the data is not a string");
        }
        return new CastEvent(a.get(0).decimalValue(), code.charAt(0), a.get(2).asText());
    }

    boolean isInput() {
        return code == 'i';
    }

    boolean isOutput() {
        return code == 'o';
    }
}
