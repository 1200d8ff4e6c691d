package io.sealtrail.index;

import java.time.Instant;

/**
 * One session over the matching events. {@code user} and {@code target} are those of its earliest event
 * that names one (null if none does).
 *
 * @param failures events with outcome failure or denied
 */
public record SessionSpan(String sessionId, Instant start, Instant end, String user, String target, long events,
                          long failures) {
}
