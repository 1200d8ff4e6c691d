package io.sealtrail.verify.gen;

import io.sealtrail.verify.bundle.Timestamping;

/**
 * The time-stamping authority a generated log's checkpoints are stamped by, one per log origin so that
 * consecutive exports of a log share it. The product ships none: {@code gen --timestamp} finds the test
 * TSA of the tools with {@link java.util.ServiceLoader}, and the demo replays tokens recorded from it
 * (docs/decisions/0017-tools-apart.md).
 */
@FunctionalInterface
public interface GeneratorTsa {
    Timestamping forLog(String origin);
}
