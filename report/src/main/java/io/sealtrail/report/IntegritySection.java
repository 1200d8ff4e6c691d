package io.sealtrail.report;

import io.sealtrail.cases.ImportRecord;
import io.sealtrail.index.EventQuery;
import io.sealtrail.index.EventSearch;
import io.sealtrail.index.Hit;
import io.sealtrail.index.IndexException;
import io.sealtrail.index.IndexSchema;
import io.sealtrail.model.Finding;
import io.sealtrail.model.FindingCode;
import io.sealtrail.report.ReportModel.AlteredEvent;
import io.sealtrail.report.ReportModel.BundleIntegrity;
import io.sealtrail.report.ReportModel.CheckpointRow;
import io.sealtrail.report.ReportModel.Continuity;
import io.sealtrail.report.ReportModel.FindingRow;
import io.sealtrail.report.ReportModel.IntegrityDetail;
import io.sealtrail.verify.VerificationReport;
import io.sealtrail.verify.bundle.Manifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The integrity template: every bundle's verification in full, and the continuity of each export with the one
 * before it when that one is in the case (the report verifies the export against it, see CaseContinuity).
 */
final class IntegritySection {
    /** Beyond this many findings per bundle the table stops; the attached verification JSON has them all. */
    static final int MAX_FINDINGS = 2000;
    static final Set<FindingCode> NOT_COVERED = Set.of(FindingCode.EVENTS_NOT_COVERED, FindingCode.CHECKPOINT_MISSING,
            FindingCode.CHECKPOINT_FINAL_MISSING);

    private IntegritySection() {
    }

    static IntegrityDetail build(EventSearch search, QueryLog q, List<ImportRecord> bundles,
                                 Map<String, VerificationReport> reports) throws IndexException {
        List<BundleIntegrity> out = new ArrayList<>();
        for (ImportRecord r : bundles) {
            VerificationReport v = reports.get(r.bundleId());
            Manifest m = v.manifest();
            List<FindingRow> all = v.findings().stream().map(f -> ReportBuilder.row(r.bundleId(), f)).toList();
            List<CheckpointRow> checkpoints = v.checkpoints().stream().map(cp -> new CheckpointRow(cp.file(), cp.treeSize(),
                    cp.rootHash(), cp.rootVerified() ? "reproduced from the events"
                            : cp.rootVerifiedWithAlterations() ? "reproduced once the altered events get their signed hashes back"
                            : "NOT reproduced", cp.signedBy(), cp.trusted(), cp.timestamp())).toList();
            List<FindingRow> gaps = rows(r, v, Set.of(FindingCode.HEARTBEAT_GAP, FindingCode.HEARTBEAT_NOT_DECLARED));
            List<FindingRow> notCovered = rows(r, v, NOT_COVERED);
            String inBundle = EventQuery.term(IndexSchema.BUNDLE_ID, r.bundleId());
            QueryLog.Result nc = q.run("events of bundle " + r.bundleId() + " not covered by a signed checkpoint",
                    QueryLog.and(inBundle, "integrity:not_covered"));
            QueryLog.Result broken = q.run("events of bundle " + r.bundleId() + " whose evidence is broken",
                    QueryLog.and(inBundle, "integrity:broken"));
            List<AlteredEvent> altered = new ArrayList<>();
            for (Finding f : v.findings()) {
                if (f.code() != FindingCode.EVENT_ALTERED) {
                    continue;
                }
                long seq = f.location().seq();
                List<Hit> hits = seq < 0 ? List.of()
                        : search.search(EventQuery.of(QueryLog.and(inBundle, "seq:" + seq)), 1, null).hits();
                Hit h = hits.isEmpty() ? null : hits.get(0);
                altered.add(new AlteredEvent(seq, f.location().toString(), f.details().get("expected"), f.details().get("found"),
                        h == null ? null : h.time(), h == null ? null : h.action(), h == null ? null : h.outcome(),
                        h == null ? null : h.userName(), h == null ? null : h.targetName(), ReportWords.forReader(f.message())));
            }
            out.add(new BundleIntegrity(r.bundleId(), v.verdict().name(), m == null ? -1 : m.heartbeatIntervalSeconds(),
                    m == null ? -1 : m.checkpointInterval(), all.size() > MAX_FINDINGS ? all.subList(0, MAX_FINDINGS) : all,
                    all.size(), checkpoints, continuity(v, reports), gaps, notCovered, nc.count(), nc.id(), altered,
                    broken.count(), broken.id()));
        }
        return new IntegrityDetail(out);
    }

    private static List<FindingRow> rows(ImportRecord r, VerificationReport v, Set<FindingCode> codes) {
        return v.findings().stream().filter(f -> codes.contains(f.code())).map(f -> ReportBuilder.row(r.bundleId(), f))
                .toList();
    }

    /**
     * The export's claim about its predecessor. When the case holds that export, the report verified this one
     * against it (CaseContinuity), so the verifier's own CONTINUITY_BROKEN and COMPACT_RANGE_INVALID findings are
     * the problems, in the verifier's words.
     */
    static Continuity continuity(VerificationReport v, Map<String, VerificationReport> reports) {
        Manifest m = v.manifest();
        if (m == null || m.previous() == null) {
            return new Continuity(null, m == null ? -1 : m.start(), false, List.of());
        }
        String previousId = m.previous().bundleId();
        boolean inCase = reports.values().stream()
                .anyMatch(p -> p.manifest() != null && p.manifest().bundleId().equals(previousId));
        List<String> problems = !inCase ? List.of() : v.findings().stream()
                .filter(f -> f.code() == FindingCode.CONTINUITY_BROKEN || f.code() == FindingCode.COMPACT_RANGE_INVALID)
                .map(f -> f.code() + ": " + ReportWords.forReader(f.message())).toList();
        return new Continuity(previousId, m.start(), inCase, problems);
    }
}
