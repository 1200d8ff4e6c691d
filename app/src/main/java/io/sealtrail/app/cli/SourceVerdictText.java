package io.sealtrail.app.cli;

import io.sealtrail.model.Severity;
import io.sealtrail.model.Verdict;
import io.sealtrail.sources.SourceVerification;

/** A source's verdict in the words {@code verify} uses for bundles, so the two never read differently. */
final class SourceVerdictText {
    private SourceVerdictText() {
    }

    /** The verdict as an import states it: an unsealed source's files are hashed into the case journal. */
    static String line(SourceVerification v) {
        String verdict = verdict(v);
        return v.verdict() == Verdict.NO_INTEGRITY_EVIDENCE
                ? verdict + "; the SHA-256 of every file as received is in the case journal" : verdict;
    }

    static String verdict(SourceVerification v) {
        return switch (v.verdict()) {
            case VERIFIED -> "VERIFIED: intact, complete, and signed by " + String.join(", ", v.signers())
                    + ", a key you trust";
            case INTACT_UNTRUSTED -> "INTACT, NOT TRUSTED: no key you trust signed it (see the findings)";
            case INTEGRITY_FAILURE -> "INTEGRITY FAILURE: " + v.count(Severity.ERROR)
                    + " error(s): the evidence is not what was signed (see the findings)";
            case NO_INTEGRITY_EVIDENCE -> "NO INTEGRITY EVIDENCE: " + Verdict.NO_EVIDENCE;
        };
    }
}
