package io.sealtrail.index;

import java.util.Locale;

/**
 * What the verification established about one event (docs/decisions/0004-index-schema.md). Trust in
 * the signer is a property of the whole bundle (its verdict), not of an event, so it is not here.
 */
public enum Integrity {
    /** Below a signed checkpoint whose root the events reproduce, and no finding on the line. */
    VERIFIED,
    /** In a range whose checkpoint root does not match, or the line itself has a finding. */
    BROKEN,
    /** After the last verified checkpoint, with no mismatch involved: nothing signed vouches for it. */
    NOT_COVERED,
    /** From a source that carries no integrity evidence at all (docs/sources.md): nothing could be checked. */
    UNSEALED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Integrity fromWire(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
