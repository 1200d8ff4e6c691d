package io.sealtrail.model;

import java.util.Objects;

/**
 * One event of a case, named by the bundle (or source) it came from and its sequence number there. Written
 * {@code BUNDLE_ID:SEQ} in the journal, on the command line and in reports; bundle ids hold no colon, but the
 * last one is taken so that an id that did would still read back.
 */
public record EventRef(String bundleId, long seq) {

    public EventRef {
        Objects.requireNonNull(bundleId, "bundleId");
    }

    /**
     * Reads {@code BUNDLE_ID:SEQ}.
     *
     * @return null when {@code text} is null or names no bundle before its last colon
     * @throws NumberFormatException when what follows the colon is not a whole number
     */
    public static EventRef parse(String text) {
        int colon = text == null ? -1 : text.lastIndexOf(':');
        if (colon < 1) {
            return null;
        }
        return new EventRef(text.substring(0, colon), Long.parseLong(text.substring(colon + 1)));
    }

    /** {@code BUNDLE_ID:SEQ}, the form {@link #parse} reads. */
    @Override
    public String toString() {
        return bundleId + ":" + seq;
    }
}
