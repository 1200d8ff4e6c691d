package io.sealtrail.index;

import io.sealtrail.model.Verdict;
import java.util.Locale;

/**
 * What an auditor may say of one event: the index's {@link Integrity} of the event read together with the verdict
 * of the export it came in, since trust in the signer is a property of the export, not of a line. The one
 * vocabulary for events: the table, the detail pane, the CLI, the PDF and {@code report verify} use these words
 * (docs/decisions/0019-event-standing.md).
 */
public enum EventStanding {
    /** Exactly as signed, under a checkpoint a key the auditor trusts signed, in an export without findings. */
    PROVEN("proven", "exactly as signed: a checkpoint signed by a key you trust covers it"),
    /** Exactly as signed under a valid signature, but no key the auditor trusts made it. */
    PROVEN_UNTRUSTED("proven, signer not trusted",
            "exactly as signed under a valid signature, but no key you trust made it: trust the key to rely on it"),
    /** Proven exactly as signed by its export's signed roots, while other events of that export were changed. */
    PROVEN_AMID_EDITS("proven, export altered",
            "exactly as signed, proven by its export's signed checkpoint; other events of that export were changed"
                    + " after signing (see the export's findings)"),
    /** The line, or the range it is in, does not match what was signed. */
    ALTERED("altered", "changed after it was signed: this line or its range does not match what was signed"),
    /** No signed checkpoint that verified covers it. */
    NOT_COVERED("not covered", "no signed checkpoint that verified covers it: nothing signed vouches for it"),
    /** From a source that carries no integrity evidence at all. */
    NO_EVIDENCE("no integrity evidence", Verdict.NO_EVIDENCE);

    private final String label;
    private final String meaning;

    EventStanding(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    /**
     * @param integrity what verification established about the event
     * @param export    the verdict of the export it came in, as the case recorded it; null when not known, which
     *                  never yields {@link #PROVEN}: trust is never assumed
     */
    public static EventStanding of(Integrity integrity, Verdict export) {
        return switch (integrity) {
            case BROKEN -> ALTERED;
            case NOT_COVERED -> NOT_COVERED;
            case UNSEALED -> NO_EVIDENCE;
            case VERIFIED -> export == Verdict.VERIFIED ? PROVEN
                    : export == Verdict.INTEGRITY_FAILURE ? PROVEN_AMID_EDITS
                    : PROVEN_UNTRUSTED;
        };
    }

    /** The short words, for a table cell or a bracket in a CLI line. */
    public String label() {
        return label;
    }

    /** One clause that says what the words mean, for the detail pane and the PDF. */
    public String meaning() {
        return meaning;
    }

    /** Whether signed checkpoints prove the event as it is, so an inclusion proof can be made for it. */
    public boolean proven() {
        return this == PROVEN || this == PROVEN_UNTRUSTED || this == PROVEN_AMID_EDITS;
    }

    /** The CSS class of the words in the window: {@code standing-proven}, {@code standing-altered}, … */
    public String styleClass() {
        return "standing-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** "Proven, signer not trusted — exactly as signed …": the words and what they mean, in one line. */
    public String sentence() {
        return Character.toUpperCase(label.charAt(0)) + label.substring(1) + " — " + meaning;
    }
}
