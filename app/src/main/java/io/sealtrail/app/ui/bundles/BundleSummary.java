package io.sealtrail.app.ui.bundles;

import io.sealtrail.sources.SourceVerification;
import io.sealtrail.model.Severity;
import io.sealtrail.model.Verdict;
import io.sealtrail.verify.VerificationReport;
import io.sealtrail.verify.bundle.Manifest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Everything the workbench shows about one verified bundle, computed once from a
 * {@link VerificationReport} off the FX thread. Pure: no toolkit, no I/O, so it is tested directly.
 */
public record BundleSummary(String bundleId, Verdict verdict, Banner banner, String origin, String leafRange, String timeRange,
                            String events, String checkpoints, List<FindingRow> findings,
                            List<CheckpointRow> checkpointRows, List<KeyRow> keys, int errors, int warnings,
                            int infos) {

    static final String NONE = "—";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    public BundleSummary {
        findings = List.copyOf(findings);
        checkpointRows = List.copyOf(checkpointRows);
        keys = List.copyOf(keys);
    }

    /**
     * @param sessionOnly fingerprints of keys trusted for this session only (not in the trust store)
     */
    public static BundleSummary of(VerificationReport r, Set<String> sessionOnly) {
        Manifest m = r.manifest();
        int errors = (int) r.count(Severity.ERROR);
        String origin = m == null ? NONE : m.origin();
        String leaves = m == null ? NONE : "[" + number(m.start()) + ", " + number(m.end()) + ")";
        String time = m == null ? NONE : time(m.timeFrom()) + "  →  " + time(m.timeTo());
        String events = number(r.events()) + " in " + r.segments() + (r.segments() == 1 ? " segment" : " segments")
                + ", " + megabytes(r.eventBytes());
        long stamped = r.checkpoints().stream().filter(c -> c.timestamp() != null).count();
        String checkpoints = r.checkpoints().size() + ", " + (stamped == r.checkpoints().size() && stamped > 0
                ? "all timestamped" : stamped + " timestamped");
        List<FindingRow> findings = r.findings().stream().map(FindingRow::new).toList();
        List<CheckpointRow> cps = r.checkpoints().stream().map(BundleSummary::row).toList();
        List<KeyRow> keys = r.keys().stream().map(k -> row(k, sessionOnly)).toList();
        return new BundleSummary(m == null ? null : m.bundleId(), r.verdict(), banner(r, errors, sessionOnly), origin, leaves, time, events,
                checkpoints, findings, cps, keys, errors, (int) r.count(Severity.WARNING), (int) r.count(Severity.INFO));
    }

    /**
     * A source of another format (docs/sources.md) as its import judged it: the verdict and findings it recorded,
     * in the same banner words, with what vouches for it in place of checkpoints.
     */
    public static BundleSummary ofSource(String sourceId, String format, long events, SourceVerification v) {
        int errors = (int) v.count(Severity.ERROR);
        Banner banner = switch (v.verdict()) {
            case VERIFIED -> new Banner(Banner.Kind.VERIFIED, "Verified: signed by " + String.join(", ", v.signers()),
                    "Intact and complete by its own evidence (" + format + "), signed by a key you trust.");
            case INTACT_UNTRUSTED -> new Banner(Banner.Kind.UNTRUSTED, "Intact but not signed by a key you trust",
                    "Nothing was altered, but nobody you trust vouches for it. Trust the signer's keys (for CloudTrail: "
                            + "Trust ▸ CloudTrail keys…), then import it again.");
            case INTEGRITY_FAILURE -> new Banner(Banner.Kind.FAILURE,
                    "Integrity failure: " + errors + (errors == 1 ? " error" : " errors"),
                    "The evidence is not what was signed. The findings below say where.");
            case NO_INTEGRITY_EVIDENCE -> new Banner(Banner.Kind.NO_EVIDENCE, "Carries no integrity evidence",
                    "Nothing shows whether this source (" + format + ") was changed before it reached you: its events"
                            + " are marked unsealed. The SHA-256 of every file as received is in the case journal.");
        };
        long files = v.files().stream().filter(f -> f.role().equals("log")).count();
        long proven = v.files().stream().filter(f -> f.role().equals("log")
                && f.integrity() == SourceVerification.FileIntegrity.VERIFIED).count();
        String evidence = switch (v.verdict()) {
            case NO_INTEGRITY_EVIDENCE -> "none: the source carries no integrity evidence";
            // without a trusted key the signatures were not checked: the files only match what the evidence lists
            case INTACT_UNTRUSTED -> "none: the evidence is per file (" + proven + " of " + files
                    + " files match what it lists; no key you trust checked its signatures)";
            default -> "none: the evidence is per file (" + proven + " of " + files + " files in valid signed evidence)";
        };
        // the keys that signed its evidence are the ones the auditor supplied and trusts (CloudTrail: --cloudtrail-keys)
        List<KeyRow> keys = v.signers().stream()
                .map(s -> new KeyRow(s, s.substring(s.lastIndexOf(' ') + 1), true, "trusted", "signed the evidence"))
                .toList();
        return new BundleSummary(sourceId, v.verdict(), banner, format, NONE, NONE,
                number(events) + " in " + files + (files == 1 ? " file" : " files"), evidence,
                v.findings().stream().map(FindingRow::new).toList(), List.of(), keys, errors,
                (int) v.count(Severity.WARNING), (int) v.count(Severity.INFO));
    }

    /**
     * The checkpoint that vouches for leaf {@code leaf}: the smallest whose tree covers it (size &gt; leaf),
     * or null when none does (the leaf is after the last checkpoint).
     */
    public CheckpointRow covering(long leaf) {
        CheckpointRow best = null;
        for (CheckpointRow c : checkpointRows) {
            if (c.treeSize() > leaf && (best == null || c.treeSize() < best.treeSize())) {
                best = c;
            }
        }
        return best;
    }

    static Banner banner(VerificationReport r, int errors, Set<String> sessionOnly) {
        return switch (r.verdict()) {
            case VERIFIED -> {
                List<VerificationReport.KeySummary> signers = r.keys().stream()
                        .filter(k -> k.trusted() && k.signed()).toList();
                String by = signers.isEmpty() ? "a key you trust"
                        : signers.get(0).name() + " (" + signers.get(0).fingerprint() + ")"
                        + (signers.size() > 1 ? " and " + (signers.size() - 1) + " more" : "");
                boolean session = !signers.isEmpty() && signers.stream().allMatch(k -> sessionOnly.contains(k.fingerprint()));
                yield new Banner(Banner.Kind.VERIFIED, "Verified: signed by " + by,
                        "Intact and complete, and signed by a key you trust"
                                + (session ? " for this session only (not in your trust store)." : "."));
            }
            case INTACT_UNTRUSTED -> new Banner(Banner.Kind.UNTRUSTED, "Intact but not signed by a key you trust",
                    "Nothing was altered, but nobody you trust vouches for it. Confirm the signer's fingerprint "
                            + "with the producer, then trust it (Trust ▸ Manage trusted keys…).");
            case INTEGRITY_FAILURE -> new Banner(Banner.Kind.FAILURE,
                    "Integrity failure: " + errors + (errors == 1 ? " error" : " errors"),
                    Character.toUpperCase(r.failureSummary().charAt(0)) + r.failureSummary().substring(1)
                            + ". The findings below say where.");
            case NO_INTEGRITY_EVIDENCE -> new Banner(Banner.Kind.NO_EVIDENCE,
                    "Carries no integrity evidence", "Nothing shows whether this source was changed before it reached you: its events are marked"
                            + " unsealed.");
        };
    }

    private static CheckpointRow row(VerificationReport.CheckpointSummary c) {
        String signedBy = c.signedBy().isEmpty() ? NONE : String.join(", ", c.signedBy());
        String names = c.signedBy().isEmpty() ? NONE : String.join(", ", c.signedBy().stream()
                .map(s -> s.contains(" (") ? s.substring(0, s.indexOf(" (")) : s).toList());
        String stamp = c.timestamp() == null ? NONE : time(c.timestamp());
        String tsa = c.timestampAuthority() == null ? NONE
                : commonName(c.timestampAuthority()) + (c.timestampAuthorityTrusted() ? "" : " (not trusted)");
        return new CheckpointRow(c.file(), c.treeSize(), c.rootHash(), c.rootVerified(), names, signedBy, c.trusted(), stamp,
                tsa, c.timestampAuthority() == null ? NONE : c.timestampAuthority(), c.rootVerifiedWithAlterations());
    }

    private static KeyRow row(VerificationReport.KeySummary k, Set<String> sessionOnly) {
        String trust = !k.trusted() ? "not trusted"
                : sessionOnly.contains(k.fingerprint()) ? "trusted for this session only" : "trusted";
        String role = (k.declared() ? "declared by the bundle" : "not declared by the bundle")
                + (k.signed() ? ", signed" : ", signed nothing here");
        return new KeyRow(k.name(), k.fingerprint(), k.trusted(), trust, role);
    }

    /** "CN=Sealtrail Test TSA,O=..." → "Sealtrail Test TSA"; the whole name when there is no CN. */
    static String commonName(String dn) {
        for (String part : dn.split(",")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "CN=", 0, 3)) {
                return p.substring(3);
            }
        }
        return dn;
    }

    static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String time(Instant t) {
        return t == null ? NONE : UTC.format(t);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }
}
