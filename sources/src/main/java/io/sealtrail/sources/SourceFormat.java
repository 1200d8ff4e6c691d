package io.sealtrail.sources;

import java.io.IOException;
import java.io.InputStream;

/**
 * A log format Sealtrail reads. Implementations are stateless and thread-safe; all state of one read lives in
 * the {@link #read} call. See docs/sources.md for each format's mapping to the event model.
 */
public interface SourceFormat {

    /** The name the person types after {@code --format} and that events keep as {@code source.format}. */
    String name();

    /** One line for {@code sealtrail formats}: what it reads and what integrity evidence it carries. */
    String description();

    /**
     * Whether the start of a file, decompressed, is this format. Decided from the content only, and strict
     * enough that no other supported format is also recognised (SourceFormatsTest checks every sample against
     * every format).
     */
    boolean recognizes(Head head);

    /**
     * Reads every record of one file, decompressed, in file order, and passes each on, a malformed one too.
     * Throws only when the file itself cannot be read, never for a bad record.
     */
    void read(InputStream in, SourceFile file, ReadContext context, RecordSink sink) throws IOException;
}
