package io.sealtrail.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which report to write: the sections differ, the evidence, queries and attachments do not. */
public enum ReportTemplate {
    /** Provenance, completeness, field coverage, access summary, cited events (PCI DSS 10, SOC 2 CC6/CC7). */
    ACCESS_REVIEW("access-review", "Access review"),
    /** The selected events in time order with the sessions involved and the cited events. */
    INCIDENT_TIMELINE("incident-timeline", "Incident timeline"),
    /** Every verification finding, checkpoints, continuity, heartbeat gaps, unsigned and altered events. */
    INTEGRITY("integrity", "Integrity of the evidence");

    private final String id;
    private final String title;

    ReportTemplate(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** The name on the command line, e.g. {@code incident-timeline}. */
    public String id() {
        return id;
    }

    /** What the report calls itself, e.g. "Incident timeline". */
    public String title() {
        return title;
    }

    /** {@code access-review}, {@code incident-timeline} or {@code integrity}; anything else names the choices. */
    public static ReportTemplate byId(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.id.equals(n)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown report template \"" + name + "\"; choose one of "
                        + Arrays.stream(values()).map(ReportTemplate::id).collect(Collectors.joining(", "))));
    }
}
