package io.sealtrail.report;

import java.util.regex.Pattern;

/**
 * A finding's message as a report reader needs it. The verifier's messages end with advice for the command line
 * ("pass --previous", "add it with 'sealtrail trust add'"); a PDF is read by people who never run the command that
 * made it, so the report says what the advice was for, in plain words, and never names a flag.
 */
final class ReportWords {
    private static final String[][] ADVICE = {
        {"; pass --previous to prove that nothing is missing in between",
            "; the case does not hold that export, so nothing shows that no event is missing in between"},
        {" (pass --trust-tsa ROOT.pem to trust it)", " (the auditor has not confirmed that authority's root certificate)"},
        {"; add it with 'sealtrail trust add' or --trust once you have confirmed its fingerprint with the producer",
            "; it deserves trust only once its fingerprint is confirmed with the producer"},
        {"verify the exports in between with --previous to link the two",
            "the exports in between are needed to link the two"},
        {"; run 'sealtrail verify' on this bundle", "; the bundle's verification findings say what changed"},
    };
    /** Any advice the list above does not know yet: a clause that names a flag or a sealtrail command. */
    private static final Pattern OTHER = Pattern.compile("[;(]\\s*(?:pass|use|run|add|with|see|try)\\b[^;()]*?(?:--[a-z][-a-z]*|'sealtrail [^']*')[^;()]*\\)?");

    private ReportWords() {
    }

    static String forReader(String message) {
        if (message == null) {
            return null;
        }
        String m = message;
        for (String[] a : ADVICE) {
            m = m.replace(a[0], a[1]);
        }
        return OTHER.matcher(m).replaceAll("");
    }
}
