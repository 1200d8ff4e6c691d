package io.sealtrail.index;

import java.io.PrintWriter;
import java.util.List;

/**
 * How search results are written, by the CLI and the workbench alike: a line a person reads, the evidence
 * line itself (JSONL, byte for byte what the bundle holds), or CSV safe to open in a spreadsheet.
 */
public enum HitFormat {
    TEXT, JSONL, CSV;

    public static final List<String> CSV_COLUMNS = List.of("time", "bundle_id", "seq", "event.action", "event.outcome",
            "user.name", "target.kind", "target.name", "session.id", "command", "query", "integrity", "event.hash");

    /** An all-fields CSV's columns: every schema field, then the raw record (where a source's own fields are). */
    public static final List<String> ALL_FIELDS = java.util.stream.Stream.concat(HitFields.SCHEMA.stream(),
            java.util.stream.Stream.of("raw")).toList();

    /** A CSV header row naming {@code columns} (index field names, {@code raw} for the raw record). */
    public static void csvHeader(List<String> columns, PrintWriter o) {
        o.println(String.join(",", columns.stream().map(HitFormat::csv).toList()));
    }

    /**
     * A CSV row of {@code columns} of {@code h}; several values of one field are joined by ", " in one cell. The
     * {@code integrity} column says the event's standing, in the words the window and the PDF use.
     */
    public static void csvRow(Hit h, EventStanding standing, List<String> columns, PrintWriter o) {
        o.println(String.join(",", columns.stream().map(c -> csv("raw".equals(c) ? h.raw()
                : IndexSchema.INTEGRITY.equals(c) ? standing.label() : HitFields.value(h, c))).toList()));
    }

    /** What comes before the first hit: the CSV header row, nothing otherwise. */
    public void header(PrintWriter o) {
        if (this == CSV) {
            o.println(String.join(",", CSV_COLUMNS));
        }
    }

    /** One hit, with what an auditor may say of it ({@link EventSearch#standing}): words only where it is not proven. */
    public void print(Hit h, EventStanding standing, PrintWriter o) {
        switch (this) {
            case TEXT -> o.printf("%s  %s:%-7d %-8s %-14s %-20s -> %-22s %s%s%n", h.time(), shortId(h.bundleId()), h.seq(),
                    nz(h.outcome()), nz(h.action()), nz(h.userName()), nz(h.targetName()),
                    h.command() != null ? h.command() : nz(h.query()),
                    standing == EventStanding.PROVEN ? "" : "  [" + standing.label() + "]");
            // the evidence exactly as the bundle holds it: what you see is what you export
            case JSONL -> o.println(h.raw());
            case CSV -> o.println(String.join(",", List.of(str(h.time()), h.bundleId(), Long.toString(h.seq()),
                    nz(h.action()), nz(h.outcome()), nz(h.userName()), nz(h.targetKind()), nz(h.targetName()),
                    nz(h.sessionId()), nz(h.command()), nz(h.query()), standing.label(), nz(h.entryHash()))
                    .stream().map(HitFormat::csv).toList()));
        }
    }

    static String shortId(String id) {
        return id.length() > 8 ? id.substring(0, 8) : id;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    /** RFC 4180 quoting; a leading =, +, - or @ is quoted too, so spreadsheets never run a cell as a formula. */
    public static String csv(String s) {
        boolean formula = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0;
        if (formula) {
            s = "'" + s;
        }
        if (formula || s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
