package io.sealtrail.verify.bundle;

/**
 * The input cannot be read as a bundle at all (not a zip or directory, unsafe zip entry, no manifest,
 * I/O error). Distinct from integrity findings: the CLI maps it to exit code 2. The message is one
 * sentence that names the file.
 */
public final class BundleFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public BundleFormatException(String message) {
        super(message);
    }

    public BundleFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
