package io.sealtrail.index;

import java.time.Instant;

/** Events whose time falls in {@code [start, start + interval)}; buckets are aligned to the epoch, UTC. */
public record Bucket(Instant start, long count) {
}
