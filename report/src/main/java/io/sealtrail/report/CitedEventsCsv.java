package io.sealtrail.report;

import io.sealtrail.report.ReportModel.CitedEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * cited-events.csv: RFC 4180, UTF-8, one row per cited event, header first. An event annotated more than once has
 * its journal entries in {@code journal_seq} separated by spaces, the tags of all of them, and each comment on a
 * line of its own, in journal order.
 */
final class CitedEventsCsv {
    static final String HEADER = "bundle_id,seq,time,action,user,target,outcome,entry_hash,checkpoint_size,"
            + "checkpoint_root,checkpoint_file,journal_seq,tags,comment,proof_file,no_proof_reason,standing";

    private CitedEventsCsv() {
    }

    static byte[] write(List<CitedEvent> events) {
        StringBuilder sb = new StringBuilder(HEADER).append("\r\n");
        for (CitedEvent e : events) {
            Object[] v = {e.bundleId(), e.seq(), e.time(), e.action(), e.user(), e.target(), e.outcome(), e.entryHash(),
                    e.checkpointSize() < 0 ? null : e.checkpointSize(), e.checkpointRoot(), e.checkpointFile(),
                    String.join(" ", e.notes().stream().map(n -> Long.toString(n.journalSeq())).toList()),
                    String.join(",", e.notes().stream().flatMap(n -> java.util.Arrays.stream(n.tags().split(",")))
                            .map(String::strip).filter(t -> !t.isEmpty()).distinct().toList()),
                    String.join("\n", e.notes().stream().map(ReportModel.Note::comment).filter(c -> !c.isBlank()).toList()),
                    e.proofFile(), e.noProofReason(), e.standing()};
            for (int i = 0; i < v.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(field(v[i] == null ? "" : v[i].toString()));
            }
            sb.append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Rows as header name → value; RFC 4180 quoting, CRLF or LF line ends. */
    static List<java.util.Map<String, String>> read(byte[] csv) {
        String text = new String(csv, StandardCharsets.UTF_8);
        List<List<String>> records = new java.util.ArrayList<>();
        List<String> rec = new java.util.ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                rec.add(f.toString());
                f.setLength(0);
                any = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || f.length() > 0) {
                    rec.add(f.toString());
                    records.add(rec);
                }
                rec = new java.util.ArrayList<>();
                f.setLength(0);
                any = false;
            } else {
                f.append(c);
                any = true;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quoted field is not closed");
        }
        if (any || f.length() > 0) {
            rec.add(f.toString());
            records.add(rec);
        }
        if (records.isEmpty()) {
            throw new IllegalArgumentException("no header line");
        }
        List<String> header = records.get(0);
        List<java.util.Map<String, String>> out = new java.util.ArrayList<>();
        for (List<String> r : records.subList(1, records.size())) {
            if (r.size() != header.size()) {
                throw new IllegalArgumentException("a row has " + r.size() + " fields, the header " + header.size());
            }
            java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                m.put(header.get(i), r.get(i));
            }
            out.add(m);
        }
        return out;
    }

    private static String field(String s) {
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
