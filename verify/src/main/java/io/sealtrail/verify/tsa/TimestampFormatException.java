package io.sealtrail.verify.tsa;

/** A timestamp-related input (PEM chain, token bytes) cannot be parsed. */
public final class TimestampFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public TimestampFormatException(String message) {
        super(message);
    }

    public TimestampFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
