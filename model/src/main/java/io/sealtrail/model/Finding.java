package io.sealtrail.model;

import java.util.Map;
import java.util.Objects;

/**
 * One result of a check. Findings are data: the CLI, the workbench and the reports render the same
 * records. {@code details} holds machine-readable values such as {@code expected} and {@code computed}.
 */
public record Finding(FindingCode code, Severity severity, String message, Location location, Map<String, String> details) {

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        location = location == null ? Location.BUNDLE : location;
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static Finding of(FindingCode code, Location location, String message) {
        return new Finding(code, code.severity(), message, location, Map.of());
    }

    /**
     * A mismatch finding whose message shows both values, as an auditor needs to see them: what the
     * evidence commits to ({@code expected}) and what is actually there ({@code found}).
     */
    public static Finding mismatch(FindingCode code, Location location, String what, String expected, String found) {
        return new Finding(code, code.severity(),
                what + ": expected " + expected + ", found " + found,
                location, Map.of("expected", expected, "found", found));
    }
}
