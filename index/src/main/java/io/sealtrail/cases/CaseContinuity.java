package io.sealtrail.cases;

import io.sealtrail.model.Finding;
import io.sealtrail.model.FindingCode;
import io.sealtrail.verify.VerificationReport;
import io.sealtrail.verify.VerifyOptions;
import io.sealtrail.verify.bundle.BundleFormatException;
import io.sealtrail.verify.bundle.BundleSource;
import io.sealtrail.verify.bundle.Manifest;
import io.sealtrail.verify.bundle.ManifestCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Continuity between the exports of one log that a case holds, whatever order they were imported in: an export
 * whose manifest names a previous export is verified against that export when the case holds it (the verifier's
 * {@code previous}), and when it does not, the finding says which export is missing in between. The standalone
 * verifier's advice to pass a command-line flag means nothing inside a case, a window or a PDF.
 */
public final class CaseContinuity {
    /** A bundle of the case: its evidence copy and its manifest (null when the manifest cannot be read). */
    private record Held(Path evidence, Manifest manifest) {
    }

    private final Map<String, Held> held;

    private CaseContinuity(Map<String, Held> held) {
        this.held = held;
    }

    /** The bundles of a case (sources have no manifest and take no part). */
    public static CaseContinuity of(CaseFolder c) throws IOException {
        return of(c, c.bundles());
    }

    public static CaseContinuity of(CaseFolder c, List<ImportRecord> records) {
        Map<String, Held> held = new LinkedHashMap<>();
        for (ImportRecord r : records) {
            if (r.isBundle()) {
                Path evidence = r.evidence(c.bundleDir(r.bundleId()));
                held.put(r.bundleId(), new Held(evidence, manifest(evidence)));
            }
        }
        return new CaseContinuity(held);
    }

    /**
     * The case around an evidence copy (case/bundles/&lt;id&gt;/evidence/&lt;file&gt;), or null when the file is not
     * a case's copy (a bundle opened for a look).
     */
    public static CaseContinuity around(Path evidence) throws IOException {
        Path bundleDir = up(evidence.toAbsolutePath().normalize(), 2);
        Path caseDir = up(bundleDir, 2);
        if (caseDir == null || !CaseFolder.isCase(caseDir) || !Files.isRegularFile(bundleDir.resolve(ImportRecord.FILE))) {
            return null;
        }
        return of(CaseFolder.open(caseDir, Clock.systemUTC()));
    }

    private static Path up(Path p, int levels) {
        for (int i = 0; i < levels && p != null; i++) {
            p = p.getParent();
        }
        return p;
    }

    /** The evidence copy of the export this bundle names as previous, when the case holds it; else null. */
    public Path previousOf(String bundleId) {
        Held h = held.get(bundleId);
        if (h == null || h.manifest() == null || h.manifest().previous() == null) {
            return null;
        }
        Held prev = held.get(h.manifest().previous().bundleId());
        return prev == null ? null : prev.evidence();
    }

    /** The options to verify this bundle of the case with: against its previous export when the case holds it. */
    public VerifyOptions options(String bundleId, VerifyOptions base) {
        return base.withPrevious(previousOf(bundleId));
    }

    /** The same, for the bundle of the case whose evidence copy this is (a copy the case does not hold: base). */
    public VerifyOptions options(Path evidence, VerifyOptions base) {
        Path p = evidence.toAbsolutePath().normalize();
        return held.entrySet().stream().filter(e -> e.getValue().evidence().toAbsolutePath().normalize().equals(p))
                .findFirst().map(e -> options(e.getKey(), base)).orElse(base);
    }

    /**
     * The report of a verification made with {@link #options} in the case's words: its CONTINUITY_NOT_CHECKED says
     * which export the case lacks (bundle id, leaves) instead of advising a command-line flag, and a previous export
     * that fails itself is named by its bundle id, not by the path of the case's copy. Nothing else changes.
     */
    public VerificationReport explain(VerificationReport v) {
        Manifest m = v.manifest();
        if (m == null || m.previous() == null) {
            return v;
        }
        Held prev = held.get(m.previous().bundleId());
        List<Finding> findings = new ArrayList<>();
        for (Finding f : v.findings()) {
            if (prev == null && f.code() == FindingCode.CONTINUITY_NOT_CHECKED) {
                findings.add(new Finding(f.code(), f.severity(), missing(m), f.location(), f.details()));
            } else if (prev != null && f.code() == FindingCode.CONTINUITY_BROKEN
                    && f.message().contains(prev.evidence().toString())) {
                // the case's copy is named by its bundle id, and its own findings are listed beside it
                findings.add(new Finding(f.code(), f.severity(), f.message()
                        .replace(prev.evidence().toString(), m.previous().bundleId() + ", which this case holds,")
                        .replace("verify it on its own to see them", "its findings are listed with it"),
                        f.location(), f.details()));
            } else {
                findings.add(f);
            }
        }
        return new VerificationReport(v.bundle(), m, v.verdict(), v.events(), v.segments(), v.eventBytes(), v.checkpoints(),
                v.keys(), findings, v.tail(), v.elapsed());
    }

    /** "continues export X (leaves 3000 to 5999, after export Y that this case holds) which this case does not hold…" */
    String missing(Manifest m) {
        Manifest before = null;
        for (Held h : held.values()) {
            Manifest o = h.manifest();
            if (o != null && o.origin().equals(m.origin()) && o.end() <= m.start()
                    && (before == null || o.end() > before.end())) {
                before = o;
            }
        }
        String leaves = before == null ? "the leaves before " + m.start()
                : before.end() == m.start() ? "ending at leaf " + m.start() + "; the case holds export "
                        + before.bundleId() + ", which also ends there but is not the one named"
                : "leaves " + before.end() + " to " + (m.start() - 1) + ", after export " + before.bundleId()
                        + " that the case holds";
        return "continues export " + m.previous().bundleId() + " (" + leaves + "), which this case does not hold:"
                + " nothing proves that no event is missing in between until that export is imported into the case";
    }

    private static Manifest manifest(Path evidence) {
        try (BundleSource s = BundleSource.open(evidence)) {
            return ManifestCodec.read(s.readSmall(Manifest.MANIFEST, BundleSource.MAX_SMALL_FILE));
        } catch (IOException | BundleFormatException | ManifestCodec.ManifestException e) {
            // its own verification reports why; it then simply proves no other export's continuity
            return null;
        }
    }
}
