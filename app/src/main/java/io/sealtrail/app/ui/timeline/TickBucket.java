package io.sealtrail.app.ui.timeline;

/**
 * A lane's matching events in {@code [start, start + interval)} (epoch microseconds): all of them, and
 * how many failed or were denied, so the tick can be coloured by its worst outcome.
 */
public record TickBucket(long start, long all, long failed, long denied) {
}
