package io.sealtrail.model;

/**
 * The one-word answer to "can I rely on this bundle?". Integrity and trust are separate questions:
 * an intact bundle signed by a key nobody vouched for is {@link #INTACT_UNTRUSTED}, not verified.
 * The exit codes are the CLI's documented contract
 * (2 is taken: unreadable input or wrong usage).
 */
public enum Verdict {
    /** Intact, complete, and signed by a key the auditor trusts. */
    VERIFIED(0),
    /** At least one integrity finding: tampered, truncated, broken chain, proof or signature, gaps. */
    INTEGRITY_FAILURE(1),
    /** Intact, but no key the auditor trusts signed it. */
    INTACT_UNTRUSTED(3),
    /**
     * A source that carries no integrity evidence at all (a syslog file, a Kubernetes audit log): nothing can
     * show whether it was changed before it reached the auditor. Not a failure, and never "verified".
     */
    NO_INTEGRITY_EVIDENCE(4);

    /**
     * The words for {@link #NO_INTEGRITY_EVIDENCE}, the same in the CLI, the window and the PDF: said plainly, never
     * softened into "unverified" or "not checked", which would suggest a check could have passed.
     */
    public static final String NO_EVIDENCE = "this source carries no integrity evidence";

    private final int exitCode;

    Verdict(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
