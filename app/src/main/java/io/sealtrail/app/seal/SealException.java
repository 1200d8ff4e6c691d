package io.sealtrail.app.seal;

/** Why a source could not be sealed; {@link Kind} decides the exit code (README, "Exit codes of seal"). */
public final class SealException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong, in the terms the person can act on. */
    public enum Kind {
        /** A source that cannot be read, holds unreadable records, or has nothing new; or a bad option. */
        BAD_INPUT,
        /** The previous export does not verify: a log is not continued from a broken export. */
        PREVIOUS_BROKEN,
        /** The signing key cannot be used, or it is not the key that signed the previous export. */
        KEY,
        /** The time-stamping authority did not answer, or answered with what does not verify. */
        TSA
    }

    private final Kind kind;

    public SealException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public SealException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
