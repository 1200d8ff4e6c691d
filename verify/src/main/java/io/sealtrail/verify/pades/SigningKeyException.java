package io.sealtrail.verify.pades;

/** A signing key file that cannot be used; the message says what is wrong with it. */
public final class SigningKeyException extends Exception {
    private static final long serialVersionUID = 1L;

    public SigningKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
