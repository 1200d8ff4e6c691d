package io.sealtrail.verify;

import io.sealtrail.model.FindingCode;
import io.sealtrail.model.Location;
import io.sealtrail.verify.bundle.Manifest;
import io.sealtrail.verify.tsa.Pem;
import io.sealtrail.verify.tsa.TimestampCheck;
import io.sealtrail.verify.tsa.TimestampFormatException;
import io.sealtrail.verify.tsa.TimestampVerifier;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeSet;

/**
 * RFC 3161 tokens over checkpoint files: imprint, signature, and the TSA chain evaluated at the token's
 * genTime (so a TSA certificate that expired later does not turn old evidence red). Whether the TSA's
 * root is trusted is the auditor's call and does not change the verdict, but is always reported.
 */
final class TimestampChecks {

    /** A valid timestamp over a checkpoint file. */
    record Stamp(Instant genTime, String authority, boolean authorityTrusted) {
    }

    /**
     * What the timestamps established.
     *
     * @param stamps checkpoint path -> its valid timestamp (absent: none, or not a valid one)
     */
    record Result(Map<String, Stamp> stamps, FindingCollector.Collected findings) {
        Result {
            stamps = Map.copyOf(stamps);
        }

        Stamp stamp(String checkpointPath) {
            return stamps.get(checkpointPath);
        }
    }

    /**
     * @param files        the bundle's small files that could be read, by path
     * @param checkpoints  the bundle's valid checkpoints, by tree size
     * @param trustedRoots the TSA roots the auditor trusts
     */
    Result check(Manifest m, Map<String, byte[]> files, NavigableMap<Long, CheckpointFile> checkpoints,
                 List<X509Certificate> trustedRoots) {
        FindingCollector findings = new FindingCollector();
        Map<String, Stamp> stamps = new HashMap<>();
        List<X509Certificate> chain = List.of();
        byte[] pem = files.get(Manifest.TSA_CHAIN);
        if (pem != null) {
            try {
                chain = Pem.readCertificates(pem);
            } catch (TimestampFormatException e) {
                findings.add(FindingCode.TIMESTAMP_MALFORMED, Location.file(Manifest.TSA_CHAIN), e.getMessage());
            }
        } else if (m.files().stream().anyMatch(f -> isToken(f.path()))) {
            // The chain is part of the timestamp evidence: without it a third party cannot re-check the
            // tokens with OpenSSL alone, whatever the tokens happen to carry (docs/bundle-format.md §10).
            findings.add(FindingCode.TIMESTAMP_MALFORMED, Location.file(Manifest.TSA_CHAIN), "the bundle has"
                    + " timestamps but no readable " + Manifest.TSA_CHAIN + "; the tokens are checked against the"
                    + " certificates they carry");
        }
        TimestampVerifier verifier = null; // made on first use: its BouncyCastle provider is slow to load
        TreeSet<String> untrustedTsas = new TreeSet<>();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            String path = f.getKey();
            if (!isToken(path)) {
                continue;
            }
            Location at = Location.file(path);
            String size = path.substring(Manifest.TIMESTAMPS_DIR.length(), path.length() - ".tsr".length());
            String checkpointPath = Manifest.CHECKPOINTS_DIR + size + ".checkpoint";
            byte[] stamped = files.get(checkpointPath);
            if (stamped == null) {
                findings.add(FindingCode.TIMESTAMP_MALFORMED, at, "stamps " + checkpointPath + (m.file(checkpointPath)
                        .isPresent() ? ", which cannot be read" : ", which the bundle lacks"));
                continue;
            }
            if (verifier == null) {
                verifier = new TimestampVerifier(trustedRoots);
            }
            TimestampCheck c = verifier.verify(f.getValue(), stamped, chain);
            switch (c.status()) {
                case OK -> {
                    if (checkpoints.values().stream().anyMatch(x -> x.path().equals(checkpointPath))) {
                        stamps.put(checkpointPath, new Stamp(c.genTime(), c.tsaName(), c.tsaTrusted()));
                    }
                    if (!c.tsaTrusted()) {
                        untrustedTsas.add(c.tsaName());
                    }
                }
                case MALFORMED -> findings.add(FindingCode.TIMESTAMP_MALFORMED, at, c.message());
                case IMPRINT_MISMATCH -> findings.add(FindingCode.TIMESTAMP_IMPRINT_MISMATCH, at, c.message());
                case SIGNATURE_INVALID -> findings.add(FindingCode.TIMESTAMP_SIGNATURE_INVALID, at, c.message());
                case CHAIN_INVALID -> findings.add(FindingCode.TIMESTAMP_CHAIN_INVALID, at, c.message());
            }
        }
        if (!untrustedTsas.isEmpty()) {
            findings.add(FindingCode.TIMESTAMP_TSA_UNTRUSTED, Location.file(Manifest.TSA_CHAIN),
                    "timestamps are valid, but their authority is not one you trust: " + String.join("; ", untrustedTsas)
                            + " (pass --trust-tsa ROOT.pem to trust it)");
        }
        return new Result(stamps, findings.collected());
    }

    private static boolean isToken(String path) {
        return path.startsWith(Manifest.TIMESTAMPS_DIR) && path.endsWith(".tsr");
    }
}
