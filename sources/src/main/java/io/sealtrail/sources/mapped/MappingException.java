package io.sealtrail.sources.mapped;

import java.io.IOException;

/** A mapping file that cannot be used; the message is a sentence for the person who wrote it. */
public final class MappingException extends IOException {
    public MappingException(String message) {
        super(message);
    }

    public MappingException(String message, Throwable cause) {
        super(message, cause);
    }
}
