package io.sealtrail.sources;

import java.io.IOException;

/**
 * Receives the records of a source one at a time: readers stream, they never collect. Line formats pass records in
 * file order; a format that folds several lines into one record (Kubernetes audit stages) passes it when its last
 * line is read. The index orders by time either way.
 */
@FunctionalInterface
public interface RecordSink {
    void accept(SourceRecord record) throws IOException;
}
