package io.sealtrail.sources;

import io.sealtrail.model.Finding;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a reader may need besides the bytes: the person's answers to what a format leaves open, and where to
 * say what was assumed.
 *
 * @param year     the year of timestamps that carry none (syslog), or null to take the file's modification year
 * @param zone     the zone of timestamps that carry none, or null for UTC; either way it is said in a finding
 * @param mapping  the mapping file for JSON Lines / CSV sources nobody wrote a reader for, or null
 * @param findings receives findings about the source as a whole (assumed year and zone, a mapping's notes);
 *                 malformed records are not reported here but passed on as records
 */
public record ReadContext(Integer year, ZoneId zone, Path mapping, Consumer<Finding> findings) {

    public ReadContext {
        Objects.requireNonNull(findings, "findings");
    }

    /** No answers given; findings are dropped (for tests and detection). */
    public static ReadContext defaults() {
        return new ReadContext(null, null, null, f -> { });
    }

    public ReadContext withFindings(Consumer<Finding> sink) {
        return new ReadContext(year, zone, mapping, sink);
    }
}
