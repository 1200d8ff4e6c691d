package io.sealtrail.app.ui.trust;

import io.sealtrail.verify.note.VerifierKey;

/** One trusted key as the trust dialog lists it. */
public record TrustedKeyRow(VerifierKey key, boolean sessionOnly) {

    public String name() {
        return key.name();
    }

    public String fingerprint() {
        return key.fingerprint();
    }

    public String scope() {
        return sessionOnly ? "this session only" : "trust store";
    }
}
