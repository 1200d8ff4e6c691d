package io.sealtrail.app.ui.bundles;

/**
 * What the verdict banner says about one bundle: a kind (which picks the colour), a headline that answers
 * "can I rely on this bundle?", and one sentence of explanation.
 */
public record Banner(Kind kind, String headline, String detail) {

    /** The banner's kinds; {@link #styleClass()} is the CSS class the view applies. */
    public enum Kind {
        VERIFIED, UNTRUSTED, FAILURE, PENDING, UNREADABLE, CANCELLED,
        /** A source that carries no integrity evidence: neither intact nor failed, and not to be read as either. */
        NO_EVIDENCE;

        public String styleClass() {
            return "verdict-" + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static Banner queued() {
        return new Banner(Kind.PENDING, "Waiting to verify…", "Other verifications run first.");
    }

    static Banner verifying() {
        return new Banner(Kind.PENDING, "Verifying…", "Reading every event, checkpoint, signature and timestamp.");
    }

    static Banner cancelled() {
        return new Banner(Kind.CANCELLED, "Verification cancelled",
                "Nothing was concluded. Press F5 (Bundle ▸ Verify again) to verify it.");
    }

    static Banner unreadable(String why) {
        return new Banner(Kind.UNREADABLE, "Not a readable bundle", why);
    }
}
