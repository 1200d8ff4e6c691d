package io.sealtrail.verify.event;

import io.sealtrail.model.AuditEvent;
import java.time.Instant;
import java.util.List;

/**
 * What could be read from one event line. {@code seq}, {@code prev} and {@code time} are filled in
 * whenever they are readable, even if other parts of the line are broken, so chain and sequence checks
 * keep working; {@code event} is null unless the whole line is valid.
 */
public record ParsedLine(AuditEvent event, long seq, String prev, Instant time, String action, List<LineProblem> problems) {

    public boolean ok() {
        return problems.isEmpty();
    }
}
