package io.sealtrail.report;

import io.sealtrail.verify.note.VerifierKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the auditor asks of a report. {@code from}/{@code to} bound every query ({@code [from, to)}, UTC,
 * either may be null for open); {@code query} narrows every table (default {@code *}). {@code trustedKeys}
 * are the log keys the auditor trusts: the evidence is re-verified against them.
 */
public record ReportOptions(String title, String auditor, Instant from, Instant to, String query,
                            Instant generatedAt, String sealtrailVersion, List<VerifierKey> trustedKeys) {

    public ReportOptions {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(auditor, "auditor");
        Objects.requireNonNull(generatedAt, "generatedAt");
        query = query == null || query.isBlank() ? "*" : query.strip();
        sealtrailVersion = sealtrailVersion == null ? "unknown" : sealtrailVersion;
        trustedKeys = List.copyOf(trustedKeys);
    }

    public static ReportOptions of(String title, String auditor, Instant generatedAt, List<VerifierKey> trustedKeys) {
        return new ReportOptions(title, auditor, null, null, "*", generatedAt, null, trustedKeys);
    }

    public ReportOptions withPeriod(Instant newFrom, Instant newTo) {
        return new ReportOptions(title, auditor, newFrom, newTo, query, generatedAt, sealtrailVersion, trustedKeys);
    }

    public ReportOptions withQuery(String q) {
        return new ReportOptions(title, auditor, from, to, q, generatedAt, sealtrailVersion, trustedKeys);
    }

    public ReportOptions withVersion(String v) {
        return new ReportOptions(title, auditor, from, to, query, generatedAt, v, trustedKeys);
    }
}
