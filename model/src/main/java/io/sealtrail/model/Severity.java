package io.sealtrail.model;

/** How much a finding weighs. Any {@link #ERROR} makes a bundle fail verification. */
public enum Severity {
    ERROR,
    WARNING,
    INFO
}
