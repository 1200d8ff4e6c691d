package io.sealtrail.cases;

import io.sealtrail.model.Finding;
import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Location;
import io.sealtrail.verify.note.VerifierKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code sealtrail case verify}: re-hashes every evidence and index file of every imported bundle against
 * its import record, and verifies the journal. Any difference is a finding; nothing is repaired.
 */
public final class CaseVerifier {

    public record Result(List<Finding> findings, int bundles, long files, CaseJournal.Check journal) {
        public boolean ok() {
            return journal.ok() && findings.stream().noneMatch(f -> f.severity() == io.sealtrail.model.Severity.ERROR);
        }
    }

    public Result verify(CaseFolder c, List<VerifierKey> trustedAuditors) throws IOException {
        List<Finding> findings = new ArrayList<>();
        List<ImportRecord> records = c.bundles();
        long checked = 0;
        for (ImportRecord r : records) {
            Path dir = c.bundleDir(r.bundleId());
            Set<String> recorded = new HashSet<>();
            for (ImportRecord.FileHash f : r.files()) {
                recorded.add(f.path());
                Path p = dir.resolve(f.path());
                String where = CaseFolder.BUNDLES + "/" + r.bundleId() + "/" + f.path();
                if (!Files.isRegularFile(p)) {
                    findings.add(Finding.of(FindingCode.CASE_FILE_MISSING, Location.file(where), "recorded at import, now gone"));
                    continue;
                }
                checked++;
                String sha = CaseFiles.hash(p);
                if (!sha.equals(f.sha256()) || Files.size(p) != f.size()) {
                    findings.add(Finding.mismatch(FindingCode.CASE_FILE_CHANGED, Location.file(where),
                            "SHA-256 recorded at import", f.sha256(), sha));
                }
            }
            for (String p : CaseFiles.files(dir)) {
                if (!recorded.contains(p) && !p.equals(ImportRecord.FILE)) {
                    findings.add(Finding.of(FindingCode.CASE_FILE_UNEXPECTED,
                            Location.file(CaseFolder.BUNDLES + "/" + r.bundleId() + "/" + p), "not recorded at import"));
                }
            }
        }
        return new Result(findings, records.size(), checked, c.journal().verify(trustedAuditors));
    }
}
