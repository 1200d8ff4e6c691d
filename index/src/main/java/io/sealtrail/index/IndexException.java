package io.sealtrail.index;

/**
 * The index cannot answer: it is missing, of another schema version, unreadable, or the query is not
 * valid. Never turned into "no results", because an auditor would read silence as absence of evidence.
 */
public class IndexException extends Exception {
    private static final long serialVersionUID = 1L;

    public IndexException(String message) {
        super(message);
    }

    public IndexException(String message, Throwable cause) {
        super(message, cause);
    }
}
