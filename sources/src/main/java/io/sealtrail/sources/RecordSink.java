package io.sealtrail.sources;

import java.io.IOException;

/** Receives the records of a source in file order, one at a time: readers stream, they never collect. */
@FunctionalInterface
public interface RecordSink {
    void accept(SourceRecord record) throws IOException;
}
