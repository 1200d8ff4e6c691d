package io.sealtrail.report;

import io.sealtrail.report.ReportModel.CitedEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** cited-events.csv: RFC 4180, UTF-8, one row per annotation, header first. */
final class CitedEventsCsv {
    static final String HEADER = "bundle_id,seq,time,action,user,target,outcome,entry_hash,checkpoint_size,"
            + "checkpoint_root,checkpoint_file,journal_seq,tags,comment,proof_file,no_proof_reason";

    private CitedEventsCsv() {
    }

    static byte[] write(List<CitedEvent> events) {
        StringBuilder sb = new StringBuilder(HEADER).append("\r\n");
        for (CitedEvent e : events) {
            Object[] v = {e.bundleId(), e.seq(), e.time(), e.action(), e.user(), e.target(), e.outcome(), e.entryHash(),
                    e.checkpointSize() < 0 ? null : e.checkpointSize(), e.checkpointRoot(), e.checkpointFile(), e.journalSeq(), e.tags(), e.comment(),
                    e.proofFile(), e.noProofReason()};
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

    private static String field(String s) {
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
