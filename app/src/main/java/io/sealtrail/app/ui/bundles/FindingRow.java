package io.sealtrail.app.ui.bundles;

import io.sealtrail.model.Finding;
import io.sealtrail.model.Severity;
import java.util.Map;
import java.util.TreeMap;

/** One row of the findings table: the finding plus the strings the table shows. */
public record FindingRow(Finding finding) {

    public Severity severity() {
        return finding.severity();
    }

    public String severityText() {
        return switch (finding.severity()) {
            case ERROR -> "Error";
            case WARNING -> "Warning";
            case INFO -> "Info";
        };
    }

    public String code() {
        return finding.code().name();
    }

    public String message() {
        return finding.message();
    }

    public String location() {
        return finding.location().toString();
    }

    /** What the check is about, from the stable code table. */
    public String codeSummary() {
        return finding.code().summary();
    }

    /** Expected/found and any other machine-readable values, sorted by name; empty when there are none. */
    public Map<String, String> details() {
        return new TreeMap<>(finding.details());
    }
}
