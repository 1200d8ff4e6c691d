package io.sealtrail.sources.asciicast;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/** When each event happened: version 2 counts from the start, version 3 from the previous event. */
final class CastClock {
    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);
    private final CastHeader header;
    private BigDecimal elapsed = BigDecimal.ZERO;

    CastClock(CastHeader header) {
        this.header = header;
    }

    /** @throws IOException when the event would be past what a time can say (longValue used to wrap around) */
    Instant at(CastEvent e) throws IOException {
        elapsed = header.version() == 3 ? elapsed.add(e.time()) : e.time();
        try {
            return header.start().plusNanos(
                    elapsed.multiply(NANOS_PER_SECOND).setScale(0, RoundingMode.HALF_UP).longValueExact());
        } catch (ArithmeticException | java.time.DateTimeException ex) {
            throw new IOException("the event is " + elapsed.round(java.math.MathContext.DECIMAL32)
                    + " s after the start, past any date", ex);
        }
    }
}
